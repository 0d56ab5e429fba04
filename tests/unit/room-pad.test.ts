/**
 * Room plaintext is padded before encryption (src/lib/room/pad.ts), so a frame's length does not
 * tell the relay a phone's position, the length of its name, or the card.
 */
import { describe, expect, it } from 'vitest';
import {
  newParticipantId,
  newRoomId,
  newRoomKey,
  openSignedFrame,
  sealFrame,
  sealHostFrame,
} from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { PAD_BLOCK, PAD_SMALL, pad, paddedLength, unpad } from '../../src/lib/room/pad';
import { newSigningKeys } from '../../src/lib/room/sign';

const room = newRoomId();
const pid = newParticipantId();
const v = ROOM_LIMITS.version;
/** A phone's clock-based counter, as session.ts sends it. */
const seq = Date.now();

describe('padding', () => {
  it('pads to the small bucket, then to whole blocks, always by at least one byte', () => {
    expect(paddedLength(0)).toBe(PAD_SMALL);
    expect(paddedLength(PAD_SMALL - 1)).toBe(PAD_SMALL);
    expect(paddedLength(PAD_SMALL)).toBe(PAD_BLOCK);
    expect(paddedLength(PAD_BLOCK - 1)).toBe(PAD_BLOCK);
    expect(paddedLength(PAD_BLOCK)).toBe(2 * PAD_BLOCK);
  });

  it('round-trips any bytes, also ones that end in 0x80 or zeros', () => {
    for (const plain of [
      new Uint8Array(),
      new Uint8Array([0x80]),
      new Uint8Array([1, 0, 0]),
      new Uint8Array(PAD_SMALL - 1).fill(0x80),
      crypto.getRandomValues(new Uint8Array(3000)),
    ]) {
      const padded = pad(plain);
      expect(padded.length).toBe(paddedLength(plain.length));
      expect(unpad(padded)).toEqual(plain);
    }
  });

  it('refuses what is not padded, or padded to no bucket', () => {
    expect(unpad(new Uint8Array(PAD_SMALL))).toBeNull();
    expect(unpad(new TextEncoder().encode('{"t":"vote"}'))).toBeNull();
    const short = new Uint8Array(100);
    short[10] = 0x80;
    expect(unpad(short)).toBeNull();
    // Longer than needed: one block more than the bucket of its content.
    const long = new Uint8Array(PAD_BLOCK);
    long[10] = 0x80;
    expect(unpad(long)).toBeNull();
  });
});

describe('frame lengths', () => {
  it('a vote at 0, 50 and 100, joins with names of 1 and 40 characters and a leave: one length', async () => {
    const key = await newRoomKey();
    const card = 'eigen-kracht-of-veiligheid';
    const messages = [
      ...[0, 50, 100].map((position) => ({ t: 'vote', v, pid, seq, card, position })),
      // The longest card id the schema allows.
      { t: 'vote', v, pid, seq, card: 'a'.repeat(ROOM_LIMITS.cardIdMaxChars), position: 100 },
      { t: 'join', v, pid, seq },
      { t: 'join', v, pid, seq, name: 'A' },
      { t: 'join', v, pid, seq, name: 'x'.repeat(ROOM_LIMITS.nameMaxChars) },
      // 40 characters of 2, 3 and 4 UTF-8 bytes, and 40 that JSON escapes.
      { t: 'join', v, pid, seq, name: 'é'.repeat(ROOM_LIMITS.nameMaxChars) },
      { t: 'join', v, pid, seq, name: 'ह'.repeat(ROOM_LIMITS.nameMaxChars) },
      { t: 'join', v, pid, seq, name: '😀'.repeat(ROOM_LIMITS.nameMaxChars) },
      { t: 'join', v, pid, seq, name: '"'.repeat(ROOM_LIMITS.nameMaxChars) },
      { t: 'leave', v, pid, seq },
    ];
    const lengths = new Set(await Promise.all(messages.map(async (m) => (await sealFrame(key, room, 'up', m)).length)));
    expect([...lengths]).toEqual([Math.ceil(((12 + PAD_SMALL + 16) * 4) / 3)]);
  });

  it("the presenter's state and you messages before a reveal: one length, whatever the card", async () => {
    const key = await newRoomKey();
    const { privateKey } = await newSigningKeys();
    const messages = [
      { t: 'state', v, seq: 1, card: null, phase: 'open', chosen: 0, joined: 0 },
      { t: 'state', v, seq: 2 ** 40, card: 'a'.repeat(80), phase: 'closed', chosen: 200, joined: 200 },
      { t: 'you', v, seq: 3, pid, card: 'doel-of-besparing', position: 100 },
      { t: 'you', v, seq: 3, pid, card: null, position: null },
    ];
    const lengths = new Set(
      await Promise.all(messages.map(async (m) => (await sealHostFrame(key, privateKey, room, m)).length)),
    );
    expect(lengths.size).toBe(1);
  });

  it('an answer of up to 280 characters with its question id takes one block; a short one looks like a vote', async () => {
    const key = await newRoomKey();
    const answer = (text: string) => ({ t: 'answer', v, pid, seq, question: 'q'.repeat(22), text });
    const length = async (text: string) => (await sealFrame(key, room, 'up', answer(text))).length;
    const long = await Promise.all(['x'.repeat(150), ...['x', 'é', '€', '"'].map((c) => c.repeat(280))].map(length));
    expect(new Set(long)).toEqual(new Set([Math.ceil(((12 + PAD_BLOCK + 16) * 4) / 3)]));
    expect(await length('ja')).toBe(Math.ceil(((12 + PAD_SMALL + 16) * 4) / 3));
  });

  it('the largest state, a revealed spread of 1,000 positions, fits under the frame cap', async () => {
    const key = await newRoomKey();
    const signing = await newSigningKeys();
    const state = {
      t: 'state',
      v,
      seq: Number.MAX_SAFE_INTEGER,
      card: 'a'.repeat(ROOM_LIMITS.cardIdMaxChars),
      phase: 'revealed',
      chosen: 1000,
      joined: 1000,
      spread: Array.from({ length: 1000 }, () => 100),
    };
    const frame = await sealHostFrame(key, signing.privateKey, room, state);
    expect(frame.length).toBeLessThanOrEqual(ROOM_LIMITS.frameMaxChars);
    // And the cap is no larger than that bucket needs: the relay's memory under a flood grows with it.
    expect(ROOM_LIMITS.frameMaxChars - frame.length).toBeLessThan(4);
    expect(await openSignedFrame(key, signing.publicKey, room, frame)).toEqual({ ok: true, value: state });
  });
});
