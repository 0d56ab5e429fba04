import { describe, expect, it } from 'vitest';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { initialRoom, type RoomEvent, type RoomState, roomReducer } from '../../src/lib/room/reducer';
import { parseHostMessage, parsePhoneMessage } from '../../src/lib/room/schema';
import {
  createTablesSync,
  deal,
  tableCount,
  tableInfo,
  tablePositions,
  type TablesAction,
  tableViews,
  validSplit,
} from '../../src/lib/room/tables';
import { A, join, leave, nextSeq } from '../support/room-events';

const B = 'hulp-vragen-of-zelf-doen';
const pidOf = (i: number) => `p${String(i).padStart(21, '0')}`;
const tvote = (pid: string, peer: string, position: number, card = A): RoomEvent => ({
  type: 'phone',
  peer,
  message: { t: 'tvote', v: ROOM_LIMITS.version, pid, seq: nextSeq(), card, position },
});
const summary = (pid: string, peer: string, text: string): RoomEvent => ({
  type: 'phone',
  peer,
  message: { t: 'summary', v: ROOM_LIMITS.version, pid, seq: nextSeq(), text },
});
const act = (action: TablesAction): RoomEvent => ({ type: 'tables', action });
const run = (state: RoomState, ...events: RoomEvent[]) => events.reduce(roomReducer, state);

/** A room with `n` phones joined in order (pid i on socket s<i>). */
function room(n: number): RoomState {
  return run(initialRoom(A), ...Array.from({ length: n }, (_, i) => join(pidOf(i), `s${i}`)));
}

