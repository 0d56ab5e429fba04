import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { axe } from '../support/browser';
import { createWorkshop as createAt, shownCard, useRoomSite } from '../support/room-steps';
import { DILEMMA } from './sessions-support';

const r = dictionaries.nl.room;
const s = dictionaries.nl.sessions;
const count = (chosen: number, joined: number) => fill('nl', r.count, { chosen, joined });

const room = useRoomSite();
const at = room.at;
const newPage = async (viewport: { width: number; height: number }, o: { axe?: boolean } = {}) =>
  (await room.newPage(viewport, o)).page;

/** KJK_SHOTS=dir saves screenshots of the big screen and the phone's form, to look at by eye. */
const shot = async (page: Page, name: string) => {
  if (process.env.KJK_SHOTS) await page.screenshot({ path: join(process.env.KJK_SHOTS, `${name}.png`) });
};

it('a phone types the code from the big screen, joins, votes; a wrong code joins nothing', async () => {
  const laptop = await newPage({ width: 1920, height: 1080 }, { axe: true });
  await createAt(laptop, at('/sessies/'));
  await laptop.getByRole('link', { name: s.view.present }).click();
  await laptop.locator('.presenter').waitFor();
  await laptop.getByRole('button', { name: r.open }).click();

  // Under the QR: the address and the code, both readable from the back (>= 3% of the screen height).
  const code = laptop.locator('.presenter-join-code');
  await code.waitFor();
  const shown = (await code.textContent())!;
  expect(shown).toMatch(/^[A-Z0-9]{4} [A-Z0-9]{4}$/);
  const address = (await laptop.locator('.presenter-join-address').textContent())!;
  for (const el of [code, laptop.locator('.presenter-join-address')]) {
    const px = await el.evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    expect(px).toBeGreaterThanOrEqual(0.03 * 1080);
  }
  const sizes = await Promise.all(
    [code, laptop.locator('.presenter-join-address')].map((el) =>
      el.evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize)),
    ),
  );
  expect(sizes[0]).toBeGreaterThan(sizes[1]!);
  // All of it on the screen, nothing scrolled away.
  for (const el of [laptop.locator('.presenter-join .qr'), code]) {
    const box = (await el.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(1080);
  }
  expect(await axe(laptop)).toEqual([]);
  await shot(laptop, 'presenter-code');

  // The short address, as typed (no #room= link): the code form.
  const phone = await newPage({ width: 360, height: 640 }, { axe: true });
  await phone.goto(`http://${address}`);
  const field = phone.getByLabel(r.code.field);
  await field.waitFor();
  // A code, not a word (the form is the page's HTML: src/views/Join.astro): capitals offered, nothing corrected or remembered.
  expect(await field.getAttribute('autocomplete')).toBe('off');
  expect(await field.getAttribute('autocapitalize')).toBe('characters');
  expect(await field.getAttribute('autocorrect')).toBe('off');
  expect(await field.getAttribute('inputmode')).toBe('text');
  expect(await field.getAttribute('aria-describedby')).toBe('room-code-help room-code-error');
  expect(await axe(phone)).toEqual([]);

  // A typo that cannot be a code costs no attempt: said at once.
  await field.fill('KM0R 4XDA');
  await phone.getByRole('button', { name: r.code.submit }).click();
  await expect
    .poll(() => phone.getByRole('alert').last().textContent())
    .toBe(fill('nl', r.code.excluded, { char: '0' }));

  // A wrong code (the right nameplate, a wrong password): refused, the text stays, nothing joins.
  const wrong = `${shown.slice(0, 4)} ${shown.slice(5) === 'AAAA' ? 'CCCC' : 'AAAA'}`.toLowerCase();
  await field.fill(wrong);
  await phone.getByRole('button', { name: r.code.submit }).click();
  await expect.poll(() => phone.locator('#room-code-error').textContent(), { timeout: 15_000 }).toBe(r.code.wrong);
  expect(await field.inputValue()).toBe(wrong);
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  expect(await axe(phone)).toEqual([]);
  await shot(phone, 'phone-code-wrong');
  expect(await phone.locator('[data-joined]').isVisible()).toBe(false);
  await expect.poll(() => laptop.locator('.presenter-join-hint[aria-live]').textContent()).toBe(r.nobody);

  // The right code, as people type it: lower case, with a space.
  await field.fill(shown.toLowerCase());
  await phone.getByRole('button', { name: r.code.submit }).click();
  await phone.getByRole('button', { name: r.join.start }).click();
  await expect.poll(() => shownCard(phone), { timeout: 15_000 }).toBe(DILEMMA);
  // Joined as a QR joiner is: the room's link (with the presenter's public key) kept in this tab,
  // never in the address, its history or the language switch.
  expect(new URL(phone.url()).hash).toBe('');
  expect(await phone.evaluate(() => sessionStorage.getItem('kjk.room.link'))).toMatch(
    /^#room=[\w-]{22},[\w-]{43},[\w-]{87}$/,
  );
  expect(await phone.locator('a.lang-switch').getAttribute('href')).not.toContain('#');
  await expect.poll(() => laptop.locator('.presenter-join-hint[aria-live]').textContent()).toBe(count(0, 1));

  await phone.locator('#room-position').fill('80');
  await phone.getByRole('button', { name: r.join.send }).click();
  await expect.poll(() => laptop.locator('.presenter-join-hint[aria-live]').textContent()).toBe(count(1, 1));
}, 180_000);
