/** The room scan: the trainer picks three dilemmas, the phones place themselves, the outcome starts the talk. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { axe } from '../support/browser';
import { readEntries } from '../support/content';
import { joinRoom as joinAs, shownCard, useRoomSite } from '../support/room-steps';
import { dump } from './sessions-support';

const d = dictionaries.nl;
const r = d.room;
const s = r.scan;

const room = useRoomSite();

/** KJK_SHOTS=dir saves screenshots of the big screen and a phone, to look at the layout by eye. */
const shot = async (page: Page, name: string) => {
  if (process.env.KJK_SHOTS) await page.screenshot({ path: join(process.env.KJK_SHOTS, `${name}.png`) });
};

it('three phones scan three dilemmas; the outcome names where the room differs most and starts the talk there', async () => {
  const dilemmas = readEntries('cards', 'nl')
    .filter((c) => c.data.kind === 'dilemma')
    .sort((a, b) => Number(a.data.number) - Number(b.data.number))
    .slice(0, 3);
  const [one, two, three] = dilemmas.map((c) => ({ id: c.slug, title: String(c.data.title) })) as [
    { id: string; title: string },
    { id: string; title: string },
    { id: string; title: string },
  ];
  const { page: laptop } = await room.newPage({ width: 1280, height: 720 }, { axe: true });
  await laptop.goto(room.at(`/kaarten/?kaarten=${one.id},${two.id},${three.id}`));
  await laptop.getByRole('button', { name: d.deck.present, exact: true }).click();
  const presenter = laptop.locator('.presenter');
  await presenter.waitFor();
  await presenter.getByRole('button', { name: r.open, exact: true }).click();
  const joinUrl = (await laptop.locator('[data-join-link]').getAttribute('href'))!;
  const sessionHref = (await presenter
    .locator('.presenter-note', { hasText: d.deck.presenter.roomWhere })
    .getByRole('link')
    .getAttribute('href'))!;
  const sessionId = new URL(sessionHref, room.at('/')).searchParams.get('sessie')!;

  // Three phones: "where the room differs most" needs three positions on a card.
  const phones: Page[] = [];
  for (const o of [{ axe: true }, {}, {}])
    phones.push((await joinAs((viewport) => room.newPage(viewport, o), joinUrl)).page);
  for (const phone of phones) await expect.poll(() => shownCard(phone)).toBe(one.id);
  await laptop.keyboard.press('Escape');
  await laptop.locator('.presenter-join').waitFor({ state: 'detached' });

  // The trainer picks the three dilemmas and starts.
  await presenter.getByRole('button', { name: s.open, exact: true }).click();
  const pick = presenter.getByRole('group', { name: s.pick });
  for (const card of [one, two, three]) await pick.getByRole('checkbox', { name: card.title }).check();
  await presenter.getByRole('button', { name: s.start }).click();
  await expect
    .poll(() => presenter.locator('.room-scan-done').textContent())
    .toBe(fill('nl', s.done, { done: 0, joined: 3 }));

  // Each phone walks the cards: the second card splits the room, the others hardly.
  const places = [
    [40, 0, 20],
    [50, 100, 30],
    [60, 50, 40],
  ];
  for (const [i, phone] of phones.entries()) {
    for (const [k, card] of [one, two, three].entries()) {
      await expect.poll(() => phone.locator('[data-scan-card]').getAttribute('data-scan-card')).toBe(card.id);
      expect(await phone.locator('[data-scan]').textContent()).toContain(
        fill('nl', s.phone.progress, { i: k + 1, n: 3 }),
      );
      if (i === 0 && k === 0) {
        expect(await axe(phone)).toEqual([]);
        await shot(phone, 'phone-scan');
      }
      await phone.locator('#room-scan-position').fill(String(places[i]![k]));
      await phone.getByRole('button', { name: k === 2 ? s.phone.finish : s.phone.next, exact: true }).click();
    }
    await phone.getByText(s.phone.finished).waitFor();
  }
  await expect
    .poll(() => presenter.locator('.room-scan-done').textContent())
    .toBe(fill('nl', s.done, { done: 3, joined: 3 }));
  // Saved into the session per card, as room votes are.
  await expect.poll(async () => (await dump(laptop)).positions.filter((p) => p.sessionId === sessionId).length).toBe(9);

  // The outcome: every card's spread, and the card where the room differs most.
  await presenter.getByRole('button', { name: s.reveal }).click();
  const most = presenter.getByRole('group', { name: s.most });
  await expect.poll(() => most.textContent()).toContain(two.title);
  expect(await presenter.locator('.room-scan .room-dot').count()).toBe(9);
  // Nameless: the current card (one of the scan's) does not show its own plot with the phones' labels beside it.
  expect(await presenter.locator('.room-dot').count()).toBe(9);
  expect(await presenter.locator('.presenter-room').textContent()).not.toContain(fill('nl', r.phoneName, { n: 1 }));
  expect(await axe(laptop)).toEqual([]);
  await shot(laptop, 'presenter-scan-outcome');
  for (const phone of phones) await expect.poll(() => phone.locator('[data-scan] .room-dot').count()).toBe(9);
  expect(await phones[0]!.getByRole('heading', { name: s.phone.outcome }).count()).toBe(1);
  expect(await axe(phones[0]!)).toEqual([]);
  await shot(phones[0]!, 'phone-scan-outcome');

  // The projector shows the outcome too: each card's spread, nameless, and where the room differs most.
  const [audience] = await Promise.all([
    laptop.context().waitForEvent('page'),
    presenter.getByRole('button', { name: r.views.open }).first().click(),
  ]);
  await audience.setViewportSize({ width: 1920, height: 1080 });
  await expect.poll(() => audience.locator('.audience-scan .is-most').textContent()).toContain(two.title);
  expect(await audience.locator('.audience-scan-most').textContent()).toBe(s.most);
  expect(await audience.locator('.audience-scan .room-dot').count()).toBe(9);
  expect(await audience.locator('body').innerText()).not.toContain(fill('nl', r.phoneName, { n: 1 }));
  expect(await axe(audience)).toEqual([]);
  await audience.close();

  // "Begin het gesprek": the room moves to that card, its spread shown as after a reveal.
  await most.getByRole('button', { name: s.begin }).click();
  await expect.poll(() => presenter.locator('.deck-card-title').textContent()).toBe(two.title);
  for (const phone of phones) {
    await expect.poll(() => shownCard(phone)).toBe(two.id);
    await expect.poll(() => phone.locator('[data-spread] circle').count()).toBe(3);
    expect(await phone.locator('[data-scan]').isHidden()).toBe(true);
  }
}, 240_000);
