/**
 * The sessions island's four contexts around one view, over a real repository in
 * fake-indexeddb: toasts, navigation and escalations are recorded for the test to read.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { expect } from 'vitest';
import type { Lang } from '../../src/routes';
import { sessionsStrings } from '../../src/views/island-strings';
import {
  Navigation,
  Notices,
  Store,
  Strings,
  type StoreContext,
  type ToastOptions,
} from '../../src/islands/sessions/context';
import type { SessionCard, SessionsStrings } from '../../src/islands/sessions/types';
import type { SessionsRoute } from '../../src/lib/sessions/route';
import { createRepo, type NewSession, type Repo } from '../../src/lib/store/repo';
import { openKjk } from '../../src/lib/store/schema';

export const strings = (lang: Lang = 'nl'): SessionsStrings => sessionsStrings(lang);

export const cards: SessionCard[] = [
  { id: 'k1', number: 1, kind: 'dilemma', title: 'Veilig of eigen kracht', summary: '', questions: [], href: '/k1' },
  { id: 'k2', number: 2, kind: 'kenniskaart', title: 'Netwerk', summary: '', questions: [], href: '/k2' },
];

let counter = 0;

/** A repository over a new fake-indexeddb database; `now` moves its clock (the backup reminder). */
export async function freshRepo(now?: () => number): Promise<Repo> {
  const db = await openKjk({ name: `kjk-islands-export-${++counter}-${Math.random().toString(36).slice(2)}` });
  return createRepo(db, { reopen: null, ...(now ? { now } : {}) });
}

export const aSession: NewSession = {
  kind: 'teamoverleg',
  title: 'Overleg maart',
  team: 'Team Noord',
  date: '2026-03-14',
  lang: 'nl',
  deck: { cards: ['k1', 'k2'] },
};

/** A session with one note on card k1; returns the session's id. */
export async function sessionWithNote(repo: Repo, text: string, title = aSession.title): Promise<string> {
  const session = await repo.sessions.create({ ...aSession, title });
  await repo.notes.save({ sessionId: session.id, cardId: 'k1', text, baseUpdatedAt: null });
  return session.id;
}

export interface Recorded {
  toasts: { message: string; opts?: ToastOptions | undefined }[];
  routes: SessionsRoute[];
  escalated: unknown[];
}

export function harness(
  repo: Repo,
  opts: { lang?: 'nl' | 'en'; escalate?: (err: unknown) => boolean; store?: Partial<StoreContext> } = {},
) {
  const lang = opts.lang ?? 'nl';
  const t = strings(lang);
  const recorded: Recorded = { toasts: [], routes: [], escalated: [] };
  const store: StoreContext = {
    repo,
    subscribe: () => () => undefined,
    escalate: (err) => {
      const handled = opts.escalate?.(err) ?? false;
      if (handled) recorded.escalated.push(err);
      return handled;
    },
    notePersisted: () => undefined,
    drafts: null,
    tab: 'tab-1',
    ...opts.store,
  };
  const Wrapper = ({ children }: { children: ComponentChildren }) => (
    <Store.Provider value={store}>
      <Strings.Provider value={{ lang, t, cards, cardById: new Map(cards.map((c) => [c.id, c])) }}>
        <Notices.Provider value={{ toast: (message, o) => void recorded.toasts.push({ message, opts: o }) }}>
          <Navigation.Provider
            value={{
              go: (route) => void recorded.routes.push(route),
              cardsHref: '/kaarten/',
              formatsHref: '/werkvormen/',
              claimFocus: () => false,
              setTitle: () => undefined,
            }}
          >
            {children}
          </Navigation.Provider>
        </Notices.Provider>
      </Strings.Provider>
    </Store.Provider>
  );
  return { t, lang, recorded, Wrapper };
}

export type Protect = 'plain' | 'generated' | { own: string };

/**
 * Answers the dialog every export opens first (NewPassphrase): a plain file, the generated
 * passphrase (ticked as kept; returned), or one typed in both fields.
 */
export async function protect(t: SessionsStrings, how: Protect): Promise<string> {
  const p = t.s.exchange.protect;
  const dialog = await screen.findByRole('form', { name: p.title });
  const inside = within(dialog);
  let passphrase = '';
  if (how === 'plain') fireEvent.click(inside.getByLabelText(p.plain));
  else if (how === 'generated') {
    await waitFor(() => expect(dialog.querySelector('[data-passphrase]')?.textContent).not.toBe(''));
    passphrase = dialog.querySelector('[data-passphrase]')?.textContent ?? '';
    fireEvent.click(inside.getByLabelText(p.kept));
  } else {
    fireEvent.click(inside.getByLabelText(p.own));
    passphrase = how.own;
    fireEvent.input(inside.getByLabelText(t.s.exchange.passphrase), { target: { value: how.own } });
    fireEvent.input(inside.getByLabelText(t.s.exchange.passphraseAgain), { target: { value: how.own } });
  }
  fireEvent.click(inside.getByRole('button', { name: p.make }));
  return passphrase;
}
