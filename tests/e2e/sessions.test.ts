/**
 * Sessions in use, in real Chromium: what a team, a trainer and someone reflecting alone do
 * with notes, positions, actions and the report. Every test gets a fresh browser context,
 * so a fresh, empty IndexedDB. The core journeys (a note saved and kept, positions, actions,
 * the report) run in every engine in tests/engines/sessions.test.ts.
 */
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { axe, site } from '../support/browser';
import { type BrowserFixtures, it } from '../support/fixture';
import { readEntries } from '../support/content';
import {
  DILEMMA,
  DILEMMA_2,
  KENNIS,
  createSession,
  dump,
  en,
  nl,
  noteBox,
  openSessions,
  saveState,
  toCard,
  toast,
} from './sessions-support';

const cardTitle = (id: string, lang: 'nl' | 'en' = 'nl') =>
  String(readEntries('cards', lang).find((c) => c.slug === id)?.data.title);
const poles = (id: string) =>
  ((readEntries('cards', 'nl').find((c) => c.slug === id)?.data.poles ?? []) as { label: string }[]).map(
    (p) => p.label,
  );

let context: BrowserContext;
let page: Page;
let open: BrowserFixtures['fresh'];
let newPage: BrowserFixtures['newPage'];
it.beforeEach(({ fresh: f, newPage: n }) => {
  open = f;
  newPage = n;
});
/** A fresh context and page from the fixture (tests/support/fixture.ts), kept for this file's steps. */
async function fresh(options: BrowserContextOptions = {}) {
  page = await open(options);
  context = page.context();
}

