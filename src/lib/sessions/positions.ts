/**
 * Conventions for positions between a card's two poles (0 = pole A, 100 = pole B).
 *
 * The participant label "" is reserved: in zelfreflectie it is "my" one position; in a
 * teamoverleg or workshop it is the team's agreed position, which is also the record
 * marked `agreed` (positions.setAgreed). Named participants place their own markers.
 */
import { DEFAULT_NUMBERED, findParticipant, freeName, leaning, type Leaning, numberedName } from '../poles';
import type { PositionHistoryEntry } from '../store/repo';
import type { Position, Session, SessionKind } from '../store/types';
import { isEarlier } from './continuity';
import { teamKey } from './kinds';

export const OWN_PARTICIPANT = '';

/** Whether a session collects one marker (zelfreflectie) or one per participant. */
export function isTeamKind(kind: SessionKind): boolean {
  return kind !== 'zelfreflectie';
}

/** The named participants' markers, in the order they were placed (round one: later rounds are compared nameless). */
export function participantPositions(positions: readonly Position[]): Position[] {
  return positions
    .filter((p) => p.participant !== OWN_PARTICIPANT && (p.round ?? 1) === 1)
    .sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1));
}

/** The session's own or agreed position on the card, if it has one. */
export function ownPosition(positions: readonly Position[], kind: SessionKind): Position | undefined {
  const agreed = positions.find((p) => p.agreed);
  if (agreed) return agreed;
  return kind === 'zelfreflectie' ? positions.find((p) => p.participant === OWN_PARTICIPANT) : undefined;
}

// The thresholds live in lib/poles with the other rules of a position; re-exported for old callers.
export { leaning, type Leaning };

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

/** The marker already placed under this name, by lib/poles' participant identity. */
export function sameParticipant<T extends { participant: string }>(markers: readonly T[], name: string): T | undefined {
  return findParticipant(markers, name);
}

/**
 * "Anna (2)", or the first free number after it: a second Anna gets her own marker instead of
 * replacing the first. `numbered` is the dictionary's template (`poles.numbered`).
 */
export function nextFreeName(name: string, taken: readonly string[], numbered: string = DEFAULT_NUMBERED): string {
  return freeName(name, taken, (base, n) => numberedName('nl', numbered, base, n), { alwaysNumber: true });
}

/**
 * What a dot on the plot shows for a participant: the first letters of a name ("Anna de Vries"
 * -> "AV"), the number of a numbered one ("Deelnemer 3" -> "3", "Anna (2)" -> "A2").
 */
export function dotLabel(name: string): string {
  const trimmed = name.trim();
  const numbered = /^(.*?)\s*\((\d+)\)$/.exec(trimmed);
  if (numbered) return `${dotLabel(numbered[1] ?? '')}${numbered[2]}`.slice(0, 4);
  const trailing = /^\D*?\s(\d+)$/.exec(trimmed);
  if (trailing) return trailing[1] ?? '';
  const words = trimmed.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

/**
 * The history entries of `session`'s team (same name regardless of case and spaces; "" is
 * the group of sessions without a team); with `upTo`, only `session` and the ones before it.
 */
export function teamEntries(
  entries: readonly PositionHistoryEntry[],
  session: Session,
  opts: { upTo?: boolean } = {},
): PositionHistoryEntry[] {
  const key = teamKey(session.team);
  return entries.filter(
    (e) =>
      teamKey(e.session.team) === key && (!opts.upTo || e.session.id === session.id || isEarlier(e.session, session)),
  );
}
