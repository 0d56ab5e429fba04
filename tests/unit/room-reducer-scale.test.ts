/**
 * The presenter's reducer at a plenary's scale (issue #25 item 6): 1,000 phones, and a room that
 * churns (phones locked, reloaded, leaving and coming back). Work is counted in steps of the set of
 * phones that left (left.ts), never timed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newParticipantId } from '../../src/lib/room/crypto';
import { type Gone, LeftPhones, leftSteps } from '../../src/lib/room/left';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { initialRoom, roomCounts, roomReducer, stateMessage, type RoomState } from '../../src/lib/room/reducer';
import { parseHostMessage } from '../../src/lib/room/schema';
import { join, leave, vote } from '../support/room-events';

const MAX = ROOM_LIMITS.phonesPerRoomMax;

function fullRoom(): { state: RoomState; pids: string[] } {
  let state = initialRoom('eigen-kracht-of-veiligheid', MAX);
  const pids = Array.from({ length: MAX }, () => newParticipantId());
  pids.forEach((pid, i) => {
    state = roomReducer(state, join(pid, `s${i}`));
    state = roomReducer(state, vote(pid, `s${i}`, i % 101));
  });
  return { state, pids };
}

describe('the reducer with a plenary of 1,000 phones', () => {
  it('takes 1,000 phones and no more, and its messages pass the phones’ schemas', () => {
    const { state, pids } = fullRoom();
    expect(roomCounts(state)).toEqual({ chosen: MAX, joined: MAX, online: MAX });
    const late = roomReducer(state, join(newParticipantId(), 'late'));
    expect(roomCounts(late).joined).toBe(MAX);
    // A phone of the room comes back on a new socket even when the room is full.
    expect(roomCounts(roomReducer(state, join(pids[0]!, 'again'))).online).toBe(MAX);
    const open = stateMessage(state);
    expect(open).toMatchObject({ chosen: MAX, joined: MAX });
    expect(parseHostMessage(open).ok).toBe(true);
    const revealed = stateMessage(roomReducer(state, { type: 'reveal' }));
    expect(revealed.spread).toHaveLength(MAX);
    expect(parseHostMessage(revealed).ok).toBe(true);
  });

  it('never takes more than the ceiling, whatever it is asked for', () => {
    expect(initialRoom(null, 5000).capacity).toBe(MAX);
    expect(initialRoom(null).capacity).toBe(ROOM_LIMITS.phonesPerRoom);
  });

  it('churns 5,000 leaves and rejoins with counts right, the bound held and linear work', () => {
    let { state } = fullRoom();
    const { pids } = { pids: Object.keys(state.participants) };
    const bound = MAX * 5;
    const before = leftSteps();
    const CHURN = 5000;
    // Five times over: the whole hall leaves (a break), then comes back on new sockets.
    for (let round = 0; round < CHURN / MAX; round++) {
      for (const pid of pids) state = roomReducer(state, leave(pid, state.participants[pid]!.peer!));
      expect(roomCounts(state).joined).toBe(0);
      expect(state.left.size).toBe(MAX);
      for (const pid of pids) state = roomReducer(state, join(pid, `c${round}-${pid}`));
    }
    expect(roomCounts(state)).toEqual({ chosen: 0, joined: MAX, online: MAX });
    expect(state.left.size).toBe(0);
    // A leave links one entry and a rejoin unlinks it: two steps a phone, however many left before.
    expect(leftSteps() - before).toBe(2 * CHURN);

    // Fresh ids, each joining and leaving, fill the memory of those who left past its bound.
    let churned = initialRoom('eigen-kracht-of-veiligheid', MAX);
    const first = newParticipantId();
    const startFill = leftSteps();
    for (let i = 0; i < bound + 1000; i++) {
      const pid = i === 0 ? first : newParticipantId();
      churned = roomReducer(churned, join(pid, `f${i}`));
      churned = roomReducer(churned, leave(pid, `f${i}`));
    }
    expect(churned.left.size).toBe(bound);
    // The oldest went first.
    expect(churned.left.get(first)).toBeUndefined();
    // A link per leave, and an unlink per leave past the bound: linear, never a copy of the set.
    expect(leftSteps() - startFill).toBe(bound + 1000 + 1000);
    expect(roomCounts(churned).joined).toBe(0);
  }, 60_000); // 22,000 steps of a reducer that copies a 1,000-phone record each: seconds on a busy machine

  it('an earlier state still reads as it was, and a step from it leaves the later one intact', () => {
    let { state, pids } = fullRoom();
    state = roomReducer(state, leave(pids[0]!, 's0'));
    const earlier = state;
    const earlierSeq = earlier.left.get(pids[0]!)!.seq;
    for (let i = 1; i < 50; i++) state = roomReducer(state, leave(pids[i]!, `s${i}`));
    state = roomReducer(state, join(pids[0]!, 'back'));
    expect(state.left.size).toBe(49);
    expect(earlier.left.size).toBe(1);
    expect(earlier.left.get(pids[0]!)?.seq).toBe(earlierSeq);
    const fork = roomReducer(earlier, leave(pids[1]!, 's1'));
    expect(fork.left.size).toBe(2);
    expect(state.left.size).toBe(49);
    expect(state.left.get(pids[0]!)).toBeUndefined();
    expect(roomCounts(state).joined).toBe(MAX - 49);
    expect(roomCounts(fork).joined).toBe(MAX - 2);
  });
});

/** The set as plain data: what every version must read as. */
type Model = { pid: string; gone: Gone }[];

describe('the set of phones that left', () => {
  it('reads like a plain ordered list in every version, old or new', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), pid: fc.integer({ min: 0, max: 12 }), from: fc.nat() }),
      fc.record({ kind: fc.constant('remove' as const), pid: fc.integer({ min: 0, max: 12 }), from: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (ops, limit) => {
        const versions: { set: LeftPhones; model: Model }[] = [{ set: LeftPhones.empty(limit), model: [] }];
        ops.forEach((o, i) => {
          // Mostly the newest version, as the reducer goes; sometimes an older one.
          const base = o.from % 4 === 0 ? versions[o.from % versions.length]! : versions.at(-1)!;
          const pid = `p${o.pid}`;
          let model = base.model.filter((e) => e.pid !== pid);
          if (o.kind === 'add') {
            model = [...model, { pid, gone: { seq: i, peer: `s${o.pid % 5}` } }];
            if (model.length > limit) model = model.slice(1);
          }
          const set = o.kind === 'add' ? base.set.add(pid, { seq: i, peer: `s${o.pid % 5}` }) : base.set.remove(pid);
          versions.push({ set, model });
        });
        for (const { set, model } of [...versions].reverse()) {
          expect(set.pids()).toEqual(model.map((e) => e.pid));
          expect(set.size).toBe(model.length);
          for (const e of model) expect(set.get(e.pid)).toEqual(e.gone);
          for (let s = 0; s < 5; s++)
            for (const pid of ['p0', 'p5', 'nobody'])
              expect(set.peerTaken(`s${s}`, pid)).toBe(model.some((e) => e.pid !== pid && e.gone.peer === `s${s}`));
        }
      }),
      { numRuns: 200 },
    );
  });
});
