/**
 * Tables: the presenter splits the room into small groups, each with a card, its own hidden
 * positions, its own reveal and a scribe who types the table's summary for the presenter. Pure:
 * the reducer keeps `tables` in its state and calls these rules; the session sends each phone its
 * own table only (`tableInfo`), so a phone never sees another table's positions.
 *
 * A phone's messages carry no table number and no role: the presenter seats phones and picks the
 * scribe, so a phone cannot claim another table or the pen. Arrays are indexed by table - 1.
 */
import { ROOM_LIMITS } from './limits.ts';
import type { RoomState } from './reducer.ts';
import type { TableInfo } from './schema.ts';
import { oneLine } from './answers-schema.ts';
import { isRunning, pause, remainingMs, start, type TimerState, timerFor } from '../deck/timer.ts';
import { timerWire } from './timer.ts';

export const TABLES_MIN: number = ROOM_LIMITS.tablesMin;
export const TABLES_MAX: number = ROOM_LIMITS.tablesMax;
export const TABLE_SIZE_MIN: number = ROOM_LIMITS.tableSizeMin;
export const TABLE_SIZE_MAX: number = ROOM_LIMITS.tableSizeMax;
export const SUMMARY_MAX: number = ROOM_LIMITS.summaryMaxChars;
export const TABLE_TIMER_MIN: number = ROOM_LIMITS.tableTimerMinutesMin;
export const TABLE_TIMER_MAX: number = ROOM_LIMITS.tableTimerMinutesMax;

export interface Tables {
  /** Each table's card. */
  cards: string[];
  /** participant id → its table (1-based). */
  seats: Record<string, number>;
  /** Each table's positions: participant id → position. */
  votes: Record<string, number>[];
  revealed: boolean[];
  /** Each table's scribe (a participant id), null at an empty table. */
  scribes: (string | null)[];
  /** Each table's latest summary from its scribe ('' until one came). */
  summaries: string[];
  /** The table the presenter called to report, or null. */
  called: number | null;
  /**
   * Each table's own timer (null: none), on the presenter's clock. Only the time left leaves the
   * presenter (tableInfo), so a phone's clock never matters. Absent until a table got one.
   */
  timers?: (TimerState | null)[];
}

/** How the presenter splits the room: a number of tables, or a table size. */
export type Split = { by: 'count'; n: number } | { by: 'size'; n: number };

export type TablesAction =
  | { kind: 'start'; split: Split; card: string }
  /** Gives table `table` its own card: its positions start afresh. */
  | { kind: 'card'; table: number; card: string }
  | { kind: 'reveal-all' }
  /** Passes the pen to another phone at that table. */
  | { kind: 'scribe'; table: number; pid: string }
  | { kind: 'call'; table: number | null }
  | { kind: 'end' }
  /**
   * A table's own timer: start (a fresh countdown of `minutes`, or on from a pause of the same
   * length), pause, stop. `now`: the presenter's clock, passed in so the reducer stays pure.
   */
  | { kind: 'timer'; table: number; run: TableTimerRun; minutes: number; now: number };

export type TableTimerRun = 'start' | 'pause' | 'stop';

const whole = (n: number) => Number.isInteger(n);

/** Whether the presenter's split is within the bounds. */
export function validSplit(split: Split): boolean {
  if (!whole(split.n)) return false;
  return split.by === 'count'
    ? split.n >= TABLES_MIN && split.n <= TABLES_MAX
    : split.n >= TABLE_SIZE_MIN && split.n <= TABLE_SIZE_MAX;
}

/** The number of tables for `phones` phones: a count as given, a size as ceil(phones / size) (1-20). */
export function tableCount(split: Split, phones: number): number {
  if (split.by === 'count') return split.n;
  return Math.max(1, Math.min(TABLES_MAX, Math.ceil(phones / split.n)));
}

/** Deals phones round-robin in join order: the first to table 1, the second to table 2, … */
export function deal(pids: readonly string[], tables: number): Record<string, number> {
  const seats: Record<string, number> = {};
  pids.forEach((pid, i) => {
    seats[pid] = (i % tables) + 1;
  });
  return seats;
}

/**
 * The people at each table (index: table − 1), in join order (the order of `participants`). One
 * pass for all tables: at a plenary this runs on every vote, over up to 1,000 phones.
 */
