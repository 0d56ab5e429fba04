import { describe, expect, it } from 'vitest';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { parseHostMessage, parsePhoneMessage } from '../../src/lib/room/schema';
import { isFrame, isRoomId, randomToken } from '../../src/lib/room/wire';

const pid = randomToken(ROOM_LIMITS.participantIdBytes);
const join = { t: 'join', v: ROOM_LIMITS.version, pid, seq: 1 };
const vote = { t: 'vote', v: ROOM_LIMITS.version, pid, seq: 2, card: 'eigen-kracht-of-veiligheid', position: 40 };
const state = {
  t: 'state',
  v: ROOM_LIMITS.version,
  seq: 3,
  card: 'eigen-kracht-of-veiligheid',
  phase: 'open',
  chosen: 12,
  joined: 20,
};

describe('phone messages', () => {
  it('accepts join (with and without a name), vote and leave', () => {
    expect(parsePhoneMessage(join)).toEqual({ ok: true, message: join });
    expect(parsePhoneMessage({ ...join, name: '  Sam  ' })).toEqual({ ok: true, message: { ...join, name: 'Sam' } });
    expect(parsePhoneMessage(vote).ok).toBe(true);
    expect(parsePhoneMessage({ t: 'leave', v: ROOM_LIMITS.version, pid, seq: 9 }).ok).toBe(true);
  });

  it('takes a 40-character name, also of emoji, and refuses 41', () => {
    expect(parsePhoneMessage({ ...join, name: 'a'.repeat(40) }).ok).toBe(true);
    expect(parsePhoneMessage({ ...join, name: '👩‍👩‍👧'.repeat(40) }).ok).toBe(true);
    expect(parsePhoneMessage({ ...join, name: 'a'.repeat(41) }).ok).toBe(false);
  });

  const hostile: [string, unknown][] = [
    ['null', null],
    ['a string', 'join'],
    ['an array', [join]],
    ['an unknown type', { ...join, t: 'admin' }],
    ['a presenter message sent upwards', state],
    ['another protocol version', { ...join, v: ROOM_LIMITS.version + 1 }],
    ['an older protocol version', { ...join, v: ROOM_LIMITS.version - 1 }],
    ['a short participant id', { ...join, pid: 'abc' }],
    ['a participant id with other characters', { ...join, pid: `${pid.slice(0, -1)}/` }],
    ['a position above 100', { ...vote, position: 101 }],
    ['a negative position', { ...vote, position: -1 }],
    ['a fractional position', { ...vote, position: 40.5 }],
    ['NaN as position', { ...vote, position: Number.NaN }],
    ['a position as string', { ...vote, position: '40' }],
    ['a card id with a path', { ...vote, card: '../../etc/passwd' }],
    ['a card id in capitals', { ...vote, card: 'Eigen-Kracht' }],
    ['a card id of 81 characters', { ...vote, card: 'a'.repeat(81) }],
    ['a negative seq', { ...vote, seq: -1 }],
    ['an unsafe seq', { ...vote, seq: 2 ** 60 }],
    ['an empty name', { ...join, name: '   ' }],
    ['a name with a line break', { ...join, name: 'Sam\nAdmin' }],
    ['a name with a bidi override', { ...join, name: 'Sam\u202Enimda' }],
    ['a huge name', { ...join, name: 'x'.repeat(100_000) }],
    // Nothing but ids, positions and names may travel: a note or title is refused, not ignored.
    ['a note smuggled into a vote', { ...vote, note: 'Client J. lives at ...' }],
    ['a session title in a join', { ...join, title: 'Overleg gezin De Vries' }],
    [
      'a prototype key',
      JSON.parse(`{"t":"join","v":${ROOM_LIMITS.version},"pid":"${pid}","seq":1,"__proto__":{"x":1}}`),
    ],
  ];
  it.each(hostile)('rejects %s', (_label, input) => {
    const parsed = parsePhoneMessage(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/\S/);
  });
});

describe('presenter messages', () => {
  it('accepts a state before the reveal without spread, and after with it', () => {
    expect(parseHostMessage(state).ok).toBe(true);
    expect(parseHostMessage({ ...state, phase: 'revealed', spread: [10, 40, 90] }).ok).toBe(true);
    expect(parseHostMessage({ ...state, card: null, phase: 'closed', chosen: 0 }).ok).toBe(true);
    expect(parseHostMessage({ t: 'you', v: ROOM_LIMITS.version, seq: 1, pid, card: null, position: null }).ok).toBe(
      true,
    );
  });

  const hostile: [string, unknown][] = [
    ['positions before the reveal', { ...state, spread: [10, 40] }],
    ['a reveal without positions', { ...state, phase: 'revealed' }],
    [
      'a huge spread',
      { ...state, phase: 'revealed', spread: Array.from({ length: ROOM_LIMITS.phonesPerRoomMax + 1 }, () => 50) },
    ],
    ['a spread of strings', { ...state, phase: 'revealed', spread: ['50'] }],
    ['more chosen than joined', { ...state, chosen: 21 }],
    ['counts above the room size', { ...state, chosen: 1, joined: ROOM_LIMITS.phonesPerRoomMax + 1 }],
    ['an unknown phase', { ...state, phase: 'paused' }],
    ['names alongside the spread', { ...state, phase: 'revealed', spread: [1], names: ['Sam'] }],
    ['a phone message sent downwards', vote],
  ];
  it.each(hostile)('rejects %s', (_label, input) => {
    expect(parseHostMessage(input).ok).toBe(false);
  });
});

describe('wire shapes the relay checks', () => {
  it('knows a room id: 16 random bytes of base64url', () => {
    const id = randomToken(16);
    expect(id).toHaveLength(22);
    expect(isRoomId(id)).toBe(true);
    expect(isRoomId(randomToken(10))).toBe(false);
    expect(isRoomId(`${id.slice(0, 21)}=`)).toBe(false);
    expect(isRoomId(42)).toBe(false);
  });

  it('knows a frame: bounded base64url, at least IV and tag', () => {
    expect(isFrame('A'.repeat(38))).toBe(true);
    expect(isFrame('A'.repeat(37))).toBe(false);
    expect(isFrame('A'.repeat(ROOM_LIMITS.frameMaxChars + 3))).toBe(false);
    expect(isFrame(`${'A'.repeat(40)}{`)).toBe(false);
    expect(isFrame({ length: 40 })).toBe(false);
  });
});
