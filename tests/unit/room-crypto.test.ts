import { describe, expect, it } from 'vitest';
import {
  exportRoomKey,
  hashPresenterSecret,
  importRoomKey,
  joinToken,
  joinTokenHash,
  newParticipantId,
  newPresenterSecret,
  newRoomId,
  newRoomKey,
  openFrame,
  openHostFrame,
  openPhoneFrame,
  sealFrame,
  sealHostFrame,
} from '../../src/lib/room/crypto';
import { formatRoomFragment, parseRoomFragment, relayConnectSources, relayEndpoint } from '../../src/lib/room/fragment';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { exportVerifyKey, newSigningKeys, signBody } from '../../src/lib/room/sign';
import { base64urlToBytes, bytesToBase64url, frameIv } from '../../src/lib/room/wire';

const room = newRoomId();
const pid = newParticipantId();
const vote = { t: 'vote', v: ROOM_LIMITS.version, pid, seq: 1, card: 'doel-of-besparing', position: 70 };

/** Flips one bit of the frame's bytes at `index` (negative counts from the end). */
function flip(frame: string, index: number): string {
  const bytes = base64urlToBytes(frame)!;
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = bytes[at]! ^ 1;
  return bytesToBase64url(bytes);
}

describe('room encryption', () => {
  it('round-trips a message and uses a fresh IV each time', async () => {
    const key = await newRoomKey();
    const a = await sealFrame(key, room, 'up', vote);
    const b = await sealFrame(key, room, 'up', vote);
    expect(a).not.toBe(b);
    expect(frameIv(a)).not.toBe(frameIv(b));
    expect(a).not.toContain('doel');
    expect(await openPhoneFrame(key, room, a)).toEqual({ ok: true, message: vote });
  });

  it('works with the key exported to the link and imported on the phone', async () => {
    const key = await newRoomKey();
    const text = await exportRoomKey(key);
    expect(text).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const phoneKey = (await importRoomKey(text))!;
    const frame = await sealFrame(phoneKey, room, 'up', vote);
    expect((await openPhoneFrame(key, room, frame)).ok).toBe(true);
  });

  it('refuses keys that are not 32 bytes of base64url', async () => {
    expect(await importRoomKey('')).toBeNull();
    expect(await importRoomKey(bytesToBase64url(new Uint8Array(16)))).toBeNull();
    expect(await importRoomKey(`${bytesToBase64url(new Uint8Array(32)).slice(0, 42)}+`)).toBeNull();
  });

  it('detects tampering anywhere: IV, ciphertext, tag', async () => {
    const key = await newRoomKey();
    const frame = await sealFrame(key, room, 'up', vote);
    for (const at of [0, 11, 12, 20, -1]) {
      expect(await openFrame(key, room, 'up', flip(frame, at))).toEqual({ ok: false, error: 'decrypt' });
    }
    expect(await openFrame(key, room, 'up', frame.slice(0, -4))).toEqual({ ok: false, error: 'decrypt' });
  });

  it('binds a frame to its room, its direction and its key', async () => {
    const key = await newRoomKey();
    const frame = await sealFrame(key, room, 'up', vote);
    expect((await openFrame(key, newRoomId(), 'up', frame)).ok).toBe(false);
    // A phone holds the key, but its frames cannot pass for the presenter's: unsigned, and the
    // direction in the AEAD data even where a signature covers it.
    const signing = await newSigningKeys();
    expect((await openHostFrame(key, signing.publicKey, room, frame)).ok).toBe(false);
    const body = base64urlToBytes(frame)!;
    const signed = bytesToBase64url(new Uint8Array([...body, ...(await signBody(signing.privateKey, room, body))]));
    expect(await openHostFrame(key, signing.publicKey, room, signed)).toEqual({ ok: false, error: 'decrypt' });
    expect((await openFrame(await newRoomKey(), room, 'up', frame)).ok).toBe(false);
  });

  it('rejects what decrypts but is not a valid message', async () => {
    const key = await newRoomKey();
    const hostile = [
      { ...vote, position: 1e9 },
      { ...vote, note: 'geheim' },
      'x',
      null,
      Array.from({ length: 300 }, () => 1),
    ];
    for (const message of hostile) {
      const result = await openPhoneFrame(key, room, await sealFrame(key, room, 'up', message));
      expect(result.ok).toBe(false);
    }
  });

  it('refuses garbage frames by shape before decrypting', async () => {
    const key = await newRoomKey();
    for (const frame of [
      null,
      42,
      '',
      'not base64!',
      'A'.repeat(10),
      'A'.repeat(ROOM_LIMITS.frameMaxChars + 4),
      ['A'.repeat(40)],
    ]) {
      expect(await openFrame(key, room, 'up', frame)).toEqual({ ok: false, error: 'shape' });
    }
  });

  it('refuses to seal a message too large for the relay', async () => {
    const key = await newRoomKey();
    await expect(sealFrame(key, room, 'down', { big: 'x'.repeat(ROOM_LIMITS.frameMaxChars) })).rejects.toThrow(
      /too large/,
    );
  });

  it('a full room state of 200 positions fits in one frame', async () => {
    const key = await newRoomKey();
    const spread = Array.from({ length: 200 }, () => 100);
    const state = {
      t: 'state',
      v: ROOM_LIMITS.version,
      seq: 2 ** 40,
      card: 'a'.repeat(80),
      phase: 'revealed',
      chosen: 200,
      joined: 200,
      spread,
    };
    const signing = await newSigningKeys();
    const frame = await sealHostFrame(key, signing.privateKey, room, state);
    expect((await openHostFrame(key, signing.publicKey, room, frame)).ok).toBe(true);
  });

  it('hashes the presenter secret to what the relay computes with node:crypto', async () => {
    const secret = newPresenterSecret();
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update(Buffer.from(secret, 'base64url')).digest('base64url');
    expect(await hashPresenterSecret(secret)).toBe(expected);
    await expect(hashPresenterSecret('short')).rejects.toThrow();
  });
});

