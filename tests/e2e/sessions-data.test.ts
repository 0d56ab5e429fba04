/**
 * Issue 12 in Chromium: data goes only where the user means it to. Deleted sessions, "Wis
 * alle gegevens" across every storage API, the privacy check at the door, an encrypted
 * single-session export, backups re-saved in another encoding, and the storage line with
 * Safari's seven-day rule (a spoofed iPhone user agent).
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { type BrowserFixtures, it } from '../support/fixture';
import {
  createSession,
  DILEMMA,
  downloadOf,
  dump,
  exportText,
  nl,
  noteBox,
  openSessions,
  saveState,
  toast,
} from './sessions-support';
import { answerProtection } from '../support/sessions';
import { scaled } from '../support/timing';

let fresh: BrowserFixtures['fresh'];
it.beforeEach(({ fresh: f }) => {
  fresh = f;
});

async function freshPage(options: BrowserContextOptions = {}, init?: string): Promise<Page> {
  const page = await fresh(options, init);
  await openSessions(page);
  return page;
}

async function sessionWithNote(page: Page, title: string, note: string): Promise<string> {
  const id = await createSession(page, { title, team: 'Team Noord' });
  await noteBox(page).fill(note);
  await expect.poll(() => saveState(page).innerText()).toContain(nl.notes.saved);
  return id;
}

async function choose(page: Page, name: string, buffer: Buffer) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/json', buffer });
}

describe('deleted sessions', () => {
  it('leave every export at once, wait in a visible "Verwijderd" list, and can be restored', async () => {
    const page = await freshPage();
    await sessionWithNote(page, 'Blijft', 'blijvende notitie');
    await sessionWithNote(page, 'Gaat weg', 'weggegooide notitie');
    await openSessions(page);
    const item = page.locator('.ss-item', { hasText: 'Gaat weg' });
    await item.getByRole('button', { name: nl.list.delete }).click();
    const trash = page.locator('[data-trash]');
    await trash.waitFor();
    expect(await trash.innerText()).toContain(nl.trash.title);
    expect(await trash.innerText()).toContain('Gaat weg');
    expect(await trash.innerText()).toContain(fill('nl', nl.trash.intro, { n: 7 }));

    await page.getByRole('button', { name: nl.exchange.exportAll }).click();
    const file = await downloadOf(page, async () => void (await answerProtection(page, 'plain')));
    const data = JSON.parse(file.text).data;
    expect(data.sessions.map((s: { title: string }) => s.title)).toEqual(['Blijft']);
    expect(file.text).not.toContain('weggegooide notitie');
    // Still on this device: the gate and the list do not hide it from the database.
    expect((await dump(page)).sessions).toHaveLength(2);

    await trash.getByRole('button', { name: fill('nl', nl.trash.restoreLabel, { title: 'Gaat weg' }) }).click();
    await page.locator('.ss-item', { hasText: 'Gaat weg' }).waitFor();
    await expect.poll(() => trash.count()).toBe(0);
  });
});

describe('"Wis alle gegevens"', () => {
  it('leaves nothing of a note in IndexedDB, localStorage, sessionStorage or the caches', async () => {
    const page = await freshPage();
    const secret = 'Zeer geheime notitie 7f3a';
    const id = await sessionWithNote(page, 'Te wissen', secret);
    // What the app may leave around: a draft in the journal (a tab that closed mid-save), a
    // setting, a room's per-tab state, and the backup-reminder state in the database.
    await page.evaluate(
      ([sessionId, text]) => {
        localStorage.setItem(
          `kjk:draft:${JSON.stringify([sessionId, 'k'])}`,
          JSON.stringify({ sessionId, cardId: 'k', text, base: null, at: 1, tab: 't' }),
        );
        localStorage.setItem('kjk.timer.minutes', '5');
        sessionStorage.setItem('kjk:room', text);
      },
      [id, secret] as const,
    );
    await openSessions(page);
    await page.getByRole('button', { name: nl.wipe.open }).click();
    const dialog = page.getByRole('dialog', { name: nl.wipe.title });
    await dialog.getByLabel(nl.wipe.confirmCheck).check();
    await dialog.getByRole('button', { name: nl.wipe.confirm }).click();
    await expect.poll(() => toast(page).innerText()).toContain(nl.wipe.done);

    const found = await page.evaluate(async (text) => {
      const hits: string[] = [];
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i) ?? '';
        if (key.startsWith('kjk') || (localStorage.getItem(key) ?? '').includes(text)) hits.push(`localStorage ${key}`);
      }
      for (let i = 0; i < sessionStorage.length; i++) {
        const key = sessionStorage.key(i) ?? '';
        if (key.startsWith('kjk') || (sessionStorage.getItem(key) ?? '').includes(text))
          hits.push(`sessionStorage ${key}`);
      }
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const req of await cache.keys()) {
          const res = await cache.match(req);
          if (res && (await res.text()).includes(text)) hits.push(`cache ${req.url}`);
        }
      }
      for (const info of await indexedDB.databases()) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open(info.name as string);
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const all = await new Promise<unknown[]>((resolve, reject) => {
            const r = db.transaction(store).objectStore(store).getAll();
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          });
          if (all.length > 0) hits.push(`indexedDB ${info.name}/${store}: ${all.length} records`);
        }
        db.close();
      }
      return hits;
    }, secret);
    expect(found).toEqual([]);
  });
});

describe('privacy at the door', () => {
  it('asks before a backup holding client data is written, names the card, and offers "Bekijk" and "Toch doorgaan"', async () => {
    const page = await freshPage();
    await sessionWithNote(page, 'Casus', 'Moeder belt op 06 12345678, BSN 111222333.');
    await openSessions(page);
    const exportAll = page.getByRole('button', { name: nl.exchange.exportAll });
    let downloads = 0;
    page.on('download', () => downloads++);
    await exportAll.click();
    await answerProtection(page, 'plain');
    const gate = page.locator('.ss-gate');
    await gate.waitFor();
    const text = await gate.innerText();
    expect(text).toContain(nl.gate.title);
    expect(text).toMatch(/kaart \d+: .+\(een BSN en een telefoonnummer\)/);
    expect(downloads).toBe(0);

    const file = await downloadOf(page, () => gate.getByRole('button', { name: nl.gate.proceed }).click());
    expect(file.name).toMatch(/^kjk-back-up-\d{4}-\d{2}-\d{2}\.json$/);
    expect(await gate.count()).toBe(0);

    // "Bekijk" opens the card instead.
    await exportAll.click();
    await answerProtection(page, 'plain');
    await gate.waitFor();
    await gate.getByRole('button', { name: nl.gate.review }).click();
    await page.locator('.ss-session').waitFor();
    // The note arrives from the store after the session's frame: wait for it.
    await expect.poll(() => noteBox(page).inputValue()).toContain('111222333');
  });

  it('asks before the report is copied or printed, and exports one session encrypted with a neutral name that says so', async () => {
    const page = await freshPage();
    const id = await sessionWithNote(page, 'Verslag met adres', 'Woont op 1234 AB 12.');
    await openSessions(page, 'nl', `?sessie=${id}&verslag=1`);
    await page.locator('.ss-report').waitFor();
    await page.getByRole('button', { name: nl.report.copy }).click();
    const gate = page.locator('.ss-gate');
    await gate.waitFor();
    expect(await gate.innerText()).toContain('een adres');
    await gate.getByRole('button', { name: nl.gate.proceed }).click();
    await expect.poll(() => gate.count()).toBe(0);
    await page.getByRole('button', { name: nl.report.print }).click();
    await gate.waitFor();
    await gate.getByRole('button', { name: nl.gate.review }).click();
    await page.locator('.ss-session').waitFor();

    await openSessions(page, 'nl', `?sessie=${id}&verslag=1`);
    await page.locator('.ss-report').waitFor();
    const box = page.locator('.ss-session-export');
    await box.getByRole('button', { name: nl.view.exportSession }).click();
    // Encrypted by default, with a typed passphrase here.
    await answerProtection(page, { own: 'Ik fiets graag naar Utrecht' });
    await gate.waitFor();
    const file = await downloadOf(page, () => gate.getByRole('button', { name: nl.gate.proceed }).click());
    // What it is and when: the title "Verslag met adres" is not in the name.
    expect(file.name).toMatch(/^kjk-sessie-\d{4}-\d{2}-\d{2}-versleuteld\.json$/);
    expect(JSON.parse(file.text).type).toBe('ken-je-kracht/encrypted');
    expect(file.text).not.toContain('1234 AB');
  });
});

describe('backups re-saved in another text encoding', () => {
  const text = exportText({
    sessions: [
      {
        id: 'enc-s1',
        kind: 'workshop',
        title: 'Café “één”',
        team: 'Zoë',
        date: '2025-02-01',
        lang: 'nl',
        deck: { cards: [DILEMMA] },
        createdAt: 1738400000000,
        updatedAt: 1738400000000,
      },
    ],
    notes: [{ id: 'enc-n1', sessionId: 'enc-s1', cardId: DILEMMA, text: 'Naïef — coöperatie €5', updatedAt: 1 }],
    positions: [],
    actions: [],
  });

  it('reads UTF-16 LE without BOM and Windows-1252 correctly, and refuses bytes that fit no encoding', async () => {
    const page = await freshPage();
    const le = Buffer.from(text, 'utf16le');
    await choose(page, 'utf16.json', le);
    await page.locator('.ss-preview').waitFor();
    await page.locator('.ss-preview').getByRole('button', { name: nl.exchange.confirm }).click();
    await expect.poll(async () => (await dump(page)).notes.map((n) => n.text)).toEqual(['Naïef — coöperatie €5']);

    const cp1252: Record<string, number> = { '“': 0x93, '”': 0x94, '—': 0x97, '€': 0x80 };
    const ansi = Buffer.from(
      [...text.replaceAll('enc-', 'ansi-')].map((c) => cp1252[c] ?? (c.codePointAt(0) as number)),
    );
    await choose(page, 'ansi.json', ansi);
    const preview = page.locator('.ss-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain(nl.exchange.encodingNote);
    await preview.getByRole('button', { name: nl.exchange.confirm }).click();
    await expect
      .poll(async () => (await dump(page)).sessions.map((s) => s.title).sort())
      .toEqual(['Café “één”', 'Café “één”']);
    const all = await dump(page);
    expect(JSON.stringify(all)).not.toContain('\uFFFD');

    await choose(page, 'broken.json', Buffer.concat([ansi.subarray(0, 40), Buffer.from([0x81]), ansi.subarray(40)]));
    const error = page.locator('.ss-panel [role=alert], .ss-panel .ss-error').first();
    await error.waitFor();
    expect(await error.innerText()).toContain(nl.exchange.fileErrors.encoding.slice(0, 40));
    expect((await dump(page)).sessions).toHaveLength(2);
  });
});

describe('storage line', () => {
  const iPhone =
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

  it('counts the notes apart from the app itself: after a wipe the sessions take nothing', async () => {
    const page = await freshPage({ serviceWorkers: 'allow' });
    await sessionWithNote(page, 'Groot', 'x'.repeat(5000));
    await openSessions(page);
    const data = page.locator('[data-storage-line] [data-storage-data]');
    await expect.poll(() => data.innerText()).toMatch(/^Jouw sessies: 5,\d KB\.$/);
    await page.getByRole('button', { name: nl.wipe.open }).click();
    const dialog = page.getByRole('dialog', { name: nl.wipe.title });
    await dialog.getByLabel(nl.wipe.confirmCheck).check();
    await dialog.getByRole('button', { name: nl.wipe.confirm }).click();
    await expect.poll(() => data.innerText()).toBe(fill('nl', nl.storage.used, { size: '0 B' }));
    // The app's offline copy is counted apart, on the next visit once the worker has stored it.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: scaled(30_000) });
    await page.reload();
    await expect.poll(() => page.locator('[data-storage-app]').count(), { timeout: scaled(30_000) }).toBe(1);
    expect(await page.locator('[data-storage-app]').innerText()).toMatch(
      /^De app zelf, om zonder internet te werken: [\d,]+ (KB|MB)\.$/,
    );
    expect(await data.innerText()).toBe(fill('nl', nl.storage.used, { size: '0 B' }));
  });

  it('moves nothing on a phone while its facts arrive, and counts the app only once it is stored', async () => {
    // Every layout shift of the page, as Lighthouse adds them up (none right after input).
    // And how many storage estimates the page has asked for and not yet got: the facts arrive
    // through them, so none in flight (and two frames drawn after) means the line has settled.
    const watchShifts = `
      window.__shifts = [];
      const add = (list) => { for (const e of list) if (!e.hadRecentInput) window.__shifts.push(e.value); };
      window.__shiftObserver = new PerformanceObserver((list) => add(list.getEntries()));
      window.__shiftObserver.observe({ type: 'layout-shift', buffered: true });
      window.__takeShifts = () => add(window.__shiftObserver.takeRecords());
      window.__estimating = 0;
      const estimate = navigator.storage.estimate.bind(navigator.storage);
      navigator.storage.estimate = () => {
        window.__estimating++;
        return estimate().finally(() => window.__estimating--);
      };`;
    type Watched = { __shifts: number[]; __takeShifts(): void; __estimating: number };
    const shifts = (p: Page) =>
      p.evaluate(() => {
        const w = window as unknown as Watched;
        w.__takeShifts();
        return w.__shifts.reduce((a, b) => a + b, 0);
      });
    const settled = async (p: Page) => {
      await p.waitForFunction(() => (window as unknown as Watched).__estimating === 0);
      await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    };
    const phone = await fresh(
      { serviceWorkers: 'allow', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
      watchShifts,
    );
    const context = phone.context();
    // The worker's script is held back until the status has drawn, so this first visit is drawn
    // without a worker for certain, as on a phone where storing the app takes a while.
    let release = () => {};
    const drawn = new Promise<void>((resolve) => {
      release = resolve;
    });
    await context.route('**/sw.js', async (route) => {
      await drawn;
      await route.continue();
    });
    await openSessions(phone);
    const status = phone.locator('[data-storage-protection]');
    await expect.poll(() => status.count()).toBe(1);
    release();
    // First visit: the line says nothing of the app, also not once the worker has stored it and
    // taken control (drawing it then cost a slow phone's first load); the next visit shows it.
    await phone.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: scaled(30_000) });
    // What a redraw on taking control would do first: ask for an estimate, then draw. Both done.
    await settled(phone);
    expect(await phone.locator('[data-storage-app]').count()).toBe(0);
    expect(await shifts(phone)).toBeLessThan(0.01);
    // Next visit: the app's offline copy is counted, in the same place.
    await phone.reload();
    await expect.poll(() => phone.locator('[data-storage-app]').count(), { timeout: scaled(30_000) }).toBe(1);
    await settled(phone);
    expect(await shifts(phone)).toBeLessThan(0.01);
  });

  it('on iPhone Safari says that Safari deletes the data after 7 days and how to add the app; the installed app does not', async () => {
    const tab = await freshPage({ userAgent: iPhone, isMobile: true, hasTouch: true });
    const warning = tab.locator('[data-seven-days]');
    await warning.waitFor();
    expect(await warning.innerText()).toContain(nl.storage.sevenDays);
    expect(await warning.innerText()).toContain(nl.storage.homeScreen);

    const app = await freshPage(
      { userAgent: iPhone, isMobile: true, hasTouch: true },
      "Object.defineProperty(navigator, 'standalone', { value: true });",
    );
    await app.locator('[data-storage-line]').waitFor();
    expect(await app.locator('[data-seven-days]').count()).toBe(0);
  });
});

