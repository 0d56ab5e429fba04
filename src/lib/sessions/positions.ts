/**
 * Conventions for positions between a card's two poles (0 = pole A, 100 = pole B).
 *
 * The participant label "" is reserved: in zelfreflectie it is "my" one position; in a
 * teamoverleg or workshop it is the team's agreed position, which is also the record
 * marked `agreed` (positions.setAgreed). Named participants place their own markers.
 */
import type { PositionHistoryEntry } from '../store/repo';
import type { Position, SessionKind } from '../store/types';

export const OWN_PARTICIPANT = '';

/** Whether a session collects one marker (zelfreflectie) or one per participant. */
export function isTeamKind(kind: SessionKind): boolean {
  return kind !== 'zelfreflectie';
}

/** The named participants' markers, in the order they were placed. */
export function participantPositions(positions: readonly Position[]): Position[] {
  return positions
    .filter((p) => p.participant !== OWN_PARTICIPANT)
    .sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1));
}

/** The session's own or agreed position on the card, if it has one. */
export function ownPosition(positions: readonly Position[], kind: SessionKind): Position | undefined {
  const agreed = positions.find((p) => p.agreed);
  if (agreed) return agreed;
  return kind === 'zelfreflectie' ? positions.find((p) => p.participant === OWN_PARTICIPANT) : undefined;
}

export type Leaning = 'a' | 'middle' | 'b';

/** Which pole a value is closer to; 45 to 55 counts as the middle. */
export function leaning(value: number): Leaning {
  if (value < 45) return 'a';
  if (value > 55) return 'b';
  return 'middle';
}

export interface HistoryPoint {
  sessionId: string;
  title: string;
  date: string;
  value: number;
}

/**
 * One point per session that recorded "our" position on the card: the agreed one, or in
 * zelfreflectie the single marker. Sessions where the team never agreed are left out: a
 * spread of individual markers is not a position of the team.
 */
export function historyPoints(entries: readonly PositionHistoryEntry[]): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  for (const entry of entries) {
    const own = ownPosition(entry.positions, entry.session.kind);
    if (own)
      out.push({ sessionId: entry.session.id, title: entry.session.title, date: entry.session.date, value: own.value });
  }
  return out;
}