export function atTables(tables: Tables, participants: Readonly<Record<string, unknown>>): string[][] {
  const people: string[][] = tables.cards.map(() => []);
  for (const pid of Object.keys(participants)) {
    const t = tables.seats[pid];
    if (t !== undefined) people[t - 1]?.push(pid);
  }
  return people;
}

/** Where a phone that joins later sits: the table with the fewest people (the lowest number on a tie). */
export function smallestTable(tables: Tables, participants: Readonly<Record<string, unknown>>): number {
  const sizes = atTables(tables, participants).map((people) => people.length);
  let best = 0;
  sizes.forEach((n, i) => {
    if (n < (sizes[best] ?? 0)) best = i;
  });
  return best + 1;
}

function startTables(state: RoomState, split: Split, card: string): Tables | null {
  if (!validSplit(split)) return null;
  const pids = Object.keys(state.participants);
  const n = tableCount(split, pids.length);
  const seats = deal(pids, n);
  const tables: Tables = {
    cards: Array.from({ length: n }, () => card),
    seats,
    votes: Array.from({ length: n }, () => ({})),
    revealed: Array.from({ length: n }, () => false),
    scribes: Array.from({ length: n }, () => null),
    summaries: Array.from({ length: n }, () => ''),
    called: null,
  };
  return withScribes(tables, state.participants);
}

/** Gives every table without a scribe at it its first phone as scribe. */
function withScribes(tables: Tables, participants: Readonly<Record<string, unknown>>): Tables {
  let scribes = tables.scribes;
  const people = atTables(tables, participants);
  tables.cards.forEach((_, i) => {
    const current = scribes[i] ?? null;
    if (current !== null && tables.seats[current] === i + 1 && current in participants) return;
    const first = people[i]?.[0] ?? null;
    if (first === current) return;
    scribes = scribes.slice();
    scribes[i] = first;
  });
  return scribes === tables.scribes ? tables : { ...tables, scribes };
}

/** A table reveals itself once everyone at it has chosen. */
function autoReveal(tables: Tables, participants: Readonly<Record<string, unknown>>): Tables {
  let revealed = tables.revealed;
  const seated = atTables(tables, participants);
  tables.cards.forEach((_, i) => {
    if (revealed[i]) return;
    const people = seated[i] ?? [];
    if (people.length === 0 || !people.every((pid) => tables.votes[i]?.[pid] !== undefined)) return;
    revealed = revealed.slice();
    revealed[i] = true;
  });
  return revealed === tables.revealed ? tables : { ...tables, revealed };
}

const inRange = (tables: Tables, table: number) => whole(table) && table >= 1 && table <= tables.cards.length;

/** The room after a presenter's table action; anything out of turn leaves it as it was. */
export function tablesReducer(state: RoomState, action: TablesAction): RoomState {
  const tables = state.tables;
  if (action.kind === 'start') {
    if (tables) return state;
    const next = startTables(state, action.split, action.card);
    return next ? { ...state, tables: next } : state;
  }
  if (!tables) return state;
  switch (action.kind) {
    case 'card': {
      if (!inRange(tables, action.table)) return state;
      const i = action.table - 1;
      if (tables.cards[i] === action.card) return state;
      const set = <T>(list: T[], value: T) => list.map((x, j) => (j === i ? value : x));
      return {
        ...state,
        tables: {
          ...tables,
          cards: set(tables.cards, action.card),
          votes: set(tables.votes, {}),
          revealed: set(tables.revealed, false),
        },
      };
    }
    case 'reveal-all':
      return { ...state, tables: { ...tables, revealed: tables.revealed.map(() => true) } };
    case 'scribe': {
      if (!inRange(tables, action.table) || tables.seats[action.pid] !== action.table) return state;
      if (!(action.pid in state.participants)) return state;
      const scribes = tables.scribes.map((s, j) => (j === action.table - 1 ? action.pid : s));
      return { ...state, tables: { ...tables, scribes } };
    }
    case 'call':
      if (action.table !== null && !inRange(tables, action.table)) return state;
      return { ...state, tables: { ...tables, called: action.table } };
    case 'end': {
      const { tables: _ended, ...rest } = state;
      return rest;
    }
    case 'timer': {
      if (!inRange(tables, action.table) || !validTableTimer(action.minutes, action.now)) return state;
      const i = action.table - 1;
      const before = tables.timers?.[i] ?? null;
      const after = nextTableTimer(before, action.run, action.minutes, action.now);
      if (after === before) return state;
      const timers = tables.cards.map((_, j) => (j === i ? after : (tables.timers?.[j] ?? null)));
      return { ...state, tables: { ...tables, timers } };
    }
  }
}

