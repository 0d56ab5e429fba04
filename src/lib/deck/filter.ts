import type { DeckCard, Kind, Perspective, Theme } from './vocab';

export interface DeckFilter {
  /** Spanningsvelden to keep; empty means all. */
  themes: Theme[];
  /** Card kinds to keep; empty means all. */
  kinds: Kind[];
  /** A lens, not a filter: whose questions to show on each card. Removes no cards. */
  perspective?: Perspective;
}

/** The cards that pass the filter, in the order given. */
export function applyFilter<C extends DeckCard>(cards: readonly C[], filter: DeckFilter): C[] {
  return cards.filter(
    (c) =>
      (filter.themes.length === 0 || (c.theme !== undefined && filter.themes.includes(c.theme))) &&
      (filter.kinds.length === 0 || filter.kinds.includes(c.kind)),
  );
}
