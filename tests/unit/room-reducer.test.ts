import { describe, expect, it } from 'vitest';
import { newParticipantId } from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import {
  initialRoom,
  peerOf,
  positionsOn,
  roomCounts,
  roomReducer,
  stateMessage,
  youMessage,
  type RoomEvent,
  type RoomState,
} from '../../src/lib/room/reducer';
import { parseHostMessage, type PhoneMessage } from '../../src/lib/room/schema';
import { A, join, vote, leave, nextSeq } from '../support/room-events';

const B = 'doel-of-besparing';
const ann = newParticipantId();
const bob = newParticipantId();
const run = (events: RoomEvent[], start: RoomState = initialRoom(A)) => events.reduce(roomReducer, start);

describe('the vote reducer', () => {
  it('counts who chose without showing positions before the reveal', () => {
    const s = run([join(ann, 'p1', 'Ann'), join(bob, 'p2'), vote(ann, 'p1', 30)]);
    expect(roomCounts(s)).toEqual({ chosen: 1, joined: 2, online: 2 });
    const msg = stateMessage(s);
    expect(msg).toMatchObject({ t: 'state', card: A, phase: 'open', chosen: 1, joined: 2 });
    expect(msg).not.toHaveProperty('spread');
    expect(JSON.stringify(msg)).not.toContain('30');
    expect(JSON.stringify(msg)).not.toContain('Ann');
    expect(parseHostMessage(msg).ok).toBe(true);
  });

  it('lets a phone change its position until the reveal, then shows the spread without names', () => {
    let s = run([
      join(ann, 'p1', 'Ann'),
      join(bob, 'p2'),
      vote(ann, 'p1', 30),
      vote(ann, 'p1', 60),
      vote(bob, 'p2', 10),
    ]);
    expect(positionsOn(s, A)).toEqual([
      { pid: ann, position: 60, name: 'Ann' },
      { pid: bob, position: 10 },
    ]);
    s = run([{ type: 'reveal' }, vote(ann, 'p1', 99)], s);
    expect(s.phase).toBe('revealed');
    expect(positionsOn(s, A).find((p) => p.pid === ann)?.position).toBe(60);
    const msg = stateMessage(s);
    expect(msg.spread).toEqual([10, 60]);
    expect(JSON.stringify(msg)).not.toContain('Ann');
    expect(JSON.stringify(msg)).not.toContain(ann);
    expect(parseHostMessage(msg).ok).toBe(true);
  });

  it('brings a reconnecting phone back with its position, on a new socket', () => {
    let s = run([join(ann, 'p1'), vote(ann, 'p1', 45), { type: 'peer-left', peer: 'p1' }]);
    expect(roomCounts(s)).toEqual({ chosen: 1, joined: 1, online: 0 });
    s = run([join(ann, 'p9')], s);
    expect(roomCounts(s)).toEqual({ chosen: 1, joined: 1, online: 1 });
    expect(peerOf(s, ann)).toBe('p9');
    expect(youMessage(s, ann)).toMatchObject({ t: 'you', pid: ann, card: A, position: 45 });
    expect(parseHostMessage(youMessage(s, ann)).ok).toBe(true);
    // The old socket no longer speaks for the phone.
    s = run([vote(ann, 'p1', 0)], s);
    expect(positionsOn(s, A)[0]?.position).toBe(45);
  });

  it('withdraws an open vote when a phone leaves, and keeps revealed ones', () => {
    let s = run([join(ann, 'p1'), join(bob, 'p2'), vote(ann, 'p1', 20), vote(bob, 'p2', 80), leave(ann, 'p1')]);
    expect(roomCounts(s)).toEqual({ chosen: 1, joined: 1, online: 1 });
    expect(positionsOn(s, A)).toEqual([{ pid: bob, position: 80 }]);
    s = run([{ type: 'reveal' }, leave(bob, 'p2')], s);
    expect(positionsOn(s, A)).toEqual([{ pid: bob, position: 80 }]);
    expect(roomCounts(s).joined).toBe(0);
    expect(parseHostMessage(stateMessage(s)).ok).toBe(true);
  });

  it('keeps votes per card: a card change opens the next card, and going back keeps its phase', () => {
    let s = run([join(ann, 'p1'), vote(ann, 'p1', 20), { type: 'reveal' }, { type: 'card', card: B }]);
    expect(s.phase).toBe('open');
    expect(roomCounts(s).chosen).toBe(0);
    // A late frame for the previous card does not land on the new one.
    s = run([vote(ann, 'p1', 70, A), vote(ann, 'p1', 55, B)], s);
    expect(positionsOn(s, A)).toEqual([{ pid: ann, position: 20 }]);
    expect(positionsOn(s, B)).toEqual([{ pid: ann, position: 55 }]);
    s = run([{ type: 'card', card: A }], s);
    expect(s.phase).toBe('revealed');
    expect(stateMessage(s).spread).toEqual([20]);
  });

  it('drops stale and replayed messages by their seq', () => {
    const first = vote(ann, 'p1', 30);
    let s = run([join(ann, 'p1'), first, vote(ann, 'p1', 50)]);
    s = run([first], s);
    expect(positionsOn(s, A)[0]?.position).toBe(50);
  });

  it('does not bring back a phone that left when a relay replays its old join and vote', () => {
    const oldJoin = join(ann, 'p1');
    const oldVote = vote(ann, 'p1', 30);
    let s = run([oldJoin, join(bob, 'p2'), oldVote, leave(ann, 'p1')]);
    expect(roomCounts(s)).toEqual({ chosen: 0, joined: 1, online: 1 });
    // The replay arrives as if from a new socket, and from the old one.
    const replayed = (e: RoomEvent, peer: string): RoomEvent => ({ ...e, peer }) as RoomEvent;
    s = run([replayed(oldJoin, 'p9'), replayed(oldVote, 'p9'), oldJoin, oldVote], s);
    expect(roomCounts(s)).toEqual({ chosen: 0, joined: 1, online: 1 });
    expect(positionsOn(s, A)).toEqual([]);
    // The phone itself may come back: its next message carries a higher seq.
    s = run([join(ann, 'p3'), vote(ann, 'p3', 40)], s);
    expect(roomCounts(s)).toEqual({ chosen: 1, joined: 2, online: 2 });
  });

  it('lists one participant per socket: fresh ids from the same socket are ignored', () => {
    let s = run([join(ann, 'p1')]);
    for (let i = 0; i < 8; i++) s = roomReducer(s, join(newParticipantId(), 'p1'));
    expect(roomCounts(s).joined).toBe(1);
    // Not even after the first one left from that socket.
    s = run([leave(ann, 'p1'), join(bob, 'p1')], s);
    expect(roomCounts(s).joined).toBe(0);
    // A reconnect of the same id on its own new socket still works.
    s = run([join(ann, 'p2')], s);
    expect(peerOf(s, ann)).toBe('p2');
  });

  it('remembers a bounded number of phones that left', () => {
    let s = initialRoom(A);
    for (let i = 0; i < 1200; i++) {
      const pid = newParticipantId();
      s = run([join(pid, `q${i}`), leave(pid, `q${i}`)], s);
    }
    expect(s.left.size).toBe(1000);
    expect(roomCounts(s).joined).toBe(0);
  }, 30_000); // ~0.5 s alone; over 5 s on a machine shared by many test runs

  it('ignores votes from phones that never joined, and from the wrong socket', () => {
    const s = run([vote(ann, 'p1', 30), join(bob, 'p2'), vote(bob, 'p3', 30)]);
    expect(positionsOn(s, A)).toEqual([]);
  });

  it('refuses a 201st phone but lets a known one back in', () => {
    let s = initialRoom(A);
    for (let i = 0; i < 200; i++) s = roomReducer(s, join(newParticipantId(), `x${i}`));
    const full = roomReducer(s, join(ann, 'late'));
    expect(roomCounts(full).joined).toBe(200);
    expect(peerOf(full, ann)).toBeNull();
    expect(parseHostMessage(stateMessage(full)).ok).toBe(true);
  });

  it('after close, nothing changes any more', () => {
    let s = run([join(ann, 'p1'), vote(ann, 'p1', 30), { type: 'close' }]);
    const closed = s;
    s = run([vote(ann, 'p1', 90), join(bob, 'p2'), { type: 'card', card: B }, { type: 'reveal' }], s);
    expect(s).toBe(closed);
    expect(stateMessage(s)).toMatchObject({ phase: 'closed' });
    expect(parseHostMessage(stateMessage(s)).ok).toBe(true);
  });

  it('does not reveal without a card, and reveals only once', () => {
    const none = run([{ type: 'reveal' }], initialRoom(null));
    expect(none.phase).toBe('open');
    const twice = run([{ type: 'reveal' }, { type: 'reveal' }]);
    expect(twice.revealed).toEqual([A]);
  });

  it('never mutates the state it is given', () => {
    const s = Object.freeze(run([join(ann, 'p1')]));
    const message: PhoneMessage = {
      t: 'vote',
      v: ROOM_LIMITS.version,
      pid: ann,
      seq: nextSeq(),
      card: A,
      position: 10,
    };
    expect(() => roomReducer(s, { type: 'phone', peer: 'p1', message })).not.toThrow();
    expect(positionsOn(s, A)).toEqual([]);
  });
});
