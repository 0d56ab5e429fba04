/** Plain, serialisable data the sessions page hands to its island (Astro serialises props: no functions). */
import type { Dictionary } from '../../i18n';
import type { Theme } from '../../vocab';
import type { CardSummary } from '../types';

/** The sessions page needs only the pole labels: A (value 0) and B (value 100); dilemmas only. */
export interface SessionCard extends CardSummary {
  poles?: [string, string];
}

/** The UI strings the island needs: one language's slice of the dictionary. */
export interface SessionsStrings {
  s: Dictionary['sessions'];
  themes: Record<Theme, string>;
  cardKinds: Dictionary['kinds'];
  cardNumber: string;
  deckProblems: Dictionary['deck']['problems'];
}

export interface SessionsProps {
  lang: 'nl' | 'en';
  cards: SessionCard[];
  t: SessionsStrings;
  /** The deck page, with the deploy base (for "choose cards there"). */
  cardsHref: string;
}
