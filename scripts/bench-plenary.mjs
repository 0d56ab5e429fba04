#!/usr/bin/env node
/**
 * A plenary of 1,000 phones, measured (issue #25 item 6; part of `npm run bench`): one room spread
 * over two relay processes that share it through Redis, half the phones on each, on loopback.
 *
 * 1. The presenter's own room code (src/lib/room/session.ts) in this process, on relay A. The
 *    phones are socket.io clients with real encrypted frames: each joins, then votes in three
 *    rounds (a vote at a random moment within each second, a slider let go), then sends an
 *    answer-sized frame: a 280-character text sealed the way votes are (the room has no answer
 *    message yet; the presenter's schemas drop it after it arrived, which is where it is timed).
 *    Latency = the phone's emit → the presenter's socket (wall clock; the phones run in two worker
 *    threads, one per relay, so their traffic does not hold up the presenter's event loop, but
 *    share the machine with it). Also: the state frames each phone got while
 *    the votes poured in (the presenter coalesces them), the last count and the reveal on every
 *    phone, and each relay's RSS and CPU (its /healthz).
 * 2. The presenter in Chromium (a site built with relay A as its relay): a workshop session,
 *    "Presenteren", "Open de zaal"; 1,000 phones join over both relays and vote within a second.
 *    The page's long tasks (PerformanceObserver 'longtask') while they join and while they vote.
 *    `--no-browser` skips this part (no build).
 *
 * Budgets: vote p95 < 250 ms, answer p95 < 500 ms, no long task over 50 ms while the votes arrive,
 * every vote at the presenter, the last count on every phone. The reveal's spread of 1,000
 * positions is reported with its frame size against ROOM_LIMITS.frameMaxChars (a broken budget
 * when it does not fit). Prints a table, writes bench-results/plenary-<time>.json and
 * plenary-latest.json, and exits 1 on a broken budget; with --json prints the figures as one JSON
 * line last and leaves the verdict to the caller.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { nl } from '../src/i18n/nl.ts';
import { importRoomKey, sealFrame } from '../src/lib/room/crypto.ts';
import { parseRoomFragment } from '../src/lib/room/fragment.ts';
import { ROOM_LIMITS } from '../src/lib/room/limits.ts';
import { roomCounts, roomReducer, stateMessage } from '../src/lib/room/reducer.ts';
import { openPresenterRoom } from '../src/lib/room/session.ts';
import { frameIv } from '../src/lib/room/wire.ts';
import { startRedisProcess } from './lib/redis-process.mjs';
import { startRelayProcess } from './lib/relay-process.mjs';

const root = join(import.meta.dirname, '..');
const ORIGIN = 'http://127.0.0.1:4321';
const PHONES = ROOM_LIMITS.phonesPerRoomMax;
const VOTE_ROUNDS = 3;
const ANSWER_CHARS = 280;
const BUDGET = { voteP95Ms: 250, answerP95Ms: 500, longestTaskMs: 50 };
const CARD = 'zelfredzaam-samenredzaam';
const json = process.argv.includes('--json');
const browserPart = !process.argv.includes('--no-browser');
const log = (...a) => (json ? console.error(...a) : console.log(...a));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes) => +(bytes / 1024 / 1024).toFixed(1);
const health = async (url) => (await fetch(`${url}/healthz`)).json();

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const summary = (xs, expected) => {
  const s = [...xs].sort((a, b) => a - b);
  const r = (n) => +n.toFixed(1);
  return {
    samples: s.length,
    expected,
    p50Ms: r(percentile(s, 50)),
    p95Ms: r(percentile(s, 95)),
    maxMs: r(s.at(-1) ?? NaN),
  };
};

/** A worker thread of phones (scripts/lib/plenary-phones.mjs): `call(op, ...args)` resolves with its answer. */
function phoneWorker() {
  const worker = new Worker(new URL('./lib/plenary-phones.mjs', import.meta.url));
  const pending = new Map();
  let next = 0;
  worker.on('message', ({ id, result, error }) => {
    const p = pending.get(id);
    pending.delete(id);
    if (error) p?.reject(new Error(error));
    else p?.resolve(result);
  });
  worker.on('error', (err) => {
    for (const p of pending.values()) p.reject(err);
  });
  return {
    call: (op, ...args) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, op, args });
      }),
    stop: () => worker.terminate(),
  };
}

