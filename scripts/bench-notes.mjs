#!/usr/bin/env node
/**
 * IndexedDB at scale, in real Chromium, through the real store code. Not a test: timings
 * depend on the machine. Run by `npm run bench` (scripts/bench.mjs), or alone:
 *
 *   KJK_OUT_DIR=dist-bench node scripts/bench-notes.mjs [--json]
 *
 * (with the project's Node 24, e.g. through npm or node_modules/.bin/node: it imports the
 * test server's .ts file directly). Against the built site in KJK_OUT_DIR (default dist/):
 *   1. insert 200 sessions and 10,000 notes of about 1 KB (notes.save, 100 at a time);
 *   2. the first page of the session list, rendered by the real sessions page
 *      (navigation start → first list item on screen);
 *   3. one session's notes (notes.list) and that session's page until its editor is ready;
 *   4. a full export (exportAll + serialize);
 *   5. importing that export into an empty database (parseExport + planImport + applyImport).
 * The store code is bundled with esbuild and injected into a page of the site's origin
 * (the product has no benchmark hooks). Prints a table on stdout (progress on stderr);
 * with --json also, as the LAST line, one JSON object of figures in milliseconds.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const dir = process.env.KJK_OUT_DIR ?? join(root, 'dist');
const json = process.argv.includes('--json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SESSIONS = 200;
const NOTES_PER_SESSION = 50;
const NOTE_CHARS = 1024;
const BATCH = 100;

if (!existsSync(join(dir, 'sessies', 'index.html'))) {
  console.error(`No built site in ${dir}. Build first: KJK_OUT_DIR=${dir} npm run build`);
  process.exit(1);
}
/** Progress goes to stderr, so stdout holds only the table (and the JSON line). */
const log = (...args) => console.error(...args);

// 1. The store, exchange and merge code as one script for the page.
const bundle = await build({
  stdin: {
    contents: `
      import { openKjk, closeKjk } from './src/lib/store/schema';
      import { createRepo } from './src/lib/store/repo';
      import { parseExport, serialize } from './src/lib/exchange/format';
      import { planImport } from './src/lib/exchange/merge';
      globalThis.kjkBench = { openKjk, closeKjk, createRepo, parseExport, serialize, planImport };
    `,
    resolveDir: root,
    loader: 'ts',
    sourcefile: 'bench-entry.ts',
  },
  bundle: true,
  format: 'iife',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
});
const code = bundle.outputFiles[0].text;

const { serveStatic } = await import(join(root, 'tests/support/server.ts'));
const { CHROMIUM_ARGS } = await import(join(root, 'tests/support/chromium-flags.ts'));
const site = await serveStatic(dir, '/');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
});
const round = (ms) => Math.round(ms * 10) / 10;

