/**
 * The co-facilitator, one short journey: the presenter asks a question, a phone answers, the
 * presenter hands moderation over with the QR's link, the co-facilitator's phone shows the answer,
 * and the phone sees it; then the presenter withdraws and the co-facilitator's screen says so.
 * axe on the moderator page (list and withdrawn) and on the control view's hand-over.
 */
import { expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { axe } from '../support/browser';
import { createWorkshop, joinRoom, shownCard, useRoomSite } from '../support/room-steps';
import { DILEMMA } from './sessions-support';

const r = dictionaries.nl.room;
const a = r.answers;
const c = r.cofac;
const s = dictionaries.nl.sessions;
const room = useRoomSite();

it('the presenter hands over, the co-facilitator shows an answer, a phone sees it', async () => {
  const { page: laptop } = await room.newPage({ width: 1280, height: 800 }, { axe: true });
  await createWorkshop(laptop, room.at('/sessies/'));
  await laptop.getByRole('link', { name: s.view.present }).click();
  await laptop.locator('.presenter').waitFor();
  await laptop.getByRole('button', { name: r.open }).click();
  const joinUrl = (await laptop.locator('[data-join-link]').getAttribute('href'))!;
  await laptop.keyboard.press('Escape');
  await laptop.locator('.presenter-join').waitFor({ state: 'detached' });

  const { page: phone } = await joinRoom((viewport) => room.newPage(viewport), joinUrl);
  await expect.poll(() => shownCard(phone)).toBe(DILEMMA);
  const panel = laptop.getByRole('region', { name: a.title });
  await panel.getByLabel(a.typed).fill('Wat heb je nodig?');
  await panel.getByRole('button', { name: a.ask }).click();
  await phone.getByLabel(a.phone.field).fill('Tijd om te luisteren');
  await phone.getByRole('button', { name: a.phone.send }).click();

  const handover = laptop.getByRole('region', { name: c.title });
  await handover.getByRole('button', { name: c.handOver }).click();
  const link = await handover.getByRole('textbox', { name: c.link }).inputValue();
  expect(new URL(link).pathname).toBe('/zaal/moderator/');
  expect(await axe(laptop)).toEqual([]);

  const { page: cofac } = await room.newPage({ width: 375, height: 740 }, { axe: true });
  await cofac.goto(link);
  const item = cofac.getByRole('listitem').filter({ hasText: 'Tijd om te luisteren' });
  await item.getByText(c.isHidden).waitFor();
  // The key left the address.
  expect(new URL(cofac.url()).hash).toBe('');
  await expect.poll(() => handover.getByRole('status').textContent()).toBe(c.here);
  expect(await axe(cofac)).toEqual([]);
  await item.getByRole('button', { name: c.show }).focus();
  await cofac.keyboard.press('Enter');
  await expect.poll(() => phone.locator('.room-answer-shown li').allTextContents()).toEqual(['Tijd om te luisteren']);
  await item.getByText(c.isShown).waitFor();

  await handover.getByRole('button', { name: c.withdraw }).click();
  await expect.poll(() => cofac.getByRole('alert').textContent()).toBe(c.ended);
  expect(await axe(cofac)).toEqual([]);
}, 90_000);
