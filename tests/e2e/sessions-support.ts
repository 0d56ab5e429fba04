/** Shared steps for the sessions browser tests (sessions*.test.ts). Not a test file itself. */
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { site } from '../support/browser';

export const nl = dictionaries.nl.sessions;
export const en = dictionaries.en.sessions;

/** Deterministic decks: a dilemma first, then a kenniskaart, then another dilemma. */
export const DILEMMA = 'zelfredzaam-samenredzaam';
export const KENNIS = 'visies-op-eigen-kracht';
export const DILEMMA_2 = 'kind-of-ouders';
export const DECK_LINK = `/kaarten/?kaarten=${DILEMMA},${KENNIS},${DILEMMA_2}`;

export const origin = () => new URL(inject('siteUrl')).origin;

/** Opens the sessions page and waits until the island decided what to show. */
export async function openSessions(page: Page, lang: 'nl' | 'en' = 'nl', search = ''): Promise<void> {
  await page.goto(site(`${lang === 'nl' ? '/sessies/' : '/en/sessions/'}${search}`));
  await page.locator('.ss-list-head, .ss-banner, .ss-session, .ss-report, .ss-empty').first().waitFor();
}

export interface NewSessionInput {
  kind?: 'teamoverleg' | 'workshop' | 'zelfreflectie' | 'gesprek';
  title: string;
  team?: string;
  date?: string;
  /** A deck link; default DECK_LINK. Pass null for "the whole fan, shuffled". */
  link?: string | null;
}

/** Creates a session through the form (from the list view) and returns its id. */
export async function createSession(page: Page, input: NewSessionInput, lang: 'nl' | 'en' = 'nl'): Promise<string> {
  const s = lang === 'nl' ? nl : en;
  if ((await page.locator('.ss-list-head').count()) === 0) await openSessions(page, lang);
  await page.locator('.ss-list-head button').click();
  const form = page.locator('form.ss-new');
  await form.getByLabel(s.kinds[input.kind ?? 'teamoverleg'], { exact: false }).check();
  await form.getByLabel(s.create.name, { exact: true }).fill(input.title);
  if (input.team) await form.getByLabel(s.create.team, { exact: true }).fill(input.team);
  if (input.date) await form.getByLabel(s.create.date, { exact: true }).fill(input.date);
  const link = input.link === undefined ? DECK_LINK : input.link;
  if (link !== null) {
    await form.getByLabel(s.create.deckLink).check();
    await form.getByLabel(s.create.link, { exact: true }).fill(link);
  } else {
    // null: the whole fan, shuffled (the form now starts on its card picker).
    await form.getByLabel(s.create.deckAll).check();
  }
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
type Dump = Record<'sessions' | 'notes' | 'positions' | 'actions', Record<string, unknown>[]>;
export async function dump(page: Page): Promise<Dump> {
  return page.evaluate(
    () =>
      new Promise<Dump>((resolve, reject) => {
        const req = indexedDB.open('kjk');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = ['sessions', 'notes', 'positions', 'actions'].filter((n) => db.objectStoreNames.contains(n));
          if (names.length === 0) {
            db.close();
            resolve({ sessions: [], notes: [], positions: [], actions: [] });
            return;
          }
          const tx = db.transaction(names, 'readonly');
          const out: Dump = { sessions: [], notes: [], positions: [], actions: [] };
          for (const n of names) {
            const r = tx.objectStore(n).getAll();
            r.onsuccess = () => (out[n as keyof Dump] = r.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Clicks `trigger` and returns the downloaded file's name and text. */
export async function downloadOf(page: Page, trigger: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** The toast line at the bottom (role=status). */
export const toast = (page: Page) => page.locator('.ss-toasts');

/** A pageerror collector: the app must never throw, whatever the browser does to its storage. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** An export file as the app writes it, with `data` replaced. */
export function exportText(data: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      type: 'ken-je-kracht/export',
      version: 1,
      exportedAt: '2025-03-14T09:30:00.000Z',
      app: 'ken-je-kracht',
      scope: 'all',
      data,
      ...extra,
    },
    null,
    2,
  );
}
