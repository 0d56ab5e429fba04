import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { qrShape } from '../../src/lib/deck/qr';
import { axe } from '../support/browser';
import { readEntries } from '../support/content';
import { DILEMMA, DILEMMA_2, dump, KENNIS } from './sessions-support';
import { createWorkshop as createAt, joinRoom as joinAs, shownCard, useRoomSite } from '../support/room-steps';
import { scaled } from '../support/timing';

const r = dictionaries.nl.room;
const s = dictionaries.nl.sessions;
const title = (id: string) => String(readEntries('cards', 'nl').find((c) => c.slug === id)?.data.title);
const count = (chosen: number, joined: number) => fill('nl', r.count, { chosen, joined });

const room = useRoomSite();

/** KJK_SHOTS=dir saves screenshots of the big screen and a phone, to look at the layout by eye. */
const shot = async (page: Page, name: string) => {
  if (process.env.KJK_SHOTS) await page.screenshot({ path: join(process.env.KJK_SHOTS, `${name}.png`) });
};

const at = room.at;
const newPage = room.newPage;

/** A phone at `width` (375 px unless told); `axe` as in newPage. */
const joinRoom = (url: string, name?: string, lang: 'nl' | 'en' = 'nl', o: { axe?: boolean; width?: number } = {}) =>
  joinAs((viewport) => newPage(viewport, o), url, name, lang, o.width);
const createWorkshop = (page: Page) => createAt(page, at('/sessies/'));

const roomPositions = async (page: Page, sessionId: string, cardId: string) =>
  (await dump(page)).positions
    .filter((p) => p.sessionId === sessionId && p.cardId === cardId)
    .map((p) => `${p.participant}=${p.value}${p.agreed ? '*' : ''}`)
    .sort();

