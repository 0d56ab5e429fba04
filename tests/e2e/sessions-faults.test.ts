/**
 * What the browser can do to the storage while someone works: a full disk, no IndexedDB at
 * all, data cleared under the page, a damaged store, two tabs on one note, an upgrade with
 * an old tab open. Nothing may crash, nothing typed may be lost, nothing may be overwritten.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { SAVE_DELAY_MS, SAVE_MAX_WAIT_MS } from '../../src/lib/sessions/note-editor';
import { describe, expect } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { DB_VERSION } from '../../src/lib/store/schema';
import { site } from '../support/browser';
import { type BrowserFixtures, it } from '../support/fixture';
import {
  createSession,
  downloadOf,
  dump,
  nl,
  noteBox,
  openSessions,
  origin,
  saveState,
  toast,
} from './sessions-support';
import { scaled } from '../support/timing';
import { answerProtection } from '../support/sessions';

let context: BrowserContext;
let freshContext: BrowserFixtures['freshContext'];
let newPageIn: BrowserFixtures['newPage'];
it.beforeEach(({ freshContext: f, newPage: n }) => {
  freshContext = f;
  newPageIn = n;
});

/** A fresh context (tests/support/fixture.ts, which watches its pages) and its first page. */
async function fresh(): Promise<Page> {
  context = await freshContext();
  return newPage();
}
/** Another tab in the current context. */
const newPage = (): Promise<Page> => newPageIn(context);

/** Reads one key of the meta store with a separate connection. */
const meta = (page: Page, key: string) =>
  page.evaluate(
    (k) =>
      new Promise((resolve) => {
        const r = indexedDB.open('kjk');
        r.onsuccess = () => {
          const get = r.result.transaction('meta').objectStore('meta').get(k);
          get.onsuccess = () => {
            r.result.close();
            resolve(get.result);
          };
        };
      }),
    key,
  );

describe('a full disk', () => {
  it('says so within a second, keeps the text in the editor, offers an export, and saves once there is room', async () => {
    // CDP's Storage.overrideQuotaForOrigin does not make writes to an existing database fail
    // in this Chromium (the IndexedDB backend keeps its earlier "enough space" answer), so
    // the full disk is simulated where the browser reports it: put() throws QuotaExceededError.
    context = await freshContext();
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args: Parameters<IDBObjectStore['put']>) {
        if ((window as unknown as { diskFull?: boolean }).diskFull)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const page = await newPage();
    await createSession(page, { title: 'Vol', kind: 'zelfreflectie' });
    await noteBox(page).fill('past nog');
    await expect.poll(() => saveState(page).innerText()).toContain(nl.notes.saved);

    await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = true));
    const started = Date.now();
    await noteBox(page).fill('past nog, en nu een lange toevoeging die niet meer past');
    const alert = page.locator('.ss-notes [role=alert]');
    await alert.waitFor({ timeout: scaled(2000) });
    expect(Date.now() - started, 'message within a second').toBeLessThan(scaled(1000));
    expect(await alert.innerText()).toContain(nl.errors.quota);
    expect(await noteBox(page).inputValue()).toBe('past nog, en nu een lange toevoeging die niet meer past');
    expect((await dump(page)).notes.map((n) => n.text)).toEqual(['past nog']);

    // Reading still works: the export offered right there has everything that was stored.
    await alert.getByRole('button', { name: nl.storage.exportNow }).click();
    const file = await downloadOf(page, async () => void (await answerProtection(page, 'plain')));
    expect(JSON.parse(file.text).data.notes[0].text).toBe('past nog');
    // Typing on keeps the text and the message; nothing is lost while the disk stays full.
    await noteBox(page).press('End');
    await noteBox(page).pressSequentially('!');
    await alert.waitFor();
    expect(await noteBox(page).inputValue()).toBe('past nog, en nu een lange toevoeging die niet meer past!');

    await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = false));
    await alert.getByRole('button', { name: nl.notes.retry }).click();
    await expect.poll(() => saveState(page).innerText()).toContain(nl.notes.saved);
    expect((await dump(page)).notes.map((n) => n.text)).toEqual([
      'past nog, en nu een lange toevoeging die niet meer past!',
    ]);
  });
});

