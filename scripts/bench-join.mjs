#!/usr/bin/env node
/**
 * `node scripts/bench-join.mjs`: Lighthouse on the join pages as thirty phones meet them on venue
 * Wi-Fi: mobile throttling (Lighthouse's default), served by a plain server without compression.
 * Builds the site with a relay address (a join page without one only says "no room here"; nothing
 * connects before a participant joins), then measures /doe-mee/ and /en/join/, each without a
 * room (the typed-code path) and with a room link in the fragment (the QR path's name form).
 * The same lighthouse package and Chromium flags as `npm run bench`; each page runs `--runs=N`
 * times (3 unless told) and the median run by performance counts, with each timing's median.
 * Prints the HTML bytes, the four scores, LCP (and each run's), FCP, TBT and CLS; exits 1 when a score is below
 * 100, LCP above the budget or the HTML past one round trip (scripts/lib/budgets.mjs). `--no-build` measures KJK_OUT_DIR as built.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUDGET, JOIN_PAGES } from './lib/budgets.mjs';

const root = join(import.meta.dirname, '..');
const out = process.env.KJK_OUT_DIR ?? join(root, 'dist-bench-join');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS =
  '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
/**
 * A well-formed room link of protocol 2 (src/lib/room/fragment.ts: room id, room key, the
 * presenter's public key): the page shows the name form; no socket opens. A link without the
 * public key is "not complete", and the page rightly says so instead.
 */
const ROOM = `#room=${'A'.repeat(22)},${'B'.repeat(43)},${'C'.repeat(87)}`;

if (!process.argv.includes('--no-build')) {
  console.log('▶ build (with a relay address)');
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', KJK_OUT_DIR: out, KJK_RELAY_URL: 'https://relay.example/' },
  });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}

function lighthouse(url, report) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        'node_modules/lighthouse/cli/index.js',
        url,
        `--chrome-path=${CHROMIUM}`,
        `--chrome-flags=${CHROME_FLAGS}`,
        '--output=json',
        `--output-path=${report}`,
        '--quiet',
        '--only-categories=performance,accessibility,best-practices,seo',
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse failed (${code}):\n${err}`))));
  });
}

const { serveStatic } = await import('./lib/static-site.ts');
const server = await serveStatic(out);
const tmp = mkdtempSync(join(tmpdir(), 'kjk-lh-join-'));
const broken = [];
try {
  for (const page of JOIN_PAGES) {
    const htmlBytes = statSync(join(out, page.slice(1), 'index.html')).size;
    for (const fragment of ['', ROOM]) {
      const results = [];
      for (let i = 0; i < runs; i++) {
        const report = join(tmp, `lh-${i}.json`);
        await lighthouse(new URL(page.slice(1) + fragment, server.url).href, report);
        results.push(JSON.parse(readFileSync(report, 'utf8')));
        // KJK_LH_KEEP=dir keeps each report, to see what Lighthouse saw (its LCP element, its requests).
        if (process.env.KJK_LH_KEEP)
          copyFileSync(
            report,
            join(process.env.KJK_LH_KEEP, `${page.replace(/\W+/g, '-')}${fragment ? 'room-' : ''}${i}.json`),
          );
      }
      const perf = (x) => x.categories.performance.score ?? 0;
      const median = [...results].sort((a, b) => perf(a) - perf(b))[Math.floor(results.length / 2)];
      const scores = Object.fromEntries(
        Object.entries(median.categories).map(([k, v]) => [k, Math.round((v.score ?? 0) * 100)]),
      );
      const metric = (id) =>
        results.map((x) => x.audits[id]?.numericValue ?? 0).sort((a, b) => a - b)[Math.floor(results.length / 2)];
      const lcp = Math.round(metric('largest-contentful-paint'));
      const label = `${page}${fragment ? '#room=…' : ''}`;
      console.log(
        `${label.padEnd(18)} HTML ${(htmlBytes / 1024).toFixed(1)} KB · perf ${scores.performance} (runs ${results.map((x) => Math.round(perf(x) * 100)).join('/')}) · a11y ${scores.accessibility} · bp ${scores['best-practices']} · seo ${scores.seo} · LCP ${lcp} ms (runs ${results.map((x) => Math.round(x.audits['largest-contentful-paint'].numericValue)).join('/')}) · FCP ${Math.round(metric('first-contentful-paint'))} ms · TBT ${Math.round(metric('total-blocking-time'))} ms · CLS ${metric('cumulative-layout-shift').toFixed(3)}`,
      );
      for (const [k, v] of Object.entries(scores))
        if (v < BUDGET.lighthouseTarget)
          broken.push(`Lighthouse ${k} ${v} on ${label} (must be ${BUDGET.lighthouseTarget})`);
      if (lcp > BUDGET.joinLcpMs) broken.push(`LCP ${lcp} ms on ${label} (budget ${BUDGET.joinLcpMs} ms)`);
      if (!fragment && htmlBytes > BUDGET.joinHtmlBytes)
        broken.push(`HTML ${htmlBytes} bytes on ${page} (budget ${BUDGET.joinHtmlBytes}: one round trip)`);
      const failing = Object.values(median.audits)
        .filter(
          (a) => a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode),
        )
        .map((a) => a.id);
      if (failing.length) console.log(`  below 100: ${failing.join(', ')}`);
    }
  }
} finally {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
  if (!process.env.KJK_OUT_DIR) rmSync(out, { recursive: true, force: true });
}
if (broken.length) {
  console.error(`\nBudgets broken:\n- ${broken.join('\n- ')}`);
  process.exit(1);
}
console.log('\nThe join pages meet their budgets.');
