/**
 * The co-facilitator's permission (src/lib/room/cofac.ts): the link, the key derivation, and every
 * check the presenter runs on a command before it reaches the moderation reducer.
 */
import { describe, expect, it } from 'vitest';
import { type AnswersState, answersReducer, initialAnswers, receiveAnswer } from '../../src/lib/room/answers';
import {
  COFAC_LIMITS,
  type CoFacHostState,
  checkCommand,
  deriveCoFacKeys,
  formatCoFacFragment,
  handOver,
  NO_COFAC,
  newModerationKey,
  openNotice,
  parseCoFacFragment,
  queueNotice,
  sealNotice,
  signCommand,
  verifyCommand,
  withdraw,
} from '../../src/lib/room/cofac';
import { exportRoomKey, newRoomId, newRoomKey, newParticipantId, sealHostFrame } from '../../src/lib/room/crypto';
import { parseRoomFragment } from '../../src/lib/room/fragment';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { exportVerifyKey, newSigningKeys } from '../../src/lib/room/sign';
import { base64urlToBytes, bytesToBase64url } from '../../src/lib/room/wire';

const CARD = 'eigen-kracht-of-veiligheid';
const room = newRoomId();
const PEER = 'cofac-socket';

async function roomLink() {
  const signing = await newSigningKeys();
  return { room, key: await exportRoomKey(await newRoomKey()), pub: await exportVerifyKey(signing.publicKey) };
}

/** A question with two hidden answers (ids 2 and 3). */
function withAnswers(): AnswersState {
  let s = answersReducer(initialAnswers(), { type: 'ask', card: CARD, text: 'Wat heb je nodig?' });
  s = receiveAnswer(s, newParticipantId(), 1, 'Meer tijd');
  return receiveAnswer(s, newParticipantId(), 1, 'Vertrouwen');
}

async function granted() {
  const mod = newModerationKey();
  const keys = await deriveCoFacKeys(mod, room);
  const state = handOver(NO_COFAC, keys);
  return { mod, keys, state };
}

describe('the co-facilitator link', () => {
  it('carries room, key, public key and moderation key in the fragment, and reads them back', async () => {
    const link = { ...(await roomLink()), mod: newModerationKey() };
    const fragment = formatCoFacFragment(link);
    expect(fragment.startsWith('#mod=')).toBe(true);
    expect(parseCoFacFragment(fragment)).toEqual({ ok: true, ...link });
    // It is no phone's join link: the join page finds no room in it.
    expect(parseRoomFragment(fragment).ok).toBe(false);
  });

  it('refuses a damaged or missing part', async () => {
    const link = { ...(await roomLink()), mod: newModerationKey() };
    const fragment = formatCoFacFragment(link);
    expect(parseCoFacFragment('#room=abc')).toEqual({ ok: false, error: 'missing' });
    expect(parseCoFacFragment(fragment.slice(0, -2))).toEqual({ ok: false, error: 'mod' });
    expect(parseCoFacFragment(fragment.replace(link.key, 'x'))).toEqual({ ok: false, error: 'link' });
    expect(parseCoFacFragment(`${fragment},extra`)).toEqual({ ok: false, error: 'link' });
    expect(parseCoFacFragment(`#mod=${'a'.repeat(500)}`)).toEqual({ ok: false, error: 'missing' });
    expect(() => formatCoFacFragment({ ...link, mod: 'short' })).toThrow();
  });
});

