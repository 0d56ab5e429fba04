/**
 * The report of one session as plain data: what was discussed per card (notes, positions,
 * the agreed or own position, actions). The report view and the Markdown text are both
 * made from this model, so they always say the same thing.
 */
import type { Kind } from '../../vocab';
import type { Action, CardNote, Position, Session } from '../store/types';
import { ownPosition, OWN_PARTICIPANT, participantPositions, type HistoryPoint } from '../sessions/positions';
import { spreadMedian } from '../room/rounds';

export interface ReportCardInfo {
  id: string;
  number: number;
  title: string;
  kind: Kind;
  /** Labels of pole A (0) and pole B (100), for dilemmas. */
  poles?: [string, string];
}

export interface ReportSection {
  cardId: string;
  /** Undefined when the card no longer exists in the fan (the id is then shown). */
  card?: ReportCardInfo;
  /** The note as written; "" when there is none. */
  note: string;
  /** Named participants' markers, in the order they were placed. */
  markers: { participant: string; value: number }[];
  /** The agreed position (team) or my position (zelfreflectie), if any. */
  own: number | null;
  actions: Action[];
  /**
   * When the room voted more than once on the card ("Stem opnieuw"): each round's positions,
   * sorted and without names (who moved is never shown), and the middle. Absent with one round.
   */
  rounds?: RoundSpread[];
}

export interface RoundSpread {
  round: number;
  spread: number[];
  median: number;
}

export interface SessionReport {
  session: Session;
  /** Only cards with something recorded, in the session's order; unknown cards last. */
  sections: ReportSection[];
  /** Actions not tied to a card of this report. */
  otherActions: Action[];
  /** Per card id: "our" position in this and earlier sessions of the team, oldest first (only with 2+ points). */
  trends?: Record<string, HistoryPoint[]>;
  /** Every card of the fan with a recorded position in this or earlier sessions, in fan order. */
  fanTrend?: CardTrend[];
}

export interface CardTrend {
  card: ReportCardInfo;
  points: HistoryPoint[];
}

/**
 * Adds the history to a report: `histories` holds, per card id, the points of this session's
 * team up to this session (lib/sessions/positions teamEntries + historyPoints).
 */
export function withHistory(
  report: SessionReport,
  histories: ReadonlyMap<string, readonly HistoryPoint[]>,
  cards: readonly ReportCardInfo[],
): SessionReport {
  const trends: Record<string, HistoryPoint[]> = {};
  for (const section of report.sections) {
    const points = histories.get(section.cardId) ?? [];
    if (points.length >= 2) trends[section.cardId] = [...points];
  }
  const fanTrend = [...cards]
    .sort((a, b) => a.number - b.number)
    .flatMap((card) => {
      const points = histories.get(card.id) ?? [];
      return points.length > 0 ? [{ card, points: [...points] }] : [];
    });
  return { ...report, trends, fanTrend };
}

/** Each round's spread on one card, when it had more than one round; undefined otherwise. */
export function roundSpreads(positions: readonly Position[]): RoundSpread[] | undefined {
  const byRound = new Map<number, number[]>();
  for (const p of positions) {
    if (p.participant === OWN_PARTICIPANT) continue;
    const round = p.round ?? 1;
    byRound.set(round, [...(byRound.get(round) ?? []), p.value]);
  }
  if (![...byRound.keys()].some((r) => r > 1)) return undefined;
  return [...byRound.entries()]
    .sort(([a], [b]) => a - b)
    .map(([round, values]) => {
      const spread = values.sort((a, b) => a - b);
      return { round, spread, median: spreadMedian(spread) ?? 50 };
    });
}

export interface ReportData {
  notes: readonly CardNote[];
  positions: readonly Position[];
  actions: readonly Action[];
}

function byCreated(a: Action, b: Action): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * `deck` is the session's cards in order; `allCards` lets a card that was discussed but is
 * no longer in the deck (a hand-edited import, a renamed card) still get its title.
 */
export function buildReport(
  session: Session,
  data: ReportData,
  deck: readonly ReportCardInfo[],
  allCards: readonly ReportCardInfo[] = deck,
): SessionReport {
  const info = new Map<string, ReportCardInfo>();
  for (const c of allCards) info.set(c.id, c);
  for (const c of deck) info.set(c.id, c);

  const order = new Map<string, number>();
  for (const [i, c] of deck.entries()) order.set(c.id, i);

  const ids = new Set<string>();
  const notes = new Map<string, string>();
  for (const n of data.notes) {
    if (n.sessionId !== session.id) continue;
    if (n.text.trim() === '') continue;
    notes.set(n.cardId, n.text);
    ids.add(n.cardId);
  }
  const positions = new Map<string, Position[]>();
  for (const p of data.positions) {
    if (p.sessionId !== session.id) continue;
    const list = positions.get(p.cardId) ?? [];
    list.push(p);
    positions.set(p.cardId, list);
    ids.add(p.cardId);
  }
  const actions = new Map<string, Action[]>();
  const otherActions: Action[] = [];
  for (const a of [...data.actions].sort(byCreated)) {
    if (a.sessionId !== session.id) continue;
    if (a.cardId === undefined) {
      otherActions.push(a);
      continue;
    }
    const list = actions.get(a.cardId) ?? [];
    list.push(a);
    actions.set(a.cardId, list);
    ids.add(a.cardId);
  }

  const rank = (id: string) => {
    const inDeck = order.get(id);
    if (inDeck !== undefined) return [0, inDeck] as const;
    const card = info.get(id);
    return [1, card ? card.number : Number.MAX_SAFE_INTEGER] as const;
  };
  const sorted = [...ids].sort((a, b) => {
    const [ga, na] = rank(a);
    const [gb, nb] = rank(b);
    return ga - gb || na - nb || (a < b ? -1 : a > b ? 1 : 0);
  });

  const sections: ReportSection[] = sorted.map((cardId) => {
    const list = positions.get(cardId) ?? [];
    const own = ownPosition(list, session.kind);
    const section: ReportSection = {
      cardId,
      note: notes.get(cardId) ?? '',
      markers: participantPositions(list).map((p) => ({ participant: p.participant, value: p.value })),
      own: own ? own.value : null,
      actions: actions.get(cardId) ?? [],
    };
    const card = info.get(cardId);
    if (card) section.card = card;
    const rounds = roundSpreads(list);
    if (rounds) section.rounds = rounds;
    return section;
  });
  // In a team session an unagreed "" marker is a left-over of an agreement that was undone:
  // participantPositions and ownPosition both leave it out of the report.
  return { session, sections, otherActions };
}