it('runs a vote with three phones, saves every position in the session, and keeps them when the relay dies', async () => {
  const { page: laptop } = await newPage({ width: 1280, height: 720 }, { axe: true });
  const sessionId = await createWorkshop(laptop);

  // "Presenteren" opens the presenter on the session's cards, at the current card.
  await laptop.getByRole('link', { name: s.view.present }).click();
  await laptop.locator('.presenter').waitFor();
  await expect.poll(() => laptop.locator('.presenter .deck-card-title').textContent()).toBe(title(DILEMMA));
  await laptop.getByRole('button', { name: r.open }).click();
  // No toasts or offline notices over the big screen.
  expect(await laptop.locator('#pwa').isVisible()).toBe(false);

  // One QR code for the whole session, at least 40% of the screen high, with the address under it.
  const qr = laptop.locator('.presenter-join .qr');
  await qr.waitFor();
  const box = await qr.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(0.4 * 720);
  const joinUrl = (await laptop.locator('[data-join-link]').getAttribute('href'))!;
  expect(joinUrl).toMatch(/\/doe-mee\/#room=[\w-]{22},[\w-]{43},[\w-]{87}$/);
  // The code on the screen is exactly that link (the same encoder, the same modules).
  expect(await qr.locator('path').getAttribute('d')).toBe(qrShape(joinUrl).d);
  await expect
    .poll(() => laptop.locator('.presenter-join-address').textContent())
    .toBe(`${new URL(room.origin()).host}/doe-mee/`);
  expect(await axe(laptop)).toEqual([]);
  await shot(laptop, 'presenter-join');

  const phones = [
    await joinRoom(joinUrl, 'Ans'),
    await joinRoom(joinUrl),
    await joinRoom(joinUrl, undefined, 'nl', { axe: true }),
  ];
  for (const { page } of phones) await expect.poll(() => shownCard(page)).toBe(DILEMMA);
  const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
  expect(await fits(phones[0]!.page)).toBe(true);
  await shot(phones[0]!.page, 'phone-card');
  await expect.poll(() => laptop.locator('.presenter-room-count').textContent()).toBe(count(0, 3));
  expect(await axe(phones[2]!.page)).toEqual([]);
  await laptop.keyboard.press('Escape'); // hides the code; the presenter stays
  await laptop.locator('.presenter-join').waitFor({ state: 'detached' });
  expect(await laptop.locator('.presenter').count()).toBe(1);
  expect(await axe(laptop)).toEqual([]);

  // Votes: by keyboard, by dragging to a value, and with the button. Nobody's position shows yet.
  const [ans, second, third] = phones.map((p) => p.page) as [Page, Page, Page];
  await ans.locator('#room-position').focus();
  for (let i = 0; i < 3; i++) await ans.keyboard.press('PageDown');
  await ans.getByRole('button', { name: r.join.send }).click();
  const ansValue = Number(await ans.locator('#room-position').inputValue());
  expect(ansValue).toBeLessThan(50);
  await second.locator('#room-position').fill('80');
  await third.locator('#room-position').fill('60');
  await third.getByRole('button', { name: r.join.send }).click();
  await expect.poll(() => laptop.locator('.presenter-room-count').textContent()).toBe(count(3, 3));
  await expect.poll(() => ans.locator('[data-count]').textContent()).toBe(count(3, 3));
  expect(await laptop.locator('.presenter .room-dot').count()).toBe(0);
  expect(await ans.locator('[data-spread] circle').count()).toBe(0);
  // Saved as they came in, before any reveal.
  await expect
    .poll(() => roomPositions(laptop, sessionId, DILEMMA))
    .toEqual([`Ans=${ansValue}`, 'Telefoon 1=80', 'Telefoon 2=60']);

  // The room's key left the address once read (kept in this tab's sessionStorage), and the
  // language switch does not carry it.
  expect(await second.evaluate(() => location.hash)).toBe('');
  expect(await second.locator('a.lang-switch').getAttribute('href')).not.toContain('#');
  // A phone that reloads comes back with its position, and still votes; one that goes offline comes back and may change it.
  await second.reload();
  await expect.poll(() => second.locator('#room-position').inputValue()).toBe('80');
  await expect.poll(() => second.locator('[data-sent]').textContent()).toContain('80');
  await second.locator('#room-position').fill('81');
  await expect.poll(() => roomPositions(laptop, sessionId, DILEMMA)).toContain('Telefoon 1=81');
  await second.locator('#room-position').fill('80');
  await expect.poll(() => roomPositions(laptop, sessionId, DILEMMA)).toContain('Telefoon 1=80');
  await phones[2]!.context.setOffline(true);
  await expect.poll(() => third.locator('[data-status]').textContent(), { timeout: scaled(60_000) }).not.toBe('');
  await phones[2]!.context.setOffline(false);
  await expect.poll(() => third.locator('[data-status]').textContent(), { timeout: scaled(30_000) }).toBe('');
  await third.locator('#room-position').fill('65');
  await expect.poll(() => roomPositions(laptop, sessionId, DILEMMA)).toContain('Telefoon 2=65');
  await expect.poll(() => laptop.locator('.presenter-room-count').textContent()).toBe(count(3, 3));

  // The reveal: the big screen shows every position, the phones the spread; choosing is over.
  await laptop.getByRole('button', { name: r.reveal }).click();
  await expect.poll(() => laptop.locator('.presenter .room-dot').count()).toBe(3);
  await expect.poll(() => ans.locator('[data-spread] circle').count()).toBe(3);
  expect(await ans.locator('[data-count]').textContent()).toContain(r.revealed);
  expect(await ans.locator('[data-vote]').isHidden()).toBe(true);
  await laptop.getByRole('button', { name: new RegExp(r.agreedSave) }).click();
  await expect.poll(() => laptop.locator('.presenter-room-agreed').textContent()).toContain('65');
  await shot(laptop, 'presenter-revealed');
  await shot(ans, 'phone-revealed');
  expect(await axe(laptop)).toEqual([]);

  // The next card reaches every phone; a late joiner gets the current card.
  await laptop.locator('.presenter').focus();
  await laptop.keyboard.press('ArrowRight');
  for (const page of [ans, second, third]) await expect.poll(() => shownCard(page)).toBe(KENNIS);
  expect(await ans.locator('[data-novote]').isVisible()).toBe(true);
  const late = await joinRoom(joinUrl);
  await expect.poll(() => shownCard(late.page)).toBe(KENNIS);
  await laptop.keyboard.press('ArrowRight');
  await expect.poll(() => shownCard(late.page)).toBe(DILEMMA_2);
  await expect.poll(() => laptop.locator('.presenter-room-count').textContent()).toBe(count(0, 4));

  // The relay is killed mid-vote: the presenter keeps what arrived and says the room is gone.
  await late.page.locator('#room-position').fill('10');
  await expect.poll(() => laptop.locator('.presenter-room-count').textContent()).toBe(count(1, 4));
  room.relay().process.kill('SIGKILL');
  await expect
    .poll(() => laptop.locator('.presenter-room-status').first().textContent(), { timeout: scaled(30_000) })
    .toBe(r.hostGone);
  expect(await laptop.locator('.presenter-room-count').textContent()).toBe(count(1, 4));
  await expect.poll(() => roomPositions(laptop, sessionId, DILEMMA_2)).toEqual(['Telefoon 3=10']);
  await expect.poll(() => late.page.locator('[data-status]').textContent(), { timeout: scaled(30_000) }).not.toBe('');

  // Leaving the presenter returns to the session at that card, which holds every position.
  await laptop.keyboard.press('Escape');
  await laptop.locator('.ss-session').waitFor();
  expect(new URL(laptop.url()).searchParams.get('kaart')).toBe('3');
  expect(await roomPositions(laptop, sessionId, DILEMMA)).toEqual(
    [`Ans=${ansValue}`, 'Telefoon 1=80', 'Telefoon 2=65', '=65*'].sort(),
  );
  expect(await roomPositions(laptop, sessionId, DILEMMA_2)).toEqual(['Telefoon 3=10']);
}, 240_000);

it('tells a phone plainly when the link has no room, and when the presenter closes the room', async () => {
  await room.restartRelay();
  const { page: bare } = await newPage({ width: 320, height: 640 }, { axe: true });
  await bare.goto(at('/doe-mee/'));
  // Without a link the page asks for the typed code (tests/e2e/room-code.test.ts), no dead end.
  await bare.getByLabel(r.code.field).waitFor();
  await bare.goto(at('/en/join/#room=abc'));
  await expect.poll(() => bare.locator('[data-problem]').textContent()).toBe(dictionaries.en.room.join.badLink);
  expect(await axe(bare)).toEqual([]);

  const { page: laptop } = await newPage({ width: 1920, height: 1080 }, { axe: true });
  await createWorkshop(laptop);
  await laptop.getByRole('link', { name: s.view.present }).click();
  await laptop.getByRole('button', { name: r.open }).click();
  const joinUrl = (await laptop.locator('[data-join-link]').getAttribute('href'))!;
  const phone = await joinRoom(joinUrl.replace('/doe-mee/', '/en/join/'), undefined, 'en', { width: 320 });
  await expect.poll(() => shownCard(phone.page)).toBe(DILEMMA);
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  // In the participant's language: the English card, English controls.
  await expect
    .poll(() =>
      phone.page.locator('[data-card]:not([hidden]) [data-face]:not([hidden]) .deck-card-title').textContent(),
    )
    .toBe(String(readEntries('cards', 'en').find((c) => c.slug === DILEMMA)?.data.title));
  await laptop.locator('.presenter-join').getByRole('button', { name: r.hideQr }).click();
  await laptop.getByRole('button', { name: r.close }).click();
  await expect.poll(() => phone.page.locator('[data-status]').textContent()).toBe(dictionaries.en.room.status.closed);
  await expect.poll(() => laptop.locator('.presenter-room-status').first().textContent()).toBe(r.hostClosed);
}, 120_000);

/** Whether a box lies wholly inside a viewport. */
const inside = (box: { x: number; y: number; width: number; height: number } | null, vw: number, vh: number) =>
  box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= vw && box.y + box.height <= vh;

it('puts the vote in the first screen of a 360×640 phone, the card text one tap away, and no count on a kenniskaart', async () => {
  await room.restartRelay();
  const j = r.join;
  type Words = {
    summary: string;
    poles?: { label: string; protects: string }[];
    perspectives: Record<string, string[]>;
  };
  const card = (id: string, lang: 'nl' | 'en' = 'nl') =>
    readEntries('cards', lang).find((c) => c.slug === id)!.data as unknown as Words;
  const { page: laptop } = await newPage({ width: 1280, height: 720 });
  await createWorkshop(laptop);
  await laptop.getByRole('link', { name: s.view.present }).click();
  await laptop.getByRole('button', { name: r.open }).click();
  const joinUrl = (await laptop.locator('[data-join-link]').getAttribute('href'))!;

  // The first screen comes from the HTML: without join.ts the name form (with a room link) or
  // "you need the code" (without) is there, and the page's script is not waited for.
  const { page: bare } = await newPage({ width: 360, height: 640 });
  await bare.route('**/Join.astro_astro_type_script*', (route) => route.abort());
  await bare.goto(joinUrl);
  expect(await bare.getByLabel(j.name).isVisible()).toBe(true);
  expect(await bare.getByRole('button', { name: j.start }).isVisible()).toBe(true);
  expect(await bare.getByText(j.noLink).isVisible()).toBe(false);
  await bare.goto(at('/doe-mee/'));
  expect(await bare.getByText(j.noLink).isVisible()).toBe(true);
  expect(await bare.getByLabel(j.name).isVisible()).toBe(false);

  // The join form: no site menu (a link home and the language switch), and a footer that says
  // what goes through the relay.
  const { page: phone } = await newPage({ width: 360, height: 640 }, { axe: true });
  await phone.goto(joinUrl);
  await phone.getByLabel(j.name).waitFor();
  expect(await phone.getByRole('navigation', { name: dictionaries.nl.nav.label }).count()).toBe(0);
  expect(await phone.locator('header .brand').getAttribute('href')).toBe('/');
  expect(await phone.locator('.site-footer').textContent()).toContain(j.footer);
  expect(await phone.locator('.site-footer').textContent()).not.toContain(dictionaries.nl.footer.privacy);
  expect(await axe(phone)).toEqual([]);
  await shot(phone, 'phone-360-form');

  // After joining: title, both poles, the slider and the button, all without scrolling.
  await phone.getByRole('button', { name: j.start }).click();
  await expect.poll(() => shownCard(phone)).toBe(DILEMMA);
  await phone.locator('[data-vote]').waitFor();
  expect(await phone.evaluate(() => scrollY)).toBe(0);
  const shown = phone.locator('[data-card]:not([hidden])');
  expect(await shown.locator('.deck-card-title').textContent()).toBe(title(DILEMMA));
  const poles = card(DILEMMA).poles!;
  for (const [i, side] of ['a', 'b'].entries())
    expect(await shown.locator(`[data-pole-label="${side}"]`).textContent()).toBe(poles[i]!.label);
  for (const el of [
    shown.locator('.deck-card-title'),
    shown.locator('[data-pole-label="a"]'),
    shown.locator('[data-pole-label="b"]'),
    phone.locator('#room-position'),
    phone.getByRole('button', { name: j.send }),
  ])
    expect(inside(await el.boundingBox(), 360, 640), await el.evaluate((e) => e.outerHTML.slice(0, 80))).toBe(true);
  await expect.poll(() => phone.locator('[data-count]').textContent()).toBe(count(0, 1));
  await shot(phone, 'phone-360-card');
  expect(await axe(phone)).toEqual([]);

  // The card's full text, one tap away: its summary and what each pole protects.
  expect(await phone.getByText(card(DILEMMA).summary).isVisible()).toBe(false);
  await phone.getByText(j.more).click();
  expect(await phone.getByText(card(DILEMMA).summary).isVisible()).toBe(true);
  for (const pole of poles) expect(await phone.getByText(pole.protects, { exact: false }).isVisible()).toBe(true);
  await shot(phone, 'phone-360-card-open');
  expect(await axe(phone)).toEqual([]);

  // 320×568 (an old phone), in English: nothing overflows sideways, the poles in English.
  const small = await newPage({ width: 320, height: 568 });
  await small.page.goto(joinUrl.replace('/doe-mee/', '/en/join/'));
  await small.page.getByRole('button', { name: dictionaries.en.room.join.start }).click();
  await expect.poll(() => shownCard(small.page)).toBe(DILEMMA);
  expect(await small.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  expect(await small.page.locator('[data-pole-label="b"]').textContent()).toBe(card(DILEMMA, 'en').poles![1]!.label);
  await small.page.getByText(dictionaries.en.room.join.more).click();
  expect(await small.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  await shot(small.page, 'phone-320-card-open');
  // The cards' words are fetched while the name form shows; when that fails, the phone says so.
  const failing = await newPage({ width: 360, height: 640 });
  await failing.page.route('**/room-cards.*', (route) => route.abort());
  await failing.page.goto(joinUrl);
  await failing.page.getByRole('button', { name: j.start }).click();
  await expect
    .poll(() => failing.page.locator('[data-cards-failed]').textContent(), { timeout: scaled(10_000) })
    .toBe(j.cardsFailed);
  expect(await failing.page.locator('[data-card]').isHidden()).toBe(true);

  // A kenniskaart: no count (nobody chooses), only "you choose no position here"; the text closed again.
  await laptop.locator('.presenter-join').getByRole('button', { name: r.hideQr }).click();
  await laptop.locator('.presenter').focus();
  await laptop.keyboard.press('ArrowRight');
  await expect.poll(() => shownCard(phone)).toBe(KENNIS);
  expect(await phone.getByText(j.noVote).isVisible()).toBe(true);
  expect(await phone.locator('[data-count]').isVisible()).toBe(false);
  expect(await phone.locator('main').textContent()).not.toContain(count(0, 3));
  expect(await phone.getByText(card(KENNIS).summary).isVisible()).toBe(false);
  expect(await phone.locator('[data-f="poles"]').isVisible()).toBe(false);
  // A lens brings its questions, under the lens's heading.
  await phone.getByLabel(j.lens).selectOption('professional');
  const asked = card(KENNIS).perspectives.professional;
  await expect.poll(() => phone.locator('[data-questions] li').allTextContents()).toEqual(asked);
  expect(await phone.locator('[data-questions] h3').textContent()).toBe(
    fill('nl', dictionaries.nl.deck.lensQuestions, { role: dictionaries.nl.perspectives.professional }),
  );
  await shot(phone, 'phone-360-kennis');
  expect(await axe(phone)).toEqual([]);
}, 180_000);