describe('splitting the room', () => {
  it('deals phones round-robin in join order, deterministically', () => {
    expect(deal(['a', 'b', 'c', 'd', 'e'], 2)).toEqual({ a: 1, b: 2, c: 1, d: 2, e: 1 });
    expect(deal(['a', 'b', 'c'], 3)).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('counts tables from a number or a size, within the bounds', () => {
    expect(tableCount({ by: 'count', n: 3 }, 30)).toBe(3);
    expect(tableCount({ by: 'size', n: 4 }, 30)).toBe(8);
    expect(tableCount({ by: 'size', n: 8 }, 3)).toBe(1);
    expect(tableCount({ by: 'size', n: 4 }, 1000)).toBe(ROOM_LIMITS.tablesMax);
    expect(validSplit({ by: 'count', n: 1 })).toBe(false);
    expect(validSplit({ by: 'count', n: 21 })).toBe(false);
    expect(validSplit({ by: 'count', n: 2.5 })).toBe(false);
    expect(validSplit({ by: 'size', n: 3 })).toBe(false);
    expect(validSplit({ by: 'size', n: 9 })).toBe(false);
    expect(validSplit({ by: 'size', n: 6 })).toBe(true);
  });

  it('starts tables with one card for all and the first phone at each table as scribe', () => {
    const s = run(room(6), act({ kind: 'start', split: { by: 'count', n: 2 }, card: A }));
    const views = tableViews(s);
    expect(views.map((t) => t.people)).toEqual([
      [pidOf(0), pidOf(2), pidOf(4)],
      [pidOf(1), pidOf(3), pidOf(5)],
    ]);
    expect(views.map((t) => t.scribe)).toEqual([pidOf(0), pidOf(1)]);
    expect(views.map((t) => t.card)).toEqual([A, A]);
    // Out-of-bounds splits and a second start change nothing.
    expect(run(room(6), act({ kind: 'start', split: { by: 'count', n: 21 }, card: A })).tables).toBeUndefined();
    expect(run(s, act({ kind: 'start', split: { by: 'count', n: 3 }, card: A })).tables).toBe(s.tables);
  });

  it('seats a late joiner at the smallest table, and a returning phone at its own', () => {
    let s = run(room(5), act({ kind: 'start', split: { by: 'count', n: 2 }, card: A }));
    s = run(s, join(pidOf(9), 's9'));
    expect(tableInfo(s, pidOf(9))?.n).toBe(2);
    s = run(s, join(pidOf(10), 's10'));
    // 3 and 3: a tie goes to the lowest number.
    expect(tableInfo(s, pidOf(10))?.n).toBe(1);
    // The same phone again on a new socket (a reload) keeps its seat.
    s = run(s, { type: 'peer-left', peer: 's1' }, join(pidOf(1), 's1b'));
    expect(tableInfo(s, pidOf(1))?.n).toBe(2);
  });
});

describe('a table’s positions and its reveal', () => {
  const started = () => run(room(4), act({ kind: 'start', split: { by: 'count', n: 2 }, card: A }));

  it('keeps positions hidden until everyone at the table chose, then reveals that table only', () => {
    let s = run(started(), tvote(pidOf(0), 's0', 20));
    expect(tableInfo(s, pidOf(0))).toMatchObject({ n: 1, revealed: false, chosen: 1, size: 2, position: 20 });
    expect(tableInfo(s, pidOf(0))?.spread).toBeUndefined();
    expect(tableInfo(s, pidOf(2))?.position).toBeNull();
    s = run(s, tvote(pidOf(2), 's2', 80));
    expect(tableInfo(s, pidOf(2))).toMatchObject({ revealed: true, spread: [20, 80] });
    // Table 2 stays hidden, and a phone there sees nothing of table 1.
    const other = tableInfo(s, pidOf(1));
    expect(other).toMatchObject({ n: 2, revealed: false, chosen: 0 });
    expect(JSON.stringify(other)).not.toContain('80');
    // After the reveal a position does not change.
    s = run(s, tvote(pidOf(0), 's0', 50));
    expect(tableInfo(s, pidOf(0))?.spread).toEqual([20, 80]);
  });

  it('reveals every table when the presenter reveals all', () => {
    const s = run(started(), tvote(pidOf(0), 's0', 10), act({ kind: 'reveal-all' }));
    expect(tableViews(s).map((t) => t.spread)).toEqual([[10], []]);
  });

  it('drops a vote on another card than the table’s, and gives a table its own card afresh', () => {
    let s = run(started(), tvote(pidOf(0), 's0', 10, B));
    expect(tableViews(s)[0]?.chosen).toBe(0);
    s = run(s, tvote(pidOf(1), 's1', 30), act({ kind: 'card', table: 2, card: B }));
    expect(tableViews(s)[1]).toMatchObject({ card: B, chosen: 0, revealed: false });
    expect(tableViews(s)[0]?.card).toBe(A);
    s = run(s, tvote(pidOf(1), 's1', 40, B));
    expect(tableInfo(s, pidOf(1))).toMatchObject({ card: B, position: 40 });
    expect(run(s, act({ kind: 'card', table: 3, card: B }))).toBe(s);
  });

  it('takes the position of a phone that leaves before its table revealed, and reveals when the rest chose', () => {
    let s = run(started(), tvote(pidOf(0), 's0', 10), tvote(pidOf(2), 's2', 90));
    expect(tableViews(s)[0]?.revealed).toBe(true);
    s = run(s, tvote(pidOf(1), 's1', 60), leave(pidOf(1), 's1'));
    expect(tableInfo(s, pidOf(1))).toBeNull();
    expect(tableViews(s)[1]).toMatchObject({ size: 1, chosen: 0, revealed: false });
    s = run(s, tvote(pidOf(3), 's3', 70));
    expect(tableViews(s)[1]?.spread).toEqual([70]);
    // A revealed table keeps the position of one who leaves afterwards.
    s = run(s, leave(pidOf(0), 's0'));
    expect(tableViews(s)[0]?.spread).toEqual([10, 90]);
    // Leaving before the others chose: the rest, all chosen, reveal.
    let t = run(started(), tvote(pidOf(1), 's1', 5));
    t = run(t, leave(pidOf(3), 's3'));
    expect(tableViews(t)[1]).toMatchObject({ revealed: true, spread: [5] });
  });
});

describe('the scribe and the summary', () => {
  const started = () => run(room(4), act({ kind: 'start', split: { by: 'count', n: 2 }, card: A }));

  it('keeps the scribe’s summary, one line, and tells only the scribe it holds the pen', () => {
    const s = run(started(), summary(pidOf(0), 's0', '  Wij  zagen\nveel  verschil  '));
    expect(tableViews(s)[0]?.summary).toBe('Wij zagen veel verschil');
    expect(tableInfo(s, pidOf(0))?.scribe).toBe(true);
    expect(tableInfo(s, pidOf(2))?.scribe).toBe(false);
    expect(JSON.stringify(tableInfo(s, pidOf(2)))).not.toContain('verschil');
  });

  it('drops a forged summary from a phone that does not hold the pen', () => {
    const s = run(started(), summary(pidOf(2), 's2', 'Vervalst'), summary(pidOf(1), 's1', 'Ook vervalst'));
    expect(tableViews(s)[0]?.summary).toBe('');
    // pidOf(1) is table 2's scribe, so its summary is table 2's, never table 1's.
    expect(tableViews(s)[1]?.summary).toBe('Ook vervalst');
    // From another socket than the phone's own: dropped as every message is.
    const t = run(started(), summary(pidOf(0), 's2', 'Van een ander'));
    expect(tableViews(t)[0]?.summary).toBe('');
  });

  it('lets the presenter pass the pen within a table only, and passes it on when the scribe leaves', () => {
    let s = run(started(), act({ kind: 'scribe', table: 1, pid: pidOf(2) }));
    expect(tableViews(s)[0]?.scribe).toBe(pidOf(2));
    expect(run(s, act({ kind: 'scribe', table: 1, pid: pidOf(1) }))).toBe(s);
    s = run(s, summary(pidOf(0), 's0', 'Niet meer'));
    expect(tableViews(s)[0]?.summary).toBe('');
    s = run(s, leave(pidOf(2), 's2'));
    expect(tableViews(s)[0]?.scribe).toBe(pidOf(0));
  });

  it('calls one table to report, and ends the tables', () => {
    let s = run(started(), act({ kind: 'call', table: 2 }));
    expect(tableViews(s).map((t) => t.called)).toEqual([false, true]);
    expect(tableInfo(s, pidOf(1))?.called).toBe(true);
    expect(run(s, act({ kind: 'call', table: 7 }))).toBe(s);
    s = run(s, act({ kind: 'end' }));
    expect(s.tables).toBeUndefined();
    expect(tableInfo(s, pidOf(0))).toBeNull();
  });
});

describe('hostile and oversized messages', () => {
  const base = { v: ROOM_LIMITS.version, pid: pidOf(0), seq: 1 };

  it('refuses a phone message that claims a table or the pen, or an oversized summary', () => {
    expect(parsePhoneMessage({ ...base, t: 'tvote', card: A, position: 40, table: 2 }).ok).toBe(false);
    expect(parsePhoneMessage({ ...base, t: 'summary', text: 'x', scribe: true }).ok).toBe(false);
    expect(parsePhoneMessage({ ...base, t: 'summary', text: 'x'.repeat(ROOM_LIMITS.summaryMaxChars + 1) }).ok).toBe(
      false,
    );
    expect(parsePhoneMessage({ ...base, t: 'summary', text: '   ' }).ok).toBe(false);
    expect(parsePhoneMessage({ ...base, t: 'summary', text: 'x'.repeat(ROOM_LIMITS.summaryMaxChars) }).ok).toBe(true);
    expect(parsePhoneMessage({ ...base, t: 'tvote', card: A, position: 101 }).ok).toBe(false);
  });

  it('refuses a table message with a spread before the reveal', () => {
    const table = { n: 1, card: A, revealed: false, chosen: 1, size: 2, scribe: false, position: null, called: false };
    const m = { t: 'table', v: ROOM_LIMITS.version, seq: 3 };
    expect(parseHostMessage({ ...m, table }).ok).toBe(true);
    expect(parseHostMessage({ ...m, table: null }).ok).toBe(true);
    expect(parseHostMessage({ ...m, table: { ...table, spread: [1] } }).ok).toBe(false);
    expect(parseHostMessage({ ...m, table: { ...table, n: 21 } }).ok).toBe(false);
  });

  it('ignores table votes and summaries while the room is not at tables', () => {
    const s = room(2);
    expect(run(s, tvote(pidOf(0), 's0', 10)).tables).toBeUndefined();
    expect(run(s, summary(pidOf(0), 's0', 'Hallo')).tables).toBeUndefined();
  });
});

describe('what goes to each phone, and what is saved', () => {
  it('sends each phone its own table when it changed, nothing more, and null once at the end', () => {
    const sync = createTablesSync();
    let s = room(3);
    expect(sync.changes(s)).toEqual([]);
    s = run(s, act({ kind: 'start', split: { by: 'count', n: 2 }, card: A }));
    expect(sync.changes(s).map((c) => [c.peer, c.table?.n])).toEqual([
      ['s0', 1],
      ['s1', 2],
      ['s2', 1],
    ]);
    expect(sync.changes(s)).toEqual([]);
    s = run(s, tvote(pidOf(1), 's1', 30));
    // Table 2 is revealed (one person, chosen); table 1 did not change.
    expect(sync.changes(s).map((c) => [c.peer, c.table?.spread])).toEqual([['s1', [30]]]);
    // Away phones get their table when they are back.
    s = run(s, { type: 'peer-left', peer: 's0' }, act({ kind: 'call', table: 1 }));
    expect(sync.changes(s).map((c) => c.peer)).toEqual(['s2']);
    s = run(s, join(pidOf(0), 's0b'));
    sync.forget(pidOf(0));
    expect(sync.changes(s).map((c) => c.peer)).toEqual(['s0b']);
    s = run(s, act({ kind: 'end' }));
    expect(
      sync
        .changes(s)
        .map((c) => [c.peer, c.table])
        .sort(),
    ).toEqual([
      ['s0b', null],
      ['s1', null],
      ['s2', null],
    ]);
    expect(sync.changes(s)).toEqual([]);
  });

  it('lists every table position with its table and card', () => {
    const s = run(
      room(2),
      act({ kind: 'start', split: { by: 'count', n: 2 }, card: A }),
      act({ kind: 'card', table: 2, card: B }),
      tvote(pidOf(0), 's0', 10),
      tvote(pidOf(1), 's1', 70, B),
    );
    expect(tablePositions(s.tables!)).toEqual([
      { table: 1, card: A, pid: pidOf(0), value: 10 },
      { table: 2, card: B, pid: pidOf(1), value: 70 },
    ]);
  });
});
