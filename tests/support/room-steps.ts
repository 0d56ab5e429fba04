/** What a trainer and a phone do to meet in a room, for every Chromium test of the room. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { DILEMMA, DILEMMA_2, KENNIS } from './sessions';

const s = dictionaries.nl.sessions;

/** A workshop session with a dilemma, a kenniskaart and another dilemma, made through the form at `sessions`. */
export async function createWorkshop(page: Page, sessions: string): Promise<string> {
  await page.goto(sessions);
  await page.locator('.ss-list-head button').click();
  const form = page.locator('form.ss-new');
  await form.getByLabel(s.kinds.workshop, { exact: false }).check();
  await form.getByLabel(s.create.name, { exact: true }).fill('Training eigen kracht');
  await form.getByLabel(s.create.deckLink).check();
  await form.getByLabel(s.create.link, { exact: true }).fill(`/kaarten/?kaarten=${DILEMMA},${KENNIS},${DILEMMA_2}`);
  await form.getByRole('button', { name: s.create.submit }).click();
  await page.locator('.ss-session').waitFor();
  await expect.poll(() => new URL(page.url()).searchParams.get('sessie')).toBeTruthy();
  return new URL(page.url()).searchParams.get('sessie')!;
}

/** A phone (375 px wide unless told) opens the join link, gives its name if any, and starts. */
export async function joinRoom(
  open: (viewport: { width: number; height: number }) => Promise<{ context: BrowserContext; page: Page }>,
  url: string,
  name?: string,
  lang: 'nl' | 'en' = 'nl',
  width = 375,
): Promise<{ context: BrowserContext; page: Page }> {
  const j = dictionaries[lang].room.join;
  const phone = await open({ width, height: 740 });
  await phone.page.goto(url);
  if (name) await phone.page.getByLabel(j.name).fill(name);
  await phone.page.getByRole('button', { name: j.start }).click();
  return phone;
}

/** The card a phone shows now. */
export const shownCard = (phone: Page) =>
  phone.evaluate(() => document.querySelector<HTMLElement>('[data-card]:not([hidden])')?.dataset.card ?? null);

export type { Browser };
