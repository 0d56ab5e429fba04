/**
 * The shift and the timer in a real room: two phones vote, the reveal, "Stem opnieuw", they vote
 * again, the big screen shows both rounds side by side without names, the session keeps both
 * rounds and its report shows them; the presenter's timer reaches the phones, and its pause too.
 */
import { expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { axe } from '../support/browser';
import { createWorkshop, joinRoom, shownCard, useRoomSite } from '../support/room-steps';
import { DILEMMA, dump } from './sessions-support';

const d = dictionaries.nl;
const r = d.room;
const s = d.sessions;
const count = (chosen: number, joined: number) => fill('nl', r.count, { chosen, joined });

const room = useRoomSite();

it('two phones vote twice on one card; both rounds show side by side, are saved and reported; the timer reaches a phone', async () => {
  const { page: laptop } = await room.newPage({ width: 1280, height: 720 }, { axe: true });
  const sessionId = await createWorkshop(laptop, room.at('/sessies/'));
  await laptop.getByRole('link', { name: s.view.present }).click();
  await laptop.getByRole('button', { name: r.open }).click();
  const joinUrl = (await laptop.locator('[data-join-link]').getAttribute('href'))!;
  await laptop.keyboard.press('Escape');
  await laptop.locator('.presenter-join').waitFor({ state: 'detached' });

  const phones = [
    await joinRoom((v) => room.newPage(v, { axe: true }), joinUrl, 'Ans'),
    await joinRoom((v) => room.newPage(v), joinUrl),
  ];
  const [ans, other] = phones.map((p) => p.page) as [(typeof phones)[0]['page'], (typeof phones)[0]['page']];
  for (const page of [ans, other]) await expect.poll(() => shownCard(page)).toBe(DILEMMA);

  // The presenter's timer: started, it counts down on the phone; paused, it stands still there.
  await laptop.getByRole('button', { name: d.deck.presenter.timer }).click();
  await laptop.getByRole('button', { name: d.deck.timer.start }).click();
  await expect.poll(() => ans.locator('[data-timer] [data-clock]').textContent()).toMatch(/^[45]:\d\d$/);
  await laptop.getByRole('button', { name: d.deck.timer.pause }).click();
  await expect.poll(() => ans.locator('[data-timer]').textContent()).toContain(r.timer.paused);
  const stopped = await ans.locator('[data-timer] [data-clock]').textContent();
  expect(await axe(ans)).toEqual([]);

  // Round one.
  await ans.locator('#room-position').fill('20');
  await other.locator('#room-position').fill('80');
  await expect.poll(() => laptop.locator('.presenter-room-count').textContent()).toBe(count(2, 2));
  await laptop.getByRole('button', { name: r.reveal }).click();
  await expect.poll(() => laptop.locator('.presenter .room-dot').count()).toBe(2);

  // "Stem opnieuw": the count starts at 0, the phones choose afresh from the middle.
  await laptop.getByRole('button', { name: r.rounds.again }).click();
  await expect.poll(() => laptop.locator('.presenter-room-count').textContent()).toBe(count(0, 2));
  await expect.poll(() => ans.locator('[data-round]').textContent()).toBe(fill('nl', r.rounds.phoneOpen, { n: 2 }));
  expect(await ans.locator('[data-vote]').isVisible()).toBe(true);
  expect(await ans.locator('#room-position').inputValue()).toBe('50');
  expect(await ans.locator('[data-sent]').textContent()).toBe(r.join.none);
  await ans.locator('#room-position').fill('60');
  await other.locator('#room-position').fill('70');
  await expect.poll(() => laptop.locator('.presenter-room-count').textContent()).toBe(count(2, 2));
  await laptop.getByRole('button', { name: r.reveal }).click();

  // Side by side, nameless, with their middles; the phones see round two's spread.
  const compare = laptop.getByRole('region', { name: r.rounds.title });
  await compare.waitFor();
  for (const n of [1, 2])
    expect(await compare.getByRole('group', { name: fill('nl', r.rounds.round, { n }) }).count()).toBe(1);
  expect(await compare.getByText(fill('nl', r.rounds.median, { value: 50 }), { exact: true }).count()).toBe(1);
  expect(await compare.getByText(fill('nl', r.rounds.median, { value: 65 }), { exact: true }).count()).toBe(1);
  expect(await compare.textContent()).not.toContain('Ans');
  await expect.poll(() => ans.locator('[data-spread] circle').count()).toBe(2);
  expect(await axe(laptop)).toEqual([]);
  // The paused timer did not move meanwhile.
  expect(await ans.locator('[data-timer] [data-clock]').textContent()).toBe(stopped);

  // The session holds both rounds; its report shows them side by side.
  const saved = async () =>
    (await dump(laptop)).positions
      .filter((p) => p.sessionId === sessionId && p.cardId === DILEMMA)
      .map((p) => `${p.round ?? 1}:${p.participant}=${p.value}`)
      .sort();
  await expect.poll(saved).toEqual(['1:Ans=20', '1:Telefoon 1=80', '2:Ans=60', '2:Telefoon 1=70']);
  await laptop.keyboard.press('Escape');
  await laptop.locator('.ss-session').waitFor();
  await laptop.getByRole('link', { name: s.view.report }).click();
  const rounds = laptop.getByRole('region', { name: s.report.rounds });
  await rounds.waitFor();
  for (const n of [1, 2])
    expect(await rounds.getByRole('group', { name: fill('nl', s.report.round, { n }) }).count()).toBe(1);
  expect(await rounds.textContent()).not.toContain('Ans');
}, 240_000);
