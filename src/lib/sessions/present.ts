/**
 * "Presenteren" on a session: the deck page's presenter on exactly the session's cards, at the
 * current card, tied to the session (`presenteer=<id>`), so the room's positions are saved there.
 * The deck params are the deck's public link contract (src/lib/deck/state.ts); this adds one.
 */
import { DECK_PARAMS } from '../deck/state';
import { MAX_ID_CHARS } from '../records/limits';
import type { Perspective } from '../../vocab';

export const PRESENT_PARAM = 'presenteer';

const SESSION_ID = /^[A-Za-z0-9_-]+$/;

/**
 * The deck page's address for presenting a session's cards from `index` (0-based), with the
 * session's lens, so the big screen (and the room's phones) show the cards the way the session does.
 */
export function presentHref(
  cardsHref: string,
  cardIds: readonly string[],
  index: number,
  sessionId: string,
  lens?: Perspective | '',
): string {
  // Card ids are slugs and session ids URL-safe: the commas stay readable, as in the deck's own links.
  const blik = lens ? `&${DECK_PARAMS.perspective}=${lens}` : '';
  return `${cardsHref}?${DECK_PARAMS.selection}=${cardIds.join(',')}&${DECK_PARAMS.index}=${index + 1}${blik}&${PRESENT_PARAM}=${encodeURIComponent(sessionId)}`;
}

/** The session a deck link presents for, or null when it names none (or something that is no id). */
export function presentedSession(params: URLSearchParams): string | null {
  const id = params.get(PRESENT_PARAM);
  return id && id.length <= MAX_ID_CHARS && SESSION_ID.test(id) ? id : null;
}

/**
 * Back from the presenter to the session, at the card it reached (0-based index). The same query
 * as routeSearch() in ./route.ts (a unit test holds them together); not imported from there, so the
 * deck page does not load the sessions code with it.
 */
export function sessionReturnHref(sessionsHref: string, sessionId: string, index: number): string {
  const card = index > 0 ? `&kaart=${index + 1}` : '';
  return `${sessionsHref}?sessie=${encodeURIComponent(sessionId)}${card}`;
}
