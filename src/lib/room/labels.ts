/**
 * How a room's phones become positions in the presenter's session. The session keys a position
 * by its participant label, so each phone needs one label that no other phone and no earlier
 * marker on this session uses: otherwise one phone's vote would move another's. Labels are made
 * once per phone and never change (a phone that renames itself keeps its first label). Pure.
 */
import { DEFAULT_NUMBERED, freeName, numberedName, participantKey } from '../poles';
import type { RoomState } from './reducer.ts';
import { roundOf } from './rounds.ts';

/**
 * A phone's label: its display name, or the numbered anonymous label ("Telefoon 3"). Names are
 * compared as participants (lib/poles: case and spaces do not count), so a phone "anna" beside a
 * stored "Anna" gets "anna (2)" instead of moving Anna's marker.
 */
export function assignLabels(
  labels: Readonly<Record<string, string>>,
  participants: readonly { pid: string; name?: string | undefined }[],
  /** Labels already used in the session (earlier markers, an earlier room). */
  taken: ReadonlySet<string>,
  anonymous: (n: number) => string,
  /** The dictionary's numbered name (`poles.numbered`): "Anna (2)". */
  numbered: (name: string, n: number) => string = (name, n) => numberedName('nl', DEFAULT_NUMBERED, name, n),
): Record<string, string> {
  const out: Record<string, string> = { ...labels };
  const used = new Set([...taken, ...Object.values(labels)].map(participantKey));
  let next = 1;
  for (const { pid, name } of participants) {
    if (Object.hasOwn(out, pid)) continue;
    let label: string;
    if (name) {
      label = freeName(name, used, numbered);
    } else {
      while (used.has(participantKey(anonymous(next)))) next++;
      label = anonymous(next);
    }
    used.add(participantKey(label));
    out[pid] = label;
  }
  return out;
}

/** The participants of a room in the order they joined, for assignLabels. */
export function joinOrder(state: RoomState): { pid: string; name?: string | undefined }[] {
  return Object.entries(state.participants).map(([pid, p]) => ({ pid, name: p.name }));
}

export interface PositionWrite {
  card: string;
  pid: string;
  label: string;
  value: number;
  /** The round on the card, from round two on ("Stem opnieuw"); absent: round one. */
  round?: number;
}

/** The key of one phone's position on one card in the `saved` map. */
export function savedKey(card: string, pid: string, round = 1): string {
  return round > 1 ? `${card}\n${pid}\n${round}` : `${card}\n${pid}`;
}

/**
 * What must still be written into the session: every vote in the room whose value differs from
 * what was saved last (`saved`, keyed by savedKey). A phone without a label yet waits.
 */
export function positionsToSave(
  state: RoomState,
  labels: Readonly<Record<string, string>>,
  saved: ReadonlyMap<string, number>,
): PositionWrite[] {
  const out: PositionWrite[] = [];
  for (const [card, onCard] of Object.entries(state.votes)) {
    const round = roundOf(state, card);
    for (const [pid, value] of Object.entries(onCard)) {
      const label = labels[pid];
      if (label === undefined || saved.get(savedKey(card, pid, round)) === value) continue;
      out.push({ card, pid, label, value, ...(round > 1 ? { round } : {}) });
    }
  }
  return out;
}
