/**
 * A session as a facilitator runs it (issue 13), in real Chromium: cards chosen up front, the
 * deck's lens carried in, kinds that match the werkvormen, no silent overwrite of a marker,
 * actions with undo and overdue marks, continuity across all earlier sessions, and a report
 * with its charts that pastes well into e-mail and Word. Screenshots go to /tmp/kjk-facil-*.png.
 */
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { site } from '../support/browser';
import { type BrowserFixtures, it } from '../support/fixture';
import { readEntries } from '../support/content';
import { pwaStatus, waitForServiceWorker } from '../support/sw';
import {
  DILEMMA,
  DILEMMA_2,
  KENNIS,
  createSession,
  dump,
  en,
  nl,
  openSessions,
  toCard,
  toast,
} from './sessions-support';
import { scaled } from '../support/timing';

type Lang = 'nl' | 'en';
const entries = (lang: Lang = 'nl') => readEntries('cards', lang);
const card = (id: string, lang: Lang = 'nl') =>
  entries(lang).find((c) => c.slug === id)!.data as Record<string, unknown>;
const poles = (id: string) => ((card(id).poles ?? []) as { label: string }[]).map((p) => p.label);
const S = { nl, en };

let context: BrowserContext;
let page: Page;
/** A fresh context and page from the fixture (tests/support/fixture.ts), kept for this file's helpers. */
async function open(fresh: BrowserFixtures['fresh'], options: BrowserContextOptions = {}) {
  page = await fresh(options);
  context = page.context();
}