/** Half the phones on each relay, each half in a worker thread of its own. */
async function joinPhones(relays, link, origin) {
  const workers = relays.map(() => phoneWorker());
  const share = PHONES / relays.length;
  await Promise.all(workers.map((w, i) => w.call('join', relays[i].url, link, origin, share, i * share)));
  const all = (op, ...args) => Promise.all(workers.map((w) => w.call(op, ...args)));
  return {
    /** Every phone sends one vote or answer within a second: every frame's [iv, sent at]. */
    async wave(kind, round, chars) {
      const got = await all('wave', kind, round, CARD, chars);
      return { sent: got.flatMap((g) => g.sent), frameChars: got[0].frameChars };
    },
    frames: async () => (await all('frames')).flat(),
    async see(n) {
      const got = await all('see', n);
      return { counted: got.reduce((a, g) => a + g.counted, 0), revealed: got.reduce((a, g) => a + g.revealed, 0) };
    },
    async stop() {
      await all('close');
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}

/** Latencies: each sent frame's arrival at the presenter minus its emit (wall clock, both threads). */
function latencies(sent, arrived) {
  const out = [];
  for (const [iv, at] of sent) {
    const got = arrived.get(iv);
    if (got !== undefined) out.push(got - at);
  }
  return out;
}

const wall = () => performance.timeOrigin + performance.now();

async function until(what, check, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Part 1: the presenter's code in Node, latencies and the relays' figures. */
async function nodePresenter(relays) {
  const arrived = new Map();
  const presenter = await openPresenterRoom({
    relay: { origin: relays[0].url, path: '/socket.io/' },
    card: CARD,
    connect: (url, options) => {
      const socket = io(url, { ...options, forceNew: true, extraHeaders: { origin: ORIGIN } });
      socket.on('up', (_peer, frame) => arrived.set(frameIv(frame), wall()));
      return socket;
    },
  });
  const link = parseRoomFragment(presenter.fragment);
  const urls = relays.map((r) => r.url);
  const joinStarted = performance.now();
  const phones = await joinPhones(relays, link, ORIGIN);
  await until('every phone at the presenter', () => roomCounts(presenter.state()).joined === PHONES);
  const joinMs = performance.now() - joinStarted;
  await sleep(500);
  const before = await Promise.all(urls.map(health));
  const framesBefore = await phones.frames();
  const t0 = performance.now();
  const voteSent = [];
  for (let round = 0; round < VOTE_ROUNDS; round++) {
    voteSent.push(...(await phones.wave('vote', round)).sent);
    await sleep(500);
  }
  const allArrived = (sent) => () => latencies(sent, arrived).length >= sent.length;
  await until('every vote at the presenter', allArrived(voteSent), 15_000).catch(() => undefined);
  const lastCount = async () => (await phones.see(PHONES)).counted === PHONES;
  await until('the last count on every phone', lastCount, 10_000).catch(() => undefined);
  const voteWallMs = performance.now() - t0;
  const during = await Promise.all(urls.map(health));
  const framesAfter = await phones.frames();
  const stateFrames = framesAfter.map((n, i) => n - framesBefore[i]).sort((a, b) => a - b);
  const seen = await phones.see(PHONES);
  const votes = latencies(voteSent, arrived);

  // Answer-sized frames through the same path.
  const answerWave = await phones.wave('answer', 0, ANSWER_CHARS);
  await until('every answer at the presenter', allArrived(answerWave.sent), 15_000).catch(() => undefined);
  const answers = latencies(answerWave.sent, arrived);

  // The reveal: 1,000 positions in one state frame.
  const revealMessage = stateMessage(roomReducer(presenter.state(), { type: 'reveal' }));
  const revealBytes = new TextEncoder().encode(JSON.stringify(revealMessage)).length;
  let revealFrameChars = null;
  try {
    const key = await importRoomKey(link.key);
    revealFrameChars = (await sealFrame(key, link.room, 'down', revealMessage)).length;
  } catch {
    // Too large to seal: its size is estimated below.
  }
  presenter.reveal();
  const revealed = async () => (await phones.see(PHONES)).revealed === PHONES;
  await until('the spread on every phone', revealed, 5000).catch(() => undefined);
  const revealedOn = (await phones.see(PHONES)).revealed;
  const after = await Promise.all(urls.map(health));
  await phones.stop();
  presenter.stop();
  const relayFigures = urls.map((_, i) => ({
    phones: PHONES / urls.length,
    rssJoinedMB: mb(before[i].rssBytes),
    rssAfterMB: mb(after[i].rssBytes),
    cpuPercentDuringVotes: +(
      ((during[i].cpuUserMs + during[i].cpuSystemMs - before[i].cpuUserMs - before[i].cpuSystemMs) / voteWallMs) *
      100
    ).toFixed(1),
    dropped: after[i].droppedTotal,
    cutSlow: after[i].cutSlow,
  }));
  return {
    phones: PHONES,
    relays: urls.length,
    joinAllMs: Math.round(joinMs),
    votes: summary(votes, voteSent.length),
    answers: { ...summary(answers, PHONES), frameChars: answerWave.frameChars, textChars: ANSWER_CHARS },
    stateFramesPerPhone: {
      during: +(voteWallMs / 1000).toFixed(1),
      min: stateFrames[0],
      median: stateFrames[Math.floor(stateFrames.length / 2)],
      max: stateFrames.at(-1),
    },
    lastCountOnPhones: seen.counted,
    reveal: {
      plaintextBytes: revealBytes,
      frameChars: revealFrameChars ?? Math.ceil(((12 + revealBytes + 16) * 4) / 3),
      sealed: revealFrameChars !== null,
      frameMaxChars: ROOM_LIMITS.frameMaxChars,
      onPhones: revealedOn,
    },
    relaysFigures: relayFigures,
  };
}

/** Part 2: the presenter's page in Chromium; its long tasks while 1,000 phones join and vote. */
async function browserPresenter(relays, site) {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS } = await import('../tests/support/chromium-flags.ts');
  const s = nl.sessions;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${site.url}sessies/`);
    await page.locator('.ss-list-head button').click();
    const form = page.locator('form.ss-new');
    await form.getByLabel(s.kinds.workshop, { exact: false }).check();
    await form.getByLabel(s.create.name, { exact: true }).fill('Congres');
    await form.getByLabel(s.create.deckLink).check();
    await form.getByLabel(s.create.link, { exact: true }).fill(`/kaarten/?kaarten=${CARD},kind-of-ouders`);
    await form.getByRole('button', { name: s.create.submit }).click();
    await page.locator('.ss-session').waitFor();
    await page.getByRole('link', { name: s.view.present }).click();
    await page.locator('.presenter').waitFor();
    await page.getByRole('button', { name: nl.room.open }).click();
    const joinUrl = await page.locator('[data-join-link]').getAttribute('href', { timeout: 30_000 });
    const link = parseRoomFragment(new URL(joinUrl).hash);
    if (!link.ok) throw new Error(`no room link in ${joinUrl}`);
    await page.evaluate(() => {
      window.__kjkTasks = [];
      window.__kjkFrames = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__kjkTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask' });
      // What a long task ran (Long Animation Frames: the scripts, by entry point), to know what to fix.
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          window.__kjkFrames.push({
            start: e.startTime,
            duration: e.duration,
            scripts: e.scripts.map((x) => ({
              invoker: x.invoker,
              fn: x.sourceFunctionName,
              url: x.sourceURL.split('/').pop(),
              ms: Math.round(x.duration),
            })),
          });
      }).observe({ type: 'long-animation-frame' });
    });
    const counts = async () => {
      const text = (await page.locator('.presenter-room-count').textContent()) ?? '';
      const m = /(\d+)\D+(\d+)/.exec(text);
      return m ? { chosen: Number(m[1]), joined: Number(m[2]) } : { chosen: 0, joined: 0 };
    };
    const now = () => page.evaluate(() => performance.now());
    const tasksBetween = async (from, to) =>
      (await page.evaluate(() => window.__kjkTasks))
        .filter(([start]) => start >= from && start <= to)
        .map(([, d]) => d);

    const j0 = await now();
    const phones = await joinPhones(relays, link, new URL(site.url).origin);
    await until('every phone on the presenter’s screen', async () => (await counts()).joined === PHONES, 60_000);
    const j1 = await now();
    await sleep(1000);
    const v0 = await now();
    await phones.wave('vote', 0);
    await until('every vote on the presenter’s screen', async () => (await counts()).chosen === PHONES, 60_000);
    const v1 = await now();
    await sleep(500);
    const r = (n) => +n.toFixed(0);
    const joinTasks = await tasksBetween(j0, j1);
    const voteTasks = await tasksBetween(v0, v1 + 500);
    const allFrames = await page.evaluate(() => window.__kjkFrames);
    const worstBetween = (from, to) => {
      const worst = allFrames
        .filter((f) => f.start >= from && f.start <= to)
        .sort((a, b) => b.duration - a.duration)[0];
      return worst ? { ms: r(worst.duration), scripts: worst.scripts.sort((a, b) => b.ms - a.ms).slice(0, 4) } : null;
    };
    await phones.stop();
    await context.close();
    return {
      phones: PHONES,
      joinsShownMs: r(j1 - j0),
      votesShownMs: r(v1 - v0),
      longTasksWhileJoining: joinTasks.length,
      longestTaskWhileJoiningMs: r(Math.max(0, ...joinTasks)),
      longTasksWhileVoting: voteTasks.length,
      longestTaskWhileVotingMs: r(Math.max(0, ...voteTasks)),
      longestFrameWhileJoining: worstBetween(j0, j1),
      longestFrameWhileVoting: worstBetween(v0, v1 + 500),
    };
  } finally {
    await browser.close();
  }
}

function buildSite(out, relayUrl) {
  const started = performance.now();
  const build = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      KJK_BASE: '/',
      KJK_OUT_DIR: out,
      KJK_RELAY_URL: `${relayUrl.replace(/\/$/, '')}/`,
    },
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (build.status !== 0) throw new Error(`build with a relay failed:\n${build.stdout}\n${build.stderr}`);
  return (performance.now() - started) / 1000;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
log(`▶ plenary bench: ${PHONES} phones, two relay processes and Redis (load average before: ${load()})`);
const children = [];
const out = mkdtempSync(join(tmpdir(), 'kjk-plenary-site-'));
let site = null;
const results = { at: new Date().toISOString(), loadAverageBefore: load() };
try {
  const { serveStatic } = await import('./lib/static-site.ts');
  if (browserPart) site = await serveStatic(out);
  const redis = await startRedisProcess();
  children.push(redis.child);
  const origins = [ORIGIN, ...(site ? [new URL(site.url).origin] : [])].join(',');
  const env = {
    KJK_RELAY_ORIGIN: origins,
    KJK_RELAY_REDIS_URL: redis.url,
    KJK_RELAY_PHONES_PER_ROOM: String(PHONES),
    // Every bench phone is on 127.0.0.1: the per-address bounds would measure themselves.
    KJK_RELAY_CONNECTIONS_PER_ADDRESS: '5000',
    KJK_RELAY_ROOMS_PER_ADDRESS: '100',
  };
  const relays = await Promise.all([startRelayProcess(env), startRelayProcess(env)]);
  children.push(...relays.map((r) => r.child));
  results.node = await nodePresenter(relays);
  log('  the presenter’s code in Node: done');
  if (browserPart) {
    log('  building the site with relay A as its relay…');
    results.buildSeconds = +buildSite(out, relays[0].url).toFixed(1);
    results.browser = await browserPresenter(relays, site);
    log('  the presenter in Chromium: done');
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await site?.close();
  rmSync(out, { recursive: true, force: true });
}
results.loadAverageAfter = load();

const n = results.node;
const broken = [];
if (!(n.votes.p95Ms < BUDGET.voteP95Ms))
  broken.push(`vote → presenter p95 ${n.votes.p95Ms} ms ≥ ${BUDGET.voteP95Ms} ms at ${PHONES} phones`);
if (!(n.answers.p95Ms < BUDGET.answerP95Ms))
  broken.push(`answer → presenter p95 ${n.answers.p95Ms} ms ≥ ${BUDGET.answerP95Ms} ms at ${PHONES} phones`);
if (n.votes.samples < n.votes.expected) broken.push(`votes lost: ${n.votes.samples} of ${n.votes.expected} arrived`);
if (n.answers.samples < n.answers.expected)
  broken.push(`answers lost: ${n.answers.samples} of ${n.answers.expected} arrived`);
if (n.lastCountOnPhones < PHONES) broken.push(`the last count reached ${n.lastCountOnPhones} of ${PHONES} phones`);
if (n.reveal.onPhones < PHONES)
  broken.push(
    `the reveal reached ${n.reveal.onPhones} of ${PHONES} phones (its frame: ${n.reveal.frameChars} characters, the limit ${n.reveal.frameMaxChars})`,
  );
if (results.browser && !(results.browser.longestTaskWhileVotingMs <= BUDGET.longestTaskMs))
  broken.push(
    `the presenter's longest task while the votes arrived ${results.browser.longestTaskWhileVotingMs} ms > ${BUDGET.longestTaskMs} ms`,
  );
results.budget = BUDGET;
results.broken = broken;

const rows = [
  [
    `vote → presenter (${PHONES} phones, 2 relays + Redis)`,
    `p50 ${n.votes.p50Ms} · p95 ${n.votes.p95Ms} · max ${n.votes.maxMs} ms (${n.votes.samples}/${n.votes.expected})`,
    `budget p95 < ${BUDGET.voteP95Ms} ms`,
  ],
  [
    `answer → presenter (${n.answers.frameChars}-char frames)`,
    `p50 ${n.answers.p50Ms} · p95 ${n.answers.p95Ms} · max ${n.answers.maxMs} ms (${n.answers.samples}/${n.answers.expected})`,
    `budget p95 < ${BUDGET.answerP95Ms} ms`,
  ],
  [
    'state frames per phone while voting',
    `median ${n.stateFramesPerPhone.median} (min ${n.stateFramesPerPhone.min}, max ${n.stateFramesPerPhone.max}) in ${n.stateFramesPerPhone.during} s`,
    `last count on ${n.lastCountOnPhones}/${PHONES} phones`,
  ],
  [
    'reveal of 1,000 positions',
    `${n.reveal.plaintextBytes} bytes → ${n.reveal.frameChars} chars (limit ${n.reveal.frameMaxChars})`,
    `on ${n.reveal.onPhones}/${PHONES} phones`,
  ],
  ...n.relaysFigures.map((r, i) => [
    `relay ${'AB'[i]} (${r.phones} phones)`,
    `RSS ${r.rssJoinedMB} MB joined, ${r.rssAfterMB} MB after · CPU ${r.cpuPercentDuringVotes}% of a core while voting`,
    `dropped ${r.dropped}, cut ${r.cutSlow}`,
  ]),
  ['all phones joined in', `${n.joinAllMs} ms`, ''],
  ...(results.browser
    ? [
        [
          'presenter in Chromium: longest task',
          `${results.browser.longestTaskWhileVotingMs} ms while voting (${results.browser.longTasksWhileVoting} over 50 ms), ${results.browser.longestTaskWhileJoiningMs} ms while joining (${results.browser.longTasksWhileJoining})`,
          `budget ≤ ${BUDGET.longestTaskMs} ms while voting`,
        ],
        [
          'presenter in Chromium: shown',
          `${PHONES} joined in ${results.browser.joinsShownMs} ms, ${PHONES} votes in ${results.browser.votesShownMs} ms`,
          `site build ${results.buildSeconds} s`,
        ],
      ]
    : [['presenter in Chromium', 'not measured (--no-browser)', '']]),
];
if (json) {
  console.log(JSON.stringify(results));
} else {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`).join('\n'));
  console.log(`load average before ${results.loadAverageBefore}, after ${results.loadAverageAfter}`);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  const stamp = results.at.replace(/[:.]/g, '-');
  writeFileSync(join(root, 'bench-results', `plenary-${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(root, 'bench-results', 'plenary-latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written: bench-results/plenary-${stamp}.json and bench-results/plenary-latest.json`);
  if (broken.length) {
    console.error(`Budgets broken:\n- ${broken.join('\n- ')}`);
    process.exit(1);
  }
  console.log('Plenary budgets met.');
}
