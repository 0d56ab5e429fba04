/**
 * What the deck's card view needs, built once for the pages that show it: the cards page (the
 * Deck island and its presenter) and the join page (the same cards, switched by a script).
 */
import { cardSummary, cardsFor } from '../content';
import type { IslandCard } from '../islands/types';
import type { Lang } from '../routes';
import { t } from '../i18n';
import type { PhoneCard } from '../lib/room/phone-card';
import { PERSPECTIVES, themeClass } from '../vocab';

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

/**
 * The join page's cards: words only, no markup (src/lib/room/phone-card.ts), fetched by the page
 * (src/pages/room-cards.[lang].json.ts) instead of every card rendered twice in its HTML (~84 KB).
 */
export async function phoneCards(lang: Lang): Promise<PhoneCard[]> {
  const d = t(lang);
  return (await deckCards(lang)).map((c) => ({
    id: c.id,
    n: c.number,
    cls: themeClass(c.theme),
    ...(c.theme ? { badge: d.themes[c.theme].short } : {}),
    kind: d.kinds[c.kind],
    title: c.title,
    summary: c.summary,
    ...(c.youthSummary ? { plain: c.youthSummary } : {}),
    ...(c.poles
      ? {
          poles: c.poles.map((p) => ({ label: p.label, protects: p.protects, ...(p.plain ? { plain: p.plain } : {}) })),
        }
      : {}),
    q: Object.fromEntries(PERSPECTIVES.filter((p) => c.perspectives[p].length > 0).map((p) => [p, c.perspectives[p]])),
  }));
}
