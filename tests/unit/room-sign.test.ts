/**
 * The presenter's signature on its frames (src/lib/room/sign.ts, crypto.ts sealHostFrame and
 * openHostFrame): every phone holds the room key, so only the signature tells a phone that a
 * "down" frame is the presenter's.
 */
import { describe, expect, it } from 'vitest';
import {
  newParticipantId,
  newRoomId,
  newRoomKey,
  openHostFrame,
  openSignedFrame,
  sealFrame,
  sealHostFrame,
} from '../../src/lib/room/crypto';
import { packGrant, unpackGrant } from '../../src/lib/room/grant';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import {
  exportVerifyKey,
  importVerifyKey,
  newSigningKeys,
  PUBLIC_KEY_BYTES,
  SIGNATURE_BYTES,
  signBody,
  verifyBody,
} from '../../src/lib/room/sign';
import { base64urlToBytes, bytesToBase64url, randomToken } from '../../src/lib/room/wire';

const room = newRoomId();
const state = {
  t: 'state',
  v: ROOM_LIMITS.version,
  seq: 7,
  card: 'doel-of-besparing',
  phase: 'open',
  chosen: 1,
  joined: 2,
};

async function presenterKeys() {
  const key = await newRoomKey();
  const signing = await newSigningKeys();
  return { key, signing, verify: signing.publicKey };
}

/** Flips one bit of the frame's bytes at `index` (negative counts from the end). */
function flip(frame: string, index: number): string {
  const bytes = base64urlToBytes(frame)!;
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = bytes[at]! ^ 1;
  return bytesToBase64url(bytes);
}

describe("the presenter's signature", () => {
  it('a signed presenter frame opens on a phone with the public key from the link', async () => {
    const { key, signing } = await presenterKeys();
    const pub = await exportVerifyKey(signing.publicKey);
    expect(pub).toMatch(/^[A-Za-z0-9_-]{87}$/);
    const onPhone = (await importVerifyKey(pub))!;
    const frame = await sealHostFrame(key, signing.privateKey, room, state);
    expect(await openHostFrame(key, onPhone, room, frame)).toEqual({ ok: true, message: state });
    // The signature is the frame's last 64 bytes, after IV, ciphertext and tag.
    expect(base64urlToBytes(frame)!.length).toBe(
      base64urlToBytes(await sealFrame(key, room, 'down', state))!.length + 64,
    );
  });

  it('refuses a "down" frame a phone sealed with the shared room key (valid AES-GCM, no signature)', async () => {
    const { key, verify } = await presenterKeys();
    const forged = await sealFrame(key, room, 'down', state);
    expect(await openHostFrame(key, verify, room, forged)).toEqual({ ok: false, error: 'signature' });
    // Nor with 64 bytes of noise where the signature goes, nor signed by a key pair of its own.
    const noise = bytesToBase64url(new Uint8Array([...base64urlToBytes(forged)!, ...new Uint8Array(64).fill(7)]));
    expect(await openHostFrame(key, verify, room, noise)).toEqual({ ok: false, error: 'signature' });
    const own = await newSigningKeys();
    const selfSigned = await sealHostFrame(key, own.privateKey, room, state);
    expect(await openHostFrame(key, verify, room, selfSigned)).toEqual({ ok: false, error: 'signature' });
  });

  it('refuses a tampered signature, and a frame changed under a good one', async () => {
    const { key, signing, verify } = await presenterKeys();
    const frame = await sealHostFrame(key, signing.privateKey, room, state);
    for (const at of [-1, -32, -64]) {
      expect(await openHostFrame(key, verify, room, flip(frame, at))).toEqual({ ok: false, error: 'signature' });
    }
    // IV, ciphertext and tag are signed: a changed byte fails before anything is decrypted.
    for (const at of [0, 11, 12, 40, -65]) {
      expect(await openHostFrame(key, verify, room, flip(frame, at))).toEqual({ ok: false, error: 'signature' });
    }
    expect(await openHostFrame(key, verify, room, frame.slice(0, -4))).toEqual({ ok: false, error: 'signature' });
  });

  it('refuses a frame signed for another room, even by the same presenter with the same key', async () => {
    const { key, signing, verify } = await presenterKeys();
    const other = newRoomId();
    const frame = await sealHostFrame(key, signing.privateKey, other, state);
    expect(await openHostFrame(key, verify, room, frame)).toEqual({ ok: false, error: 'signature' });
    expect((await openHostFrame(key, verify, other, frame)).ok).toBe(true);
  });

  it('checks the signature before it decrypts: a wrong room key with a good signature is "decrypt"', async () => {
    const { key, signing, verify } = await presenterKeys();
    const frame = await sealHostFrame(key, signing.privateKey, room, state);
    expect(await openSignedFrame(await newRoomKey(), verify, room, frame)).toEqual({ ok: false, error: 'decrypt' });
    for (const bad of [null, 42, '', 'A'.repeat(80), 'A'.repeat(ROOM_LIMITS.frameMaxChars + 4)]) {
      expect(await openSignedFrame(key, verify, room, bad)).toEqual({ ok: false, error: 'shape' });
    }
  });

  it('binds the signature to the room: signBody/verifyBody', async () => {
    const { signing } = await presenterKeys();
    const body = crypto.getRandomValues(new Uint8Array(100));
    const signature = Uint8Array.from(await signBody(signing.privateKey, room, body));
    expect(signature).toHaveLength(SIGNATURE_BYTES);
    expect(await verifyBody(signing.publicKey, room, body, signature)).toBe(true);
    expect(await verifyBody(signing.publicKey, newRoomId(), body, signature)).toBe(false);
    expect(await verifyBody(signing.publicKey, room, body, signature.slice(1))).toBe(false);
  });

  it('keeps the private key in the presenter: it cannot be exported', async () => {
    const { signing } = await presenterKeys();
    expect(signing.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', signing.privateKey)).rejects.toThrow();
  });

  it('imports only an uncompressed P-256 point', async () => {
    const pub = await exportVerifyKey((await newSigningKeys()).publicKey);
    const raw = base64urlToBytes(pub)!;
    expect(raw).toHaveLength(PUBLIC_KEY_BYTES);
    expect(await importVerifyKey(pub)).not.toBeNull();
    expect(await importVerifyKey('')).toBeNull();
    expect(await importVerifyKey(pub.slice(1))).toBeNull();
    // Not a point on the curve; the wrong prefix; a compressed point (33 bytes).
    expect(await importVerifyKey(bytesToBase64url(new Uint8Array([4, ...new Uint8Array(64).fill(1)])))).toBeNull();
    expect(await importVerifyKey(bytesToBase64url(new Uint8Array([2, ...raw.subarray(1)])))).toBeNull();
    expect(await importVerifyKey(bytesToBase64url(new Uint8Array([2, ...raw.subarray(1, 33)])))).toBeNull();
  });
});

describe("a code joiner's grant", () => {
  it('carries the join token and the public key through the sealed join proof', async () => {
    const token = randomToken(ROOM_LIMITS.joinTokenBytes);
    const pub = await exportVerifyKey((await newSigningKeys()).publicKey);
    const packed = packGrant({ token, pub });
    expect(packed.length).toBeLessThanOrEqual(256);
    expect(unpackGrant(packed)).toEqual({ token, pub });
    expect(unpackGrant(packed.subarray(0, 32))).toBeNull();
    expect(unpackGrant(new Uint8Array([...packed, 0]))).toBeNull();
    expect(() => packGrant({ token: newParticipantId(), pub })).toThrow();
    expect(() => packGrant({ token, pub: token })).toThrow();
  });
});
