/**
 * The audience view's snapshot and the channel's messages: no names, no positions before the
 * reveal, no key or secret; junk from another tab is refused.
 */
import { describe, expect, it } from 'vitest';
import {
  type AudienceCard,
  audienceSnapshot,
  AudienceSnapshotSchema,
  parseViewsMessage,
  VIEWS_VERSION,
} from '../../src/lib/room/audience';
import { newParticipantId, newRoomId } from '../../src/lib/room/crypto';
import { initialRoom, roomReducer, type RoomEvent, type RoomState } from '../../src/lib/room/reducer';
import * as v from 'valibot';
import { A, join, nextSeq, vote } from '../support/room-events';
import { ROOM_LIMITS } from '../../src/lib/room/limits';

const card: AudienceCard = {
  id: A,
  title: 'Eigen kracht of veiligheid',
  theme: 'visies',
  poles: ['Eigen kracht', 'Veiligheid'],
};
const [ann, bob] = [newParticipantId(), newParticipantId()];
const run = (events: RoomEvent[], start: RoomState = initialRoom(A)) => events.reduce(roomReducer, start);
const voted = () =>
  run([join(ann, 'p1', 'Annemarie'), join(bob, 'p2', 'Bartholomeus'), vote(ann, 'p1', 37), vote(bob, 'p2', 81)]);
const room = newRoomId();
const join_ = {
  url: `https://kjk.test/doe-mee/#room=${room},${'k'.repeat(43)}`,
  address: 'kjk.test/doe-mee/',
  code: 'KM7R 4XDA',
};

describe('the audience snapshot', () => {
  it('before the reveal: the card and the count, no positions and no names', () => {
    const s = audienceSnapshot({ state: voted(), ended: false, card });
    expect(s).toEqual({ status: 'open', card, chosen: 2, joined: 2, revealed: false });
    const text = JSON.stringify(s);
    for (const secret of ['37', '81', 'Annemarie', 'Bartholomeus', ann, bob, 'p1']) expect(text).not.toContain(secret);
    expect(v.is(AudienceSnapshotSchema, s)).toBe(true);
  });

  it('after the reveal: the sorted spread and the agreed position, still nameless', () => {
    const s = audienceSnapshot({ state: roomReducer(voted(), { type: 'reveal' }), ended: false, card, agreed: 50 });
    expect(s).toMatchObject({ revealed: true, spread: [37, 81], agreed: 50, chosen: 2 });
    for (const secret of ['Annemarie', ann, 'p2']) expect(JSON.stringify(s)).not.toContain(secret);
    expect(v.is(AudienceSnapshotSchema, s)).toBe(true);
  });

  it('the shift: both rounds side by side once round two is shown, nameless; one round alone shows no comparison', () => {
    const roundOne = roomReducer(voted(), { type: 'reveal' });
    expect(audienceSnapshot({ state: roundOne, ended: false, card })).not.toHaveProperty('rounds');
    const again = roomReducer(roundOne, { type: 'again' });
    expect(audienceSnapshot({ state: again, ended: false, card })).not.toHaveProperty('rounds');
    const voteIn = (pid: string, peer: string, position: number): RoomEvent => ({
      type: 'phone',
      peer,
      message: { t: 'vote', v: ROOM_LIMITS.version, pid, seq: nextSeq(), card: A, position, round: 2 },
    });
    const shown = run([voteIn(ann, 'p1', 60), voteIn(bob, 'p2', 70), { type: 'reveal' }], again);
    const s = audienceSnapshot({ state: shown, ended: false, card });
    expect(s.rounds).toEqual([
      { round: 1, spread: [37, 81] },
      { round: 2, spread: [60, 70] },
    ]);
    for (const secret of ['Annemarie', ann, bob, 'p1']) expect(JSON.stringify(s)).not.toContain(secret);
    expect(v.is(AudienceSnapshotSchema, s)).toBe(true);
    // Rounds without the reveal are refused (another tab could post them).
    expect(v.is(AudienceSnapshotSchema, { ...s, revealed: false, spread: undefined })).toBe(false);
  });

  it('shown answers come with their question and the word-cloud choice; a closed room shows no question', () => {
    const input = {
      state: voted(),
      ended: false,
      card,
      question: 'Wat heb je nodig?',
      cloud: true,
      answers: [{ text: 'Tijd', highlighted: true }],
    };
    const s = audienceSnapshot(input);
    expect(s).toMatchObject({
      question: 'Wat heb je nodig?',
      cloud: true,
      answers: [{ text: 'Tijd', highlighted: true }],
    });
    expect(v.is(AudienceSnapshotSchema, s)).toBe(true);
    expect(audienceSnapshot({ ...input, ended: true })).not.toHaveProperty('question');
  });

  it('an agreed position before the reveal is not shown', () => {
    expect(audienceSnapshot({ state: voted(), ended: false, card, agreed: 50 })).not.toHaveProperty('agreed');
  });

  it('a card the room is not on yet shows no count of another card and no spread', () => {
    const revealed = roomReducer(voted(), { type: 'reveal' });
    const s = audienceSnapshot({ state: revealed, ended: false, card: { ...card, id: 'een-andere-kaart' } });
    expect(s).toMatchObject({ chosen: 0, joined: 2, revealed: false });
    expect(s).not.toHaveProperty('spread');
  });

  it('the way in only while shown and while open; answers as given', () => {
    const open = audienceSnapshot({
      state: voted(),
      ended: false,
      card,
      join: join_,
      answers: [{ text: 'Omdat', highlighted: true }],
    });
    expect(open.join).toEqual(join_);
    expect(open.answers).toEqual([{ text: 'Omdat', highlighted: true }]);
    expect(audienceSnapshot({ state: voted(), ended: false, card, join: null })).not.toHaveProperty('join');
    const closed = audienceSnapshot({ state: voted(), ended: true, card, join: join_ });
    expect(closed.status).toBe('closed');
    expect(closed).not.toHaveProperty('join');
    expect(audienceSnapshot({ state: roomReducer(voted(), { type: 'close' }), ended: false, card }).status).toBe(
      'closed',
    );
  });

  it('a card without poles has no poles', () => {
    const s = audienceSnapshot({
      state: initialRoom(A),
      ended: false,
      card: { id: A, title: 'Kenniskaart', poles: null },
    });
    expect(s.card).toEqual({ id: A, title: 'Kenniskaart', poles: null });
  });
});

