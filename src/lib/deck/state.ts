/**
 * The deck state <-> URL search params.
 *
 * PUBLIC CONTRACT: these links are shared and printed on paper. The parameter names are
 * Dutch and the same on the English pages (one link works in both languages):
 *   schud=k7f2x               shuffle with this seed
 *   thema=visies,regie        only these spanningsvelden
 *   soort=dilemma             only these kinds
 *   blik=ouder                show the questions from this perspective (removes no cards)
 *   kaarten=id-a,id-b         a hand-picked selection, in this order (wins over thema/soort/schud)
 *   kaart=3                   the current card, 1-based
 * Rename nothing; add new params only.
 */
import { applyFilter, type DeckFilter } from './filter';
import { isValidSeed } from './random';
import { shuffle } from './shuffle';
import { isKind, isPerspective, isTheme, KINDS, THEMES, type DeckCard } from './vocab';

export const DECK_PARAMS = {
  seed: 'schud',
  themes: 'thema',
  kinds: 'soort',
  perspective: 'blik',
  selection: 'kaarten',
  index: 'kaart',
} as const;
export type DeckParam = (typeof DECK_PARAMS)[keyof typeof DECK_PARAMS];

export interface DeckState {
  /** Shuffle seed; absent means fan order. */
  seed?: string;
  filter: DeckFilter;
  /** Hand-picked card ids in order; when present, filter and seed do not change which cards or their order. */
  selection?: string[];
  /** The current card, 0-based. */
  index: number;
}

export type DeckProblemCode =
  | 'bad-seed'
  | 'unknown-theme'
  | 'unknown-kind'
  | 'unknown-perspective'
  | 'unknown-card'
  | 'duplicate-card'
  | 'empty-selection'
  | 'bad-index'
  | 'too-long'
  | 'too-many';

/** Something in a link that was skipped. `value` is what the link said, cut to 40 characters; show it as text only. */
export interface DeckProblem {
  code: DeckProblemCode;
  param: DeckParam;
  value: string;
}

/** Longer list params are cut (at a comma), so a hostile link cannot stall the page. */
export const MAX_PARAM_LENGTH = 8192;
/** At most this many items are read from a list param; the deck has about 25 cards. */
export const MAX_ITEMS = 200;
const MAX_VALUE_SHOWN = 40;

const shorten = (v: string): string => (v.length > MAX_VALUE_SHOWN ? `${v.slice(0, MAX_VALUE_SHOWN)}…` : v);
// Case and spaces are forgiven: people type printed links by hand.
const clean = (v: string): string => v.trim().toLowerCase();

type Report = (code: DeckProblemCode, param: DeckParam, value: string) => void;

/**
 * A comma list, cleaned, or null when the param is absent. Repeated params are joined
 * (`thema=visies&thema=regie`), so a plain HTML form with checkboxes produces a valid link.
 */
function readList(params: URLSearchParams, param: DeckParam, report: Report): string[] | null {
  const all = params.getAll(param);
  if (all.length === 0) return null;
  let raw = all.join(',');
  if (raw.length > MAX_PARAM_LENGTH) {
    const head = raw.slice(0, MAX_PARAM_LENGTH);
    // Cut at a comma: a half id could be another card's id ("zelfredzaam-samenredzaam" -> "zelfredzaam").
    const cut = Math.max(head.lastIndexOf(','), 0);
    report('too-long', param, raw.slice(cut).replace(/^,/, ''));
    raw = raw.slice(0, cut);
    if (raw === '') return [];
  }
  const items = raw.split(',', MAX_ITEMS + 1);
  if (items.length > MAX_ITEMS) report('too-many', param, items.pop() ?? '');
  return items.map(clean);
}

