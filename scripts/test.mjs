#!/usr/bin/env node
/**
 * `npm test`: everything, in the order that fails fastest. Types (astro check), then a
 * production build, then Vitest (unit, build and browser tests; the browser tests serve
 * the build themselves). Extra arguments go to Vitest, e.g. `npm test -- --project unit`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium is missing at ${chromium}. The browser tests use Debian's package:\n  sudo apt-get install -y chromium`);
  process.exit(1);
}
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`Node ${process.versions.node} is too old. Run the tests through npm ("npm test"), which uses the project's own Node 24.`);
  process.exit(1);
}

const astro = 'node_modules/astro/bin/astro.mjs';
const vitest = 'node_modules/vitest/vitest.mjs';
const extra = process.argv.slice(2);
// The site must also work from a sub-folder of a host: build it once more under a base path
// and run the browser journeys that touch URLs against that build.
const sub = { KJK_BASE: '/waaier/', KJK_OUT_DIR: 'dist-base' };
const steps = [
  ['types (astro check)', [astro, 'check']],
  ['build', [astro, 'build']],
  ['tests (vitest)', [vitest, 'run', ...extra]],
  ...(extra.length
    ? []
    : [
        ['build under /waaier/', [astro, 'build'], sub],
        ['browser tests under /waaier/', [vitest, 'run', '--project', 'e2e', 'tests/e2e/routes.test.ts', 'tests/e2e/deck.test.ts', 'tests/e2e/offline.test.ts'], sub],
      ]),
];
for (const [name, args, env = {}] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  if (run.status !== 0) {
    console.error(`\n✗ ${name} failed`);
    process.exit(run.status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
