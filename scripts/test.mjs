#!/usr/bin/env node
/**
 * `npm test`: everything, in the order that fails fastest, on a fresh Debian machine too.
 *
 * First it makes sure Debian's browsers and servers are there (scripts/lib/system-deps.mjs: as
 * root it installs what is missing with apt, otherwise it prints the one command and stops). Then:
 * lint and format (Biome); the production build and the build under the sub-folder /waaier/; the
 * types (astro check) and then the build and relay tests, beside the unit tests with the coverage floor;
 * the Chromium tests that time what a person waits for ("within a second", a crash mid-typing),
 * alone; then four lanes side by side: Chromium's own tests (DevTools protocol, print, timing),
 * the user journeys in Chromium (with axe on every page), in Firefox (against the /waaier/ build,
 * then every page's links there) and in WebKit (under `xvfb-run -a`).
 *
 * Every wait in the browser tests scales with KJK_TIME_SCALE (tests/support/timing.ts): this
 * script doubles it for the lanes, which share two cores, and doubles it again when the machine
 * was busy before the tests began, and prints the figure it chose.
 *
 * Extra arguments go to a single Vitest run instead, e.g. `npm test -- --project unit`.
 * `npm run test:engines` (`--engines`) runs only the journeys, in the three engines side by side.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { ensureSystemDeps, printVersions } from './lib/system-deps.mjs';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `Node ${process.versions.node} is too old. Run the tests through npm ("npm install && npm test"), which uses the project's own Node 24.`,
  );
  process.exit(1);
}
if (!ensureSystemDeps()) process.exit(1);
printVersions();

/** Share of both cores that other processes used over one second, from the kernel's counters. */
async function busyShare() {
  const total = () =>
    cpus().reduce(
      (acc, c) => {
        const t = c.times;
        acc.idle += t.idle;
        acc.all += t.user + t.nice + t.sys + t.idle + t.irq;
        return acc;
      },
      { idle: 0, all: 0 },
    );
  const a = total();
  await new Promise((r) => setTimeout(r, 1000));
  const b = total();
  return 1 - (b.idle - a.idle) / Math.max(1, b.all - a.all);
}

const base = Math.max(1, Number(process.env.KJK_TIME_SCALE) || 1);
const busy = await busyShare();
/** Alone on a quiet machine: base; on a machine already more than half busy: doubled. */
const scaleAlone = busy > 0.5 ? base * 2 : base;
/** Four browsers side by side on the same cores: doubled once more. */
const scaleLanes = scaleAlone * 2;
console.log(
  `time scale for the browser tests: ${scaleAlone} alone, ${scaleLanes} side by side (the machine was ${Math.round(busy * 100)}% busy before the tests; KJK_TIME_SCALE=${base})`,
);

const astro = 'node_modules/astro/bin/astro.mjs';
const vitest = 'node_modules/vitest/vitest.mjs';
const extra = process.argv.slice(2);
const env = (more = {}) => ({
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  KJK_TIME_SCALE: String(scaleAlone),
  ...more,
});
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
step('start-up JavaScript per page within its budget', ['scripts/bench-js.mjs', '--budgeted']);
// The site must also work from a sub-folder of a host: build it once more under a base path.
// Firefox's journeys run against that build, and Chromium checks every page's links there.
const sub = { KJK_BASE: '/waaier/', KJK_OUT_DIR: 'dist-base' };
// `npm run test:engines`: only the user journeys in the three engines, side by side.
const enginesOnly = extra[0] === '--engines';
if (extra.length && !enginesOnly) {
  const [cmd, args] = withDisplay([vitest, 'run', ...extra]);
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: env() });
  process.exit(run.status ?? 1);
}
const lanes = { KJK_TIME_SCALE: String(scaleLanes) };
if (enginesOnly) {
  console.log('\n▶ the user journeys in Chromium, Firefox and WebKit, side by side');
  const failed = await parallel([
    [['chromium', [process.execPath, [vitest, 'run', '--project', 'engine-chromium']], lanes]],
    [['firefox', [process.execPath, [vitest, 'run', '--project', 'engine-firefox']], lanes]],
    [['webkit', withDisplay([vitest, 'run', '--project', 'engine-webkit']), lanes]],
  ]);
  if (failed.length) reportFailed(failed);
  process.exit(failed.length ? 1 : 0);
}
step('build under /waaier/', [astro, 'build'], sub);

// Side by side: the type check, then the build and relay tests, on one core; the unit tests'
// workers on the other (CI-25: types 33 s + relay 40 s beside unit 92 s, instead of one after the
// other). astro check writes .astro/ as a build does, so it starts only once the builds are done,
// and the build tests (which build) only after it.
console.log(
  '\n▶ side by side: types (astro check) then the build and relay tests, and the unit and island tests with the coverage floor (lines of src/lib and src/islands)',
);
const early = await parallel([
  [
    ['types', [process.execPath, [astro, 'check']]],
    ['build and relay tests', [process.execPath, [vitest, 'run', '--project', 'build', '--project', 'relay']]],
  ],
  [['unit', [process.execPath, [vitest, 'run', '--project', 'unit', '--project', 'islands', '--coverage']]]],
]);
if (early.length) {
  reportFailed(early);
  process.exit(1);
}

