/**
 * The fan beside the deck: which cards it lists and in what order, how the arrow keys move
 * through it, and the page address while the deck runs. Pure; no DOM.
 */
import { themeRank, type Theme } from '../../vocab';

/** The list with `item` added at the end, or without it when it was there. */
export function toggleIn<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/**
 * The cards the fan lists: every card while hand-picking (a pick may add one the deck leaves
 * out), else those in the deck. Always grouped per spanningsveld, whatever the order of drawing.
 */
export function fanCards<C extends { id: string; number: number; theme?: Theme | undefined }>(
  cards: readonly C[],
  inDeck: ReadonlySet<string>,
  picking: boolean,
): C[] {
  return (picking ? cards : cards.filter((c) => inDeck.has(c.id)))
    .slice()
    .sort((a, b) => themeRank(a.theme) - themeRank(b.theme) || a.number - b.number);
}

const MOVES: Record<string, (i: number, last: number) => number> = {
  ArrowRight: (i) => i + 1,
  ArrowDown: (i) => i + 1,
  ArrowLeft: (i) => i - 1,
  ArrowUp: (i) => i - 1,
  Home: () => 0,
  End: (_i, last) => last,
};

/** Where a key moves the focus in a fan of `count` cards from `i` (clamped); undefined for other keys. */
export function fanKeyTarget(key: string, i: number, count: number): number | undefined {
  const move = MOVES[key];
  if (!move || count <= 0) return undefined;
  const last = count - 1;
  return Math.max(0, Math.min(last, move(i, last)));
}

/**
 * The page address for a deck state: its search, plus the session it is presented for (a reload
 * while presenting comes back to the same room's session), and the hash.
 */
export function deckAddress(
  o: { pathname: string; search: string; hash: string },
  tie?: { param: string; session: string } | undefined,
): string {
  const tail = tie ? `${o.search ? '&' : '?'}${tie.param}=${tie.session}` : '';
  return `${o.pathname}${o.search}${tail}${o.hash}`;
}

/** A language-switch link pointing at the same deck: the deck params mean the same in both languages. */
export function withDeckSearch(href: string, search: string): string {
  return `${href.split('?')[0]}${search}`;
}
