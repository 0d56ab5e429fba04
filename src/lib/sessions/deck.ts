/**
 * Which cards a session works through. A session stores a DeckRef (a seed, or card ids);
 * the cards themselves come from the site's content, so a text fix on a card reaches old
 * sessions too. Pure: no DOM, no storage.
 */
import { buildDeck, openDeck, type DeckCard, type DeckProblem } from '../deck';
import type { DeckRef } from '../store/types';

const NO_FILTER = { themes: [], kinds: [] };

/**
 * The cards of a session in order: the stored ids if there are any (cards that no longer
 * exist are left out), else the whole fan shuffled with the seed, else the fan in order.
 */
export function sessionDeck<C extends DeckCard>(cards: readonly C[], ref: DeckRef): C[] {
  if (ref.cards && ref.cards.length > 0) {
    return buildDeck(cards, { filter: NO_FILTER, selection: ref.cards, index: 0 });
  }
  return buildDeck(cards, ref.seed ? { filter: NO_FILTER, seed: ref.seed, index: 0 } : { filter: NO_FILTER, index: 0 });
}

/** Problems of a pasted link: the deck's own codes plus two of ours. */
export type LinkProblem = DeckProblem | { code: 'no-deck' | 'empty-deck'; param: ''; value: string };

export interface LinkDeck {
  /** What to store on the session; null when the link gives no cards at all. */
  ref: DeckRef | null;
  /** How many cards the session will have. */
  count: number;
  problems: LinkProblem[];
}

/** The query part of whatever was pasted: a full address, a path with a query, "?schud=…" or "schud=…". */
function paramsOf(text: string): URLSearchParams {
  const trimmed = text.trim();
  const q = trimmed.indexOf('?');
  const query = q >= 0 ? trimmed.slice(q + 1) : trimmed.includes('=') ? trimmed : '';
  // A fragment (#trek) is not part of the deck.
  return new URLSearchParams(query.split('#')[0] ?? '');
}

/**
 * Reads a link copied from the deck page (?schud=, ?kaarten=, ?thema=, ?soort=) into the
 * deck a session stores. A filtered or hand-picked deck is stored as its card ids, so the
 * session keeps exactly the cards the link showed; a plain shuffle is stored as its seed.
 * Never throws: whatever is wrong is reported, for the form to show as text.
 */
export function deckFromLink<C extends DeckCard>(text: string, cards: readonly C[]): LinkDeck {
  const params = paramsOf(text);
  const known = ['schud', 'kaarten', 'thema', 'soort'];
  if (!known.some((k) => params.has(k))) {
    return { ref: null, count: 0, problems: [{ code: 'no-deck', param: '', value: '' }] };
  }
  const { state, deck, problems } = openDeck(cards, params);
  const out: LinkProblem[] = problems.filter((p) => p.code !== 'bad-index' && p.code !== 'unknown-perspective');
  if (deck.length === 0)
    return { ref: null, count: 0, problems: [...out, { code: 'empty-deck', param: '', value: '' }] };
  const filtered = state.filter.themes.length > 0 || state.filter.kinds.length > 0;
  let ref: DeckRef;
  if (state.selection || filtered) {
    ref = { cards: deck.map((c) => c.id) };
    if (state.seed) ref.seed = state.seed;
  } else {
    ref = state.seed ? { seed: state.seed } : {};
  }
  return { ref, count: deck.length, problems: out };
}
