#!/usr/bin/env node
/**
 * Joining a room, measured (part of `npm run bench`, issue #24): 30 phones by typed code and 30 by
 * the QR link, each from "sent" (the code submitted, or the link opened) to its first card shown,
 * over one relay process on loopback. The phones are socket.io clients in this process running the
 * site's own room code (src/lib/room/code-join.ts, session.ts; no browser), started at random
 * moments within 3 s, as a room whose people type or scan at their own pace. Budget: p95 ≤ 1 s
 * for each way in. Prints a table and exits 1 on a broken budget; with --json prints the figures
 * as one JSON line last and leaves the verdict to the caller.
 */
import { io } from 'socket.io-client';
import { startCodeChannel } from '../src/lib/room/code-host.ts';
import { joinByCode } from '../src/lib/room/code-join.ts';
import { newParticipantId } from '../src/lib/room/crypto.ts';
import { joinPresenterRoom, openPresenterRoom } from '../src/lib/room/session.ts';
import { startRelayProcess } from './lib/relay-process.mjs';

const ORIGIN = 'http://127.0.0.1:4321';
const PHONES = 30;
const SPREAD_MS = 3000;
const BUDGET = { p95Ms: 1000 };
const CARD = 'doel-of-besparing';
const json = process.argv.includes('--json');
const log = (...a) => (json ? console.error(...a) : console.log(...a));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const startRelay = () => startRelayProcess({ KJK_RELAY_ORIGIN: ORIGIN });

const connect = (url, options) => io(url, { ...options, forceNew: true, extraHeaders: { origin: ORIGIN } });

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Joins with the link (and token, for a code joiner) and resolves when the card is shown. */
function untilCard(relay, link, token) {
  return new Promise((resolve, reject) => {
    let room = null;
    const timer = setTimeout(() => reject(new Error('no card within 20 s')), 20_000);
    const onChange = (view) => {
      if (view.card !== CARD) return;
      clearTimeout(timer);
      resolve(() => room?.stop());
    };
    joinPresenterRoom({ connect, relay, link, pid: newParticipantId(), ...(token ? { token } : {}), onChange })
      .then((r) => {
        room = r;
      })
      .catch(reject);
  });
}

async function wave(joinOne) {
  const times = [];
  const failures = [];
  const stops = [];
  await Promise.all(
    Array.from({ length: PHONES }, async () => {
      await sleep(Math.random() * SPREAD_MS);
      const started = performance.now();
      try {
        stops.push(await joinOne());
        times.push(performance.now() - started);
      } catch (error) {
        failures.push(String(error?.message ?? error));
      }
    }),
  );
  for (const stop of stops) stop();
  const sorted = times.sort((a, b) => a - b);
  const round = (n) => Math.round(n);
  return {
    phones: PHONES,
    joined: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted.at(-1) ?? NaN),
    failures: failures.slice(0, 3),
  };
}

const relayProcess = await startRelay();
const relay = { origin: relayProcess.url, path: '/socket.io/' };
let results;
try {
  const room = await openPresenterRoom({ connect, relay, card: CARD });
  let code = null;
  const channel = startCodeChannel({ room, onCode: (c) => (code = c) });
  const started = Date.now();
  while (!code && Date.now() - started < 10_000) await sleep(10);
  if (!code) throw new Error('the presenter got no code');

  log(`▶ ${PHONES} phones by QR link`);
  const byQr = await wave(() => untilCard(relay, room.link));
  log(`▶ ${PHONES} phones by typed code`);
  const byCode = await wave(async () => {
    const joined = await joinByCode({ connect, relay, code });
    if (!joined.ok) throw new Error(`code refused: ${joined.error}`);
    return untilCard(relay, joined.link, joined.token);
  });
  await channel.stop();
  await room.close();
  results = { at: new Date().toISOString(), byQr, byCode, budgetP95Ms: BUDGET.p95Ms };
} finally {
  relayProcess.child.kill();
}

const broken = [];
for (const [name, r] of [
  ['QR link', results.byQr],
  ['typed code', results.byCode],
]) {
  if (r.joined < r.phones) broken.push(`join by ${name}: ${r.joined} of ${r.phones} joined (${r.failures.join('; ')})`);
  if (!(r.p95Ms <= BUDGET.p95Ms)) broken.push(`join by ${name}: p95 ${r.p95Ms} ms > ${BUDGET.p95Ms} ms`);
}
results.broken = broken;
if (json) {
  console.log(JSON.stringify(results));
} else {
  for (const [name, r] of [
    ['join by QR link', results.byQr],
    ['join by typed code', results.byCode],
  ])
    console.log(
      `${name} (${r.joined}/${r.phones} phones)  p50 ${r.p50Ms} · p95 ${r.p95Ms} · max ${r.maxMs} ms  budget p95 ≤ ${BUDGET.p95Ms} ms`,
    );
  if (broken.length) {
    console.error(`Budgets broken:\n- ${broken.join('\n- ')}`);
    process.exit(1);
  }
  console.log('Join budgets met.');
}
process.exit(0);
