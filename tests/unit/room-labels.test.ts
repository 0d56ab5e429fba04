import { describe, expect, it } from 'vitest';
import { newParticipantId } from '../../src/lib/room/crypto';
import { assignLabels, joinOrder, positionsToSave, savedKey } from '../../src/lib/room/labels';
import { initialRoom, roomReducer, type RoomEvent } from '../../src/lib/room/reducer';
import { A, join, vote } from '../support/room-events';

const B = 'doel-of-besparing';
const phone = (n: number) => `Telefoon ${n}`;
const [ann, bob, cas, dee] = [newParticipantId(), newParticipantId(), newParticipantId(), newParticipantId()];

describe('the labels of a room’s phones in the session', () => {
  it('numbers anonymous phones in join order and keeps names', () => {
    const labels = assignLabels({}, [{ pid: ann }, { pid: bob, name: 'Bob' }, { pid: cas }], new Set(), phone);
    expect(labels).toEqual({ [ann]: 'Telefoon 1', [bob]: 'Bob', [cas]: 'Telefoon 2' });
  });

  it('never gives two phones, or a phone and an earlier marker, the same label', () => {
    const labels = assignLabels(
      {},
      [{ pid: ann, name: 'Sam' }, { pid: bob, name: 'Sam' }, { pid: cas }, { pid: dee, name: 'Telefoon 2' }],
      new Set(['Telefoon 1', 'Sam']),
      phone,
    );
    expect(labels).toEqual({ [ann]: 'Sam (2)', [bob]: 'Sam (3)', [cas]: 'Telefoon 2', [dee]: 'Telefoon 2 (2)' });
    expect(new Set(Object.values(labels)).size).toBe(4);
  });

  it('keeps a phone’s first label when it comes back with another name', () => {
    const first = assignLabels({}, [{ pid: ann }], new Set(), phone);
    expect(assignLabels(first, [{ pid: ann, name: 'Ann' }, { pid: bob }], new Set(), phone)).toEqual({
      [ann]: 'Telefoon 1',
      [bob]: 'Telefoon 2',
    });
  });

  it('lists the votes still to save, on every card, and nothing twice', () => {
    let s = [join(ann, 'p1', 'Ann'), join(bob, 'p2'), vote(ann, 'p1', 30), vote(bob, 'p2', 70)].reduce(
      roomReducer,
      initialRoom(A),
    );
    const labels = assignLabels({}, joinOrder(s), new Set(), phone);
    const saved = new Map<string, number>();
    const first = positionsToSave(s, labels, saved);
    expect(first).toEqual([
      { card: A, pid: ann, label: 'Ann', value: 30 },
      { card: A, pid: bob, label: 'Telefoon 1', value: 70 },
    ]);
    for (const w of first) saved.set(savedKey(w.card, w.pid), w.value);
    expect(positionsToSave(s, labels, saved)).toEqual([]);
    s = [vote(ann, 'p1', 35), { type: 'card', card: B } as RoomEvent, vote(bob, 'p2', 10, B)].reduce(roomReducer, s);
    expect(positionsToSave(s, labels, saved)).toEqual([
      { card: A, pid: ann, label: 'Ann', value: 35 },
      { card: B, pid: bob, label: 'Telefoon 1', value: 10 },
    ]);
  });

  it('waits with a phone that has no label yet', () => {
    const s = [join(ann, 'p1'), vote(ann, 'p1', 30)].reduce(roomReducer, initialRoom(A));
    expect(positionsToSave(s, {}, new Map())).toEqual([]);
  });
});
