/**
 * The CSP follows KJK_RELAY_URL: connect-src names exactly the relay's origin when it is set, and
 * nothing beyond 'self' when it is not. A bad address stops the build with the variable's name.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function build(env: Record<string, string>) {
  return spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    timeout: 170_000,
  });
}

function connectSrc(html: string): string {
  const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1] ?? '';
  return /connect-src ([^;]+)/.exec(csp)?.[1]?.trim() ?? '';
}

it('names the relay origin in connect-src, and only when KJK_RELAY_URL is set', () => {
  const out = mkdtempSync(join(tmpdir(), 'kjk-relay-csp-'));
  try {
    const run = build({ KJK_OUT_DIR: out, KJK_RELAY_URL: 'https://relay.kjk.example/kamer/' });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    for (const page of ['index.html', 'kaarten/index.html', 'en/index.html']) {
      expect(connectSrc(readFileSync(join(out, page), 'utf8'))).toBe(
        "'self' https://relay.kjk.example wss://relay.kjk.example",
      );
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  // The default build (npm test makes it first) allows no other origin.
  const dist = process.env.KJK_OUT_DIR ?? join(root, 'dist');
  if (existsSync(join(dist, 'index.html')) && !process.env.KJK_RELAY_URL) {
    expect(connectSrc(readFileSync(join(dist, 'index.html'), 'utf8'))).toBe("'self'");
  }
});

it('stops the build on a relay address that is not one', () => {
  const run = build({ KJK_OUT_DIR: join(tmpdir(), 'kjk-relay-csp-never'), KJK_RELAY_URL: 'relay.kjk.example' });
  expect(run.status).not.toBe(0);
  expect(`${run.stdout}\n${run.stderr}`).toContain('KJK_RELAY_URL="relay.kjk.example" is not a URL');
});