const sessionsPath = (lang: Lang) => (lang === 'nl' ? '/sessies/' : '/en/sessions/');
const checkedCards = () =>
  page.locator('.ss-pick-list input:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

async function shoot(name: string) {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/kjk-facil-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('the new-session form', () => {
  it.for(['nl', 'en'] as const)(
    '(%s) takes focus, suggests cards per kind and filters the picker',
    async (lang, { fresh }) => {
      await open(fresh);
      const s = S[lang];
      await openSessions(page, lang);
      await page.locator('.ss-list-head button').click();
      const form = page.locator('form.ss-new');
      await form.waitFor();
      // Focus lands in the form, on the kind chosen.
      await expect
        .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
        .toBe('teamoverleg');

      // Teamoverleg: two dilemmas.
      const team = await checkedCards();
      expect(team).toHaveLength(2);
      expect(team.map((id) => card(id, lang).kind)).toEqual(['dilemma', 'dilemma']);
      await expect(form.locator('.ss-picker').innerText()).resolves.toContain(s.create.suggestion.teamoverleg);
      await expect(form.locator('[data-picked]').innerText()).resolves.toBe(
        lang === 'nl' ? '2 kaarten gekozen.' : '2 cards chosen.',
      );

      // Workshop: four to six cards, starting with a kenniskaart.
      await form.getByLabel(s.kinds.workshop, { exact: false }).check();
      const workshop = await checkedCards();
      expect(workshop.length).toBeGreaterThanOrEqual(4);
      expect(workshop.length).toBeLessThanOrEqual(6);
      const firstInFan = [...workshop].sort((a, b) => Number(card(a).number) - Number(card(b).number))[0]!;
      expect(card(firstInFan).kind).toBe('kenniskaart');

      // Zelfreflectie: one spanningsveld.
      await form.getByLabel(s.kinds.zelfreflectie, { exact: false }).check();
      const solo = await checkedCards();
      expect(new Set(solo.map((id) => card(id).theme)).size).toBe(1);
      expect(solo.length).toBeGreaterThan(1);

      // Filters narrow the list; the suggestion follows the filter.
      await form.getByLabel(s.create.filterTheme).selectOption('regie');
      const listed = await form
        .locator('.ss-pick-list input')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((id) => card(id).theme === 'regie')).toBe(true);
      await form.getByLabel(s.create.filterKind).selectOption('dilemma');
      const dilemmas = await form
        .locator('.ss-pick-list input')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(dilemmas.every((id) => card(id).theme === 'regie' && card(id).kind === 'dilemma')).toBe(true);
      await form.getByLabel(s.kinds.teamoverleg, { exact: false }).check();
      await form.getByRole('button', { name: s.create.suggest }).click();
      const suggested = await checkedCards();
      expect(suggested.every((id) => card(id).theme === 'regie')).toBe(true);
      if (lang === 'nl') await shoot('new-session');

      // A hand-picked card is what the session gets, in fan order.
      await form.getByLabel(s.create.filterTheme).selectOption('');
      await form.getByLabel(s.create.filterKind).selectOption('');
      for (const id of suggested) await form.locator(`.ss-pick-list input[value="${id}"]`).uncheck();
      await form.locator(`.ss-pick-list input[value="${DILEMMA_2}"]`).check();
      await form.locator(`.ss-pick-list input[value="${DILEMMA}"]`).check();
      await form.getByLabel(s.create.name, { exact: true }).fill('Gekozen');
      await form.getByRole('button', { name: s.create.submit }).click();
      await page.locator('.ss-session').waitFor();
      const order = [DILEMMA, DILEMMA_2].sort((a, b) => Number(card(a).number) - Number(card(b).number));
      expect((await dump(page)).sessions).toMatchObject([{ title: 'Gekozen', deck: { cards: order } }]);
    },
  );

  it('asks for at least one card', async ({ fresh }) => {
    await open(fresh);
    await openSessions(page);
    await page.locator('.ss-list-head button').click();
    const form = page.locator('form.ss-new');
    // The kind's suggestion ticks its cards once the form is up: untick them after that, not before.
    await expect.poll(async () => (await checkedCards()).length).toBeGreaterThan(0);
    for (const id of await checkedCards()) await form.locator(`.ss-pick-list input[value="${id}"]`).uncheck();
    await expect.poll(checkedCards).toEqual([]);
    await form.getByRole('button', { name: nl.create.submit }).click();
    await expect(form.getByRole('alert').innerText()).resolves.toBe(nl.create.needCards);
    expect((await dump(page)).sessions).toEqual([]);
  });
});

describe('from the deck to a session', () => {
  it('starts a session with the cards shown and the lens, which can be changed there', async ({ fresh }) => {
    await open(fresh);
    await page.goto(site(`/kaarten/?kaarten=${DILEMMA_2},${DILEMMA}&blik=ouder`));
    const start = page.getByRole('link', { name: dictionaries.nl.deck.startSession });
    await start.waitFor();
    expect(await start.getAttribute('href')).toBe(`/sessies/?nieuw=1&kaarten=${DILEMMA_2},${DILEMMA}&lens=ouder`);
    await start.click();
    const form = page.locator('form.ss-new');
    await form.waitFor();
    await expect(form.locator('.ss-picker').innerText()).resolves.toContain(nl.create.fromLink);
    expect(await checkedCards()).toEqual(
      [DILEMMA, DILEMMA_2].sort((a, b) => Number(card(a).number) - Number(card(b).number)),
    );
    await expect(form.getByLabel(nl.create.lens).inputValue()).resolves.toBe('ouder');
    await form.getByRole('button', { name: nl.create.submit }).click();
    await page.locator('.ss-session').waitFor();
    // The link's order is kept; the lens shows the parent's questions.
    const [stored] = (await dump(page)).sessions;
    expect(stored).toMatchObject({ deck: { cards: [DILEMMA_2, DILEMMA] }, lens: 'ouder' });
    const questions = page.locator('.ss-questions');
    // Parents and young people are spoken to directly ("Vragen voor jou"), with their own questions.
    await expect(questions.locator('summary').innerText()).resolves.toBe(nl.view.lensForYou);
    const parentQs = (card(DILEMMA_2).perspectives as Record<string, string[]>).ouder!;
    await expect(questions.locator('li').first().innerText()).resolves.toBe(parentQs[0]);

    await page.getByLabel(nl.view.lens).selectOption('jeugdige');
    await expect.poll(async () => (await dump(page)).sessions[0]?.lens).toBe('jeugdige');
    await expect(questions.locator('summary').innerText()).resolves.toBe(nl.view.lensForYou);
    const youthQs = (card(DILEMMA_2).perspectives as Record<string, string[]>).jeugdige!;
    await expect(questions.locator('li').first().innerText()).resolves.toBe(youthQs[0]);

    // The language switch stays on this session and card.
    await toCard(page, 1);
    const id = new URL(page.url()).searchParams.get('sessie');
    await expect
      .poll(() => page.locator('a.lang-switch').getAttribute('href'))
      .toBe(`/en/sessions/?sessie=${id}&kaart=2`);
    await page.locator('a.lang-switch').click();
    await page.locator('.ss-session').waitFor();
    await expect(page.locator('.ss-progress').innerText()).resolves.toBe('Card 2 of 2');
    await expect(page.locator('#ss-card-h').innerText()).resolves.toBe(String(card(DILEMMA, 'en').title));
    await expect(page.locator('.ss-questions summary').innerText()).resolves.toBe(en.view.lensForYou);
  });

  it('falls back safely on a hostile new-session link', async ({ fresh }) => {
    await open(fresh);
    await openSessions(
      page,
      'nl',
      `?nieuw=1&kaarten=%3Cscript%3E,nope,${KENNIS},${KENNIS},${'x'.repeat(400)}&lens=%22evil&soort=admin`,
    );
    const form = page.locator('form.ss-new');
    await form.waitFor();
    expect(await checkedCards()).toEqual([KENNIS]);
    await expect(form.getByLabel(nl.create.lens).inputValue()).resolves.toBe('');
    await expect(form.getByLabel(nl.kinds.teamoverleg, { exact: false }).isChecked()).resolves.toBe(true);
  });
});

describe('kinds and werkvormen', () => {
  it.for(['nl', 'en'] as const)(
    '(%s) the home page, the werkvormen and the form link to each other',
    async (lang, { fresh }) => {
      await open(fresh);
      const d = dictionaries[lang];
      const formats = lang === 'nl' ? '/werkvormen/' : '/en/formats/';
      await page.goto(site(lang === 'nl' ? '/' : '/en/'));
      const talk = page.getByRole('link', { name: d.home.ways.talk.title });
      expect(await talk.getAttribute('href')).toBe(`${formats}#gesprek-jongere-ouder`);
      await expect(page.locator('#ways').innerText()).resolves.toBe(d.home.waysTitle);
      await talk.click();
      const section = page.locator('section#gesprek-jongere-ouder');
      const begin = section.getByRole('link', { name: d.formats.startSession });
      expect(await begin.getAttribute('href')).toBe(`${sessionsPath(lang)}?nieuw=1&soort=gesprek`);
      // Every werkvorm that is a kind has the link; kies-je-plek is an exercise, not a kind.
      expect(await page.locator('[data-start-session]').count()).toBe(4);
      await begin.click();
      const form = page.locator('form.ss-new');
      await form.waitFor();
      await expect(form.getByLabel(d.sessions.kinds.gesprek, { exact: false }).isChecked()).resolves.toBe(true);
      expect(await checkedCards()).toHaveLength(1);
      const about = form.locator('[data-kind-format]');
      expect(await about.getAttribute('href')).toBe(`${formats}#gesprek-jongere-ouder`);
      await form.getByLabel(d.sessions.kinds.workshop, { exact: false }).check();
      expect(await about.getAttribute('href')).toBe(`${formats}#workshop`);
      await form.getByLabel(d.sessions.kinds.gesprek, { exact: false }).check();
      await form.getByRole('button', { name: d.sessions.create.submit }).click();
      await page.locator('.ss-session').waitFor();
      await expect(page.locator('.ss-item-meta').first().innerText()).resolves.toContain(d.sessions.kinds.gesprek);
      // A conversation has a marker per person.
      await expect(page.locator('.ss-positions h4').innerText()).resolves.toBe(d.sessions.positions.titleTeam);
    },
  );
});

describe('team markers', () => {
  it.for(['nl', 'en'] as const)(
    '(%s) a used name asks replace or add, markers can be removed, dots show names',
    async (lang, { fresh }) => {
      await open(fresh);
      const s = S[lang];
      await createSession(page, { title: 'Markers' }, lang);
      const [a, b] =
        lang === 'nl' ? poles(DILEMMA) : ((card(DILEMMA, 'en').poles ?? []) as { label: string }[]).map((p) => p.label);
      const slider = () =>
        page.getByLabel(lang === 'nl' ? `Jouw positie tussen ${a} en ${b}` : `Your position between ${a} and ${b}`);
      const place = async (name: string, value: number) => {
        await page.getByLabel(s.positions.participant).fill(name);
        await slider().fill(String(value));
        await page.getByRole('button', { name: s.positions.place }).click();
      };
      await place('Anna', 20);
      await expect.poll(async () => (await dump(page)).positions.length).toBe(1);
      await place(' anna ', 70);
      const clash = page.locator('.ss-clash');
      await expect(clash.locator('p').first().innerText()).resolves.toBe(
        lang === 'nl'
          ? '“Anna” heeft al een positie. Vervangen of toevoegen als Anna (2)?'
          : '“Anna” already has a position. Replace it or add as Anna (2)?',
      );
      // Nothing was written while the question stands.
      expect((await dump(page)).positions).toMatchObject([{ participant: 'Anna', value: 20 }]);
      // Numbered after the stored spelling, not after the second one's " anna ".
      await clash.getByRole('button', { name: /Anna \(2\)/ }).click();
      await expect
        .poll(async () => (await dump(page)).positions.map((p) => p.participant).sort())
        .toEqual(['Anna', 'Anna (2)']);
      await place('Anna', 35);
      await page.locator('.ss-clash').getByRole('button', { name: s.positions.replace, exact: true }).click();
      await expect
        .poll(async () => (await dump(page)).positions.map((p) => `${p.participant}=${p.value}`).sort())
        .toEqual(['Anna (2)=70', 'Anna=35']);

      // Removable before the reveal.
      await place('Bram', 90);
      await expect.poll(async () => (await dump(page)).positions.length).toBe(3);
      await page.locator('.ss-placed summary').click();
      await page
        .getByRole('button', { name: lang === 'nl' ? 'Verwijder de positie van Bram' : 'Remove the position of Bram' })
        .click();
      await expect.poll(async () => (await dump(page)).positions.length).toBe(2);
      await expect(page.locator('.ss-count-text').innerText()).resolves.toBe(
        lang === 'nl' ? '2 posities geplaatst' : '2 positions placed',
      );

      // After the reveal the dots carry the names' initials (full names in their titles).
      await page.getByRole('button', { name: s.positions.reveal }).click();
      await page.locator('.ss-dotplot').waitFor();
      expect(await page.locator('.ss-placed').count()).toBe(0);
      expect((await page.locator('.ss-dot-label').allTextContents()).sort()).toEqual(['A', 'A2']);
      expect((await page.locator('.ss-dotplot title').allTextContents()).sort()).toEqual(['Anna (2): 70', 'Anna: 35']);

      // The right pole's label ends where the scale ends, also on a phone.
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        const box = await page.locator('.ss-dotplot').boundingBox();
        const right = await page
          .locator('.ss-dotplot + .ss-chart-poles span')
          .last()
          .evaluate((el) => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const rects = [...range.getClientRects()];
            return Math.max(...rects.map((r) => r.right));
          });
        expect(Math.abs(box!.x + box!.width - right)).toBeLessThan(4);
      }
    },
  );
});

