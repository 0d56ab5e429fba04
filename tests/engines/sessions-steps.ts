/** Sessions steps over the driver interface (the Playwright versions live in tests/e2e/sessions-support.ts). */
import { expect } from 'vitest';
import { type Dump, idbDump, sortedDump } from '../support/idb-dump';
import { en, type NewSessionInput, newSessionSteps, nl, SESSIONS_SHOWN } from '../support/sessions';
import { poll, type Sel, type Tab } from './driver';
import { site } from './journey';

export type { Dump } from '../support/idb-dump';
export { DECK_LINK, DILEMMA, DILEMMA_2, KENNIS, en, nl } from '../support/sessions';

export async function openSessions(tab: Tab, lang: 'nl' | 'en' = 'nl', search = ''): Promise<void> {
  await tab.goto(site(`${lang === 'nl' ? '/sessies/' : '/en/sessions/'}${search}`));
  // Room to wait: `npm test` runs WebKit beside two other browsers on two cores, where a fresh
  // page has taken over 15 s to open its store once. This waits for the page; it times nothing.
  const shown = SESSIONS_SHOWN.replace('.ss-banner', '.ss-banner:not([data-banner=slow])');
  await tab.waitFor(`${shown}, .ss-banner[data-banner=slow]`, { timeout: 30_000 });
  if ((await tab.count('.ss-banner[data-banner=slow]')) > 0) {
    // The page says its data takes long (12 s). Under load it may still catch up (the banner then
    // goes): wait for that, never reload. A page that stays stuck is a bug to find, as the
    // back/forward cache one was (src/lib/store/open.ts, watchPageCache).
    console.warn(`${tab.engine}: the sessions page said opening takes long; waiting on. ${await tab.snapshot()}`);
    await tab.waitFor(shown, { timeout: 30_000 });
  }
}

const sessionId = async (tab: Tab) => new URL(await tab.url()).searchParams.get('sessie');

/** The same fields as the Chromium tests' form helper. */
export type NewSession = NewSessionInput;

/** Creates a session through the form (from the list view) and returns its id. */
export async function createSession(tab: Tab, input: NewSession, lang: 'nl' | 'en' = 'nl'): Promise<string> {
  if ((await tab.count('.ss-list-head')) === 0) await openSessions(tab, lang);
  await tab.click('.ss-list-head button');
  const form = 'form.ss-new';
  for (const step of newSessionSteps(input, lang)) {
    if ('check' in step) await tab.check({ label: step.check, exact: step.exact, within: form });
    else await tab.fill({ label: step.fill, exact: step.exact, within: form }, step.value);
  }
  const s = lang === 'nl' ? nl : en;
  await tab.click({ role: 'button', name: s.create.submit, within: form });
  await tab.waitFor('.ss-session');
  await poll(() => sessionId(tab)).toBeTruthy();
  return (await sessionId(tab))!;
}

export const noteBox = (lang: 'nl' | 'en' = 'nl'): Sel => ({ label: (lang === 'nl' ? nl : en).notes.label });
export const saveState = '.ss-save-state';
export const toast = '.ss-toasts';

/** Everything in the app's database, read with a separate connection in the page. */
export const dump = (tab: Tab): Promise<Dump> => tab.eval(idbDump);

export const sorted = sortedDump;

/** The saved state after typing: "Opgeslagen" (the store wrote it). */
export async function saved(tab: Tab): Promise<void> {
  await poll(() => tab.text(saveState)).toContain(nl.notes.saved);
}

export { expect };
