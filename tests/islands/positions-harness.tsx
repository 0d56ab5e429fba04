/**
 * The sessions island's contexts around one view, with a real repository on fake-indexeddb and
 * the same change bus as SessionsApp (so views reload after a write, as in the page).
 */
import type { ComponentChildren } from 'preact';
import { vi } from 'vitest';
import {
  Navigation,
  type NavigationContext,
  Notices,
  Store,
  type StoreContext,
  Strings,
} from '../../src/islands/sessions/context';
import type { SessionCard, SessionsStrings } from '../../src/islands/sessions/types';
import { createBus, echoingSync } from '../../src/lib/sessions/bus';
import { createRepo, type Repo } from '../../src/lib/store/repo';
import { openKjk } from '../../src/lib/store/schema';
import type { SyncChannel } from '../../src/lib/store/sync';
import type { Lang } from '../../src/routes';
import { sessionsStrings } from '../../src/views/island-strings';

export const POLES: [string, string] = ['Eigen kracht', 'Veiligheid'];

export function card(id = 'eigen-kracht-of-veiligheid', poles: [string, string] | undefined = POLES): SessionCard {
  return {
    id,
    number: 7,
    kind: poles ? 'dilemma' : 'kenniskaart',
    title: `Kaart ${id}`,
    summary: '',
    questions: [],
    href: `/kaarten/${id}/`,
    ...(poles ? { poles } : {}),
  };
}

export const strings = (lang: Lang = 'nl'): SessionsStrings => sessionsStrings(lang);

const quietSync: SyncChannel = { available: false, post() {}, subscribe: () => () => {}, close() {} };

export interface Harness {
  repo: Repo;
  toast: ReturnType<typeof vi.fn>;
  go: ReturnType<typeof vi.fn>;
  t: SessionsStrings;
  wrap(children: ComponentChildren): ComponentChildren;
  close(): void;
}

export async function harness(opts: { lang?: Lang; cards?: SessionCard[]; repo?: Repo } = {}): Promise<Harness> {
  const lang = opts.lang ?? 'nl';
  const db = await openKjk({ name: `kjk-island-${Math.random().toString(36).slice(2)}` });
  const bus = createBus();
  const repo = opts.repo ?? createRepo(db, { sync: echoingSync(quietSync, bus) });
  const t = strings(lang);
  const cards = opts.cards ?? [card()];
  const toast = vi.fn();
  const go = vi.fn();
  const store = (): StoreContext => ({
    repo: self.repo,
    subscribe: (listener) => bus.subscribe(listener),
    escalate: () => false,
    notePersisted() {},
    drafts: null,
    tab: 'test',
  });
  const nav: NavigationContext = {
    go,
    cardsHref: '/kaarten/',
    formatsHref: '/werkvormen/',
    claimFocus: () => false,
    setTitle() {},
  };
  const wrap = (children: ComponentChildren) => (
    <Strings.Provider value={{ lang, t, cards, cardById: new Map(cards.map((c) => [c.id, c])) }}>
      <Notices.Provider value={{ toast }}>
        <Navigation.Provider value={nav}>
          <Store.Provider value={store()}>{children}</Store.Provider>
        </Navigation.Provider>
      </Notices.Provider>
    </Strings.Provider>
  );
  const self: Harness = { repo, toast, go, t, wrap, close: () => db.close() };
  return self;
}

/** The repository with one method of one part failing, as a broken disk or a bug would. */
export function failing<P extends 'positions' | 'notes' | 'actions' | 'sessions'>(
  repo: Repo,
  part: P,
  method: keyof Repo[P],
): Repo {
  const broken = new Proxy(repo[part], {
    get: (target, key) => (key === method ? () => Promise.reject(new Error('boom')) : Reflect.get(target, key)),
  });
  return new Proxy(repo, { get: (target, key) => (key === part ? broken : Reflect.get(target, key)) });
}
