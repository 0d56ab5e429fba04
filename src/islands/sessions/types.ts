/** Plain, serialisable data the sessions page hands to its island (Astro serialises props: no functions). */
import type { Dictionary } from '../../i18n';
import type { Kind, Theme } from '../../vocab';

export interface SessionCard {
  id: string;
  number: number;
  theme: Theme;
  kind: Kind;
  title: string;
  summary: string;
  /** Labels of pole A (value 0) and pole B (value 100); dilemmas only. */
  poles?: [string, string];
  questions: string[];
  /** The card page, with the deploy base. */
  href: string;
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
