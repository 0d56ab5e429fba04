/** Shared steps for the sessions browser tests (sessions*.test.ts). Not a test file itself. */
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { type Dump, idbDump } from '../support/idb-dump';
import { newSessionSteps, SESSIONS_SHOWN, type NewSessionInput } from '../support/sessions';
import { site } from '../support/browser';

export {
  DECK_LINK,
  DILEMMA,
  DILEMMA_2,
  KENNIS,
  en,
  exportText,
  type NewSessionInput,
  nl,
} from '../support/sessions';
import { en, nl } from '../support/sessions';

export const origin = () => new URL(inject('siteUrl')).origin;

/** Opens the sessions page and waits until the island decided what to show. */
export async function openSessions(page: Page, lang: 'nl' | 'en' = 'nl', search = ''): Promise<void> {
  await page.goto(site(`${lang === 'nl' ? '/sessies/' : '/en/sessions/'}${search}`));
  await page.locator(SESSIONS_SHOWN).first().waitFor();
}

/** Creates a session through the form (from the list view) and returns its id. */
export async function createSession(page: Page, input: NewSessionInput, lang: 'nl' | 'en' = 'nl'): Promise<string> {
  if ((await page.locator('.ss-list-head').count()) === 0) await openSessions(page, lang);
  await page.locator('.ss-list-head button').click();
  const form = page.locator('form.ss-new');
  for (const step of newSessionSteps(input, lang)) {
    if ('check' in step) await form.getByLabel(step.check, { exact: step.exact }).check();
    else await form.getByLabel(step.fill, { exact: step.exact }).fill(step.value);
  }
  const s = lang === 'nl' ? nl : en;
  await form.getByRole('button', { name: s.create.submit }).click();
  await page.locator('.ss-session').waitFor();
  await expect.poll(() => new URL(page.url()).searchParams.get('sessie')).toBeTruthy();
  return new URL(page.url()).searchParams.get('sessie')!;
}

export const noteBox = (page: Page, lang: 'nl' | 'en' = 'nl') =>
  page.getByLabel((lang === 'nl' ? nl : en).notes.label, { exact: true });
export const saveState = (page: Page) => page.locator('.ss-save-state');

/** Goes to card `i` (0-based) of the open session with the card menu. */
export async function toCard(page: Page, i: number): Promise<void> {
  await page.locator('.ss-goto select').selectOption(String(i));
  await expect.poll(() => page.locator('.ss-goto select').inputValue()).toBe(String(i));
}

/** Everything in the app's database, read with a separate connection in the page. */
export const dump = (page: Page): Promise<Dump> => page.evaluate(idbDump);

/** Clicks `trigger` and returns the downloaded file's name and text. */
export async function downloadOf(page: Page, trigger: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** The toast line at the bottom (role=status). */
export const toast = (page: Page) => page.locator('.ss-toasts');

export { collectErrors } from '../support/fixture';
