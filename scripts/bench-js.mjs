#!/usr/bin/env node
/**
 * `npm run bench:js`: the start-up JavaScript (gzip) of every built page, in a second and
 * without a browser: the quick check while working on bundle size. Reads dist/ (or
 * KJK_OUT_DIR; build first). Exits 1 when a page is over its budget (scripts/lib/budgets.mjs).
 * `npm test` runs it after the build with `--budgeted` (only the pages that have a budget):
 * bytes are the same on every machine, so this budget can fail a test run where timings cannot.
 * `npm run bench` measures the same and much more (Lighthouse, interaction, IndexedDB).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { jsBudget, kb } from './lib/budgets.mjs';
import { pageWeight } from './lib/page-weight.mjs';

const root = join(import.meta.dirname, '..');
const dist = process.env.KJK_OUT_DIR ?? join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run "npm run build" first.`);
  process.exit(1);
}

/** Every page as a site path ("/kaarten/x/"): the directories that hold an index.html. */
function pages(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== '_astro') out.push(...pages(join(dir, entry.name)));
    else if (entry.name === 'index.html')
      out.push(
        `/${relative(dist, dir)
          .split(sep)
          .filter(Boolean)
          .map((p) => `${p}/`)
          .join('')}`,
      );
  }
  return out;
}

const all = pages(dist).sort();
// Card pages share one shape: show the first of each language, not 50 equal rows.
const shown = all.filter(
  (p, i) =>
    !/^\/(en\/cards|kaarten)\/[^/]+\/$/.test(p) ||
    all.findIndex((q) => q.split('/').slice(0, -2).join('/') === p.split('/').slice(0, -2).join('/')) === i,
);
const broken = [];
const rows = shown.map((p) => {
  const w = pageWeight(dist, p);
  const budget = jsBudget(p);
  if (budget !== null && w.jsGzip > budget) broken.push(`JS on ${p} ${kb(w.jsGzip)} > ${kb(budget)}`);
  return [p, kb(w.jsGzip), `${w.jsFiles.length} files`, budget === null ? '' : `budget ${kb(budget)}`];
});
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
// `--budgeted`: only the pages with a budget of their own (npm test's step).
const listed = process.argv.includes('--budgeted') ? rows.filter((r) => r[3] !== '') : rows;
console.log(listed.map((r) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('  ')).join('\n'));
if (process.argv.includes('--files')) {
  for (const p of shown.filter((x) => jsBudget(x) !== null)) {
    console.log(`\n${p}`);
    for (const f of pageWeight(dist, p).jsFiles)
      console.log(`  ${kb(gzipSync(readFileSync(join(dist, f)), { level: 9 }).length).padStart(8)}  ${f}`);
  }
}
if (broken.length) {
  console.error(`\nBudgets broken:\n- ${broken.join('\n- ')}`);
  process.exit(1);
}
console.log('\nAll JS budgets met.');
