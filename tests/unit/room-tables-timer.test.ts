/**
 * A table's own timer: the presenter's action in the tables reducer (bounds, start, pause, stop,
 * a table out of range), and what reaches the phones (the time left only, only at that table).
 */
import { describe, expect, it } from 'vitest';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { initialRoom, type RoomEvent, type RoomState, roomReducer } from '../../src/lib/room/reducer';
import { parseHostMessage, parsePhoneMessage } from '../../src/lib/room/schema';
import {
  createTablesSync,
  tableInfo,
  type TablesAction,
  type TableTimerRun,
  tableViews,
  validTableTimer,
} from '../../src/lib/room/tables';
import { A, join } from '../support/room-events';

const pidOf = (i: number) => `p${String(i).padStart(21, '0')}`;
const act = (action: TablesAction): RoomEvent => ({ type: 'tables', action });
const run = (state: RoomState, ...events: RoomEvent[]) => events.reduce(roomReducer, state);
const T0 = 1_000_000;
const timer = (table: number, run: TableTimerRun, minutes: number, now: number) =>
  act({ kind: 'timer', table, run, minutes, now });

/** Four phones at two tables: 0 and 2 at table 1, 1 and 3 at table 2. */
function seated(): RoomState {
  return run(
    initialRoom(A),
    ...Array.from({ length: 4 }, (_, i) => join(pidOf(i), `s${i}`)),
    act({ kind: 'start', split: { by: 'count', n: 2 }, card: A }),
  );
}

describe('the tables reducer: a table’s own timer', () => {
  it('starts, pauses, goes on and stops one table’s timer, leaving the other table without one', () => {
    let s = run(seated(), timer(1, 'start', 5, T0));
    expect(s.tables?.timers).toEqual([{ minutes: 5, leftMs: 300_000, endsAt: T0 + 300_000 }, null]);
    // Starting a running timer again changes nothing.
    expect(run(s, timer(1, 'start', 5, T0 + 1000))).toBe(s);
    s = run(s, timer(1, 'pause', 5, T0 + 60_000));
    expect(s.tables?.timers?.[0]).toEqual({ minutes: 5, leftMs: 240_000 });
    expect(run(s, timer(1, 'pause', 5, T0 + 70_000))).toBe(s);
    // On from the pause, not from the start.
    s = run(s, timer(1, 'start', 5, T0 + 100_000));
    expect(s.tables?.timers?.[0]).toEqual({ minutes: 5, leftMs: 240_000, endsAt: T0 + 340_000 });
    expect(tableViews(s).map((v) => v.timer?.minutes)).toEqual([5, undefined]);
    s = run(s, timer(1, 'stop', 5, T0 + 110_000));
    expect(s.tables?.timers).toEqual([null, null]);
    expect(tableViews(s)[0]).not.toHaveProperty('timer');
  });

  it('starts afresh with another length, or after the time ran out', () => {
    let s = run(seated(), timer(2, 'start', 1, T0), timer(2, 'pause', 1, T0 + 10_000));
    s = run(s, timer(2, 'start', 3, T0 + 20_000));
    expect(s.tables?.timers?.[1]).toEqual({ minutes: 3, leftMs: 180_000, endsAt: T0 + 200_000 });
    s = run(s, timer(2, 'start', 3, T0 + 500_000));
    expect(s.tables?.timers?.[1]).toEqual({ minutes: 3, leftMs: 180_000, endsAt: T0 + 680_000 });
  });

  it('keeps the length within 1-60 whole minutes and the table within the room', () => {
    const s = seated();
    for (const minutes of [0, 61, 2.5, Number.NaN]) expect(run(s, timer(1, 'start', minutes, T0))).toBe(s);
    for (const table of [0, 3, 1.5, -1]) expect(run(s, timer(table, 'start', 5, T0))).toBe(s);
    expect(run(s, timer(1, 'start', 5, Number.POSITIVE_INFINITY))).toBe(s);
    expect(validTableTimer(ROOM_LIMITS.tableTimerMinutesMin, T0)).toBe(true);
    expect(validTableTimer(ROOM_LIMITS.tableTimerMinutesMax, T0)).toBe(true);
    // Outside tables there is no table to time.
    const away = run(initialRoom(A), join(pidOf(0), 's0'));
    expect(run(away, timer(1, 'start', 5, T0))).toBe(away);
  });

  it('keeps the timers through a new card, and drops them with the tables', () => {
    let s = run(seated(), timer(1, 'start', 5, T0), act({ kind: 'card', table: 1, card: 'hulp-vragen-of-zelf-doen' }));
    expect(s.tables?.timers?.[0]?.minutes).toBe(5);
    s = run(s, act({ kind: 'end' }), act({ kind: 'start', split: { by: 'count', n: 2 }, card: A }));
    expect(s.tables?.timers).toBeUndefined();
  });
});

