import { describe, expect, it } from 'vitest';
import { newParticipantId } from '../../src/lib/room/crypto';
import { assignLabels, joinOrder, positionsToSave, savedKey } from '../../src/lib/room/labels';
import {
  initialRoom,
  positionsOn,
  roomCounts,
  roomReducer,
  stateMessage,
  youMessage,
  type RoomEvent,
  type RoomState,
} from '../../src/lib/room/reducer';
import { canVoteAgain, MAX_ROUNDS, roundOf, roundsOn, spreadMedian } from '../../src/lib/room/rounds';
import { parseHostMessage, parsePhoneMessage } from '../../src/lib/room/schema';
import { A, join, nextSeq, vote } from '../support/room-events';
import { ROOM_LIMITS } from '../../src/lib/room/limits';

const ann = newParticipantId();
const bob = newParticipantId();
const run = (events: RoomEvent[], start: RoomState = initialRoom(A)) => events.reduce(roomReducer, start);
const again: RoomEvent = { type: 'again' };
const reveal: RoomEvent = { type: 'reveal' };
const voteIn = (pid: string, peer: string, position: number, round: number): RoomEvent => ({
  type: 'phone',
  peer,
  message: { t: 'vote', v: ROOM_LIMITS.version, pid, seq: nextSeq(), card: A, position, round },
});

/** Two phones voted and the spread was shown: where "Stem opnieuw" becomes possible. */
const revealedRoundOne = () =>
  run([join(ann, 'p1', 'Ann'), join(bob, 'p2'), vote(ann, 'p1', 20), vote(bob, 'p2', 80), reveal]);

describe('the shift: a second round on the same card', () => {
  it('opens only after the reveal', () => {
    const open = run([join(ann, 'p1'), vote(ann, 'p1', 20)]);
    expect(canVoteAgain(open)).toBe(false);
    expect(roomReducer(open, again)).toBe(open);
    expect(canVoteAgain(revealedRoundOne())).toBe(true);
  });

  it('starts empty and open, with the count at 0, and tells the phones its number', () => {
    const s = run([again], revealedRoundOne());
    expect(s.phase).toBe('open');
    expect(roundOf(s, A)).toBe(2);
    expect(roomCounts(s)).toMatchObject({ chosen: 0, joined: 2 });
    expect(positionsOn(s, A)).toEqual([]);
    const msg = stateMessage(s);
    expect(msg).toMatchObject({ phase: 'open', chosen: 0, round: 2 });
    expect(msg).not.toHaveProperty('spread');
    expect(parseHostMessage(msg).ok).toBe(true);
    // A phone that reloads in round two gets no position back: it has not chosen yet.
    expect(youMessage(s, ann).position).toBeNull();
  });

  it('sends no round field in a room with one round, so those frames stay as they were', () => {
    expect(stateMessage(revealedRoundOne())).not.toHaveProperty('round');
  });

  it('counts votes in the current round and drops a late vote for the round before', () => {
    let s = run([again], revealedRoundOne());
    // Not the round before: a phone's counter only grows, so this frame comes after round two opened.
    s = run([voteIn(ann, 'p1', 60, 1)], s);
    expect(positionsOn(s, A)).toEqual([]);
    s = run([voteIn(ann, 'p1', 60, 2), vote(bob, 'p2', 70)], s);
    expect(positionsOn(s, A).map((p) => p.position)).toEqual([60, 70]);
    expect(roomCounts(s).chosen).toBe(2);
  });

  it('reveals per round: round two is shown beside round one, sorted and without names', () => {
    let s = revealedRoundOne();
    s = run([again, voteIn(bob, 'p2', 75, 2), voteIn(ann, 'p1', 40, 2)], s);
    // Before its reveal, round two is not compared.
    expect(roundsOn(s, A)).toEqual([{ round: 1, spread: [20, 80] }]);
    s = run([reveal], s);
    expect(stateMessage(s).spread).toEqual([40, 75]);
    const rounds = roundsOn(s, A);
    expect(rounds).toEqual([
      { round: 1, spread: [20, 80] },
      { round: 2, spread: [40, 75] },
    ]);
    const text = JSON.stringify(rounds);
    expect(text).not.toContain('Ann');
    expect(text).not.toContain(ann);
  });

  it('keeps each card’s rounds when the presenter moves on and comes back', () => {
    const B = 'doel-of-besparing';
    let s = revealedRoundOne();
    s = run([again, voteIn(ann, 'p1', 50, 2), { type: 'card', card: B }], s);
    expect(roundOf(s, B)).toBe(1);
    expect(stateMessage(s)).not.toHaveProperty('round');
    s = run([{ type: 'card', card: A }], s);
    expect(roundOf(s, A)).toBe(2);
    expect(positionsOn(s, A).map((p) => p.position)).toEqual([50]);
  });

  it(`stops at ${MAX_ROUNDS} rounds`, () => {
    let s = revealedRoundOne();
    for (let r = 2; r <= MAX_ROUNDS; r++) s = run([again, voteIn(ann, 'p1', 10 * r, r), reveal], s);
    expect(roundOf(s, A)).toBe(MAX_ROUNDS);
    expect(canVoteAgain(s)).toBe(false);
    expect(roomReducer(s, again)).toBe(s);
    expect(roundsOn(s, A)).toHaveLength(MAX_ROUNDS);
  });

  it('refuses a round above the bound in a phone’s message', () => {
    const bad = { t: 'vote', v: ROOM_LIMITS.version, pid: ann, seq: 1, card: A, position: 5, round: MAX_ROUNDS + 1 };
    expect(parsePhoneMessage(bad).ok).toBe(false);
    expect(parsePhoneMessage({ ...bad, round: 2 }).ok).toBe(true);
  });

  it('saves round two beside round one, each under its own key', () => {
    let s = revealedRoundOne();
    const labels = assignLabels({}, joinOrder(s), new Set(), (n) => `Telefoon ${n}`);
    const saved = new Map<string, number>();
    for (const w of positionsToSave(s, labels, saved)) saved.set(savedKey(w.card, w.pid, w.round), w.value);
    s = run([again, voteIn(ann, 'p1', 20, 2)], s);
    // The same value as in round one is still a new position: round two's own.
    expect(positionsToSave(s, labels, saved)).toEqual([{ card: A, pid: ann, label: 'Ann', value: 20, round: 2 }]);
  });

  it('gives the middle of a spread', () => {
    expect(spreadMedian([])).toBeNull();
    expect(spreadMedian([80, 20, 50])).toBe(50);
    expect(spreadMedian([20, 81])).toBe(51);
  });
});
