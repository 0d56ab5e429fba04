/** Card fixtures shared by the unit tests. */
import { THEMES, type DeckCard } from '../../src/lib/deck';

/** A deck shaped like the real fan: 5 themes x (1 kenniskaart + 4 dilemmas) = 25 cards. */
export const CARDS: DeckCard[] = THEMES.flatMap((theme, t) =>
  [0, 1, 2, 3, 4].map((i) => ({
    id: `${theme}-${i}`,
    number: t * 5 + i + 1,
    theme,
    kind: i === 0 ? ('kenniskaart' as const) : ('dilemma' as const),
  })),
);