describe('actions', () => {
  it.for(['nl', 'en'] as const)(
    '(%s) a deleted action can be undone; overdue open actions are marked',
    async (lang, { fresh }) => {
      await open(fresh);
      const s = S[lang];
      await createSession(page, { title: 'Acties' }, lang);
      const form = page.locator('.ss-action-new');
      await form.getByLabel(s.actions.text, { exact: true }).fill('Te laat ding');
      await form.getByLabel(s.actions.owner).fill('Anna');
      await form.getByLabel(s.actions.due).fill('2020-01-15');
      await form.getByRole('button', { name: s.actions.add }).click();
      await form.getByLabel(s.actions.text, { exact: true }).fill('Later ding');
      await form.getByLabel(s.actions.due).fill('2999-01-01');
      await form.getByRole('button', { name: s.actions.add }).click();
      await expect.poll(() => page.locator('.ss-action').count()).toBe(2);
      const late = page.locator('.ss-action', { hasText: 'Te laat ding' });
      await expect(late.getAttribute('class')).resolves.toContain('is-overdue');
      await expect(late.locator('.ss-overdue').innerText()).resolves.toBe(s.actions.overdue);
      expect(await page.locator('.ss-action', { hasText: 'Later ding' }).locator('.ss-overdue').count()).toBe(0);
      // Done is not overdue.
      await page.locator('.ss-action', { hasText: 'Later ding' }).getByRole('checkbox').check();

      await late.getByRole('button', { name: `${s.actions.delete}: Te laat ding` }).click();
      await expect.poll(() => page.locator('.ss-action').count()).toBe(1);
      await expect(toast(page).innerText()).resolves.toContain(s.actions.deleted);
      await toast(page).getByRole('button', { name: s.actions.undo }).click();
      await expect.poll(() => page.locator('.ss-action').count()).toBe(2);
      await expect(toast(page).innerText()).resolves.toContain(s.actions.restored);
      expect((await dump(page)).actions.find((x) => x.text === 'Te laat ding')).toMatchObject({
        owner: 'Anna',
        due: '2020-01-15',
        done: false,
        cardId: DILEMMA,
      });
    },
  );
});

