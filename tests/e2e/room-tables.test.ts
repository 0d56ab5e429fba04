/**
 * Six phones at two tables: the presenter splits the room, each phone sees its table number, each
 * table reveals itself once everyone there chose (never the other table's positions), one scribe
 * sends a summary, the presenter calls that table; one table's own timer shows on its phones only;
 * the session and its report hold both tables.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { VIEWS_VERSION } from '../../src/lib/room/audience';
import { newRoomId } from '../../src/lib/room/crypto';
import { viewsChannelName } from '../../src/lib/room/views-channel';
import { axe } from '../support/browser';
import { createWorkshop, joinRoom, shownCard, useRoomSite } from '../support/room-steps';
import { DILEMMA, dump } from './sessions-support';

const d = dictionaries.nl;
const r = d.room;
const tt = r.tables;
const s = d.sessions;

const room = useRoomSite();

it('six phones at two tables: own reveals, a summary, a called table, and a report with both', async () => {
  const { context, page: laptop } = await room.newPage({ width: 1280, height: 720 }, { axe: true });
  const sessionId = await createWorkshop(laptop, room.at('/sessies/'));
  await laptop.getByRole('link', { name: s.view.present }).click();
  await laptop.getByRole('button', { name: r.open }).click();
  const joinUrl = (await laptop.locator('[data-join-link]').getAttribute('href'))!;
  // The projector's window, for the tables side by side.
  const [audience] = await Promise.all([
    context.waitForEvent('page'),
    laptop.locator('.presenter-join').getByRole('button', { name: r.views.open }).click(),
  ]);
  await audience.setViewportSize({ width: 1920, height: 1080 });
  await audience.locator('.audience-join .qr').waitFor();
  await laptop.getByRole('button', { name: r.hideQr }).click();

  // The first phone is the smallest screen the first-screen rule names; it is checked with axe too.
  const phones: Page[] = [];
  for (let i = 0; i < 6; i++) {
    const open = (v: { width: number; height: number }) =>
      room.newPage(i === 0 ? { width: 360, height: 640 } : v, { axe: i === 0 });
    phones.push((await joinRoom(open, joinUrl, `Deelnemer ${i + 1}`)).page);
  }
  for (const page of phones) await expect.poll(() => shownCard(page)).toBe(DILEMMA);

  await laptop.getByRole('spinbutton', { name: tt.count }).fill('2');
  await laptop.getByRole('button', { name: tt.start }).click();
  await expect
    .poll(() =>
      laptop
        .getByRole('status')
        .filter({ hasText: fill('nl', tt.running, { n: 2 }) })
        .count(),
    )
    .toBe(1);

  // Each phone shows its table; the vote stays on the first screen of a 360×640 phone.
  const tableOf = async (page: Page) =>
    (await page.locator('[data-table] .room-table-no').textContent())?.replace(/\D/g, '');
  for (const page of phones) await expect.poll(() => tableOf(page)).toMatch(/^[12]$/);
  const at = { 1: [] as typeof phones, 2: [] as typeof phones };
  for (const page of phones) at[Number(await tableOf(page)) as 1 | 2].push(page);
  expect([at[1].length, at[2].length]).toEqual([3, 3]);
  // The presenter's timer, started while the room sits at tables: the phone shows it at its table.
  await laptop.getByRole('button', { name: d.deck.presenter.timer }).click();
  await laptop.getByRole('button', { name: d.deck.timer.start }).click();
  await expect.poll(() => phones[1]!.locator('[data-table] [data-timer]').isVisible()).toBe(true);
  // Table 1 gets its own timer too: its phones show it beside the presenter's, table 2's do not.
  const own = laptop.getByRole('group', { name: fill('nl', tt.timer.title, { n: 1 }) });
  await own.getByRole('spinbutton', { name: tt.timer.minutes }).fill('2');
  await own.getByRole('button', { name: tt.timer.start }).click();
  const tableTimer = (page: Page) => page.getByRole('group', { name: tt.phone.timer });
  await expect.poll(() => tableTimer(at[1][0]!).locator('[data-clock]').textContent()).toMatch(/^(2:00|1:5\d)$/);
  expect(await at[1][0]!.getByRole('group', { name: tt.phone.roomTimer }).isVisible()).toBe(true);
  expect(await tableTimer(at[2][0]!).count()).toBe(0);
  const send = phones[0]!.locator('[data-table] .room-vote button');
  expect((await send.boundingBox())!.y + (await send.boundingBox())!.height).toBeLessThanOrEqual(640);
  expect(await axe(phones[0]!)).toEqual([]);

  // Table 1 chooses: it reveals, table 2 still sees nothing of it.
  const vote = async (page: Page, value: number) => {
    await page.locator('#room-table-position').fill(String(value));
    await page.locator('[data-table] .room-vote button').click();
  };
  for (const [i, page] of at[1].entries()) await vote(page, 10 + i * 20);
  for (const page of at[1]) await expect.poll(() => page.locator('[data-table] svg circle').count()).toBe(3);
  expect(await at[2][0]!.locator('[data-table] svg circle').count()).toBe(0);
  await vote(at[2][0]!, 70);
  await vote(at[2][1]!, 80);
  expect(await at[2][2]!.locator('[data-table] [aria-labelledby="room-table-spread-h"]').isHidden()).toBe(true);
  await vote(at[2][2]!, 90);
  await expect.poll(() => at[2][0]!.locator('[data-table] svg circle').count()).toBe(3);
  expect(await at[2][0]!.locator('#room-table-cap').textContent()).toContain('70, 80, 90');

  // The scribe of table 1 (the first there) sends the summary; the privacy guard stops a phone number first.
  const scribe = at[1][0]!;
  const field = scribe.getByRole('textbox', { name: tt.phone.field });
  await field.fill('Bel 0612345678');
  await scribe.getByRole('button', { name: tt.phone.submit }).click();
  await expect.poll(() => scribe.locator('.room-table-scribe [role="alert"]').textContent()).toContain('cliënt');
  await field.fill('We kozen vooral voor samenredzaam');
  await scribe.getByRole('button', { name: tt.phone.submit }).click();
  await expect.poll(() => scribe.locator('.room-table-scribe [role="status"]').textContent()).toBe(tt.phone.done);
  expect(await at[1][1]!.locator('#room-table-summary').isVisible()).toBe(false);

  // The presenter sees it and calls table 1; its phones hear it.
  const one = laptop.getByRole('region', { name: fill('nl', tt.table, { n: 1 }) });
  await expect.poll(() => one.textContent()).toContain('We kozen vooral voor samenredzaam');
  await one.getByRole('button', { name: fill('nl', tt.call, { n: 1 }) }).click();
  await expect.poll(() => at[1][1]!.locator('.room-table-called').textContent()).toBe(tt.phone.called);
  expect(await at[2][0]!.locator('.room-table-called').textContent()).toBe('');
  expect(await axe(laptop)).toEqual([]);

  // The projector: both tables side by side, table 1 highlighted with its summary, read from the back.
  const tables = audience.getByRole('region', { name: tt.audience });
  await expect.poll(() => tables.locator('.audience-table').count()).toBe(2);
  await expect.poll(() => tables.getByRole('status').textContent()).toContain('We kozen vooral voor samenredzaam');
  expect(await tables.locator('li.is-called h3').textContent()).toContain(fill('nl', tt.table, { n: 1 }));
  expect(await tables.locator('svg circle').count()).toBe(6);
  expect(await tables.textContent()).not.toContain('Deelnemer');
  const px = (selector: string) =>
    tables
      .locator(selector)
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(await px('.audience-table h3')).toBeGreaterThanOrEqual(0.034 * 1080);
  expect(await px('.audience-table-summary')).toBeGreaterThanOrEqual(0.034 * 1080);
  expect(await axe(audience)).toEqual([]);

  // Ended: the phones go back to the room's card; the session holds both tables.
  await laptop.getByRole('button', { name: tt.end }).click();
  await expect.poll(() => phones[0]!.locator('[data-table]').isHidden()).toBe(true);
  // Each phone hears the end on its own: the second may be a moment behind the first (CI-37).
  await expect.poll(() => phones[1]!.locator('[data-live] [data-timer]').isVisible()).toBe(true);
  const saved = async () =>
    (await dump(laptop)).positions
      .filter((p) => p.sessionId === sessionId && String(p.participant).startsWith('Tafel '))
      .map((p) => `${String(p.participant).slice(0, 7)}=${p.value}`)
      .sort();
  await expect
    .poll(saved)
    .toEqual(['Tafel 1=10', 'Tafel 1=30', 'Tafel 1=50', 'Tafel 2=70', 'Tafel 2=80', 'Tafel 2=90']);
  const note = fill('nl', tt.note, { n: 1, text: 'We kozen vooral voor samenredzaam' });
  await expect
    .poll(async () => (await dump(laptop)).notes.find((n) => n.sessionId === sessionId && n.cardId === DILEMMA)?.text)
    .toContain(note);
  await laptop.keyboard.press('Escape');
  await laptop.locator('.ss-session').waitFor();
  await laptop.getByRole('link', { name: s.view.report }).click();
  await expect.poll(() => laptop.locator('main').textContent()).toContain(note);
  const report = (await laptop.locator('main').textContent()) ?? '';
  expect(report).toContain('Tafel 1 · Deelnemer');
  expect(report).toContain('Tafel 2 · Deelnemer');
}, 120_000);

it('twenty tables fit one 1080p projector, read from the back, with a called table’s summary', async () => {
  // The projector alone, fed what a presenter would send (the journey above covers the real path).
  const { page: projector } = await room.newPage({ width: 1920, height: 1080 }, { axe: true });
  const id = newRoomId();
  await projector.goto(room.at(`/zaal/scherm/#scherm=${id}`));
  const sender = await projector.context().newPage();
  await sender.goto(room.at('/'));
  const card = { id: DILEMMA, title: 'Zelfredzaam of samenredzaam?', poles: ['Zelfredzaam', 'Samenredzaam'] };
  const tables = Array.from({ length: 20 }, (_, i) => ({
    n: i + 1,
    title: card.title,
    poles: card.poles,
    chosen: 4,
    size: 5,
    ...(i % 2 ? { spread: [10, 30, 50, 70, 90] } : {}),
    ...(i === 2
      ? { called: true, summary: 'Eerst denkt het netwerk mee, daarna pas de hulpverlening; dat kost tijd.' }
      : {}),
  }));
  const snapshot = { status: 'open', card, chosen: 0, joined: 100, revealed: false, tables };
  // As the presenter does: the snapshot now, and again to every view that says hello (a projector
  // whose island starts after this first post, on a loaded machine, would otherwise miss it).
  await sender.evaluate(
    ([name, message]) => {
      const channel = new BroadcastChannel(name as string);
      channel.onmessage = (event) => {
        if ((event.data as { k?: string } | null)?.k === 'hello') channel.postMessage(message);
      };
      channel.postMessage(message);
    },
    [viewsChannelName(id), { k: 'snapshot', v: VIEWS_VERSION, snapshot }] as const,
  );
  const boxes = projector.locator('.audience-tables-grid > li');
  await boxes.nth(19).waitFor();
  expect((await boxes.nth(19).boundingBox())!.y + (await boxes.nth(19).boundingBox())!.height).toBeLessThanOrEqual(
    1080,
  );
  // 3.4% of the screen's height (docs/room-workshop.md), less a rounding hair.
  const BACK_OF_ROOM = 0.034 * 1080 - 0.01;
  const px = (sel: string) =>
    projector
      .locator(sel)
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(await px('.audience-table h3')).toBeGreaterThanOrEqual(BACK_OF_ROOM);
  expect(await px('.audience-table-count')).toBeGreaterThanOrEqual(BACK_OF_ROOM);
  expect(await px('.audience-table-summary')).toBeGreaterThanOrEqual(BACK_OF_ROOM);
  // The card stands above the tables once; a count reads "4/5" on screen and in full for a screen reader.
  expect(await boxes.first().textContent()).not.toContain(card.title);
  expect(await boxes.first().locator('.visually-hidden').textContent()).toBe(
    fill('nl', tt.chosen, { chosen: 4, size: 5 }),
  );
  expect(await axe(projector)).toEqual([]);
});
