/**
 * The sessions island's frame for tests without a browser: a real repository over fake-indexeddb
 * (a fresh database per call), the page's strings and a few cards, and the four contexts
 * SessionsApp provides, with the notices and navigations recorded for assertions.
 */
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import type { Lang } from '../../src/routes';
import { sessionsStrings as buildSessionsStrings } from '../../src/views/island-strings';
import { Navigation, Notices, Store, Strings, type ToastOptions } from '../../src/islands/sessions/context';
import type { SessionCard, SessionsStrings } from '../../src/islands/sessions/types';
import { createBus, echoingSync } from '../../src/lib/sessions/bus';
import type { SessionsRoute } from '../../src/lib/sessions/route';
import { createRepo, type Repo } from '../../src/lib/store/repo';
import { openKjk } from '../../src/lib/store/schema';
import { createSync } from '../../src/lib/store/sync';

export const sessionsStrings = (lang: Lang = 'nl'): SessionsStrings => buildSessionsStrings(lang);

const card = (o: Pick<SessionCard, 'id' | 'number' | 'kind' | 'title'> & Partial<SessionCard>): SessionCard => ({
  summary: `${o.title}.`,
  questions: [],
  href: `/kaarten/${o.id}/`,
  ...o,
});

export const SESSION_CARDS: SessionCard[] = [
  card({ id: 'zo-werkt-de-waaier', number: 0, kind: 'uitleg', title: 'Zo werkt de waaier' }),
  card({
    id: 'visies-op-eigen-kracht',
    number: 1,
    theme: 'visies',
    kind: 'kenniskaart',
    title: 'Visies op eigen kracht',
  }),
  card({
    id: 'kind-of-gezin',
    number: 5,
    theme: 'visies',
    kind: 'dilemma',
    title: 'Kind of gezin?',
    poles: ['Kind', 'Gezin'],
  }),
  card({
    id: 'grens-stellen',
    number: 8,
    theme: 'grenzen',
    kind: 'dilemma',
    title: 'Grens stellen?',
    poles: ['Grens', 'Ruimte'],
  }),
  card({
    id: 'wie-beslist',
    number: 12,
    theme: 'regie',
    kind: 'dilemma',
    title: 'Wie beslist?',
    poles: ['Jij', 'Wij'],
  }),
];

export interface Harness {
  repo: Repo;
  t: SessionsStrings;
  toasts: { message: string; opts: ToastOptions | undefined }[];
  routes: { route: SessionsRoute; opts: { replace?: boolean } | undefined }[];
  escalated: unknown[];
  /** Renders `ui` inside the four contexts. */
  show(ui: ComponentChildren): ReturnType<typeof render>;
}

let counter = 0;

export async function sessionsHarness(
  o: { lang?: 'nl' | 'en'; escalate?: (err: unknown) => boolean } = {},
): Promise<Harness> {
  const lang = o.lang ?? 'nl';
  const db = await openKjk({ name: `kjk-islands-${++counter}-${Math.random().toString(36).slice(2)}` });
  const bus = createBus();
  const repo = createRepo(db, { sync: echoingSync(createSync(), bus) });
  const t = sessionsStrings(lang);
  const h: Harness = {
    repo,
    t,
    toasts: [],
    routes: [],
    escalated: [],
    show: (ui) =>
      render(
        <Store.Provider
          value={{
            repo,
            subscribe: bus.subscribe,
            escalate: (err) => {
              h.escalated.push(err);
              return o.escalate?.(err) ?? false;
            },
            notePersisted: () => undefined,
            drafts: null,
            tab: 'test-tab',
          }}
        >
          <Strings.Provider
            value={{ lang, t, cards: SESSION_CARDS, cardById: new Map(SESSION_CARDS.map((c) => [c.id, c])) }}
          >
            <Notices.Provider value={{ toast: (message, opts) => h.toasts.push({ message, opts }) }}>
              <Navigation.Provider
                value={{
                  go: (route, opts) => h.routes.push({ route, opts }),
                  cardsHref: '/kaarten/',
                  formatsHref: '/werkvormen/',
                  claimFocus: () => false,
                  setTitle: () => undefined,
                }}
              >
                {ui}
              </Navigation.Provider>
            </Notices.Provider>
          </Strings.Provider>
        </Store.Provider>,
      ),
  };
  return h;
}
