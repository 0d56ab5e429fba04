/** Sessions steps over the driver interface (the Playwright versions live in tests/e2e/sessions-support.ts). */
import { expect } from 'vitest';
import { DECK_LINK, en, type NewSessionInput, nl } from '../e2e/sessions-support';
import { poll, type Sel, type Tab } from './driver';
import { site } from './journey';

export { DECK_LINK, DILEMMA, DILEMMA_2, KENNIS, en, nl } from '../e2e/sessions-support';

export async function openSessions(tab: Tab, lang: 'nl' | 'en' = 'nl', search = ''): Promise<void> {
  await tab.goto(site(`${lang === 'nl' ? '/sessies/' : '/en/sessions/'}${search}`));
  // Room to wait: `npm test` runs WebKit beside two other browsers on two cores, where a fresh
  // page has taken over 15 s to open its store once. This waits for the page; it times nothing.
  const shown = '.ss-list-head, .ss-session, .ss-report, .ss-empty, .ss-banner:not([data-banner=slow])';
  await tab.waitFor(`${shown}, .ss-banner[data-banner=slow]`, { timeout: 30_000 });
  if ((await tab.count('.ss-banner[data-banner=slow]')) > 0) {
    // WebKit has (rarely, under load) left the store's opening pending for good. The page then
    // says so and asks for a reload: do what it asks once, as a person would, and say it here.
    console.warn(
      `${tab.engine}: the sessions page said opening took too long; reloading once, as it asks. ${await tab.snapshot()}`,
    );
    await tab.reload();
    await tab.waitFor(shown, { timeout: 30_000 });
  }
}

const sessionId = async (tab: Tab) => new URL(await tab.url()).searchParams.get('sessie');

/** The same fields as the Chromium tests' form helper. */
export type NewSession = NewSessionInput;

/** Creates a session through the form (from the list view) and returns its id. */
export async function createSession(tab: Tab, input: NewSession, lang: 'nl' | 'en' = 'nl'): Promise<string> {
  const s = lang === 'nl' ? nl : en;
  if ((await tab.count('.ss-list-head')) === 0) await openSessions(tab, lang);
  await tab.click('.ss-list-head button');
  const form = 'form.ss-new';
  await tab.check({ label: s.kinds[input.kind ?? 'teamoverleg'], exact: false, within: form });
  await tab.fill({ label: s.create.name, within: form }, input.title);
  if (input.team) await tab.fill({ label: s.create.team, within: form }, input.team);
  if (input.date) await tab.fill({ label: s.create.date, within: form }, input.date);
  const link = input.link === undefined ? DECK_LINK : input.link;
  if (link !== null) {
    await tab.check({ label: s.create.deckLink, exact: false, within: form });
    await tab.fill({ label: s.create.link, within: form }, link);
  }
  await tab.click({ role: 'button', name: s.create.submit, within: form });
  await tab.waitFor('.ss-session');
  await poll(() => sessionId(tab)).toBeTruthy();
  return (await sessionId(tab))!;
}

export const noteBox = (lang: 'nl' | 'en' = 'nl'): Sel => ({ label: (lang === 'nl' ? nl : en).notes.label });
export const saveState = '.ss-save-state';
export const toast = '.ss-toasts';

export type Dump = Record<'sessions' | 'notes' | 'positions' | 'actions', Record<string, unknown>[]>;

/** Everything in the app's database, read with a separate connection in the page. */
export function dump(tab: Tab): Promise<Dump> {
  return tab.eval(
    () =>
      new Promise<Dump>((resolve, reject) => {
        const req = indexedDB.open('kjk');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = ['sessions', 'notes', 'positions', 'actions'].filter((n) => db.objectStoreNames.contains(n));
          const out = { sessions: [], notes: [], positions: [], actions: [] } as Dump;
          if (names.length === 0) {
            db.close();
            resolve(out);
            return;
          }
          const tx = db.transaction(names, 'readonly');
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

export const sorted = (data: Dump) =>
  Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, [...v].sort((a, b) => String(a.id).localeCompare(String(b.id)))]),
  );

/** The saved state after typing: "Opgeslagen" (the store wrote it). */
export async function saved(tab: Tab): Promise<void> {
  await poll(() => tab.text(saveState)).toContain(nl.notes.saved);
}

export { expect };
