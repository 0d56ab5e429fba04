/**
 * A card with wrong fields must stop the build, and the message must name the file and
 * each bad field, so an author can fix it without reading code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

it('fails the build and names the file and the fields', () => {
  const out = mkdtempSync(join(tmpdir(), 'kjk-broken-'));
  try {
    const run = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      env: {
        ...process.env,
        KJK_CONTENT_DIR: join(root, 'tests/fixtures/content-broken'),
        KJK_OUT_DIR: out,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      encoding: 'utf8',
      timeout: 150_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).not.toBe(0);
    expect(output).toContain('kapotte-kaart.md');
    expect(output).toMatch(/theme/);
    expect(output).toMatch(/questions/);
    expect(output).toMatch(/poles/);
    // A dilemma without notes for trainers names that field too.
    expect(output).toMatch(/trainerNotes/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
