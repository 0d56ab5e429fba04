/**
 * The deck's vocabulary (themes, kinds, perspectives, the id pattern), as plain constants.
 * Why a copy: `src/content.schema.ts` imports astro/zod at module level, and importing a
 * value from it would pull zod into the deck island's bundle. Only its *types* are imported
 * here (erased at build time); tests/unit/deck.test.ts checks these lists equal the schema's.
 */
import type { Kind, Perspective, Theme } from '../../content.schema';

export type { Kind, Perspective, Theme };

/** The five spanningsvelden, in the order of the printed fan. */
export const THEMES = ['visies', 'grenzen', 'belangen', 'regie', 'speelruimte'] as const satisfies readonly Theme[];
export const KINDS = ['kenniskaart', 'dilemma'] as const satisfies readonly Kind[];
export const PERSPECTIVES = ['jeugdige', 'ouder', 'professional', 'leidinggevende', 'beleidsmaker'] as const satisfies readonly Perspective[];

/** A card id: lower case letters, digits and single hyphens (same as SLUG in the schema). */
export const CARD_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const isTheme = (v: string): v is Theme => (THEMES as readonly string[]).includes(v);
export const isKind = (v: string): v is Kind => (KINDS as readonly string[]).includes(v);
export const isPerspective = (v: string): v is Perspective => (PERSPECTIVES as readonly string[]).includes(v);

/** What the deck needs to know about a card; a full CardData fits. */
export interface DeckCard {
  id: string;
  /** Position in the printed fan. */
  number: number;
  theme: Theme;
  kind: Kind;
}
