/**
 * A build of the site with a room relay (the default build has none), for the room tests in
 * tests/e2e and tests/engines. Each builds its own, after starting its relay: the address is
 * written into the pages and their CSP.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
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

/** The relay address the room tests of this run use: one port per Vitest run (global-setup.ts). */
export const roomRelayUrl = (port: number) => `http://127.0.0.1:${port}/`;

/** Where the room site for a relay at `relayUrl` is built (and found again by the next file). */
export function roomSiteDir(relayUrl: string): string {
  const key = createHash('sha256')
    .update(`${ROOT}\0${process.env.KJK_BASE ?? '/'}\0${relayUrl}`)
    .digest('hex');
  return join(tmpdir(), `kjk-room-site-${key.slice(0, 16)}`);
}

/**
 * The room tests of one Vitest run share one site built with the run's relay port (an Astro
 * build takes about a minute on two cores beside three other browser lanes): each file starts
 * its own relay on that port, serves this folder, and builds it only if no file did before.
 * The folder goes when the run ends (global-setup.ts).
 */
export async function roomSite(): Promise<{ out: string; relayPort: number; relayUrl: string }> {
  const relayPort = inject('roomRelayPort');
  const relayUrl = roomRelayUrl(relayPort);
  return { out: roomSiteDir(relayUrl), relayPort, relayUrl };
}

/** Builds the room site unless an earlier file of this run did (a marker says the build ended well). */
export async function ensureRoomSite(out: string, relayUrl: string): Promise<void> {
  const done = join(out, '.kjk-built');
  if (existsSync(done)) return;
  rmSync(out, { recursive: true, force: true });
  await buildWithRelay(out, relayUrl);
  writeFileSync(done, relayUrl);
}
