/**
 * What the deck's card view needs, built once for the pages that show it: the cards page (the
 * Deck island and its presenter) and the join page (the same cards, switched by a script).
 */
import { cardSummary, cardsFor } from '../content';
import type { IslandCard } from '../islands/types';
import type { Lang } from '../routes';

export async function deckCards(lang: Lang): Promise<IslandCard[]> {
  return (await cardsFor(lang)).map((entry) => ({
    ...cardSummary(entry, lang),
    ...(entry.data.poles
      ? { poles: entry.data.poles.map((p) => ({ label: p.label, protects: p.protects, plain: p.plain })) }
      : {}),
    perspectives: entry.data.perspectives,
    youthSummary: entry.data.youthSummary,
  }));
}

export { deckStrings } from './island-strings';
