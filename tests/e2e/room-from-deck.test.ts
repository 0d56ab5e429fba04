import { expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { axe } from '../support/browser';
import { readEntries } from '../support/content';
import { joinRoom as joinAs, shownCard, useRoomSite } from '../support/room-steps';
import { dump } from './sessions-support';

const d = dictionaries.nl;
const r = d.room;

const room = useRoomSite();
const at = room.at;
const newPage = room.newPage;

it('opens the room from the cards page for the filtered cards; a phone votes into the new session', async () => {
  const { page: laptop } = await newPage({ width: 1280, height: 720 }, { axe: true });
  // The home page leads a trainer to the room's werkvorm; with a relay it says nothing about switching it on.
  await laptop.goto(at('/'));
  const toRoom = laptop.getByRole('link', { name: d.home.room });
  expect(await toRoom.getAttribute('href')).toBe('/werkvormen/#workshop-twee-uur');
  expect(await laptop.getByText(d.home.roomOff).count()).toBe(0);
  await laptop.goto(at('/kaarten/'));
  // A few cards: the dilemmas of one spanningsveld, in fan order.
  await laptop.getByRole('checkbox', { name: d.themes.grenzen.short, exact: true }).check();
  await laptop.getByRole('checkbox', { name: d.kinds.dilemma, exact: true }).check();
  const shown = readEntries('cards', 'nl')
    .filter((c) => c.data.theme === 'grenzen' && c.data.kind === 'dilemma')
    .sort((a, b) => Number(a.data.number) - Number(b.data.number))
    .map((c) => c.slug);
  expect(shown.length).toBeGreaterThan(1);
  await expect.poll(() => laptop.locator('.deck-progress').textContent()).toBe(`1 / ${shown.length}`);

  await laptop.getByRole('button', { name: d.deck.present, exact: true }).click();
  const presenter = laptop.locator('.presenter');
  await presenter.waitFor();
  await presenter.getByRole('button', { name: r.open, exact: true }).click();

  // The room opens for a new session, named where the positions go.
  const joinUrl = (await laptop.locator('[data-join-link]').getAttribute('href'))!;
  expect(joinUrl).toMatch(/\/doe-mee\/#room=/);
  const where = presenter.locator('.presenter-note', { hasText: d.deck.presenter.roomWhere });
  const sessionLink = where.getByRole('link');
  const sessionHref = (await sessionLink.getAttribute('href'))!;
  const sessionId = new URL(sessionHref, at('/')).searchParams.get('sessie')!;
  expect(sessionId).toBeTruthy();
  // The page is the session's presenter now: a reload comes back to it.
  expect(new URL(laptop.url()).searchParams.get('presenteer')).toBe(sessionId);
  const session = (await dump(laptop)).sessions.find((s) => s.id === sessionId);
  expect(session).toMatchObject({ kind: 'workshop', deck: { cards: shown }, title: await sessionLink.textContent() });
  expect(String(session?.title)).toMatch(/^Workshop /);
  expect(await axe(laptop)).toEqual([]);

  // A phone joins through the link and votes on the card on the screen.
  const phone = await joinAs((viewport) => newPage(viewport), joinUrl);
  await expect.poll(() => shownCard(phone.page)).toBe(shown[0]);
  await phone.page.locator('#room-position').fill('30');
  await phone.page.getByRole('button', { name: r.join.send }).click();
  await expect
    .poll(() => laptop.locator('.presenter-room-count').textContent())
    .toBe(fill('nl', r.count, { chosen: 1, joined: 1 }));

  // The position is in the new session, on the laptop.
  await expect
    .poll(async () =>
      (await dump(laptop)).positions.filter((p) => p.sessionId === sessionId).map((p) => `${p.cardId}=${p.value}`),
    )
    .toEqual([`${shown[0]}=30`]);

  // Leaving the presenter (Esc hides the join code first) goes to that session.
  await laptop.keyboard.press('Escape');
  await laptop.locator('.presenter-join').waitFor({ state: 'detached' });
  await laptop.getByRole('button', { name: d.deck.presenter.close }).click();
  await laptop.locator('.ss-session').waitFor();
  expect(new URL(laptop.url()).searchParams.get('sessie')).toBe(sessionId);
}, 240_000);