describe('a session and its notes', () => {
  it('takes its cards from a pasted deck link, says what was wrong in it, or shuffles the whole fan', async () => {
    await fresh();
    await openSessions(page);
    await page.locator('.ss-list-head button').click();
    const form = page.locator('form.ss-new');
    await form.getByLabel(nl.create.name, { exact: true }).fill('Uit een link');
    await form.getByLabel(nl.create.deckLink).check();
    const link = form.getByLabel(nl.create.link, { exact: true });
    await link.fill('https://example.org/kaarten/');
    await form.getByRole('button', { name: nl.create.submit }).click();
    await expect(form.getByRole('alert').innerText()).resolves.toBe(nl.create.noDeck);
    await link.fill(`https://example.org/kaarten/?kaarten=${DILEMMA_2},bestaat-niet,${DILEMMA_2}&schud=NIET GOED!`);
    const result = form.locator('[aria-live=polite]');
    await expect.poll(() => result.innerText()).toContain('Deze link geeft 1 kaart.');
    const text = await result.innerText();
    expect(text).toContain('De kaart “bestaat-niet” bestaat niet (meer) en is overgeslagen.');
    expect(text).toContain('De schudcode “NIET GOED!” bestaat niet.');
    await form.getByRole('button', { name: nl.create.submit }).click();
    await page.locator('.ss-session').waitFor();
    await expect(page.locator('.ss-progress').innerText()).resolves.toBe('Kaart 1 van 1');
    await expect(page.locator('#ss-card-h').innerText()).resolves.toBe(cardTitle(DILEMMA_2));

    await openSessions(page);
    await createSession(page, { title: 'Hele waaier', link: null });
    await expect(page.locator('.ss-progress').innerText()).resolves.toBe(
      `Kaart 1 van ${readEntries('cards', 'nl').length}`,
    );
    expect((await dump(page)).sessions.find((s) => s.title === 'Hele waaier')?.deck).toEqual({
      seed: expect.stringMatching(/^[a-z0-9]{5}$/),
    });
  });

  it('an edit survives closing the tab right after typing', async () => {
    await fresh();
    const id = await createSession(page, { title: 'Sluiten', kind: 'zelfreflectie' });
    await noteBox(page).fill('eerste versie');
    await expect.poll(() => saveState(page).innerText()).toContain(nl.notes.saved);
    await noteBox(page).fill('tweede versie, net getypt');
    await page.close({ runBeforeUnload: true });

    page = await newPage(context);
    await openSessions(page, 'nl', `?sessie=${id}`);
    await expect.poll(() => noteBox(page).inputValue()).toBe('tweede versie, net getypt');
    await expect.poll(async () => (await dump(page)).notes.map((n) => n.text)).toEqual(['tweede versie, net getypt']);
  });

  it('an edit survives navigating away right after typing', async () => {
    await fresh();
    const id = await createSession(page, { title: 'Weg', kind: 'zelfreflectie' });
    await noteBox(page).fill('getypt en meteen weg');
    await page.goto(site('/kaarten/'));
    await openSessions(page, 'nl', `?sessie=${id}`);
    await expect.poll(() => noteBox(page).inputValue()).toBe('getypt en meteen weg');
  });

  it('moves between cards, and Back returns to the list', async () => {
    await fresh();
    await createSession(page, { title: 'Navigeren' });
    await page.getByRole('button', { name: nl.view.next }).click();
    await expect(page.locator('#ss-card-h').innerText()).resolves.toBe(cardTitle(KENNIS));
    await expect.poll(() => new URL(page.url()).searchParams.get('kaart')).toBe('2');
    // A kenniskaart has no poles: no positions there.
    expect(await page.locator('.ss-positions').count()).toBe(0);
    await noteBox(page).fill('notitie bij de kenniskaart');
    await toCard(page, 2);
    await expect(page.locator('#ss-card-h').innerText()).resolves.toBe(cardTitle(DILEMMA_2));
    await toCard(page, 1);
    await expect.poll(() => noteBox(page).inputValue()).toBe('notitie bij de kenniskaart');
    await page.goBack();
    await page.locator('.ss-list').waitFor();
    await expect(page.locator('.ss-item-title').innerText()).resolves.toBe('Navigeren');
    await page.goForward();
    await page.locator('.ss-session').waitFor();
  });

  it('warns gently about client data in a note, and the warning can be closed', async () => {
    await fresh();
    await createSession(page, { title: 'Privacy', kind: 'zelfreflectie' });
    await noteBox(page).fill('Mail de moeder op jan.jansen@example.nl');
    const warning = page.locator('.ss-privacy');
    await warning.waitFor();
    await expect(warning.innerText()).resolves.toContain(
      'Dit lijkt op gegevens van een cliënt (een e-mailadres). Schrijf liever geen herkenbare gegevens op.',
    );
    await warning.getByRole('button', { name: nl.notes.privacyDismiss }).click();
    expect(await warning.count()).toBe(0);
    // The text is still saved as written: it is a hint, not a filter.
    await expect.poll(async () => (await dump(page)).notes[0]?.text).toBe('Mail de moeder op jan.jansen@example.nl');
    await noteBox(page).fill('Geen gegevens meer.');
    await expect.poll(() => page.locator('.ss-privacy').count()).toBe(0);
  });

  it('shows note text as text: no markup, no script, no clickable link', async () => {
    await fresh();
    await createSession(page, { title: 'Inert' });
    const evil =
      '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>\n[klik](javascript:window.__pwned=3) javascript:window.__pwned=4 https://example.org';
    await noteBox(page).fill(evil);
    await expect.poll(() => saveState(page).innerText()).toContain(nl.notes.saved);
    await page.reload();
    await expect.poll(() => noteBox(page).inputValue()).toBe(evil);
    await page.getByRole('link', { name: nl.view.report }).click();
    await page.locator('.ss-report').waitFor();
    await expect(page.locator('.ss-report .ss-note-copy').innerText()).resolves.toBe(evil);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('.sessions-app script').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"], a[href="https://example.org"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});

describe('positions', () => {
  it('shows how our position moved after two sessions of the same team', async () => {
    await fresh();
    const [a, b] = poles(DILEMMA);
    const agree = async (value: number) => {
      await page.getByLabel(nl.positions.participant).fill('Anna');
      await page.getByRole('button', { name: nl.positions.place }).click();
      await page.getByRole('button', { name: nl.positions.reveal }).click();
      await page.getByLabel(`Gezamenlijke positie tussen ${a} en ${b}`).fill(String(value));
      await page.getByRole('button', { name: nl.positions.agreedSave }).click();
      await page.locator('.ss-agreed-now').waitFor();
    };
    await createSession(page, { title: 'Januari', team: 'Team West', date: '2025-01-10' });
    await agree(20);
    expect(await page.locator('.ss-history').count()).toBe(0);
    await openSessions(page);
    await createSession(page, { title: 'Februari', team: 'Team West', date: '2025-02-10' });
    await agree(60);
    const chart = page.getByRole('img', { name: /Positie per sessie/ });
    await chart.waitFor();
    await expect(page.locator('.ss-history h4').innerText()).resolves.toBe(nl.history.titleTeam);
    await expect(page.locator('.ss-history figcaption').innerText()).resolves.toBe(
      `Positie per sessie, van ${a} (0) tot ${b} (100): 10 januari 2025: 20; 10 februari 2025: 60.`,
    );
    expect(await page.locator('.ss-historychart circle').count()).toBe(2);
    expect(await page.locator('.ss-historychart .ss-line').count()).toBe(1);
    // Another team's sessions are not part of this team's history.
    await openSessions(page);
    await createSession(page, { title: 'Ander team', team: 'Team Oost', date: '2025-03-10' });
    await agree(90);
    expect(await page.locator('.ss-history').count()).toBe(0);
  });
});

describe('actions and continuity', () => {
  it('a new session of the same team shows the open actions of the previous one', async () => {
    await fresh();
    await createSession(page, { title: 'Eerste', team: 'Team Noord', date: '2025-01-10' });
    const form = page.locator('.ss-action-new');
    for (const text of ['Open blijft staan', 'Al klaar']) {
      await form.getByLabel(nl.actions.text, { exact: true }).fill(text);
      await form.getByRole('button', { name: nl.actions.add }).click();
      await page.locator('.ss-action', { hasText: text }).waitFor();
    }
    await page.locator('.ss-action', { hasText: 'Al klaar' }).getByRole('checkbox').check();
    await expect.poll(async () => (await dump(page)).actions.filter((a) => a.done).length).toBe(1);

    await openSessions(page);
    await createSession(page, { title: 'Tweede', team: 'Team Noord', date: '2025-02-10' });
    const previous = page.locator('.ss-previous');
    await previous.waitFor();
    await expect(previous.innerText()).resolves.toContain('Uit “Eerste” van 10 januari 2025.');
    await expect(previous.locator('li').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('Open blijft staan'),
    ]);
    // click, not check(): ticking the last open action removes the whole box at once, so there
    // is no checkbox left for check() to confirm; the box going away is the proof.
    await previous.getByRole('checkbox').click();
    await expect.poll(() => page.locator('.ss-previous').count()).toBe(0);

    // A session of another team does not inherit them.
    await openSessions(page);
    await createSession(page, { title: 'Ander', team: 'Team Zuid' });
    expect(await page.locator('.ss-previous').count()).toBe(0);
  });
});

describe('the session list', () => {
  it('renames, duplicates, deletes and undoes the delete', async () => {
    await fresh();
    await createSession(page, { title: 'Origineel', date: '2025-01-01' });
    await noteBox(page).fill('notitie die mee moet');
    await expect.poll(() => saveState(page).innerText()).toContain(nl.notes.saved);
    await page.getByRole('link', { name: nl.view.back }).click();
    const titles = () => page.locator('.ss-item-title').allInnerTexts();
    await expect.poll(titles).toEqual(['Origineel']);

    await page.getByRole('button', { name: nl.list.rename }).click();
    await page.getByLabel(nl.list.renameLabel).fill('Hernoemd');
    await page.getByRole('button', { name: nl.list.save }).click();
    await expect.poll(titles).toEqual(['Hernoemd']);

    await page.getByRole('button', { name: nl.list.duplicate }).click();
    await expect.poll(titles).toEqual(['Hernoemd (kopie)', 'Hernoemd']);
    await expect
      .poll(async () => (await dump(page)).notes.map((n) => n.text))
      .toEqual(['notitie die mee moet', 'notitie die mee moet']);

    await page
      .locator('.ss-item', { hasText: 'Hernoemd (kopie)' })
      .getByRole('button', { name: nl.list.delete })
      .click();
    await expect.poll(titles).toEqual(['Hernoemd']);
    await expect(toast(page).innerText()).resolves.toContain('“Hernoemd (kopie)” is verwijderd.');
    // Focus lands on "undo": the button that was pressed is gone.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(nl.list.undo);
    await page.keyboard.press('Enter');
    await expect.poll(titles).toEqual(['Hernoemd (kopie)', 'Hernoemd']);
    await page.reload();
    await expect.poll(titles).toEqual(['Hernoemd (kopie)', 'Hernoemd']);
  });

  it('lists newest first, in pages', async () => {
    await fresh();
    await openSessions(page);
    // 23 sessions straight into the store, the way an import would put them there.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('kjk');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction('sessions', 'readwrite');
      for (let i = 1; i <= 23; i++) {
        const day = String(i).padStart(2, '0');
        tx.objectStore('sessions').add({
          id: `s${day}`,
          kind: 'workshop',
          title: `Sessie ${day}`,
          team: '',
          date: `2025-01-${day}`,
          lang: 'nl',
          deck: {},
          createdAt: i,
          updatedAt: i,
        });
      }
      await new Promise((r) => (tx.oncomplete = r));
      db.close();
    });
    await page.reload();
    const titles = () => page.locator('.ss-item-title').allInnerTexts();
    await expect.poll(async () => (await titles()).length).toBe(20);
    expect((await titles()).slice(0, 2)).toEqual(['Sessie 23', 'Sessie 22']);
    await page.getByRole('button', { name: nl.list.more }).click();
    await expect.poll(async () => (await titles()).length).toBe(23);
    expect((await titles()).at(-1)).toBe('Sessie 01');
    expect(await page.getByRole('button', { name: nl.list.more }).count()).toBe(0);
  });
});

describe('the report', () => {
  // The report's text and its Markdown are checked in every engine (tests/engines/sessions.test.ts,
  // with a recording clipboard); the real clipboard and print media need Playwright.
  it('copies the report to the real clipboard and prints without the page controls', async () => {
    await fresh({ permissions: ['clipboard-read', 'clipboard-write'] });
    await createSession(page, { title: 'Verslag maken', team: 'Team Noord', date: '2025-03-14' });
    await noteBox(page).fill('Regel een\nRegel twee');
    await expect.poll(() => saveState(page).innerText()).toContain(nl.notes.saved);
    await page.getByRole('link', { name: nl.view.report }).click();
    await page.locator('.ss-report').waitFor();

    await page.getByRole('button', { name: nl.report.copy }).click();
    await expect.poll(() => toast(page).innerText()).toContain(nl.report.copied);
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain('# Verslag maken');
    expect(markdown).toContain('- Datum: 14 maart 2025');
    expect(markdown).toContain('> Regel een\n> Regel twee');

    // Printing shows the report only: the page's own controls are hidden by the print styles.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ss-report .ss-buttons').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.ss-report h2').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: nl.report.back }).click();
    await page.locator('.ss-session').waitFor();
  });

  it('offers the Markdown in a text box when the clipboard refuses', async () => {
    await fresh();
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('no', 'NotAllowedError')) },
      });
    });
    await createSession(page, { title: 'Zonder klembord', kind: 'zelfreflectie' });
    await page.getByRole('link', { name: nl.view.report }).click();
    await page.getByRole('button', { name: nl.report.copy }).click();
    const box = page.getByLabel(nl.report.markdownLabel);
    await box.waitFor();
    expect(await box.inputValue()).toContain('# Zonder klembord');
    expect(await page.locator('.ss-manual').innerText()).toContain(nl.report.copyManual);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ss-markdown');
  });
});

