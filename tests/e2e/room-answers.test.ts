/**
 * Answers from the room, one journey: the presenter asks a card's question, two phones answer (one
 * is stopped by the privacy guard first and rephrases), the presenter shows one, both phones see
 * it, and it is saved into the session as the card's note. axe on the new states.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { readEntries } from '../support/content';
import { axe } from '../support/browser';
import { createWorkshop as createAt, joinRoom as joinAs, shownCard, useRoomSite } from '../support/room-steps';
import { DILEMMA, dump } from './sessions-support';

const r = dictionaries.nl.room;
const a = r.answers;
const s = dictionaries.nl.sessions;
const room = useRoomSite();
const question = String(
  (readEntries('cards', 'nl').find((c) => c.slug === DILEMMA)?.data.questions as string[] | undefined)?.[0],
);

it('two phones answer, the presenter shows one, both phones see it, and it is saved as a note', async () => {
  const { page: laptop } = await room.newPage({ width: 1280, height: 800 }, { axe: true });
  const sessionId = await createAt(laptop, room.at('/sessies/'));
  await laptop.getByRole('link', { name: s.view.present }).click();
  await laptop.locator('.presenter').waitFor();
  await laptop.getByRole('button', { name: r.open }).click();
  const joinUrl = (await laptop.locator('[data-join-link]').getAttribute('href'))!;
  await laptop.keyboard.press('Escape'); // hides the code; the presenter stays
  await laptop.locator('.presenter-join').waitFor({ state: 'detached' });

  const phones: Page[] = [];
  for (const axeOn of [true, false]) {
    const { page } = await joinAs((viewport) => room.newPage(viewport, { axe: axeOn }), joinUrl);
    await expect.poll(() => shownCard(page)).toBe(DILEMMA);
    phones.push(page);
  }
  const [first, second] = phones as [Page, Page];
  // Nothing to answer yet: the answer form's code is not even loaded.
  expect(await first.locator('[data-answer]').isHidden()).toBe(true);

  const panel = laptop.getByRole('region', { name: a.title });
  await panel.getByLabel(a.fromCard).selectOption(question);
  await panel.getByRole('button', { name: a.ask }).click();
  await expect.poll(() => panel.getByRole('status').textContent()).toBe(a.isOpen);

  for (const page of phones) await expect.poll(() => page.locator('#room-answer-q').textContent()).toBe(question);
  // The vote stays on the phone's screen, the form below it.
  expect(await first.locator('[data-vote]').isVisible()).toBe(true);
  const field = first.getByLabel(a.phone.field);
  await field.fill('Bel de moeder op 06-12345678');
  await first.getByRole('button', { name: a.phone.send }).click();
  await expect.poll(() => first.locator('.room-answer [role="alert"]').textContent()).toContain(s.notes.findings.phone);
  expect(await field.inputValue()).toBe('Bel de moeder op 06-12345678');
  expect(await axe(first)).toEqual([]);
  await field.fill('Vertrouwen');
  await first.getByRole('button', { name: a.phone.send }).click();
  await expect
    .poll(() => first.locator('.room-answer [role="status"]').textContent())
    .toBe(fill('nl', a.phone.sent, { n: 1, max: 3 }));
  await second.getByLabel(a.phone.field).fill('Tijd om te luisteren');
  await second.getByRole('button', { name: a.phone.send }).click();

  await expect.poll(() => panel.locator('.answers-count').textContent()).toBe(fill('nl', a.count, { n: 2, fresh: 2 }));
  // Hidden until shown: no phone sees another's answer.
  expect(await first.locator('.room-answer-shown li').count()).toBe(0);
  expect(await axe(laptop)).toEqual([]);

  const item = panel.locator('.answers-item', { hasText: 'Tijd om te luisteren' });
  await item.getByRole('button', { name: a.show }).click();
  for (const page of phones)
    await expect.poll(() => page.locator('.room-answer-shown li').allTextContents()).toEqual(['Tijd om te luisteren']);
  await expect
    .poll(() => laptop.getByRole('region', { name: a.audience }).locator('.shown-answers-list li').allTextContents())
    .toEqual(['Tijd om te luisteren']);
  expect(await axe(first)).toEqual([]);
  expect(await axe(laptop)).toEqual([]);

  const head = fill('nl', a.noteHead, { question });
  await expect
    .poll(async () => (await dump(laptop)).notes.find((n) => n.sessionId === sessionId && n.cardId === DILEMMA)?.text)
    .toBe(`${head}\n- Tijd om te luisteren`);

  await panel.getByRole('button', { name: a.stop }).click();
  for (const page of phones)
    await expect.poll(() => page.locator('.room-answer [role="status"]').textContent()).toBe(a.phone.closed);
}, 180_000);
