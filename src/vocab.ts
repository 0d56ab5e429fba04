/**
 * The product's fixed vocabulary, as plain constants with no dependencies, so that browser
 * code (the deck island) can use it without pulling the content schema (zod) into its bundle.
 */

/** The five spanningsvelden, in the order of the printed fan. Ids are stable: URLs, colours and filters use them. */
export const THEMES = ['visies', 'grenzen', 'belangen', 'regie', 'speelruimte'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Card kinds. `uitleg` is card 0, "Zo werkt de waaier": it explains the fan itself, so it belongs to no
 * spanningsveld and has no theme (it is appended, so existing deck links keep their canonical order).
 */
export const KINDS = ['kenniskaart', 'dilemma', 'uitleg'] as const;
export type Kind = (typeof KINDS)[number];

/** CSS class suffix for a card without a theme (the uitleg card): a neutral colour. */
export const NO_THEME = 'waaier';
/** The theme class of a card: its spanningsveld, or the neutral one. */
export const themeClass = (theme: Theme | undefined): string => `theme-${theme ?? NO_THEME}`;
/** Sort key that puts theme-less cards (the uitleg card) first, then the fan's theme order. */
export const themeRank = (theme: Theme | undefined): number => (theme ? THEMES.indexOf(theme) : -1);

/**
 * The six points of view a card offers questions from. `netwerk` is the informal network or mentor
 * (grandparents, neighbours, a JIM): the fan is about them, so they get their own questions.
 */
export const PERSPECTIVES = ['jeugdige', 'ouder', 'netwerk', 'professional', 'leidinggevende', 'beleidsmaker'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

/**
 * Kinds of session (the sessions page), one per werkvorm that uses the app's notes (lib/sessions/kinds).
 * Appended only: stored sessions and backups name their kind.
 */
export const SESSION_KINDS = ['teamoverleg', 'workshop', 'zelfreflectie', 'gesprek'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** The lens whose readers get the plain-language layer (youthSummary, poles[].plain) of a card. */
export const PLAIN_LENS: Perspective = 'jeugdige';

/**
 * The lenses of the people the fan is about: with these a card speaks to the young person or the
 * parent directly (their own questions only, not the professionals' conversation questions).
 */
export const DIRECT_LENSES: readonly Perspective[] = ['jeugdige', 'ouder'];

/** A stable slug (card, term and format ids): lower case letters, digits and single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
