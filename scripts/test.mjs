#!/usr/bin/env node
/**
 * `npm test`: everything, in the order that fails fastest. Lint and format (Biome), a
 * production build, the types (astro check) beside the unit tests with the coverage floor, the
 * build and relay tests, the sub-folder build, the Chromium tests that time what a person waits for (alone), then
 * side by side: Chromium's other tests, then every built stylesheet in Chromium (tests/engines/css.test.ts); the user journeys in Firefox (against the sub-folder
 * build), then Chromium's route tests; the journeys in WebKit (under `xvfb-run -a`), then
 * Chromium's route tests under the sub-folder. Extra arguments go to a single Vitest run instead, e.g. `npm test -- --project unit`.
 * `npm run test:engines` (`--engines`) runs only the journeys, in all three engines through
 * tests/engines/driver.ts, one Vitest process per engine.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

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

/**
 * The part of a step's output that says why it failed: Vitest's "Failed Tests" section (or
 * its errors), else the last lines. Lanes interleave their output, and CI may show only the
 * log's tail: without this, a failure early in a long lane is out of sight there.
 */
function whyFailed(lines) {
  const start = lines.findIndex((l) =>
    /⎯ (Failed Tests|Unhandled Errors?|Failed Suites) \d+/.test(stripVTControlCharacters(l)),
  );
  const part = start >= 0 ? lines.slice(start) : lines.slice(-40);
  return part.length > 120 ? [...part.slice(0, 110), `… (${part.length - 110} more lines above in the log)`] : part;
}

/**
 * Runs one command, each line prefixed with `name`. Resolves with null when it passed, else
 * with what it printed about its failure (whyFailed), to be shown again at the very end.
 */
function prefixed(name, [cmd, args], more = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, { env: env(more), stdio: ['ignore', 'pipe', 'pipe'] });
    const seen = [];
    const prefix = (stream, out) => {
      let rest = '';
      const write = (l) => {
        out.write(`[${name}] ${l}\n`);
        seen.push(l);
        if (seen.length > 5000) seen.splice(0, 1000);
      };
      stream.on('data', (d) => {
        const lines = (rest + d.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const l of lines) write(l);
      });
      stream.on('end', () => rest && write(rest));
    };
    prefix(child.stdout, process.stdout);
    prefix(child.stderr, process.stderr);
    child.on('close', (code) => {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      console.log(code === 0 ? `✓ ${name} (${secs} s)` : `✗ ${name} failed (${secs} s)`);
      resolve(code === 0 ? null : whyFailed(seen));
    });
  });
}

/** `failed`: [name, why] of each failed step (parallel). */
function reportFailed(failed) {
  for (const [name, why] of failed) {
    console.error(`\n── why ${name} failed (repeated from above) ──`);
    for (const l of why) console.error(`[${name}] ${l}`);
  }
  console.error(`\n✗ failed: ${failed.map(([name]) => name).join(', ')}`);
}

/**
 * Runs lanes side by side; a lane is a list of steps `[name, command, env]`, run one after
 * another (stopping at the first failure). Resolves with `[name, why]` of each failed step.
 */
function parallel(lanes) {
  return Promise.all(
    lanes.map(async (lane) => {
      for (const [name, command, more] of lane) {
        const why = await prefixed(name, command, more);
        if (why) return [name, why];
      }
      return null;
    }),
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
    [['chromium', [process.execPath, [vitest, 'run', '--project', 'engine-chromium']]]],
    [['firefox', [process.execPath, [vitest, 'run', '--project', 'engine-firefox']]]],
    [['webkit', withDisplay([vitest, 'run', '--project', 'engine-webkit'])]],
  ]);
  if (failed.length) reportFailed(failed);
  process.exit(failed.length ? 1 : 0);
}