describe('key derivation', () => {
  it('gives the same keys for the same moderation key and room, other keys for another room or key', async () => {
    const mod = newModerationKey();
    const a = await deriveCoFacKeys(mod, room);
    const b = await deriveCoFacKeys(mod, room);
    expect(a.kid).toBe(b.kid);
    expect(a.kid).toHaveLength(11);
    const command = await signCommand(a, room, { n: 1, c: 'hello' });
    expect(await verifyCommand(b, room, command)).toBe(true);
    const other = await deriveCoFacKeys(mod, newRoomId());
    expect(other.kid).not.toBe(a.kid);
    expect(await verifyCommand({ ...other, kid: a.kid }, room, command)).toBe(false);
    expect((await deriveCoFacKeys(newModerationKey(), room)).kid).not.toBe(a.kid);
    await expect(deriveCoFacKeys('not-a-key', room)).rejects.toThrow();
  });

  it('never uses the moderation key itself as the MAC key', async () => {
    const mod = newModerationKey();
    const keys = await deriveCoFacKeys(mod, room);
    const command = await signCommand(keys, room, { n: 5, c: 'show', id: 2 });
    const raw = await crypto.subtle.importKey('raw', base64urlToBytes(mod)!, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    const direct = await crypto.subtle.sign(
      'HMAC',
      raw,
      new TextEncoder().encode(`kjk-room/2/cofac|${room}|${keys.kid}|5|show|2`),
    );
    expect(bytesToBase64url(new Uint8Array(direct))).not.toBe(command.mac);
  });
});

describe('the presenter checks every command', () => {
  it('accepts a hello, then a show of a known answer, as the moderation reducer event', async () => {
    const { keys, state } = await granted();
    const answers = withAnswers();
    const hello = await checkCommand(state, room, PEER, await signCommand(keys, room, { n: 10, c: 'hello' }), answers);
    expect(hello).toMatchObject({ kind: 'hello', peer: PEER, replaced: null });
    const after = (hello as { state: CoFacHostState }).state;
    const show = await checkCommand(
      after,
      room,
      PEER,
      await signCommand(keys, room, { n: 11, c: 'show', id: 2 }),
      answers,
    );
    expect(show).toMatchObject({ kind: 'apply', event: { type: 'show', id: 2 } });
    const hi = await checkCommand(
      after,
      room,
      PEER,
      await signCommand(keys, room, { n: 12, c: 'highlight', id: 3 }),
      answers,
    );
    expect(hi).toMatchObject({ kind: 'apply', event: { type: 'highlight', id: 3 } });
    const hide = await checkCommand(
      after,
      room,
      PEER,
      await signCommand(keys, room, { n: 13, c: 'hide', id: 3 }),
      answers,
    );
    expect(hide).toMatchObject({ kind: 'apply', event: { type: 'hide', id: 3 } });
  });

  async function helloed() {
    const g = await granted();
    const hello = await checkCommand(
      g.state,
      room,
      PEER,
      await signCommand(g.keys, room, { n: 10, c: 'hello' }),
      withAnswers(),
    );
    return { ...g, state: (hello as { state: CoFacHostState }).state };
  }

  it('drops a command made with a wrong key', async () => {
    const { state, keys } = await helloed();
    const wrong = await deriveCoFacKeys(newModerationKey(), room);
    // The right key id, a MAC by another key: what a phone that guessed would send.
    const forged = { ...(await signCommand(wrong, room, { n: 20, c: 'show', id: 2 })), kid: keys.kid };
    expect(await checkCommand(state, room, PEER, forged, withAnswers())).toEqual({ kind: 'drop', reason: 'mac' });
    const unknownKid = await signCommand(wrong, room, { n: 21, c: 'show', id: 2 });
    expect(await checkCommand(state, room, PEER, unknownKid, withAnswers())).toEqual({ kind: 'drop', reason: 'key' });
  });

  it('drops a tampered command: another verb, answer, counter or room', async () => {
    const { state, keys } = await helloed();
    const good = await signCommand(keys, room, { n: 20, c: 'show', id: 2 });
    for (const tampered of [
      { ...good, c: 'hide' },
      { ...good, id: 3 },
      { ...good, n: 21 },
      { ...good, mac: `${good.mac.slice(0, -1)}${good.mac.endsWith('A') ? 'B' : 'A'}` },
    ])
      expect(await checkCommand(state, room, PEER, tampered, withAnswers())).toEqual({ kind: 'drop', reason: 'mac' });
    expect(await checkCommand(state, newRoomId(), PEER, good, withAnswers())).toEqual({ kind: 'drop', reason: 'mac' });
  });

  it('drops a replayed counter, and one at or below the last accepted', async () => {
    const { state, keys } = await helloed();
    const show = await signCommand(keys, room, { n: 20, c: 'show', id: 2 });
    const first = await checkCommand(state, room, PEER, show, withAnswers());
    expect(first.kind).toBe('apply');
    const next = (first as { state: CoFacHostState }).state;
    expect(await checkCommand(next, room, PEER, show, withAnswers())).toEqual({ kind: 'drop', reason: 'replay' });
    const older = await signCommand(keys, room, { n: 15, c: 'hide', id: 2 });
    expect(await checkCommand(next, room, PEER, older, withAnswers())).toEqual({ kind: 'drop', reason: 'replay' });
    // A replayed hello cannot move the permission to another socket either.
    const oldHello = await signCommand(keys, room, { n: 10, c: 'hello' });
    expect(await checkCommand(next, room, 'thief', oldHello, withAnswers())).toEqual({
      kind: 'drop',
      reason: 'replay',
    });
  });

  it('drops a command for an unknown answer, or one of an earlier question', async () => {
    const { state, keys } = await helloed();
    const unknown = await signCommand(keys, room, { n: 20, c: 'show', id: 99 });
    expect(await checkCommand(state, room, PEER, unknown, withAnswers())).toEqual({ kind: 'drop', reason: 'answer' });
    const later = answersReducer(withAnswers(), { type: 'ask', card: CARD, text: 'Een nieuwe vraag' });
    const old = await signCommand(keys, room, { n: 21, c: 'show', id: 2 });
    expect(await checkCommand(state, room, PEER, old, later)).toEqual({ kind: 'drop', reason: 'answer' });
  });

  it('drops an ordinary phone: a vote, a command without a MAC, one from another socket', async () => {
    const { state, keys } = await helloed();
    const vote = { t: 'vote', v: 2, pid: newParticipantId(), seq: 1, card: CARD, position: 40 };
    expect(await checkCommand(state, room, 'phone', vote, withAnswers())).toEqual({ kind: 'drop', reason: 'shape' });
    const good = await signCommand(keys, room, { n: 20, c: 'show', id: 2 });
    const { mac: _mac, ...bare } = good;
    expect(await checkCommand(state, room, 'phone', bare, withAnswers())).toEqual({ kind: 'drop', reason: 'shape' });
    // A phone that relays the co-facilitator's own command from its socket is not the co-facilitator.
    expect(await checkCommand(state, room, 'phone', good, withAnswers())).toEqual({ kind: 'drop', reason: 'peer' });
    // Before any hello no socket may moderate.
    const fresh = await granted();
    const early = await signCommand(fresh.keys, room, { n: 1, c: 'show', id: 2 });
    expect(await checkCommand(fresh.state, room, PEER, early, withAnswers())).toEqual({ kind: 'drop', reason: 'peer' });
    expect(await checkCommand(NO_COFAC, room, PEER, early, withAnswers())).toEqual({ kind: 'drop', reason: 'key' });
  });

  it('drops oversized or malformed input', async () => {
    const { state, keys } = await helloed();
    const good = await signCommand(keys, room, { n: 20, c: 'show', id: 2 });
    for (const bad of [
      { ...good, kid: `${good.kid}${'x'.repeat(5000)}` },
      { ...good, mac: good.mac.repeat(100) },
      { ...good, n: Number.MAX_SAFE_INTEGER + 2 },
      { ...good, id: 1.5 },
      { ...good, c: 'delete' },
      { ...good, extra: 'x'.repeat(10_000) },
      { ...good, v: 1 },
      { ...good, c: 'hello' },
      'x'.repeat(100_000),
      null,
    ])
      expect(await checkCommand(state, room, PEER, bad, withAnswers())).toEqual({ kind: 'drop', reason: 'shape' });
  });

  it('a new hand-over or a withdrawal ends the old key: its commands only learn that', async () => {
    const { state, keys } = await helloed();
    const next = handOver(state, await deriveCoFacKeys(newModerationKey(), room));
    const late = await signCommand(keys, room, { n: 30, c: 'show', id: 2 });
    expect(await checkCommand(next, room, PEER, late, withAnswers())).toMatchObject({ kind: 'withdrawn' });
    const none = withdraw(next);
    expect(none.current).toBeNull();
    expect(await checkCommand(none, room, PEER, late, withAnswers())).toMatchObject({ kind: 'withdrawn' });
    expect(withdraw(NO_COFAC)).toBe(NO_COFAC);
    // Only a few old hand-overs are remembered.
    let many = none;
    for (let i = 0; i < 10; i++) many = handOver(many, await deriveCoFacKeys(newModerationKey(), room));
    expect(many.withdrawn).toHaveLength(COFAC_LIMITS.withdrawnKept);
    expect(await checkCommand(many, room, PEER, late, withAnswers())).toEqual({ kind: 'drop', reason: 'key' });
  });

  it('a second device with the same link takes over: the first is named as replaced', async () => {
    const { state, keys } = await helloed();
    const hello = await checkCommand(
      state,
      room,
      'second',
      await signCommand(keys, room, { n: 40, c: 'hello' }),
      withAnswers(),
    );
    expect(hello).toMatchObject({ kind: 'hello', peer: 'second', replaced: PEER });
    const after = (hello as { state: CoFacHostState }).state;
    const fromFirst = await signCommand(keys, room, { n: 41, c: 'show', id: 2 });
    expect(await checkCommand(after, room, PEER, fromFirst, withAnswers())).toEqual({ kind: 'drop', reason: 'peer' });
  });
});

describe('the queue for the device', () => {
  it('holds the question and its answers, hidden ones too, with the counts', () => {
    let answers = withAnswers();
    answers = answersReducer(answers, { type: 'highlight', id: 3 });
    const q = queueNotice(answers, 7);
    expect(q).toEqual({
      k: 'queue',
      n: 7,
      question: 'Wat heb je nodig?',
      open: true,
      answers: [
        { id: 2, text: 'Meer tijd', shown: false },
        { id: 3, text: 'Vertrouwen', shown: true, hi: true },
      ],
      total: 2,
      fresh: 1,
    });
    expect(queueNotice(initialAnswers(), 1)).toMatchObject({ question: null, answers: [], total: 0 });
  });

  it('stays within its bounds, and its sealed, signed frame within the relay cap', async () => {
    let answers = answersReducer(initialAnswers(), { type: 'ask', card: CARD, text: 'Vraag' });
    for (let i = 0; i < 200; i++)
      answers = receiveAnswer(answers, newParticipantId(), answers.current!.id, `${i} ${'ж'.repeat(270)}`);
    const q = queueNotice(answers, 1);
    expect(q.total).toBe(200);
    expect(q.answers.length).toBeLessThanOrEqual(COFAC_LIMITS.queueMax);
    expect(q.answers.at(-1)!.text.startsWith('199 ')).toBe(true);
    expect(new TextEncoder().encode(JSON.stringify(q)).length).toBeLessThanOrEqual(COFAC_LIMITS.queueBytes);
    const keys = await deriveCoFacKeys(newModerationKey(), room);
    const down = await sealNotice(keys, room, q);
    const signing = await newSigningKeys();
    const frame = await sealHostFrame(await newRoomKey(), signing.privateKey, room, down);
    expect(frame.length).toBeLessThanOrEqual(ROOM_LIMITS.frameMaxChars);
  });

  it('opens only under its own box key and room; the room key alone reads nothing of it', async () => {
    const keys = await deriveCoFacKeys(newModerationKey(), room);
    const notice = queueNotice(withAnswers(), 3);
    const down = await sealNotice(keys, room, notice);
    expect(JSON.stringify(down)).not.toContain('Meer tijd');
    expect(await openNotice(keys, room, down)).toEqual(notice);
    expect(await openNotice(await deriveCoFacKeys(newModerationKey(), room), room, down)).toBeNull();
    expect(await openNotice(keys, newRoomId(), down)).toBeNull();
    const flipped = {
      ...down,
      box: `${down.box.slice(0, 20)}${down.box[20] === 'A' ? 'B' : 'A'}${down.box.slice(21)}`,
    };
    expect(await openNotice(keys, room, flipped)).toBeNull();
    expect(await openNotice(keys, room, { ...down, box: 'AAAA' })).toBeNull();
    expect(await openNotice(keys, room, { t: 'state' })).toBeNull();
  });
});