/** Read a deck link. Never throws: whatever is unknown or malformed is skipped and reported. */
export function parseDeckParams(
  params: URLSearchParams,
  knownIds: readonly string[],
): { state: DeckState; problems: DeckProblem[] } {
  const problems: DeckProblem[] = [];
  const report: Report = (code, param, value) => problems.push({ code, param, value: shorten(value) });
  const state: DeckState = { filter: { themes: [], kinds: [] }, index: 0 };

  const seed = params.get(DECK_PARAMS.seed);
  if (seed !== null) {
    if (isValidSeed(clean(seed))) state.seed = clean(seed);
    else report('bad-seed', DECK_PARAMS.seed, seed);
  }

  const themes = readList(params, DECK_PARAMS.themes, report);
  if (themes) {
    for (const t of themes) if (!isTheme(t)) report('unknown-theme', DECK_PARAMS.themes, t);
    state.filter.themes = THEMES.filter((t) => themes.includes(t)); // fan order, no duplicates
  }

  const kinds = readList(params, DECK_PARAMS.kinds, report);
  if (kinds) {
    for (const k of kinds) if (!isKind(k)) report('unknown-kind', DECK_PARAMS.kinds, k);
    state.filter.kinds = KINDS.filter((k) => kinds.includes(k));
  }

  const perspective = params.get(DECK_PARAMS.perspective);
  if (perspective !== null) {
    const p = clean(perspective);
    if (isPerspective(p)) state.filter.perspective = p;
    else report('unknown-perspective', DECK_PARAMS.perspective, perspective);
  }

  const ids = readList(params, DECK_PARAMS.selection, report);
  if (ids) {
    const known = new Set(knownIds);
    const picked = new Set<string>();
    const reported = new Set<string>();
    for (const id of ids) {
      if (!known.has(id)) report('unknown-card', DECK_PARAMS.selection, id);
      else if (!picked.has(id)) picked.add(id);
      else if (!reported.has(id)) {
        reported.add(id);
        report('duplicate-card', DECK_PARAMS.selection, id);
      }
    }
    if (picked.size > 0) state.selection = [...picked];
    else report('empty-selection', DECK_PARAMS.selection, ''); // falls back to the whole (filtered) deck
  }

  const index = params.get(DECK_PARAMS.index);
  if (index !== null) {
    // Only an upper bound we can know here; openDeck() also checks it against the built deck.
    const max = state.selection?.length ?? new Set(knownIds).size;
    const k = /^\d{1,6}$/.test(index.trim()) ? Number(index.trim()) : NaN;
    if (k >= 1 && k <= max) state.index = k - 1;
    else report('bad-index', DECK_PARAMS.index, index);
  }

  return { state, problems };
}

/** The canonical params of a state: defaults omitted, fixed param order, themes and kinds in fan order. */
export function toDeckParams(state: DeckState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.seed) p.set(DECK_PARAMS.seed, state.seed);
  const themes = THEMES.filter((t) => state.filter.themes.includes(t));
  if (themes.length > 0) p.set(DECK_PARAMS.themes, themes.join(','));
  const kinds = KINDS.filter((k) => state.filter.kinds.includes(k));
  if (kinds.length > 0) p.set(DECK_PARAMS.kinds, kinds.join(','));
  if (state.filter.perspective) p.set(DECK_PARAMS.perspective, state.filter.perspective);
  if (state.selection && state.selection.length > 0)
    p.set(DECK_PARAMS.selection, [...new Set(state.selection)].join(','));
  if (Number.isInteger(state.index) && state.index > 0) p.set(DECK_PARAMS.index, String(state.index + 1));
  return p;
}

/**
 * The query string for a state, "" or "?schud=k7f2x&thema=visies,regie". Same params as
 * toDeckParams, but commas stay commas (URLSearchParams writes %2C): links are printed and read.
 */
export function deckSearch(state: DeckState): string {
  const parts = [...toDeckParams(state)].map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/gi, ',')}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/**
 * The cards to go through, in order: the hand-picked selection if there is one, else the
 * filtered cards, shuffled with the seed if there is one, else in fan order (by number).
 */
export function buildDeck<C extends DeckCard>(cards: readonly C[], state: DeckState): C[] {
  if (state.selection && state.selection.length > 0) {
    const byId = new Map(cards.map((c) => [c.id, c] as const));
    return [...new Set(state.selection)].flatMap((id) => byId.get(id) ?? []);
  }
  // Sort before shuffling, so a seed gives the same order however the cards were loaded.
  const inFanOrder = applyFilter(cards, state.filter).sort((a, b) => a.number - b.number);
  return state.seed ? shuffle(inFanOrder, state.seed) : inFanOrder;
}

/** parseDeckParams + buildDeck, with the index checked against the deck it points into. What a page needs. */
export function openDeck<C extends DeckCard>(
  cards: readonly C[],
  params: URLSearchParams,
): { state: DeckState; deck: C[]; problems: DeckProblem[] } {
  const { state, problems } = parseDeckParams(
    params,
    cards.map((c) => c.id),
  );
  const deck = buildDeck(cards, state);
  if (state.index > 0 && state.index >= deck.length) {
    problems.push({ code: 'bad-index', param: DECK_PARAMS.index, value: String(state.index + 1) });
    state.index = 0;
  }
  return { state, deck, problems };
}
