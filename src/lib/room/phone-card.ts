/**
 * The cards as the join page fetches them: one compact record per card (its words only, in the
 * page's language), so a phone can show whichever card the presenter shows without the page
 * inlining every card's markup. Pure; built at build time (src/views/deck-props.ts, served as
 * room-cards.<lang>.json) and read by src/scripts/join.ts.
 */
import { PLAIN_LENS, type Perspective } from '../../vocab';

/**
 * Set on <html> before the first paint when the address carries a room (#room=…): the name form
 * shows, else what is missing. Plain CSS then draws the first screen, without join.ts.
 */
export const ROOM_LINK_CLASS = 'has-room-link';

export interface PhoneCard {
  id: string;
  /** The card's number, as on the printed fan. */
  n: number;
  /** The theme's class (vocab themeClass): the card's colour. */
  cls: string;
  /** The theme's short name, when the card has a theme. */
  badge?: string;
  /** The kind's name in the page's language (dilemma, kenniskaart…). */
  kind: string;
  title: string;
  summary: string;
  /** The tension in plain words for young people. */
  plain?: string;
  /** The two poles of a dilemma; absent on a kenniskaart. */
  poles?: { label: string; protects: string; plain?: string }[];
  /** The questions per point of view; only the points of view that have some. */
  q: Partial<Record<Perspective, string[]>>;
}

/**
 * What the phone shows of a card under a lens: the plain words for the young person's lens. The
 * same rule as lensSummary/lensLabel in src/lib/deck/lens.ts (a unit test holds them equal), not
 * imported: that module brings the deck's URL state, too heavy for the join page's first view.
 */
export function phoneFace(
  card: PhoneCard,
  lens: Perspective | '',
): { summary: string; poles: { label: string; protects: string }[] } {
  const plain = lens === PLAIN_LENS;
  return {
    summary: (plain && card.plain) || card.summary,
    poles: (card.poles ?? []).map((p) => ({ label: (plain && p.plain) || p.label, protects: p.protects })),
  };
}

/** A card's questions under a lens: none without a lens. */
export const lensQuestionsOf = (card: PhoneCard, lens: Perspective | ''): string[] => (lens && card.q[lens]) || [];

/** The two labels a position is given between (the regular words, as the presenter's room uses). */
export const voteLabels = (card: PhoneCard | undefined): string[] =>
  card?.poles ? [card.poles[0]?.label ?? '', card.poles[1]?.label ?? ''] : [];