describe('the wire: the time left, only to that table’s phones', () => {
  it('tells each phone at the table the time left at the presenter’s now, never a clock time', () => {
    const s = run(seated(), timer(1, 'start', 5, T0));
    const info = tableInfo(s, pidOf(0), undefined, T0 + 30_000);
    expect(info?.timer).toEqual({ run: 'running', leftMs: 270_000, totalMs: 300_000 });
    expect(JSON.stringify(info)).not.toContain(String(T0 + 300_000));
    expect(tableInfo(s, pidOf(1), undefined, T0 + 30_000)).not.toHaveProperty('timer');
    const paused = run(s, timer(1, 'pause', 5, T0 + 60_000));
    expect(tableInfo(paused, pidOf(2), undefined, T0 + 999_000)?.timer).toEqual({
      run: 'paused',
      leftMs: 240_000,
      totalMs: 300_000,
    });
    // Past the end: nothing left, and no longer running.
    expect(tableInfo(s, pidOf(0), undefined, T0 + 400_000)?.timer).toEqual({
      run: 'paused',
      leftMs: 0,
      totalMs: 300_000,
    });
  });

  it('sends the timer to that table’s phones only, once per change, not as it counts down', () => {
    const sync = createTablesSync();
    let s = seated();
    sync.changes(s, T0);
    s = run(s, timer(2, 'start', 2, T0));
    const sent = sync.changes(s, T0 + 500);
    expect(sent.map((c) => [c.peer, c.table?.timer])).toEqual([
      ['s1', { run: 'running', leftMs: 119_500, totalMs: 120_000 }],
      ['s3', { run: 'running', leftMs: 119_500, totalMs: 120_000 }],
    ]);
    // Time passing is counted on the phones: no new message.
    expect(sync.changes(s, T0 + 30_000)).toEqual([]);
    s = run(s, timer(2, 'stop', 2, T0 + 40_000));
    expect(sync.changes(s, T0 + 40_000).map((c) => [c.peer, c.table && 'timer' in c.table])).toEqual([
      ['s1', false],
      ['s3', false],
    ]);
  });

  it('parses a table’s timer on the phone within bounds, and lets no phone set one', () => {
    const table = { n: 1, card: A, revealed: false, chosen: 0, size: 2, scribe: false, position: null, called: false };
    const m = { t: 'table', v: ROOM_LIMITS.version, seq: 3 };
    const ok = { run: 'running', leftMs: 1000, totalMs: 60_000 };
    expect(parseHostMessage({ ...m, table: { ...table, timer: ok } }).ok).toBe(true);
    expect(parseHostMessage({ ...m, table: { ...table, timer: { ...ok, endsAt: T0 } } }).ok).toBe(false);
    expect(parseHostMessage({ ...m, table: { ...table, timer: { ...ok, leftMs: 60_001 } } }).ok).toBe(false);
    const long = ROOM_LIMITS.timerMaxMs + 1;
    expect(parseHostMessage({ ...m, table: { ...table, timer: { ...ok, leftMs: long, totalMs: long } } }).ok).toBe(
      false,
    );
    expect(parseHostMessage({ ...m, table: { ...table, timer: { ...ok, run: 'ended' } } }).ok).toBe(false);
    const base = { v: ROOM_LIMITS.version, pid: pidOf(0), seq: 1 };
    expect(parsePhoneMessage({ ...base, t: 'timer', run: 'running', leftMs: 1, totalMs: 1 }).ok).toBe(false);
    expect(parsePhoneMessage({ ...base, t: 'tvote', card: A, position: 4, timer: ok }).ok).toBe(false);
  });
});