try {
  // bypassCSP only to inject the bundle; the pages themselves run as shipped.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  // A page of the origin that does not open the store itself.
  await page.goto(new URL('over/', site.url).href);
  await page.addScriptTag({ content: code });

  log(`▶ inserting ${SESSIONS} sessions and ${SESSIONS * NOTES_PER_SESSION} notes`);
  const insert = await page.evaluate(
    async ({ sessions, perSession, chars, batch }) => {
      const { openKjk, createRepo } = globalThis.kjkBench;
      const db = await openKjk();
      const repo = createRepo(db);
      const words = [
        'netwerk',
        'gezin',
        'jongere',
        'regie',
        'veiligheid',
        'school',
        'opa',
        'buurvrouw',
        'afspraak',
        'eigen',
        'kracht',
        'team',
      ];
      const text = (seed) => {
        let out = '';
        for (let i = 0; out.length < chars; i++) out += `${words[(seed * 7 + i * 3) % words.length]} `;
        return out.slice(0, chars);
      };
      const t0 = performance.now();
      const ids = [];
      for (let s = 0; s < sessions; s++) {
        const day = String((s % 28) + 1).padStart(2, '0');
        const month = String((Math.floor(s / 28) % 12) + 1).padStart(2, '0');
        const session = await repo.sessions.create({
          kind: 'teamoverleg',
          title: `Sessie ${s + 1}`,
          team: `Team ${s % 10}`,
          date: `2024-${month}-${day}`,
          lang: 'nl',
          deck: {},
        });
        ids.push(session.id);
      }
      const t1 = performance.now();
      const jobs = [];
      for (const sessionId of ids)
        for (let c = 0; c < perSession; c++) jobs.push({ sessionId, cardId: `bench-card-${c}` });
      for (let i = 0; i < jobs.length; i += batch) {
        await Promise.all(
          jobs.slice(i, i + batch).map((j, k) => repo.notes.save({ ...j, text: text(i + k), baseUpdatedAt: null })),
        );
      }
      const t2 = performance.now();
      db.close();
      return { sessionsMs: t1 - t0, notesMs: t2 - t1, first: ids[0] };
    },
    { sessions: SESSIONS, perSession: NOTES_PER_SESSION, chars: NOTE_CHARS, batch: BATCH },
  );

  log('▶ session list in the real page');
  await page.goto(new URL('sessies/', site.url).href);
  const listMs = await (
    await page.waitForFunction(
      () => (document.querySelector('[data-session-list] li') ? performance.now() : false),
      null,
      { polling: 'raf', timeout: 60_000 },
    )
  ).jsonValue();
  const listed = await page.locator('[data-session-list] > li').count();

  log('▶ one session');
  await page.goto(new URL(`sessies/?sessie=${encodeURIComponent(insert.first)}`, site.url).href);
  const sessionViewMs = await (
    await page.waitForFunction(
      () => (document.querySelector('.ss-note-text:not([disabled])') ? performance.now() : false),
      null,
      { polling: 'raf', timeout: 60_000 },
    )
  ).jsonValue();

  log('▶ export and import');
  await page.goto(new URL('over/', site.url).href);
  await page.addScriptTag({ content: code });
  const exchange = await page.evaluate(async (sessionId) => {
    const { openKjk, createRepo, serialize, parseExport, planImport } = globalThis.kjkBench;
    const db = await openKjk();
    const repo = createRepo(db);
    let t = performance.now();
    const notes = await repo.notes.list(sessionId);
    const sessionNotesMs = performance.now() - t;

    t = performance.now();
    const text = serialize(await repo.exportAll(), 'all');
    const exportMs = performance.now() - t;
    db.close();

    const target = await openKjk({ name: `kjk-bench-import-${Date.now()}` });
    const into = createRepo(target);
    t = performance.now();
    const parsed = parseExport(text);
    if (!parsed.ok) throw new Error(`export did not parse: ${parsed.error.code}`);
    const t1 = performance.now();
    const plan = planImport(parsed.dataset, await into.exportAll());
    const t2 = performance.now();
    const result = await into.applyImport(plan);
    const t3 = performance.now();
    target.close();
    return {
      sessionNotes: notes.length,
      sessionNotesMs,
      exportMs,
      exportBytes: new TextEncoder().encode(text).length,
      importMs: t3 - t,
      parseMs: t1 - t,
      planMs: t2 - t1,
      applyMs: t3 - t2,
      imported: result,
    };
  }, insert.first);
  await context.close();

  const notesTotal = SESSIONS * NOTES_PER_SESSION;
  if (exchange.imported.notes !== notesTotal)
    throw new Error(`import wrote ${exchange.imported.notes} notes, expected ${notesTotal}`);
  const figures = {
    insertSessionsMs: round(insert.sessionsMs),
    insertNotesMs: round(insert.notesMs),
    insertPerNoteMs: round(insert.notesMs / notesTotal),
    listFirstPageMs: round(listMs),
    sessionNotesListMs: round(exchange.sessionNotesMs),
    sessionViewMs: round(sessionViewMs),
    exportAllMs: round(exchange.exportMs),
    importMs: round(exchange.importMs),
    importParseMs: round(exchange.parseMs),
    importPlanMs: round(exchange.planMs),
    importApplyMs: round(exchange.applyMs),
    // The scale target ("insert < 1 s in batches") is this: every record written in one transaction.
    batchInsertMs: round(exchange.applyMs),
  };
  const rows = [
    [
      'data',
      `${SESSIONS} sessions, ${notesTotal} notes of ${NOTE_CHARS} chars; export ${(exchange.exportBytes / 1024 / 1024).toFixed(1)} MB`,
    ],
    ['insert sessions (one by one)', `${figures.insertSessionsMs} ms`],
    [
      `insert notes (notes.save, ${BATCH} at a time)`,
      `${figures.insertNotesMs} ms (${figures.insertPerNoteMs} ms per note, each save its own checked transaction)`,
    ],
    ['insert everything in one batch (import apply)', `${figures.batchInsertMs} ms`],
    [`session list, first page (${listed} items)`, `${figures.listFirstPageMs} ms from navigation start`],
    [`one session's notes (${exchange.sessionNotes})`, `${figures.sessionNotesListMs} ms (notes.list)`],
    ['one session, page ready to type', `${figures.sessionViewMs} ms from navigation start`],
    ['full export (exportAll + serialize)', `${figures.exportAllMs} ms`],
    [
      'import into an empty database',
      `${figures.importMs} ms (parse ${figures.importParseMs}, plan ${figures.importPlanMs}, apply ${figures.importApplyMs})`,
    ],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  const table = rows.map(([a, b]) => `${a.padEnd(w)}  ${b}`).join('\n');
  console.log(`\n${table}`);
  if (json) console.log(JSON.stringify(figures));
} finally {
  await browser.close();
  await site.close();
}
