/**
 * Data shared by the sessions journeys of both browser folders: the Playwright steps
 * (tests/e2e/sessions-support.ts) and the engine-driver steps (tests/engines/sessions-steps.ts)
 * are two APIs over the same decks, form fields and files.
 */
import type { Page } from 'playwright-core';
import { dictionaries } from '../../src/i18n';

export const nl = dictionaries.nl.sessions;
export const en = dictionaries.en.sessions;

/** Deterministic decks: a dilemma first, then a kenniskaart, then another dilemma. */
export const DILEMMA = 'zelfredzaam-samenredzaam';
export const KENNIS = 'visies-op-eigen-kracht';
export const DILEMMA_2 = 'kind-of-ouders';
export const DECK_LINK = `/kaarten/?kaarten=${DILEMMA},${KENNIS},${DILEMMA_2}`;

/** What the sessions page shows once its island has decided (list, session, report, empty list or a banner). */
export const SESSIONS_SHOWN = '.ss-list-head, .ss-session, .ss-report, .ss-empty, .ss-banner';

export interface NewSessionInput {
  kind?: 'teamoverleg' | 'workshop' | 'zelfreflectie' | 'gesprek';
  title: string;
  team?: string;
  date?: string;
  /** A deck link; default DECK_LINK. Pass null for "the whole fan, shuffled". */
  link?: string | null;
}

/** One step of the new-session form: tick a box or fill a field, found by its label (`exact`: the whole label). */
export type FormStep = { check: string; exact: boolean } | { fill: string; exact: boolean; value: string };

/** The steps a person takes in the new-session form (inside `form.ss-new`), in order, before pressing submit. */
export function newSessionSteps(input: NewSessionInput, lang: 'nl' | 'en' = 'nl'): FormStep[] {
  const s = lang === 'nl' ? nl : en;
  const steps: FormStep[] = [
    { check: s.kinds[input.kind ?? 'teamoverleg'], exact: false },
    { fill: s.create.name, exact: true, value: input.title },
  ];
  if (input.team) steps.push({ fill: s.create.team, exact: true, value: input.team });
  if (input.date) steps.push({ fill: s.create.date, exact: true, value: input.date });
  const link = input.link === undefined ? DECK_LINK : input.link;
  if (link !== null) {
    steps.push({ check: s.create.deckLink, exact: false }, { fill: s.create.link, exact: true, value: link });
  } else {
    // null: the whole fan, shuffled (the form starts on its card picker).
    steps.push({ check: s.create.deckAll, exact: false });
  }
  return steps;
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

/** The protection dialog every export opens first, found by its heading (a CSS selector for both APIs). */
export const PROTECT_DIALOG = 'form.ss-protect';

/** The labels a person uses to answer that dialog in the page's language. */
export function protectLabels(lang: 'nl' | 'en' = 'nl') {
  const s = lang === 'nl' ? nl : en;
  return { ...s.exchange.protect, passphrase: s.exchange.passphrase, again: s.exchange.passphraseAgain };
}

/**
 * Answers the protection dialog in Playwright: a plain file, the generated passphrase (ticked as
 * kept; returned), or one typed in both fields (returned). Then presses "Maak het bestand".
 */
export async function answerProtection(
  page: Page,
  how: 'plain' | 'generated' | { own: string },
  lang: 'nl' | 'en' = 'nl',
): Promise<string> {
  const p = protectLabels(lang);
  const dialog = page.locator(PROTECT_DIALOG);
  await dialog.waitFor();
  let passphrase = '';
  if (how === 'plain') await dialog.getByLabel(p.plain).check();
  else if (how === 'generated') {
    const shown = dialog.locator('[data-passphrase]');
    await shown.filter({ hasText: /-/ }).waitFor();
    passphrase = await shown.innerText();
    await dialog.getByLabel(p.kept).check();
  } else {
    passphrase = how.own;
    await dialog.getByLabel(p.own).check();
    await dialog.getByLabel(p.passphrase, { exact: true }).fill(how.own);
    await dialog.getByLabel(p.again).fill(how.own);
  }
  await dialog.getByRole('button', { name: p.make }).click();
  return passphrase;
}
