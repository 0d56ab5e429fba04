/** The room scan: its measure, its rules in the room's reducer, what travels, and what is saved. */
import { describe, expect, it } from 'vitest';
import { newParticipantId } from '../../src/lib/room/crypto';
import { createRecorder } from '../../src/lib/room/recorder';
import {
  initialRoom,
  positionsOn,
  roomReducer,
  stateMessage,
  type RoomEvent,
  type RoomState,
} from '../../src/lib/room/reducer';
import {
  canStartScan,
  differsMost,
  nextPhoneScan,
  type ScanAction,
  scanDone,
  scanSpread,
  standardDeviation,
} from '../../src/lib/room/room-scan';
import { parseHostMessage } from '../../src/lib/room/schema';
import { A, join, leave, vote } from '../support/room-events';
import { freshRepos } from '../support/store';
import { ROOM_LIMITS } from '../../src/lib/room/limits';

const B = 'doel-of-besparing';
const C = 'kind-of-ouders';
const D = 'zelfredzaam-samenredzaam';
const OUTSIDE = 'visies-op-eigen-kracht';
const [ann, bob, cas] = [newParticipantId(), newParticipantId(), newParticipantId()];
const scan = (action: ScanAction): RoomEvent => ({ type: 'scan', action });
const run = (events: RoomEvent[], start: RoomState = initialRoom(A)) => events.reduce(roomReducer, start);
const joined = () => run([join(ann, 'p1', 'Ann'), join(bob, 'p2'), join(cas, 'p3')]);
/** Three phones join first, then `events` happen (made after the joins: a phone's counter only goes up). */
const inRoom = (events: () => RoomEvent[]) => {
  const start = joined();
  return run(events(), start);
};

describe('differsMost', () => {
  it('names the card with the largest standard deviation', () => {
    // B: 10, 50, 90 (sd 32.7); C: 0, 0, 100 (sd 47.1); D: 40, 50, 60 (sd 8.2).
    expect(standardDeviation([10, 50, 90])).toBe(32.7);
    expect(standardDeviation([0, 0, 100])).toBe(47.1);
    expect(differsMost([B, C, D], { [B]: [10, 50, 90], [C]: [0, 0, 100], [D]: [40, 50, 60] })).toBe(C);
  });

  it('breaks a tie by the scan’s order', () => {
    const spreads = { [B]: [20, 50, 80], [C]: [80, 20, 50], [D]: [50, 50, 50] };
    expect(differsMost([B, C, D], spreads)).toBe(B);
    expect(differsMost([C, B, D], spreads)).toBe(C);
  });

  it('skips a card with fewer than three positions, and names none when every card agrees or is too thin', () => {
    expect(differsMost([B, C], { [B]: [0, 100], [C]: [40, 50, 60] })).toBe(C);
    expect(differsMost([B, C], { [B]: [0, 100], [C]: [50, 50, 50] })).toBeNull();
    expect(differsMost([B, C], {})).toBeNull();
    expect(standardDeviation([])).toBe(0);
  });
});

