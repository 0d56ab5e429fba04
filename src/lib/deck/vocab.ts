/** The deck's view of the product vocabulary (src/vocab.ts: zod-free, so safe for the island bundle). */
import { KINDS, PERSPECTIVES, SLUG, THEMES, type Kind, type Perspective, type Theme } from '../../vocab';

export { KINDS, PERSPECTIVES, THEMES };
export type { Kind, Perspective, Theme };

/** A card id. */
export const CARD_ID = SLUG;

export const isTheme = (v: string): v is Theme => (THEMES as readonly string[]).includes(v);
export const isKind = (v: string): v is Kind => (KINDS as readonly string[]).includes(v);
export const isPerspective = (v: string): v is Perspective => (PERSPECTIVES as readonly string[]).includes(v);

/** What the deck needs to know about a card; a full CardData fits. */
export interface DeckCard {
  id: string;
  /** Position in the printed fan. */
  number: number;
  theme?: Theme | undefined;
  kind: Kind;
}
