/**
 * A build of the site with a room relay (the default build has none), for the room tests in
 * tests/e2e and tests/engines. Each builds its own, after starting its relay: the address is
 * written into the pages and their CSP.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../relay/processes';

/**
 * Astro builds in .astro/ of the project (prerender chunks): two builds of one checkout at once
 * break each other ("Cannot find module .astro/.prerender/chunks/…", seen when
 * `npm run test:engines` runs this file in three engines side by side). One build at a time per
 * checkout: a lock folder holding its owner's pid, taken over when that process is gone.
 */
export async function oneBuildAtATime<T>(run: () => T): Promise<T> {
  const lock = join(tmpdir(), `kjk-astro-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`);
  const end = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = Number.NaN;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // Just made, its pid not written yet: wait.
      }
      let alive = true;
      if (Number.isInteger(owner) && owner > 0) {
        try {
          process.kill(owner, 0);
        } catch (err) {
          alive = (err as NodeJS.ErrnoException).code !== 'ESRCH';
        }
      }
      if (!alive) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > end) throw new Error(`another build of ${ROOT} held ${lock} for 5 minutes`);
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Builds the site into `out`, at the root of its host (also in a run under KJK_BASE), with
 * `relayUrl` as its room relay; throws with Astro's output when that fails.
 */
export async function buildWithRelay(out: string, relayUrl: string): Promise<void> {
  const build = await oneBuildAtATime(() =>
    spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        KJK_BASE: '/',
        KJK_OUT_DIR: out,
        KJK_RELAY_URL: `${relayUrl.replace(/\/$/, '')}/`,
      },
      encoding: 'utf8',
      timeout: 240_000,
    }),
  );
  if (build.status !== 0) throw new Error(`build with a relay failed:\n${build.stdout}\n${build.stderr}`);
}
