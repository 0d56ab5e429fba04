/**
 * The room scan: an opening where every phone places itself on a few dilemmas in one go, like the
 * self-scan, and the room then sees each card's spread and where it differs most. Pure: the
 * presenter's reducer keeps the scan in its state (`scan`) and calls these rules; the positions
 * are ordinary room votes (state.votes per card), so the recorder saves them as it saves any vote.
 */
import { ROOM_LIMITS } from './limits.ts';
import type { RoomState } from './reducer.ts';

/** A scan asks 3 to 6 cards: fewer is not a scan, more tires a room before the talk begins. */
export const SCAN_MIN_CARDS = 3;
export const SCAN_MAX_CARDS = ROOM_LIMITS.scanCardsMax;
/** Fewer positions than this on a card say nothing about how a room differs. */
export const SCAN_MIN_POSITIONS = 3;

export type ScanPhase = 'open' | 'revealed';

export interface RoomScan {
  /** The scan's cards, in the order the phones walk them. */
  cards: string[];
  phase: ScanPhase;
}

export type ScanAction = { kind: 'start'; cards: readonly string[] } | { kind: 'reveal' } | { kind: 'end' };

/** Whether the presenter may start a scan of these cards: 3-6 distinct cards, none revealed already. */
export function canStartScan(state: Pick<RoomState, 'revealed' | 'scan'>, cards: readonly string[]): boolean {
  const unique = new Set(cards);
  return (
    state.scan === undefined &&
    unique.size === cards.length &&
    cards.length >= SCAN_MIN_CARDS &&
    cards.length <= SCAN_MAX_CARDS &&
    cards.every((c) => !state.revealed.includes(c))
  );
}

/**
 * A phone's vote on `card` counts for the scan only while the scan is open and only on one of its
 * cards: a hostile phone cannot write a position on a card the room never asked about.
 */
export function acceptsScanVote(state: Pick<RoomState, 'scan'>, card: string): boolean {
  return state.scan?.phase === 'open' && state.scan.cards.includes(card);
}

/**
 * The cards whose positions a phone takes with it when it leaves: the scan's while it is open, as
 * the current card's while it is open (after the reveal, what was shown stays).
 */
export function scanCards(state: Pick<RoomState, 'scan'>): readonly string[] {
  return state.scan?.phase === 'open' ? state.scan.cards : [];
}

/** The room after the presenter's scan action; anything out of turn leaves it as it was. */
export function scanReducer(state: RoomState, action: ScanAction): RoomState {
  switch (action.kind) {
    case 'start':
      if (!canStartScan(state, action.cards)) return state;
      return { ...state, scan: { cards: [...action.cards], phase: 'open' } };
    case 'reveal': {
      if (state.scan?.phase !== 'open') return state;
      const cards = state.scan.cards;
      // A revealed card stays revealed (as after "Toon alle posities"): the conversation that follows
      // starts from this spread, and nobody can quietly change a position that was already shown.
      const revealed = [...state.revealed, ...cards.filter((c) => !state.revealed.includes(c))];
      const phase = state.card !== null && cards.includes(state.card) ? 'revealed' : state.phase;
      return { ...state, phase, revealed, scan: { cards, phase: 'revealed' } };
    }
    case 'end': {
      if (!state.scan) return state;
      const { scan: _ended, ...rest } = state;
      return rest;
    }
  }
}

/** Phones in the room with a position on every card of the scan. */
export function scanDone(state: Pick<RoomState, 'scan' | 'votes' | 'participants'>): number {
  const scan = state.scan;
  if (!scan) return 0;
  return Object.keys(state.participants).filter((pid) => scan.cards.every((c) => state.votes[c]?.[pid] !== undefined))
    .length;
}

/** The positions on one scan card, sorted and nameless: what the room may see after the reveal. */
export function scanSpread(state: Pick<RoomState, 'votes'>, card: string): number[] {
  return Object.values(state.votes[card] ?? {}).sort((a, b) => a - b);
}

/** Population standard deviation of positions, rounded to one decimal (so float noise never decides a tie). */
export function standardDeviation(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return Math.round(Math.sqrt(variance) * 10) / 10;
}

/**
 * "Hier verschilt de zaal het meest": the card whose positions lie furthest apart, or null.
 *
 * The measure is the standard deviation: it uses every position, so in a room of 10-30 one
 * person at the far end still counts, where the interquartile range of so few positions jumps
 * between neighbouring values and ignores both ends; and it is the measure of the self-scan's
 * "Hier verschillen jullie het meest" (lib/scan/profile.ts), so a trainer reads both the same way.
 * A card needs SCAN_MIN_POSITIONS positions: with two, any difference would look like a split room.
 * A card where everyone stands in the same place differs nowhere, so it is never named. Ties go to
 * the card that came first in the scan, the order the room walked them.
 */
export function differsMost(
  cards: readonly string[],
  spreads: Readonly<Record<string, readonly number[]>>,
): string | null {
  let best: { card: string; sd: number } | null = null;
  for (const card of cards) {
    const values = spreads[card] ?? [];
    if (values.length < SCAN_MIN_POSITIONS) continue;
    const sd = standardDeviation(values);
    if (sd > 0 && (best === null || sd > best.sd)) best = { card, sd };
  }
  return best?.card ?? null;
}

/** What a phone knows of the scan: its cards, whether it is revealed, and the spreads once they came. */
export interface PhoneScan {
  cards: string[];
  phase: ScanPhase;
  /** card id → sorted positions, after the reveal only. */
  spreads: Record<string, number[]>;
}

/** The phone's scan after the presenter's state: the spreads are kept while the scan stays the same. */
export function nextPhoneScan(
  previous: PhoneScan | null,
  scan: { cards: string[]; phase: ScanPhase } | undefined,
): PhoneScan | null {
  if (!scan) return null;
  const same = previous !== null && previous.cards.join() === scan.cards.join();
  return { cards: scan.cards, phase: scan.phase, spreads: same && scan.phase === 'revealed' ? previous.spreads : {} };
}