describe('no IndexedDB', () => {
  it('shows a clear banner on the sessions page, and the deck still works', async () => {
    context = await freshContext();
    await context.addInitScript(() => {
      // A private window or blocked storage: open() throws, as Firefox and Safari do.
      IDBFactory.prototype.open = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    const page = await newPage();
    await page.goto(site('/sessies/'));
    const banner = page.locator('.ss-banner[role=alert]');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(nl.banner.unavailable);
    expect(await page.locator('.ss-list-head, textarea').count()).toBe(0);
    await banner.getByRole('link', { name: nl.banner.toCards }).click();
    await page.locator('.deck-toolbar').waitFor();
    await page.getByRole('button', { name: 'Trek een kaart' }).click();
    await expect.poll(() => page.locator('#deck-current-title').innerText()).not.toBe('');
  });
});

describe('a part of the app that does not arrive', () => {
  // Seen in WebKit under load: a lazily loaded view's chunk failed ("Importing a module script
  // failed") and the page said "Laden…" for good. Now it is fetched again, and when it never
  // comes, the page says so and offers a reload.
  it('is fetched again; when it never comes, the page says so and a reload brings the view', async () => {
    const page = await fresh();
    const id = await createSession(page, { title: 'Onderweg', kind: 'zelfreflectie' });
    const chunk = '**/_astro/SessionView.*.js';
    let refused = 0;
    // Once: the next try gets it.
    await context.route(chunk, (route) => (refused++ === 0 ? route.abort('connectionreset') : route.continue()));
    const second = await newPage();
    await openSessions(second, 'nl', `?sessie=${id}`);
    await second.locator('.ss-session').waitFor();
    expect(refused).toBeGreaterThanOrEqual(2);
    await second.close();
    // Never: a banner with a reload instead of "Laden…" for good.
    await context.unroute(chunk);
    await context.route(chunk, (route) => route.abort('connectionreset'));
    const third = await newPage();
    await third.goto(site(`/sessies/?sessie=${id}`));
    const banner = third.locator('.ss-banner[data-banner=load]');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(nl.banner.loadFailed);
    await context.unroute(chunk);
    await Promise.all([third.waitForEvent('load'), banner.getByRole('button', { name: nl.banner.reload }).click()]);
    await third.locator('.ss-session').waitFor();
    expect(await third.locator('.ss-banner').count()).toBe(0);
  });
});

describe('data cleared while the page is open', () => {
  it('does not crash, and the empty list offers to restore a backup', async () => {
    const page = await fresh();
    const id = await createSession(page, { title: 'Wordt gewist' });
    await noteBox(page).fill('tekst');
    await expect.poll(() => saveState(page).innerText()).toContain(nl.notes.saved);
    await openSessions(page);
    await page.locator('.ss-list').waitFor();

    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: origin(), storageTypes: 'indexeddb' });
    const empty = page.locator('.ss-empty');
    await empty.waitFor({ timeout: scaled(5000) });
    expect(await empty.innerText()).toContain(nl.list.empty);
    await empty.getByRole('button', { name: nl.list.toImport }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('file');

    // The store works again: a new session can be made, and the old one is reported as gone.
    await createSession(page, { title: 'Na het wissen' });
    await openSessions(page, 'nl', `?sessie=${id}`);
    await expect(page.locator('.ss-empty').innerText()).resolves.toContain(nl.view.notFound);
  });
});

describe('a damaged store', () => {
  it('offers to export what can still be read, and deletes nothing', async () => {
    const page = await fresh();
    await createSession(page, { title: 'Te redden' });
    await noteBox(page).fill('deze notitie moet mee');
    await expect.poll(() => saveState(page).innerText()).toContain(nl.notes.saved);
    await context.addInitScript(() => {
      // Chrome reports unreadable database files as UnknownError; here only the list's index breaks.
      const open = IDBIndex.prototype.openCursor;
      IDBIndex.prototype.openCursor = function (...args: Parameters<IDBIndex['openCursor']>) {
        if (this.name === 'byDate') throw new DOMException('Internal error opening backing store', 'UnknownError');
        return open.apply(this, args);
      };
    });
    await openSessions(page);
    const recovery = page.locator('.ss-banner', { hasText: nl.recovery.title });
    await recovery.waitFor();
    await recovery.getByRole('button', { name: nl.recovery.export }).click();
    // Encrypted by default, as every export (tests/islands/recovery.test.tsx); plain here, to read it.
    const file = await downloadOf(page, async () => void (await answerProtection(page, 'plain')));
    const data = JSON.parse(file.text).data;
    expect(data.sessions.map((s: { title: string }) => s.title)).toEqual(['Te redden']);
    expect(data.notes.map((n: { text: string }) => n.text)).toEqual(['deze notitie moet mee']);
    await expect.poll(() => recovery.locator('[role=status]').innerText()).toBe('Geëxporteerd: 1 sessie en 1 notitie.');
    expect((await dump(page)).sessions).toHaveLength(1);
  });
});

describe('two tabs', () => {
  // The plain case (an edit shows up live in a second tab) runs in every engine: tests/engines/sessions.test.ts.
  it('conflicting edits are never silently overwritten: both texts are shown and the user chooses', async () => {
    const a = await fresh();
    // The pages' clock, so that "nothing is saved" is proven by running the save timers, not by waiting.
    await context.clock.install();
    const id = await createSession(a, { title: 'Conflict', kind: 'zelfreflectie' });
    await noteBox(a).fill('Begin');
    await expect.poll(() => saveState(a).innerText()).toContain(nl.notes.saved);
    const b = await newPage();
    await openSessions(b, 'nl', `?sessie=${id}`);
    await expect.poll(() => noteBox(b).inputValue()).toBe('Begin');

    // B has typed but not saved yet (the 400 ms pause) when A saves and leaves the field.
    // A comes to the front first: hiding B later would make B save at once (visibilitychange).
    await a.bringToFront();
    await noteBox(b).evaluate((el: HTMLTextAreaElement) => {
      el.value = 'Tekst van B';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await noteBox(a).fill('Tekst van A');
    await noteBox(a).blur();

    const conflict = b.locator('.ss-conflict');
    await conflict.waitFor({ timeout: scaled(5000) });
    expect(await conflict.innerText()).toContain(nl.notes.conflictTitle);
    expect(await conflict.locator('[data-version=mine]').innerText()).toBe('Tekst van B');
    expect(await conflict.locator('[data-version=theirs]').innerText()).toBe('Tekst van A');
    expect((await dump(b)).notes.map((n) => n.text)).toEqual(['Tekst van A']);
    // Waiting changes nothing: B's text is held, not saved over A's. Every save timer that could
    // fire (the pause after typing, then the longest wait) fires now.
    await context.clock.fastForward(SAVE_MAX_WAIT_MS + SAVE_DELAY_MS);
    expect((await dump(b)).notes.map((n) => n.text)).toEqual(['Tekst van A']);
    expect(await noteBox(b).inputValue()).toBe('Tekst van B');

    await b.bringToFront();
    await conflict.getByRole('button', { name: nl.notes.keepMine }).click();
    await expect.poll(async () => (await dump(b)).notes.map((n) => n.text)).toEqual(['Tekst van B']);
    expect(await b.locator('.ss-conflict').count()).toBe(0);
    await expect.poll(() => noteBox(a).inputValue()).toBe('Tekst van B');

    // The other way round: A takes over the text B saves while A has unsaved text.
    await noteBox(a).evaluate((el: HTMLTextAreaElement) => {
      el.value = 'Nog een versie van A';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await noteBox(b).fill('Nieuwste van B');
    await noteBox(b).blur();
    await a.locator('.ss-conflict').waitFor({ timeout: scaled(5000) });
    await a.bringToFront();
    await a.locator('.ss-conflict').getByRole('button', { name: nl.notes.takeTheirs }).click();
    await expect.poll(() => noteBox(a).inputValue()).toBe('Nieuwste van B');
    // A saves nothing of its own afterwards, whatever timer it had running.
    await context.clock.fastForward(SAVE_MAX_WAIT_MS + SAVE_DELAY_MS);
    expect((await dump(a)).notes.map((n) => n.text)).toEqual(['Nieuwste van B']);
  });
});

describe('a storage upgrade with an old tab open', () => {
  it('the old tab asks to reload; typed text stays in its editor', async () => {
    const old = await fresh();
    await createSession(old, { title: 'Oud tabblad', kind: 'zelfreflectie' });
    const other = await newPage();
    await other.goto(site('/over/'));
    const started = Date.now();
    const upgraded = await other.evaluate(
      (v) =>
        new Promise<number>((resolve, reject) => {
          const r = indexedDB.open('kjk', v);
          r.onsuccess = () => {
            const version = r.result.version;
            r.result.close();
            resolve(version);
          };
          r.onerror = () => reject(r.error);
        }),
      DB_VERSION + 1,
    );
    expect(upgraded).toBe(DB_VERSION + 1);
    const banner = old.locator('.ss-banner[role=alert]');
    await banner.waitFor({ timeout: scaled(2000) });
    expect(Date.now() - started).toBeLessThan(scaled(2000));
    expect(await banner.innerText()).toContain('Er is een nieuwe versie van de opslag. Herlaad deze pagina.');

    await noteBox(old).fill('getypt na de upgrade');
    await old.locator('.ss-notes [role=alert]').waitFor();
    expect(await old.locator('.ss-notes [role=alert]').innerText()).toContain(nl.errors.version);
    expect(await noteBox(old).inputValue()).toBe('getypt na de upgrade');
  });

  it('a tab that holds an old version open makes the new one say "close the other tabs" within a second', async () => {
    context = await freshContext();
    const holder = await newPage();
    await holder.goto(site('/over/'));
    // An old tab: the version-1 stores, and a connection that ignores "versionchange".
    await holder.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const r = indexedDB.open('kjk', 1);
          r.onupgradeneeded = () => {
            const db = r.result;
            db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('byDate', ['date', 'createdAt', 'id']);
            db.createObjectStore('notes', { keyPath: 'id' }).createIndex('bySessionCard', ['sessionId', 'cardId'], {
              unique: true,
            });
            const positions = db.createObjectStore('positions', { keyPath: 'id' });
            positions.createIndex('sessionId', 'sessionId');
            positions.createIndex('bySessionCard', ['sessionId', 'cardId']);
            db.createObjectStore('actions', { keyPath: 'id' }).createIndex('sessionId', 'sessionId');
            db.createObjectStore('meta');
          };
          r.onsuccess = () => {
            (window as unknown as { held: IDBDatabase }).held = r.result;
            resolve();
          };
        }),
    );
    const page = await newPage();
    await page.goto(site('/sessies/'), { waitUntil: 'domcontentloaded' });
    const started = Date.now();
    const banner = page.locator('.ss-banner[role=alert]');
    await banner.waitFor({ timeout: scaled(3000) });
    expect(Date.now() - started).toBeLessThan(scaled(1500));
    expect(await banner.innerText()).toContain('Sluit de andere tabbladen van Ken je Kracht');

    // Closing the old tab lets the upgrade run; the page then works.
    await holder.close();
    await page.locator('.ss-list-head').waitFor({ timeout: scaled(5000) });
    expect(await page.locator('.ss-banner').count()).toBe(0);
  });

  it('an opening that never ends (an upgrade that hangs) says so and offers a reload, instead of loading for ever', async () => {
    context = await freshContext();
    // The page's clock: the 12 s the app gives an opening are run ahead once the upgrade hangs.
    await context.clock.install();
    // Keeps the upgrade transaction busy for good: the app's own steps run, the open never ends.
    await context.addInitScript(() => {
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
        const request = open.apply(this, args);
        request.addEventListener('upgradeneeded', () => {
          (window as unknown as { upgrading: boolean }).upgrading = true;
          const hold = request.result.createObjectStore('__hold');
          const spin = () => {
            hold.get(0).onsuccess = spin;
          };
          spin();
        });
        return request;
      };
    });
    const page = await newPage();
    await page.goto(site('/sessies/'));
    await page.waitForFunction(() => (window as unknown as { upgrading?: boolean }).upgrading === true);
    const banner = page.locator('.ss-banner[role=alert]');
    expect(await banner.count()).toBe(0);
    await context.clock.fastForward('00:13');
    await banner.waitFor();
    expect(await banner.getAttribute('data-banner')).toBe('slow');
    expect(await banner.innerText()).toContain(nl.banner.slow);
    expect(await page.locator('.ss-list-head').count()).toBe(0);
    await expect(banner.getByRole('button', { name: nl.banner.reload }).isVisible()).resolves.toBe(true);
  });
});

describe('storage safety', () => {
  it('asks the browser to keep the data after the first note, and says honestly where it lives', async () => {
    const page = await fresh();
    await openSessions(page);
    const status = page.locator('.ss-storage');
    await expect
      .poll(() => status.innerText())
      .toMatch(/Alleen op dit apparaat opgeslagen\.\s+Jouw sessies: [\d,]+ (B|KB|MB)\./);
    expect(await status.innerText()).toMatch(new RegExp(`${nl.storage.persisted}|${nl.storage.notPersisted}`));
    expect(await meta(page, 'persistRequested')).toBeUndefined();
    await createSession(page, { title: 'Bewaren', kind: 'zelfreflectie' });
    await noteBox(page).fill('eerste notitie');
    await expect.poll(() => meta(page, 'persistRequested')).toBe(true);
  });

  it('reminds to back up after a week of unexported changes, with "Exporteer nu"', async () => {
    const page = await fresh();
    await createSession(page, { title: 'Herinnering' });
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const r = indexedDB.open('kjk');
          r.onsuccess = () => {
            const tx = r.result.transaction('meta', 'readwrite');
            tx.objectStore('meta').put(Date.now() - 8 * 24 * 60 * 60 * 1000, 'firstUnexportedChangeAt');
            tx.oncomplete = () => {
              r.result.close();
              resolve();
            };
          };
        }),
    );
    await openSessions(page);
    const reminder = page.locator('.ss-reminder');
    await reminder.waitFor();
    expect(await reminder.innerText()).toContain(fill('nl', nl.storage.reminder, { n: 7 }));
    await reminder.getByRole('button', { name: nl.storage.exportNow }).click();
    const file = await downloadOf(page, async () => void (await answerProtection(page, 'plain')));
    expect(JSON.parse(file.text).data.sessions).toHaveLength(1);
    await expect.poll(() => page.locator('.ss-reminder').count()).toBe(0);
    expect(await meta(page, 'firstUnexportedChangeAt')).toBeUndefined();
  });

  it('"Wis alle gegevens" says what will be lost, offers a backup first, and needs a tick', async () => {
    const page = await fresh();
    await createSession(page, { title: 'Weg ermee' });
    await noteBox(page).fill('notitie');
    await expect.poll(() => saveState(page).innerText()).toContain(nl.notes.saved);
    await openSessions(page);
    const open = page.getByRole('button', { name: nl.wipe.open });

    await open.click();
    const dialog = page.getByRole('dialog', { name: nl.wipe.title });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('1 sessie, 1 notitie, 0 posities en 0 afspraken');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect((await dump(page)).sessions).toHaveLength(1);

    await open.click();
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: nl.wipe.confirm });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: nl.wipe.backupFirst }).click();
    const file = await downloadOf(page, async () => void (await answerProtection(page, 'plain')));
    expect(JSON.parse(file.text).data.notes[0].text).toBe('notitie');
    await dialog.getByLabel(nl.wipe.confirmCheck).check();
    await confirm.click();
    await expect.poll(() => toast(page).innerText()).toContain(nl.wipe.done);
    expect(await dialog.isVisible()).toBe(false);
    await page.locator('.ss-empty').waitFor();
    expect(await dump(page)).toEqual({ sessions: [], notes: [], positions: [], actions: [] });
  });
});