describe('the channel messages', () => {
  const good = audienceSnapshot({ state: voted(), ended: false, card });
  it('accepts our three messages', () => {
    expect(parseViewsMessage({ k: 'hello', v: VIEWS_VERSION })).toEqual({ k: 'hello', v: 1 });
    expect(parseViewsMessage({ k: 'bye', v: VIEWS_VERSION })).toEqual({ k: 'bye', v: 1 });
    expect(parseViewsMessage({ k: 'snapshot', v: VIEWS_VERSION, snapshot: good })?.k).toBe('snapshot');
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'hello'],
    ['another version', { k: 'hello', v: 2 }],
    ['an unknown kind', { k: 'steer', v: 1 }],
    ['an extra field', { k: 'hello', v: 1, key: 'secret' }],
    ['a spread before the reveal', { k: 'snapshot', v: 1, snapshot: { ...good, spread: [1, 2] } }],
    ['a reveal without its spread', { k: 'snapshot', v: 1, snapshot: { ...good, revealed: true } }],
    ['an agreed position before the reveal', { k: 'snapshot', v: 1, snapshot: { ...good, agreed: 40 } }],
    ['a name in the snapshot', { k: 'snapshot', v: 1, snapshot: { ...good, names: ['Ann'] } }],
    ['more chosen than joined', { k: 'snapshot', v: 1, snapshot: { ...good, chosen: 3 } }],
    ['a position out of range', { k: 'snapshot', v: 1, snapshot: { ...good, revealed: true, spread: [101] } }],
    ['a bad card id', { k: 'snapshot', v: 1, snapshot: { ...good, card: { ...card, id: '../x' } } }],
    ['a huge title', { k: 'snapshot', v: 1, snapshot: { ...good, card: { ...card, title: 'x'.repeat(5000) } } }],
    [
      'a script link to join',
      { k: 'snapshot', v: 1, snapshot: { ...good, join: { ...join_, url: 'javascript:alert(1)' } } },
    ],
    ['an unknown theme', { k: 'snapshot', v: 1, snapshot: { ...good, card: { ...card, theme: 'x" onload="' } } }],
    ['a snapshot in a hello', { k: 'hello', v: 1, snapshot: good }],
  ])('refuses %s', (_what, junk) => {
    expect(parseViewsMessage(junk)).toBeNull();
  });
});