// Side by side: the type check is one busy core, the unit tests' workers take the other. astro
// check writes .astro/ as a build does, so it starts only once the build is done.
console.log(
  '\n▶ side by side: types (astro check) and the unit tests, with the coverage floor (90% of lines in src/lib)',
);
const early = await parallel([
  [['types', [process.execPath, [astro, 'check']]]],
  [['unit', [process.execPath, [vitest, 'run', '--project', 'unit', '--coverage']]]],
]);
if (early.length) {
  reportFailed(early);
  process.exit(1);
}
// Chromium's browser tests in two groups. The ones that time what a person waits for ("saved
// within a second", a crash mid-typing, a full disk) run alone; the others (every page with axe,
// print, worksheets, the room, the self-scan, headers, offline) join the other engines below.
// Every file of tests/e2e/ must be in exactly one group: a new file fails here until it is placed.
const TIMED = ['sessions', 'sessions-crash', 'sessions-facilitator', 'sessions-faults', 'update'];
const UNTIMED = [
  'deck',
  'headers',
  'offline',
  'print',
  'room',
  'routes',
  'scan',
  'sessions-data',
  'sessions-import',
  'worksheets',
];
const e2eFiles = (names) => names.map((n) => `tests/e2e/${n}.test.ts`);
const onDisk = readdirSync('tests/e2e')
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.test\.ts$/, ''));
const unplaced = onDisk.filter((f) => TIMED.includes(f) === UNTIMED.includes(f));
if (unplaced.length) {
  console.error(`scripts/test.mjs: put each of ${unplaced.join(', ')} in TIMED or UNTIMED (exactly one).`);
  process.exit(1);
}
step('build and relay tests', [vitest, 'run', '--project', 'build', '--project', 'relay']);
// The site must also work from a sub-folder of a host: build it once more under a base path.
// Firefox's journeys run against that build, and Chromium checks every page's links there.
const sub = { KJK_BASE: '/waaier/', KJK_OUT_DIR: 'dist-base' };
step('build under /waaier/', [astro, 'build'], sub);
// File filters apply to every project of a run: the e2e files get a run of their own.
step('the timed Chromium tests', [vitest, 'run', '--project', 'e2e', ...e2eFiles(TIMED)]);

// Side by side, in three lanes of about equal length (a clean-clone run on two cores, before
// the WebKit stylesheets shared one browser): Chromium's untimed tests but the routes (714 s);
// the user journeys in Firefox against the /waaier/ build (438-517 s), then Chromium's routes
// with axe (245 s); the journeys in WebKit (668-707 s), then Chromium's link checks under
// /waaier/ (33 s). Chromium's journeys are not run here: the e2e tests drive the same pages
// there, in more detail (`npm run test:engines` runs all three).
console.log(
  '\n▶ side by side: Chromium then its stylesheet check, Firefox (/waaier/) then Chromium routes, WebKit then Chromium under /waaier/',
);
const failed = await parallel([
  [
    [
      'chromium',
      [process.execPath, [vitest, 'run', '--project', 'e2e', ...e2eFiles(UNTIMED.filter((f) => f !== 'routes'))]],
    ],
    // The one journey file with no e2e twin: every built CSS declaration accepted, here too.
    [
      'chromium stylesheets',
      [process.execPath, [vitest, 'run', '--project', 'engine-chromium', 'tests/engines/css.test.ts']],
    ],
  ],
  [
    ['firefox /waaier/', [process.execPath, [vitest, 'run', '--project', 'engine-firefox']], sub],
    ['chromium routes', [process.execPath, [vitest, 'run', '--project', 'e2e', ...e2eFiles(['routes'])]]],
  ],
  [
    ['webkit', withDisplay([vitest, 'run', '--project', 'engine-webkit'])],
    ['chromium routes /waaier/', [process.execPath, [vitest, 'run', '--project', 'e2e', ...e2eFiles(['routes'])]], sub],
  ],
]);
if (failed.length) {
  reportFailed(failed);
  process.exit(1);
}
console.log(`\n✓ all tests (${((Date.now() - started) / 60000).toFixed(1)} min)`);
