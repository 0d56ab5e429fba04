/**
 * "Open de zaal" on the cards page's presenter: the room saves every position into a session, and
 * a deck has none, so one is made first: a workshop with exactly the cards on the screen, in their
 * order, with the lens. Loaded only when that button is pressed (it brings the store and its
 * validator), so the cards page starts without them.
 */
import type { Lang } from '../../routes';
import type { Perspective } from '../../vocab';
import { formatDay, todayIso } from '../sessions/format';
import { type OpenedStore, openStore } from '../store/open';

export interface DeckSessionInput {
  /** Card ids in the order the presenter shows them. */
  cards: readonly string[];
  lang: Lang;
  lens?: Perspective | undefined;
  /** The session's title for the day, written out ("Workshop 7 december 2026"): the words come from the dictionary. */
  title: (day: string) => string;
  /** For tests: another clock or store. */
  now?: () => Date;
  open?: () => OpenedStore;
}

export interface DeckSession {
  id: string;
  title: string;
}

/** Stores the workshop session for a presented deck; rejects with the store's error when it cannot. */
export async function createDeckSession(input: DeckSessionInput): Promise<DeckSession> {
  const store = (input.open ?? openStore)();
  try {
    const repo = await store.ready;
    const date = todayIso(input.now?.());
    const session = await repo.sessions.create({
      kind: 'workshop',
      title: input.title(formatDay(date, input.lang)),
      team: '',
      date,
      lang: input.lang,
      deck: { cards: [...input.cards] },
      ...(input.lens ? { lens: input.lens } : {}),
    });
    return { id: session.id, title: session.title };
  } finally {
    // The room opens its own connection: this one was only for the one write, which is committed.
    store.close();
  }
}