describe('the scan in the room’s reducer', () => {
  it('starts only with 3 to 6 distinct cards that were not revealed, and not twice', () => {
    const s = joined();
    expect(run([scan({ kind: 'start', cards: [B, C] })], s).scan).toBeUndefined();
    expect(run([scan({ kind: 'start', cards: [B, B, C] })], s).scan).toBeUndefined();
    expect(run([scan({ kind: 'start', cards: [A, B, C, D, OUTSIDE, 'x', 'y'] })], s).scan).toBeUndefined();
    const revealed = run([vote(ann, 'p1', 10), { type: 'reveal' }], s);
    expect(run([scan({ kind: 'start', cards: [A, B, C] })], revealed).scan).toBeUndefined();
    const started = run([scan({ kind: 'start', cards: [B, C, D] })], s);
    expect(started.scan).toEqual({ cards: [B, C, D], phase: 'open' });
    expect(canStartScan(started, [A, B, C])).toBe(false);
    expect(run([scan({ kind: 'start', cards: [A, B, C] })], started).scan).toEqual(started.scan);
  });

  it('accepts votes on every scan card while it is open, whichever card is current', () => {
    const s = inRoom(() => [
      scan({ kind: 'start', cards: [B, C, D] }),
      vote(ann, 'p1', 10, B),
      vote(ann, 'p1', 20, C),
      vote(ann, 'p1', 30, D),
      vote(bob, 'p2', 90, B),
    ]);
    expect(s.votes).toEqual({ [B]: { [ann]: 10, [bob]: 90 }, [C]: { [ann]: 20 }, [D]: { [ann]: 30 } });
    expect(scanDone(s)).toBe(1);
    expect(scanSpread(s, B)).toEqual([10, 90]);
    expect(positionsOn(s, B)).toEqual([
      { pid: ann, position: 10, name: 'Ann' },
      { pid: bob, position: 90 },
    ]);
  });

  it('a phone that leaves while the scan is open takes its positions with it; after the reveal they stay', () => {
    let s = inRoom(() => [
      scan({ kind: 'start', cards: [B, C, D] }),
      vote(ann, 'p1', 10, B),
      vote(ann, 'p1', 20, C),
      vote(bob, 'p2', 90, B),
      leave(ann, 'p1'),
    ]);
    expect(s.votes[B]).toEqual({ [bob]: 90 });
    expect(s.votes[C] ?? {}).toEqual({});
    expect(scanSpread(s, B)).toEqual([90]);
    s = run([vote(cas, 'p3', 40, D), scan({ kind: 'reveal' }), leave(cas, 'p3')], s);
    expect(s.votes[D]).toEqual({ [cas]: 40 });
  });

  it('drops a hostile phone’s vote on a card outside the scan, and votes before the start or after the reveal', () => {
    let s = inRoom(() => [vote(ann, 'p1', 10, B)]);
    expect(s.votes[B]).toBeUndefined();
    s = run([scan({ kind: 'start', cards: [B, C, D] }), vote(bob, 'p2', 70, OUTSIDE), vote(cas, 'p3', 40, B)], s);
    expect(s.votes[OUTSIDE]).toBeUndefined();
    s = run([scan({ kind: 'reveal' }), vote(cas, 'p3', 99, B), vote(ann, 'p1', 5, C)], s);
    expect(s.votes[B]).toEqual({ [cas]: 40 });
    expect(s.votes[C]).toBeUndefined();
    // A phone that never joined cannot vote on a scan card either.
    const stranger = newParticipantId();
    s = run([scan({ kind: 'end' }), scan({ kind: 'start', cards: [A, OUTSIDE, 'x'] }), vote(stranger, 'p9', 50, A)], s);
    expect(s.votes[A]).toBeUndefined();
  });

  it('the reveal makes its cards revealed for good; the end removes the scan', () => {
    let s = inRoom(() => [scan({ kind: 'start', cards: [A, B, C] }), vote(ann, 'p1', 10, A)]);
    expect(s.phase).toBe('open');
    expect(run([scan({ kind: 'end' })], s).revealed).toEqual([]);
    s = run([scan({ kind: 'reveal' })], s);
    expect(s.revealed).toEqual([A, B, C]);
    // The current card was one of them: the room's own vote on it is over too.
    expect(s.phase).toBe('revealed');
    expect(run([scan({ kind: 'reveal' })], s)).toBe(s);
    s = run([scan({ kind: 'end' })], s);
    expect(s.scan).toBeUndefined();
    expect(run([scan({ kind: 'end' })], s)).toBe(s);
    expect(run([{ type: 'card', card: B }], s).phase).toBe('revealed');
    // A card outside the scan is revealed by the scan only when it was a scan card.
    const other = inRoom(() => [scan({ kind: 'start', cards: [B, C, D] }), scan({ kind: 'reveal' })]);
    expect(other.phase).toBe('open');
  });

  it('tells the phones the scan’s cards and phase, never a position before the reveal', () => {
    const s = inRoom(() => [scan({ kind: 'start', cards: [B, C, D] }), vote(ann, 'p1', 37, B)]);
    const msg = stateMessage(s);
    expect(msg.scan).toEqual({ cards: [B, C, D], phase: 'open' });
    expect(JSON.stringify(msg)).not.toContain('37');
    expect(parseHostMessage(msg).ok).toBe(true);
    expect(stateMessage(joined())).not.toHaveProperty('scan');
  });
});

describe('what the phones accept', () => {
  it('a scan spread message is checked like every host message', () => {
    expect(parseHostMessage({ t: 'scan-spread', v: ROOM_LIMITS.version, seq: 3, card: B, spread: [10, 50] }).ok).toBe(
      true,
    );
    expect(parseHostMessage({ t: 'scan-spread', v: ROOM_LIMITS.version, seq: 3, card: B, spread: [101] }).ok).toBe(
      false,
    );
    expect(
      parseHostMessage({ t: 'scan-spread', v: ROOM_LIMITS.version, seq: 3, card: B, spread: [1], name: 'Ann' }).ok,
    ).toBe(false);
    const state = stateMessage(inRoom(() => [scan({ kind: 'start', cards: [B, C, D] })]));
    expect(parseHostMessage({ ...state, scan: { cards: [B, C, D, A, OUTSIDE, 'x', 'y'], phase: 'open' } }).ok).toBe(
      false,
    );
  });

  it('a phone keeps the spreads while the same scan stays revealed, and forgets them for another', () => {
    const revealed = { cards: [B, C, D], phase: 'revealed' as const, spreads: { [B]: [1, 2] } };
    expect(nextPhoneScan(null, undefined)).toBeNull();
    expect(nextPhoneScan(revealed, { cards: [B, C, D], phase: 'revealed' })?.spreads).toEqual({ [B]: [1, 2] });
    expect(nextPhoneScan(revealed, { cards: [A, C, D], phase: 'revealed' })?.spreads).toEqual({});
    expect(nextPhoneScan(null, { cards: [B, C, D], phase: 'open' })).toEqual({
      cards: [B, C, D],
      phase: 'open',
      spreads: {},
    });
  });
});

const repos = freshRepos('kjk-room-scan');

describe('scan positions in the session', () => {
  it('are saved per card under each phone’s label, like room votes', async () => {
    const repo = await repos();
    const s = await repo.sessions.create({ kind: 'workshop', title: 'Zaal', team: '', date: '2024-05-01', lang: 'nl' });
    const rec = await createRecorder({ repo, sessionId: s.id, anonymous: (n) => `Telefoon ${n}` });
    rec.record(
      inRoom(() => [
        scan({ kind: 'start', cards: [B, C, D] }),
        vote(ann, 'p1', 10, B),
        vote(ann, 'p1', 20, C),
        vote(bob, 'p2', 80, B),
      ]),
    );
    await rec.close();
    const saved = (await repo.positions.list(s.id)).map((p) => `${p.cardId}/${p.participant}=${p.value}`).sort();
    expect(saved).toEqual([`${B}/Ann=10`, `${B}/Telefoon 1=80`, `${C}/Ann=20`]);
  });
});
