/**
 * Two views of one room, as with a projector: the presenter opens the audience window from the
 * room, the laptop becomes the control view, and the audience window (a second page of the same
 * browser) shows the way in, the count while two phones vote, and the spread after the reveal,
 * without names; the laptop's keys still steer; closing the room closes the audience view too.
 * axe on the audience view in each state.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { newRoomId } from '../../src/lib/room/crypto';
import { axe } from '../support/browser';
import { readEntries } from '../support/content';
import { createWorkshop, joinRoom, useRoomSite } from '../support/room-steps';
import { DILEMMA, KENNIS } from '../support/sessions';

const r = dictionaries.nl.room;
const v = r.views;
const s = dictionaries.nl.sessions;
const title = (id: string) => String(readEntries('cards', 'nl').find((c) => c.slug === id)?.data.title);
const count = (chosen: number, joined: number) => fill('nl', r.count, { chosen, joined });

const room = useRoomSite();

/** KJK_SHOTS=dir saves screenshots of both views, to look at the layout by eye. */
const shot = async (page: Page, name: string) => {
  if (process.env.KJK_SHOTS) await page.screenshot({ path: join(process.env.KJK_SHOTS, `${name}.png`) });
};

/** Font sizes in px of an element of the audience view. */
const size = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));

it('keeps an audience window in step with the control view, from the way in to the spread and the close', async () => {
  const { context, page: laptop } = await room.newPage({ width: 1280, height: 720 }, { axe: true });

  // Before any presenter: an audience page without a room, and one whose room does not answer.
  const { page: early } = await room.newPage({ width: 1920, height: 1080 }, { axe: true });
  await early.goto(room.at('/zaal/scherm/'));
  await expect.poll(() => early.locator('.audience [role="status"]').textContent()).toBe(v.noRoom);
  expect(await axe(early)).toEqual([]);
  await early.goto(room.at(`/zaal/scherm/#scherm=${newRoomId()}`));
  await expect.poll(() => early.locator('.audience [role="status"]').textContent()).toBe(v.waiting);
  expect(await axe(early)).toEqual([]);

  await createWorkshop(laptop, room.at('/sessies/'));
  await laptop.getByRole('link', { name: s.view.present }).click();
  await laptop.getByRole('button', { name: r.open }).click();
  const joinUrl = (await laptop.locator('[data-join-link]').getAttribute('href'))!;

  // From the way in on the laptop: the audience window opens and takes the code over.
  const [audience] = await Promise.all([
    context.waitForEvent('page'),
    laptop.locator('.presenter-join').getByRole('button', { name: v.open }).click(),
  ]);
  await audience.setViewportSize({ width: 1920, height: 1080 });
  expect(new URL(audience.url()).pathname).toBe('/zaal/scherm/');
  await audience.locator('.audience-join .qr').waitFor();
  await expect.poll(() => laptop.getByText(v.isOpen).count()).toBe(1);
  expect(await laptop.locator('.presenter-join').count()).toBe(0);
  expect(await audience.locator('.audience-title').textContent()).toBe(title(DILEMMA));
  // Read from the back: body text at least 3% of 1080, the title larger.
  expect(await size(audience, '.audience-count')).toBeGreaterThanOrEqual(0.03 * 1080);
  expect(await size(audience, '.audience-address')).toBeGreaterThanOrEqual(0.03 * 1080);
  expect(await size(audience, '.audience-title')).toBeGreaterThan(await size(audience, '.audience-count'));
  // The QR encodes the join link the laptop holds; no controls but "full screen".
  expect(await audience.getByRole('button').allTextContents()).toEqual([v.fullscreen]);
  // Its one button has the focus, and shows it; no motion when the room asked for none.
  expect(await audience.evaluate(() => document.activeElement?.textContent)).toBe(v.fullscreen);
  expect(await audience.locator('.audience-full').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await audience.emulateMedia({ reducedMotion: 'reduce' });
  expect(await audience.locator('.audience-stage').evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  expect(await audience.locator('.audience-join .qr').getAttribute('aria-label')).toContain('/doe-mee/');
  expect(await axe(audience)).toEqual([]);
  await shot(audience, 'audience-join');

  const phones = [await joinRoom(room.newPage, joinUrl, 'Zwaantje'), await joinRoom(room.newPage, joinUrl)];
  await expect.poll(() => audience.locator('.audience-count').textContent()).toBe(count(0, 2));
  // The control view lists who joined; the audience never shows a name.
  await expect.poll(() => laptop.locator('.presenter-control-people').textContent()).toContain('Zwaantje');
  await laptop.keyboard.press('Escape'); // hides the code, on the projector too
  await audience.locator('.audience-join').waitFor({ state: 'detached' });
  for (const [i, { page }] of phones.entries()) {
    await page.locator('#room-position').fill(i === 0 ? '20' : '75');
    await page.getByRole('button', { name: r.join.send }).click();
  }
  await expect.poll(() => audience.locator('.audience-count').textContent()).toBe(count(2, 2));
  expect(await audience.locator('.room-dot').count()).toBe(0);
  expect(await audience.locator('body').innerText()).not.toContain('Zwaantje');
  expect(await axe(audience)).toEqual([]);
  await shot(audience, 'audience-count');
  await shot(laptop, 'control-view');

  // The reveal: the spread on the projector, nameless.
  await laptop.getByRole('button', { name: r.reveal }).click();
  await expect.poll(() => audience.locator('.room-dot').count()).toBe(2);
  expect(await audience.locator('.audience-count').textContent()).toBe(`${count(2, 2)}. ${r.revealed}`);
  expect(await audience.locator('.room-caption').textContent()).toContain('20, 75');
  await shot(audience, 'audience-revealed');
  expect(await audience.locator('body').innerText()).not.toContain('Zwaantje');
  expect(await axe(audience)).toEqual([]);

  // The presenter's timer on the projector, large; paused, it says so.
  await laptop.getByRole('button', { name: dictionaries.nl.deck.presenter.timer }).click();
  await laptop.getByRole('button', { name: dictionaries.nl.deck.timer.start }).click();
  await expect.poll(() => audience.locator('.audience-timer-clock').textContent()).toMatch(/^[45]:\d\d$/);
  expect(await size(audience, '.audience-timer-clock')).toBeGreaterThanOrEqual(0.06 * 1080);
  await laptop.getByRole('button', { name: dictionaries.nl.deck.timer.pause }).click();
  await audience.locator('.audience-timer.is-paused').waitFor();
  expect(await axe(audience)).toEqual([]);

  // The laptop's keys still steer with the audience window open.
  await laptop.locator('.presenter').focus();
  await laptop.keyboard.press('ArrowRight');
  await expect.poll(() => audience.locator('.audience-title').textContent()).toBe(title(KENNIS));
  expect(await audience.locator('.audience-count').count()).toBe(0);

  // A reload of the audience window asks again and gets the view back.
  await audience.reload();
  await expect.poll(() => audience.locator('.audience-title').textContent()).toBe(title(KENNIS));

  // Closing the room closes the audience view.
  await laptop.getByRole('button', { name: r.close }).click();
  await expect.poll(() => audience.locator('.audience [role="status"]').textContent()).toBe(r.status.closed);
  expect(await axe(audience)).toEqual([]);
}, 180_000);