/** Whether a table timer's length (whole minutes, 1-60) and the presenter's clock are usable. */
export function validTableTimer(minutes: number, now: number): boolean {
  return whole(minutes) && minutes >= TABLE_TIMER_MIN && minutes <= TABLE_TIMER_MAX && Number.isFinite(now);
}

function nextTableTimer(timer: TimerState | null, run: TableTimerRun, minutes: number, now: number) {
  if (run === 'stop') return null;
  const counting = timer !== null && isRunning(timer) && remainingMs(timer, now) > 0;
  if (run === 'pause') return counting ? pause(timer, now) : timer;
  if (counting) return timer;
  // A pause of the same length goes on where it stood; anything else (ended, a new length) starts afresh.
  if (timer && !isRunning(timer) && timer.leftMs > 0 && timer.minutes === minutes) return start(timer, now);
  return start(timerFor(minutes), now);
}

/** A phone joined (or came back): a new phone sits at the smallest table; a known one keeps its seat. */
export function seatJoiner(state: RoomState, pid: string): RoomState {
  const tables = state.tables;
  if (!tables || !(pid in state.participants)) return state;
  if (tables.seats[pid] !== undefined) return { ...state, tables: withScribes(tables, state.participants) };
  const seats = { ...tables.seats, [pid]: smallestTable(tables, state.participants) };
  return { ...state, tables: withScribes({ ...tables, seats }, state.participants) };
}

/**
 * A phone left the room: its seat goes, its position goes with it while its table is still hidden,
 * the pen passes to the next at its table, and a table where everyone left has chosen reveals.
 */
export function unseat(state: RoomState, pid: string): RoomState {
  const tables = state.tables;
  const table = tables?.seats[pid];
  if (!tables || table === undefined) return state;
  const { [pid]: _gone, ...seats } = tables.seats;
  const i = table - 1;
  const votes = tables.revealed[i]
    ? tables.votes
    : tables.votes.map((onTable, j) => {
        if (j !== i || !(pid in onTable)) return onTable;
        const { [pid]: _vote, ...rest } = onTable;
        return rest;
      });
  return {
    ...state,
    tables: autoReveal(withScribes({ ...tables, seats, votes }, state.participants), state.participants),
  };
}

/** A phone's position at its table: only on its table's card, only while its table is hidden. */
export function tableVote(state: RoomState, pid: string, card: string, position: number): RoomState {
  const tables = state.tables;
  const table = tables?.seats[pid];
  if (!tables || table === undefined) return state;
  const i = table - 1;
  if (tables.revealed[i] || tables.cards[i] !== card) return state;
  const votes = tables.votes.map((onTable, j) => (j === i ? { ...onTable, [pid]: position } : onTable));
  return { ...state, tables: autoReveal({ ...tables, votes }, state.participants) };
}

/** The scribe's summary; from anyone else at (or away from) the table it is dropped. */
export function tableSummary(state: RoomState, pid: string, text: string): RoomState {
  const tables = state.tables;
  const table = tables?.seats[pid];
  if (!tables || table === undefined || tables.scribes[table - 1] !== pid) return state;
  const clean = oneLine(text).slice(0, SUMMARY_MAX);
  if (!clean || tables.summaries[table - 1] === clean) return state;
  const summaries = tables.summaries.map((s, j) => (j === table - 1 ? clean : s));
  return { ...state, tables: { ...tables, summaries } };
}

const sortedValues = (votes: Readonly<Record<string, number>> | undefined) =>
  Object.values(votes ?? {}).sort((a, b) => a - b);

/**
 * What the phone `pid` may see of its table, or null when it sits at none. `views`: the tables'
 * views made once for all phones (tableViews), so telling a full room costs one pass, not one per phone.
 */
export function tableInfo(state: RoomState, pid: string, views?: readonly TableView[], now = 0): TableInfo | null {
  const tables = state.tables;
  const table = tables?.seats[pid];
  if (!tables || table === undefined) return null;
  const view = views?.[table - 1] ?? tableViews(state)[table - 1];
  if (!view) return null;
  return {
    n: table,
    card: view.card,
    revealed: view.revealed,
    chosen: view.chosen,
    size: view.size,
    ...(view.spread ? { spread: view.spread } : {}),
    scribe: view.scribe === pid,
    position: tables.votes[table - 1]?.[pid] ?? null,
    called: view.called,
    // The time left at `now`, never a clock time: the phone counts down on its own clock.
    ...(view.timer ? { timer: timerWire(view.timer, now) } : {}),
  };
}