describe('the link fragment', () => {
  it('formats and parses #room=<id>,<key>,<pub>', async () => {
    const key = await exportRoomKey(await newRoomKey());
    const pub = await exportVerifyKey((await newSigningKeys()).publicKey);
    const fragment = formatRoomFragment({ room, key, pub });
    expect(fragment).toBe(`#room=${room},${key},${pub}`);
    expect(parseRoomFragment(fragment)).toEqual({ ok: true, room, key, pub });
    expect(parseRoomFragment(`lang=nl&room=${room},${key},${pub}`)).toEqual({ ok: true, room, key, pub });
  });

  it('says what is wrong with a damaged link', async () => {
    const key = await exportRoomKey(await newRoomKey());
    const pub = await exportVerifyKey((await newSigningKeys()).publicKey);
    expect(parseRoomFragment('')).toEqual({ ok: false, error: 'missing' });
    expect(parseRoomFragment('#kaart=1')).toEqual({ ok: false, error: 'missing' });
    expect(parseRoomFragment(`#room=${room.slice(1)},${key},${pub}`)).toEqual({ ok: false, error: 'room' });
    expect(parseRoomFragment(`#room=${room}`)).toEqual({ ok: false, error: 'key' });
    expect(parseRoomFragment(`#room=${room},${key.slice(2)},${pub}`)).toEqual({ ok: false, error: 'key' });
    // A link of version 1 (no public key) cannot check the presenter's frames: damaged, not half-trusted.
    expect(parseRoomFragment(`#room=${room},${key}`)).toEqual({ ok: false, error: 'pub' });
    expect(parseRoomFragment(`#room=${room},${key},extra`)).toEqual({ ok: false, error: 'pub' });
    expect(parseRoomFragment(`#room=${room},${key},${pub},extra`)).toEqual({ ok: false, error: 'pub' });
    expect(parseRoomFragment(`#room=${room},${key},${pub}${'A'.repeat(500)}`)).toEqual({
      ok: false,
      error: 'missing',
    });
    expect(() => formatRoomFragment({ room: 'x', key, pub })).toThrow();
    expect(() => formatRoomFragment({ room, key, pub: key })).toThrow();
  });

  it('derives the socket.io endpoint from KJK_RELAY_URL', () => {
    expect(relayEndpoint('http://127.0.0.1:4322')).toEqual({ origin: 'http://127.0.0.1:4322', path: '/socket.io/' });
    expect(relayEndpoint('https://kjk.example/relay/')).toEqual({
      origin: 'https://kjk.example',
      path: '/relay/socket.io/',
    });
    expect(() => relayEndpoint('ftp://x')).toThrow();
  });

  it('names exactly the relay origin for the CSP, and refuses odd addresses', () => {
    expect(relayConnectSources('https://relay.kjk.example/socket/')).toEqual([
      'https://relay.kjk.example',
      'wss://relay.kjk.example',
    ]);
    expect(relayConnectSources('http://127.0.0.1:4322')).toEqual(['http://127.0.0.1:4322', 'ws://127.0.0.1:4322']);
    for (const bad of [
      'relay.example',
      'wss://relay.example',
      'https://u:p@relay.example',
      'https://relay.example/?x=1',
      "https://relay.example'; script-src *",
    ]) {
      expect(() => relayConnectSources(bad), bad).toThrow(/KJK_RELAY_URL/);
    }
  });
});

describe('the join token', () => {
  it('is the same for the presenter and a phone with the link, and differs per room and key', async () => {
    const key = await newRoomKey();
    const room = newRoomId();
    const token = await joinToken(key, room);
    const onPhone = await importRoomKey(await exportRoomKey(key));
    expect(await joinToken(onPhone!, room)).toBe(token);
    expect(await joinToken(key, newRoomId())).not.toBe(token);
    expect(await joinToken(await newRoomKey(), room)).not.toBe(token);
    // Neither the key nor something that yields it: HKDF with its own label.
    expect(token).not.toBe(await exportRoomKey(key));
    expect(token).toHaveLength(43);
  });

  it('is registered by its SHA-256, which the relay computes the same way', async () => {
    const token = await joinToken(await newRoomKey(), newRoomId());
    const hash = await joinTokenHash(token);
    expect(hash).toHaveLength(43);
    expect(hash).not.toBe(token);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(Buffer.from(token, 'base64url')).digest('base64url')).toBe(hash);
    await expect(joinTokenHash('short')).rejects.toThrow();
  });
});
