/** Plain, serialisable data the sessions page hands to its island (Astro serialises props: no functions). */
import type { Dictionary } from '../../i18n';
import type { Perspective, Theme } from '../../vocab';
import type { CardSummary } from '../types';
import type { Lang } from '../../routes';

/** The sessions page needs only the pole labels: A (value 0) and B (value 100); dilemmas only. */
export interface SessionCard extends CardSummary {
  poles?: [string, string];
  /** Questions per perspective: the session's lens shows one role's questions. */
  perspectives?: Record<Perspective, string[]>;
  /** The plain-language layer, shown with the young person's lens: the tension and both pole labels. */
  youthSummary?: string;
  plainPoles?: [string, string];
}

/** The UI strings the island needs: one language's slice of the dictionary. */
export interface SessionsStrings {
  s: Dictionary['sessions'];
  themes: Record<Theme, string>;
  cardKinds: Dictionary['kinds'];
  cardNumber: string;
  deckProblems: Dictionary['deck']['problems'];
  perspectives: Dictionary['perspectives'];
  poles: Dictionary['poles'];
}

/**
 * The island's data, too large for Astro's props: Sessions.astro writes it as JSON into a
 * `<script type="application/json">` with this id, and the island parses it once. Astro's props
 * format wraps every value in an array and is revived value by value, a long task on a slow
 * phone; JSON.parse of the same data is not.
 */
export const SESSIONS_DATA_ID = 'sessions-data';
export interface SessionsData {
  cards: SessionCard[];
  t: SessionsStrings;
}

/** The island's props: small values only, its cards and strings come as SessionsData. */
export interface SessionsProps {
  lang: Lang;
  /** The deck page, with the deploy base (for "choose cards there"). */
  cardsHref: string;
  /** The werkvormen page, with the deploy base: each session kind links to its werkvorm (#id). */
  formatsHref: string;
}