describe('continuity', () => {
  it('one team whatever the case and spaces, picked from a list, with open actions of all earlier sessions', async ({
    fresh,
  }) => {
    await open(fresh);
    const addAction = async (text: string) => {
      const form = page.locator('.ss-action-new');
      await form.getByLabel(nl.actions.text, { exact: true }).fill(text);
      await form.getByRole('button', { name: nl.actions.add }).click();
      await page.locator('.ss-action', { hasText: text }).waitFor();
    };
    await createSession(page, { title: 'Een', team: 'Team Noord', date: '2025-01-10' });
    await addAction('Uit januari');
    await openSessions(page);
    await createSession(page, { title: 'Twee', team: '  team   noord ', date: '2025-02-10' });
    await addAction('Uit februari');
    await openSessions(page);
    await page.locator('.ss-list-head button').click();
    // The form's code loads on first use ("Laden…" until then): read the list once it is there.
    await page.locator('form.ss-new').waitFor();
    const options = await page
      .locator('form.ss-new datalist option')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toEqual(['Team Noord']);
    await page.locator('form.ss-new').getByRole('button', { name: nl.create.cancel }).click();
    await createSession(page, { title: 'Drie', team: 'TEAM NOORD', date: '2025-03-10' });
    const previous = page.locator('.ss-previous');
    await previous.waitFor();
    await expect(previous.locator('li').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('Uit januari'),
      expect.stringContaining('Uit februari'),
    ]);
    await expect(previous.innerText()).resolves.toContain('Uit “Een” van 10 januari 2025.');
    await expect(previous.innerText()).resolves.toContain('Uit “Twee” van 10 februari 2025.');
    // Every session of the team is stored under the one spelling.
    expect(new Set((await dump(page)).sessions.map((x) => x.team))).toEqual(new Set(['Team Noord']));
  });
});

