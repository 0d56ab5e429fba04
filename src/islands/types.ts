/** Plain, serialisable data the deck page hands to its island (no functions: Astro serialises props). */
import type { Dictionary } from '../i18n';
import { fill } from '../i18n/fill';
import type { Lang } from '../routes';
import { lensLabel, lensQuestions, lensSummary } from '../lib/deck/lens';
import type { Kind, Perspective, Theme } from '../vocab';

/** What every island knows of a card: plain data in one language (see cardSummary in src/content.ts). */
export interface CardSummary {
  id: string;
  number: number;
  /** Absent on the uitleg card (card 0), which belongs to no spanningsveld. */
  theme?: Theme | undefined;
  kind: Kind;
  title: string;
  summary: string;
  questions: string[];
  /** The card page, with the deploy base. */
  href: string;
}

/** The deck also shows what each pole protects and the questions per perspective. */
export interface IslandCard extends CardSummary {
  poles?: { label: string; protects: string; plain?: string | undefined }[];
  perspectives: Record<Perspective, string[]>;
  /** The tension in plain words for young people; shown with the young person's lens. */
  youthSummary?: string | undefined;
}

/**
 * What the face of a card says: with the young person's lens, the plain summary and pole labels
 * where a card has them (each falls back to the regular text on its own).
 */
export function face(
  card: IslandCard,
  lens?: Perspective,
): { summary: string; poles: { label: string; protects: string }[] } {
  return {
    summary: lensSummary(card, lens),
    poles: (card.poles ?? []).map((p) => ({ label: lensLabel(p, lens), protects: p.protects })),
  };
}

/** The UI strings the deck needs: a slice of the dictionary, so one language ships, not both. */
export interface DeckStrings {
  /** The page's language: plural words in the templates follow its rules (src/i18n/fill.ts). */
  lang: Lang;
  deck: Dictionary['deck'];
  themes: Dictionary['themes'];
  kinds: Dictionary['kinds'];
  perspectives: Dictionary['perspectives'];
  card: Pick<Dictionary['card'], 'number' | 'protects' | 'versus'>;
  /** The room ("Open de zaal" on the presenter, and the join page). */
  room: Dictionary['room'];
  /** The words for a position between two poles (the room's slider and spread). */
  poles: Dictionary['poles'];
}

/** What a screen reader hears when a card comes on top or is turned over. */
export function announce(
  card: IslandCard,
  t: DeckStrings,
  o: { index: number; total: number; flipped: boolean; lens?: Perspective | undefined },
): string {
  const parts = [fill(t.lang, t.deck.position, { i: o.index + 1, n: o.total }), card.title];
  if (o.flipped) {
    const q = lensQuestions(card, o.lens);
    parts.push(...q.role, ...q.general);
  } else {
    const f = face(card, o.lens);
    parts.push(f.summary);
    if (f.poles.length) parts.push(f.poles.map((p) => p.label).join(` ${t.card.versus} `));
  }
  return parts.join('. ');
}
