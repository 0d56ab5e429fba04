/**
 * What a card says under a lens (a point of view). Most lenses add one role's questions to the
 * conversation. The young person's and the parent's lens are different: a professional uses the
 * card *with* them, so the card speaks to them and shows only their own questions. The young
 * person's lens also swaps in the card's plain-language layer (youthSummary, poles[].plain).
 * Pure and shared by the deck, the presenter, the sessions page and the room's join page.
 */
import { DIRECT_LENSES, PLAIN_LENS, type Perspective } from '../../vocab';
import { DECK_PARAMS } from './state';

/** No lens is `undefined` in the deck and `''` in the sessions' menus. */
export type Lens = Perspective | '' | undefined;

/** True for the lenses whose cards speak to the young person or the parent. */
export const speaksTo = (lens: Lens): lens is Perspective => !!lens && DIRECT_LENSES.includes(lens);

/** The card's one-line tension: the plain sentence for the young person, when the card has one. */
export function lensSummary(card: { summary: string; youthSummary?: string | undefined }, lens: Lens): string {
  return (lens === PLAIN_LENS && card.youthSummary) || card.summary;
}

/** A pole's label: its plain words for the young person, when the pole has them. */
export function lensLabel(pole: { label: string; plain?: string | undefined }, lens: Lens): string {
  return (lens === PLAIN_LENS && pole.plain) || pole.label;
}

export interface LensQuestions {
  /** The lens's own questions (none without a lens). */
  role: string[];
  /** The conversation questions: left out when the card speaks to a young person or parent. */
  general: string[];
}

/**
 * The questions on the back of a card. A card without questions for a direct lens keeps its
 * conversation questions, so its back is never empty.
 */
export function lensQuestions(
  card: { questions: readonly string[]; perspectives?: Partial<Record<Perspective, readonly string[]>> | undefined },
  lens: Lens,
): LensQuestions {
  const role = lens ? [...(card.perspectives?.[lens] ?? [])] : [];
  const general = speaksTo(lens) && role.length > 0 ? [] : [...card.questions];
  return { role, general };
}

/**
 * The join page's address for a room's phones: with the presenter's lens as `?blik=` (the deck's
 * own param), so a phone starts with the same lens. The room's key stays in the #fragment.
 */
export function joinHrefWithLens(joinHref: string, lens: Lens): string {
  return lens ? `${joinHref}?${DECK_PARAMS.perspective}=${lens}` : joinHref;
}