describe('the offline notice', () => {
  it('goes by itself, can be closed, and gives way to typing', async ({ fresh }) => {
    await open(fresh, { serviceWorkers: 'allow' });
    await page.goto(site('/sessies/'));
    await waitForServiceWorker(page);
    await expect.poll(async () => (await pwaStatus(page)).notice).toBe(dictionaries.nl.pwa.ready);
    const close = page.getByRole('button', { name: dictionaries.nl.pwa.close });
    await expect(close.isVisible()).resolves.toBe(true);
    const shownAt = Date.now();
    await expect.poll(async () => (await pwaStatus(page)).notice, { timeout: scaled(15_000) }).toBe('');
    expect(Date.now() - shownAt).toBeLessThan(scaled(12_000));
    expect(await close.count()).toBe(0);
  });

  it('closes on its button and when someone starts typing (a fresh install each time)', async ({ fresh }) => {
    for (const how of ['button', 'typing'] as const) {
      await open(fresh, { serviceWorkers: 'allow' });
      await openSessions(page);
      await waitForServiceWorker(page);
      await expect.poll(async () => (await pwaStatus(page)).notice).toBe(dictionaries.nl.pwa.ready);
      if (how === 'button') await page.getByRole('button', { name: dictionaries.nl.pwa.close }).click();
      else {
        await page.locator('.ss-list-head button').click();
        await page.locator('form.ss-new').getByLabel(nl.create.name, { exact: true }).click();
      }
      await expect.poll(async () => (await pwaStatus(page)).notice, { timeout: scaled(2000) }).toBe('');
      expect(await page.locator('.pwa-close').count()).toBe(0);
      await context.close();
    }
    await open(fresh);
  });
});

