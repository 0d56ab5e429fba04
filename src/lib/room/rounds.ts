/**
 * The shift: after the reveal the presenter opens another round on the same card ("Stem
 * opnieuw"), the room votes again, and round one and round two are compared side by side. Only
 * the spreads are compared (sorted, nameless): who moved is never shown anywhere.
 *
 * The current round's votes stay in `votes[card]`, as on a card with one round, so counts, the
 * reveal, `youMessage` and the recorder need not know about rounds; the finished rounds move to
 * `earlier[card]` (round one first). Pure.
 */
import { ROOM_LIMITS } from './limits.ts';
import type { RoomState } from './reducer.ts';

/** Rounds on one card, the first included: a before and after, and once more at most. */
export const MAX_ROUNDS: number = ROOM_LIMITS.roundsPerCard;

/** The round a card is in now: 1 until "Stem opnieuw". */
export function roundOf(state: RoomState, card: string): number {
  return (state.earlier?.[card]?.length ?? 0) + 1;
}

/** Whether "Stem opnieuw" may open another round: the current card, revealed, below the bound. */
export function canVoteAgain(state: RoomState): boolean {
  return state.card !== null && state.phase === 'revealed' && roundOf(state, state.card) < MAX_ROUNDS;
}

/** Opens the next round on the current card: it starts empty and unrevealed; the last round is kept. */
export function voteAgain(state: RoomState): RoomState {
  if (!canVoteAgain(state) || state.card === null) return state;
  const card = state.card;
  const finished = [...(state.earlier?.[card] ?? []), { ...state.votes[card] }];
  return {
    ...state,
    phase: 'open',
    votes: { ...state.votes, [card]: {} },
    revealed: state.revealed.filter((c) => c !== card),
    earlier: { ...state.earlier, [card]: finished },
  };
}

/** Whether a vote for `round` may count now: a late frame from the round before is dropped. */
export function isCurrentRound(state: RoomState, card: string, round: number | undefined): boolean {
  return round === undefined || round === roundOf(state, card);
}

const sorted = (votes: Readonly<Record<string, number>> | undefined) =>
  Object.values(votes ?? {}).sort((a, b) => a - b);

/**
 * Every shown round on a card, first round first: the spread of each, sorted and without names
 * or ids. The current round is in it only once it is revealed.
 */
export function roundsOn(state: RoomState, card: string): { round: number; spread: number[] }[] {
  const out = (state.earlier?.[card] ?? []).map((votes, i) => ({ round: i + 1, spread: sorted(votes) }));
  if (state.revealed.includes(card)) out.push({ round: out.length + 1, spread: sorted(state.votes[card]) });
  return out;
}

/** The middle of a spread (the lower middle's and upper middle's mean, rounded); null when empty. */
export function spreadMedian(spread: readonly number[]): number | null {
  if (spread.length === 0) return null;
  const s = [...spread].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return Math.round(s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2);
}

/** The `round` of a state message: sent from round two on, so a one-round room's frames stay as they were. */
export function roundField(state: RoomState): { round?: number } {
  if (state.card === null) return {};
  const round = roundOf(state, state.card);
  return round > 1 ? { round } : {};
}