// Chromium's own tests (tests/e2e/: what needs its DevTools protocol, print or timing) in two
// groups. The ones that time what a person waits for ("within a second", a crash mid-typing)
// run alone, before the lanes; the others run in a lane. Every file of tests/e2e/ must be in
// exactly one group: a new file fails here until it is placed.
const TIMED = ['sessions-crash', 'sessions-faults'];
const UNTIMED = [
  'deck',
  'headers',
  'offline',
  'print',
  'room',
  'room-answers',
  'room-cofac',
  'room-code',
  'room-from-deck',
  'room-views',
  'room-rounds',
  'room-scan',
  'room-tables',
  'routes',
  'scan',
  'sessions',
  'sessions-data',
  'sessions-facilitator',
  'sessions-import',
  'update',
  'worksheets',
];
/**
 * Untimed files that run after the Chromium journeys, in that lane, instead of in the Chromium
 * e2e lane: the lanes then end at about the same time (CI-24: e2e 451 s, journeys 357 + 65 s).
 */
const AFTER_JOURNEYS = ['deck', 'scan'];
/**
 * And these after the Firefox journeys and the routes, in that lane (CI-31: Chromium e2e 503 s,
 * journeys 379 + 109 s, Firefox 312 + 60 s: the Firefox lane had a minute and a half to spare).
 */
const AFTER_FIREFOX = ['sessions-import', 'update'];
/**
 * And these after the WebKit journeys (CI-36: Chromium e2e 474 s, WebKit 409 s): short files that
 * need no room site of their own (the room files of one run share one build).
 */
const AFTER_WEBKIT = ['print', 'worksheets', 'headers'];
const LATER = [...AFTER_JOURNEYS, ...AFTER_FIREFOX, ...AFTER_WEBKIT];
const e2eFiles = (names) => names.map((n) => `tests/e2e/${n}.test.ts`);
const onDisk = readdirSync('tests/e2e')
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.test\.ts$/, ''));
const unplaced = onDisk.filter((f) => TIMED.includes(f) === UNTIMED.includes(f));
const gone = [...TIMED, ...UNTIMED, ...LATER.filter((f) => !UNTIMED.includes(f))].filter(
  (f) => !onDisk.includes(f) || (LATER.includes(f) && !UNTIMED.includes(f)),
);
if (unplaced.length || gone.length) {
  console.error(
    `scripts/test.mjs: put each of ${[...unplaced, ...gone].join(', ')} in TIMED or UNTIMED (exactly one), or take it out.`,
  );
  process.exit(1);
}
// File filters apply to every project of a run: the e2e files get a run of their own.
step('the timed Chromium tests, alone', [vitest, 'run', '--project', 'e2e', ...e2eFiles(TIMED)]);

// Four lanes side by side, each one browser at a time. Chromium's own tests (the routes only
// under /waaier/, where they check every link; axe on every page runs in the journeys); the
// journeys in Chromium; in Firefox against the /waaier/ build; in WebKit.
console.log("\n▶ side by side: Chromium's own tests, and the user journeys in Chromium, Firefox (/waaier/) and WebKit");
const failed = await parallel([
  [
    [
      'chromium e2e',
      [
        process.execPath,
        [vitest, 'run', '--project', 'e2e', ...e2eFiles(UNTIMED.filter((f) => f !== 'routes' && !LATER.includes(f)))],
      ],
      lanes,
    ],
  ],
  [
    ['chromium journeys', [process.execPath, [vitest, 'run', '--project', 'engine-chromium']], lanes],
    [
      'chromium e2e, second part',
      [process.execPath, [vitest, 'run', '--project', 'e2e', ...e2eFiles(AFTER_JOURNEYS)]],
      lanes,
    ],
  ],
  [
    [
      'firefox journeys /waaier/',
      [process.execPath, [vitest, 'run', '--project', 'engine-firefox']],
      { ...lanes, ...sub },
    ],
    [
      'chromium routes /waaier/',
      [process.execPath, [vitest, 'run', '--project', 'e2e', ...e2eFiles(['routes'])]],
      { ...lanes, ...sub },
    ],
    [
      'chromium e2e, third part',
      [process.execPath, [vitest, 'run', '--project', 'e2e', ...e2eFiles(AFTER_FIREFOX)]],
      lanes,
    ],
  ],
  [
    ['webkit journeys', withDisplay([vitest, 'run', '--project', 'engine-webkit']), lanes],
    [
      'chromium e2e, fourth part',
      [process.execPath, [vitest, 'run', '--project', 'e2e', ...e2eFiles(AFTER_WEBKIT)]],
      lanes,
    ],
  ],
]);
if (failed.length) {
  reportFailed(failed);
  process.exit(1);
}
console.log(`\n✓ all tests (${((Date.now() - started) / 60000).toFixed(1)} min)`);