describe('the report', () => {
  const agree = async (value: number, names: [string, number][]) => {
    const [a, b] = poles(DILEMMA);
    for (const [i, [name, v]] of names.entries()) {
      await page.getByLabel(nl.positions.participant).fill(name);
      await page.getByLabel(`Jouw positie tussen ${a} en ${b}`).fill(String(v));
      await page.getByRole('button', { name: nl.positions.place }).click();
      await expect.poll(() => page.locator('.ss-count-text').innerText()).toMatch(new RegExp(`^${i + 1} `));
    }
    await page.getByRole('button', { name: nl.positions.reveal }).click();
    await page.getByLabel(`Gezamenlijke positie tussen ${a} en ${b}`).fill(String(value));
    await page.getByRole('button', { name: nl.positions.agreedSave }).click();
    await page.locator('.ss-agreed-now').waitFor();
  };

  it('shows the dot plot and the trend on screen and in print, and copies them for e-mail and Word', async ({
    fresh,
  }) => {
    await open(fresh, { permissions: ['clipboard-read', 'clipboard-write'] });
    await createSession(page, { title: 'Januari', team: 'Team West', date: '2025-01-10' });
    await agree(20, [['Anna', 10]]);
    await openSessions(page);
    await createSession(page, { title: 'Maart <img src=x onerror=alert(1)>', team: 'Team West', date: '2025-03-10' });
    await agree(60, [
      ['Anna', 30],
      ['Bram', 80],
    ]);
    const form = page.locator('.ss-action-new');
    await form.getByLabel(nl.actions.text, { exact: true }).fill('Open <b>actie</b>');
    await form.getByRole('button', { name: nl.actions.add }).click();
    await form.getByLabel(nl.actions.text, { exact: true }).fill('Klare actie');
    await form.getByRole('button', { name: nl.actions.add }).click();
    await page.locator('.ss-action', { hasText: 'Klare actie' }).getByRole('checkbox').check();
    await page.getByRole('link', { name: nl.view.report }).click();
    const report = page.locator('.ss-report');
    await report.waitFor();

    // On screen: the dot plot of the card, its trend, and the trend across the fan.
    await expect(report.locator('.ss-dotplot circle').count()).resolves.toBe(2);
    await expect(report.locator('.ss-dotplot .ss-agreed-mark').count()).resolves.toBe(1);
    expect(await report.getByRole('heading', { name: nl.report.trend, exact: true }).count()).toBe(1);
    await expect(report.locator('.ss-historychart circle').count()).resolves.toBe(2);
    const fan = report.locator('.ss-fan-trend');
    await expect(fan.locator('h3').innerText()).resolves.toBe(nl.report.trendAll);
    await expect(fan.locator('li').first().innerText()).resolves.toContain('10 januari 2025: 20, 10 maart 2025: 60');
    await shoot('report');

    // In print the charts stay.
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['.ss-dotplot', '.ss-historychart', '.ss-fan-trend svg']) {
      await expect(report.locator(sel).first().isVisible()).resolves.toBe(true);
    }
    await page.emulateMedia({ media: 'screen' });

    // Markdown carries the plot as a line of text and the trend as a list.
    await report.getByRole('button', { name: nl.report.copy }).click();
    // The copy loads its code first (the privacy check): read the clipboard once it says it is done.
    await expect.poll(() => toast(page).innerText()).toContain(nl.report.copied);
    const md = await page.evaluate(() => navigator.clipboard.readText());
    expect(md).toMatch(/```\n.+ \|[·●◆\d]+\| .+\n```/);
    expect(md).toContain(`### ${nl.report.trend}`);
    expect(md).toContain('- 10 januari 2025: 20');

    // For e-mail and Word: HTML plus plain text.
    await report.getByRole('button', { name: nl.report.copyHtml }).click();
    await expect.poll(() => toast(page).innerText()).toContain(nl.report.copiedHtml);
    const clip = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return {
        types: item ? [...item.types] : [],
        html: item ? await (await item.getType('text/html')).text() : '',
        text: item ? await (await item.getType('text/plain')).text() : '',
      };
    });
    expect(clip.types.sort()).toEqual(['text/html', 'text/plain']);
    expect(clip.text).toContain('☑ Klare actie');
    expect(clip.text).not.toMatch(/- \[[x ]\]|\\\(/);

    // Rendered as a mail program would: headings, lists, checkboxes, the scale, nothing executable.
    const pasted = await context.newPage();
    await pasted.setContent(`<!doctype html><meta charset="utf-8"><body>${clip.html}</body>`);
    await expect(pasted.locator('h1').innerText()).resolves.toBe('Maart <img src=x onerror=alert(1)>');
    expect(await pasted.locator('img, script, b').count()).toBe(0);
    await expect(pasted.locator('h2').first().innerText()).resolves.toBe(
      `Kaart ${card(DILEMMA).number}: ${card(DILEMMA).title}`,
    );
    expect(await pasted.locator('h3').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining(nl.report.positions), nl.report.trend, nl.report.actions]),
    );
    const items = await pasted.locator('li').allInnerTexts();
    expect(items).toEqual(expect.arrayContaining(['Anna: 30', 'Bram: 80', 'Gezamenlijke positie: 60']));
    expect(items).toEqual(expect.arrayContaining(['☐ Open <b>actie</b>', '☑ Klare actie']));
    expect(await pasted.locator('li strong').innerText()).toBe('Gezamenlijke positie: 60');
    expect(await pasted.locator('table[data-scale]').count()).toBe(2);
    const marks = await pasted.locator('table[data-scale]').first().locator('td[title]').allInnerTexts();
    expect(marks).toEqual(['A', 'B']);
    for (const width of [375, 1280]) {
      await pasted.setViewportSize({ width, height: 900 });
      await pasted.screenshot({ path: `/tmp/kjk-facil-pasted-${width}.png`, fullPage: true });
    }
    await pasted.close();
  });

  it('copies plain text when the browser has no ClipboardItem, in English too', async ({ fresh }) => {
    await open(fresh, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.addInitScript(() => {
      // @ts-expect-error: an older browser
      delete window.ClipboardItem;
    });
    await createSession(page, { title: 'Plain' }, 'en');
    const form = page.locator('.ss-action-new');
    await form.getByLabel(en.actions.text, { exact: true }).fill('Call the school');
    await form.getByRole('button', { name: en.actions.add }).click();
    await page.getByRole('link', { name: en.view.report }).click();
    await page.getByRole('button', { name: en.report.copyHtml }).click();
    await expect.poll(() => toast(page).innerText()).toContain(en.report.copiedHtml);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('Plain\n=====');
    expect(text).toContain('☐ Call the school');
    expect(text).toContain(en.report.footer);
  });
});
