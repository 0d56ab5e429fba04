/** Plain, serialisable data the deck page hands to its island (no functions: Astro serialises props). */
import type { Dictionary } from '../i18n';
import type { Kind, Perspective, Theme } from '../vocab';

export interface IslandCard {
  id: string;
  number: number;
  theme: Theme;
  kind: Kind;
  title: string;
  summary: string;
  poles?: { label: string; protects: string }[];
  questions: string[];
  perspectives: Record<Perspective, string[]>;
  /** The card page, with the deploy base. */
  href: string;
}

/** The UI strings the deck needs: a slice of the dictionary, so one language ships, not both. */
export interface DeckStrings {
  deck: Dictionary['deck'];
  themes: Dictionary['themes'];
  kinds: Dictionary['kinds'];
  perspectives: Dictionary['perspectives'];
  card: Pick<Dictionary['card'], 'number' | 'protects' | 'versus'>;
}

/** Fills "{name}" placeholders; strings stay data so they can be serialised. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}
