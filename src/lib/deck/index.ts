/** The deck: seeded shuffle, filters, cursor, and the state <-> URL contract. Pure; no DOM. */
export { createRandom, isValidSeed, newSeed } from './random';
export { shuffle } from './shuffle';
export { applyFilter, type DeckFilter } from './filter';
export {
  buildDeck,
  DECK_PARAMS,
  deckSearch,
  MAX_ITEMS,
  MAX_PARAM_LENGTH,
  openDeck,
  parseDeckParams,
  toDeckParams,
  type DeckParam,
  type DeckProblem,
  type DeckProblemCode,
  type DeckState,
} from './state';
export { clampIndex, hasNext, hasPrev, next, prev, progress } from './cursor';
export {
  CARD_ID,
  isKind,
  isPerspective,
  isTheme,
  KINDS,
  PERSPECTIVES,
  THEMES,
  type DeckCard,
  type Kind,
  type Perspective,
  type Theme,
} from './vocab';