/** One table as the presenter and the projector see it: counts, and the spread once it revealed. */
export interface TableView {
  n: number;
  card: string;
  size: number;
  chosen: number;
  revealed: boolean;
  /** Sorted and nameless; only after the table's reveal. */
  spread?: number[];
  called: boolean;
  summary: string;
  /** The people at the table (ids), in join order, and who holds the pen. */
  people: string[];
  scribe: string | null;
  /** The table's own timer on the presenter's clock; absent: none. */
  timer?: TimerState;
}

export function tableViews(state: RoomState): TableView[] {
  const tables = state.tables;
  if (!tables) return [];
  const seated = atTables(tables, state.participants);
  return tables.cards.map((card, i) => {
    const people = seated[i] ?? [];
    const votes = tables.votes[i] ?? {};
    const revealed = tables.revealed[i] === true;
    return {
      n: i + 1,
      card,
      size: people.length,
      chosen: people.filter((p) => votes[p] !== undefined).length,
      revealed,
      ...(revealed ? { spread: sortedValues(votes) } : {}),
      called: tables.called === i + 1,
      summary: tables.summaries[i] ?? '',
      people,
      scribe: tables.scribes[i] ?? null,
      ...(tables.timers?.[i] ? { timer: tables.timers[i] } : {}),
    };
  });
}

/** A table's positions for the session: participant id → position, per table with its card. */
export function tablePositions(tables: Tables): { table: number; card: string; pid: string; value: number }[] {
  return tables.votes.flatMap((onTable, i) =>
    Object.entries(onTable).map(([pid, value]) => ({ table: i + 1, card: tables.cards[i] as string, pid, value })),
  );
}

/**
 * What the presenter must send each phone about its table since last time: one message per phone
 * whose view changed (a table's count moved, it revealed, the pen passed), none for the rest. A
 * phone away gets its table on its join (`forget`); tables that ended send each phone `null` once.
 */
export function createTablesSync() {
  const sent = new Map<string, string>();
  return {
    /** `now`: the presenter's clock, for the time left on a table's own timer. */
    changes(state: RoomState, now = 0): { pid: string; peer: string; table: TableInfo | null }[] {
      if (!state.tables && sent.size === 0) return [];
      const out: { pid: string; peer: string; table: TableInfo | null }[] = [];
      const views = tableViews(state);
      for (const pid of new Set([...sent.keys(), ...Object.keys(state.participants)])) {
        const table = tableInfo(state, pid, views, now);
        // A running timer's time left shrinks with every call: compare its state, not the time left.
        const own = table ? views[table.n - 1]?.timer : undefined;
        const json = JSON.stringify(table && { ...table, timer: own });
        if (table === null && !sent.has(pid)) continue;
        if (sent.get(pid) === json) continue;
        const peer = state.participants[pid]?.peer ?? null;
        if (peer === null) {
          if (!(pid in state.participants)) sent.delete(pid);
          continue;
        }
        if (table === null) sent.delete(pid);
        else sent.set(pid, json);
        out.push({ pid, peer, table });
      }
      return out;
    },
    /** The phone came back: it needs its table again. */
    forget(pid: string) {
      sent.delete(pid);
    },
  };
}

/** A card as the projector names it: its title and its two poles (none on a kenniskaart). */
export interface TableCard {
  title: string;
  poles: [string, string] | null;
}

/**
 * The tables on the big screen: counts always, each table's sorted spread once it revealed, and
 * the summary of the table called to report only. No name, id or seat.
 */
export function audienceTables(state: RoomState, cardOf: (id: string) => TableCard | undefined) {
  return tableViews(state).map((t) => {
    const card = cardOf(t.card);
    return {
      n: t.n,
      title: card?.title ?? '',
      poles: card?.poles ?? null,
      chosen: t.chosen,
      size: t.size,
      ...(t.spread ? { spread: t.spread } : {}),
      ...(t.called ? { called: true as const } : {}),
      ...(t.called && t.summary ? { summary: t.summary } : {}),
    };
  });
}