describe('accessibility (axe) in Dutch and English', () => {
  it.each(['nl', 'en'] as const)(
    '%s: list, session with notes/positions/actions, report, import preview',
    async (lang) => {
      // English runs in dark mode, so both colour schemes are checked for contrast.
      await fresh({ bypassCSP: true, colorScheme: lang === 'nl' ? 'light' : 'dark' });
      const s = lang === 'nl' ? nl : en;
      const check = async (what: string) => {
        const violations = await axe(page);
        expect(violations, `${lang} ${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      };
      await openSessions(page, lang);
      await check('empty list');
      await page.locator('.ss-list-head button').click();
      await check('new session form');
      await page.locator('.ss-new').getByRole('button', { name: s.create.cancel }).click();
      const id = await createSession(
        page,
        { title: 'Toegankelijk', team: 'Team A', link: `?kaarten=${DILEMMA},${KENNIS}` },
        lang,
      );
      await noteBox(page, lang).fill('jan@example.nl');
      await page.locator('.ss-privacy').waitFor();
      for (const name of ['Anna', 'Bram']) {
        await page.getByLabel(s.positions.participant).fill(name);
        await page.getByRole('button', { name: s.positions.place }).click();
      }
      await page.getByRole('button', { name: s.positions.reveal }).click();
      await page.getByRole('button', { name: s.positions.agreedSave }).click();
      await page.locator('.ss-agreed-now').waitFor();
      await page.locator('.ss-action-new').getByLabel(s.actions.text, { exact: true }).fill('Iets doen');
      await page.locator('.ss-action-new').getByRole('button', { name: s.actions.add }).click();
      await page.locator('.ss-action').waitFor();
      await check('session view');
      await page.setViewportSize({ width: 320, height: 640 });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
        'no sideways scroll at 320 px',
      ).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('link', { name: s.view.report }).click();
      await page.locator('.ss-report').waitFor();
      await check('report');

      await openSessions(page, lang);
      await page.locator('.ss-list').waitFor();
      await check('list with a session');
      const file = {
        name: 'kopie.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify({
            type: 'ken-je-kracht/export',
            version: 1,
            exportedAt: new Date().toISOString(),
            app: 'ken-je-kracht',
            scope: 'all',
            data: {
              sessions: [
                {
                  id: 'imp1',
                  kind: 'workshop',
                  title: 'Uit bestand',
                  team: '',
                  date: '2025-01-01',
                  lang,
                  deck: {},
                  createdAt: 1,
                  updatedAt: 1,
                  colour: 'x',
                },
              ],
              notes: [],
              positions: [],
              actions: [],
            },
          }),
        ),
      };
      await page.locator('input[type=file]').setInputFiles(file);
      await page.locator('.ss-preview').waitFor();
      await check('import preview');
      expect(id).toBeTruthy();
    },
  );
});