describe('dates at the edges', () => {
  it('a two-digit year gets a clear sentence before saving, in the new-session form and on an action', async () => {
    const page = await freshPage();
    await page.locator('.ss-list-head button').click();
    const form = page.locator('form.ss-new');
    await form.getByLabel(nl.create.name, { exact: true }).fill('Met een kort jaar');
    await form.getByLabel(nl.create.date, { exact: true }).fill('0024-05-01');
    await form.getByLabel(nl.create.deckAll).check();
    await form.getByRole('button', { name: nl.create.submit }).click();
    await expect.poll(() => form.innerText()).toContain(nl.dates['short-year']);
    expect((await dump(page)).sessions).toEqual([]);

    await page.reload();
    const id = await createSession(page, { title: 'Met een afspraak' });
    const action = page.locator('.ss-action-new');
    await action.getByLabel(nl.actions.text).fill('Bellen met de school');
    await action.getByLabel(nl.actions.due).fill('0024-01-01');
    await action.getByRole('button', { name: nl.actions.add }).click();
    await expect.poll(() => action.innerText()).toContain(nl.dates['short-year']);
    expect((await dump(page)).actions).toEqual([]);
    // Four digits: saved, with the date as typed.
    await action.getByLabel(nl.actions.due).fill('2026-01-01');
    await action.getByRole('button', { name: nl.actions.add }).click();
    await expect.poll(async () => (await dump(page)).actions).toMatchObject([{ sessionId: id, due: '2026-01-01' }]);
  });
});
