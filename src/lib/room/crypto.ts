/**
 * End-to-end encryption of room messages: AES-GCM 256 with WebCrypto (browsers and Node 24's
 * globalThis.crypto alike). The key is made by the presenter and travels only in the link's
 * #fragment, which browsers never send to a server; the relay sees frames, never content.
 *
 * A frame is base64url(IV ‖ ciphertext ‖ tag) with a fresh random 12-byte IV per message; the
 * presenter's frames carry its ECDSA signature after the tag (sign.ts), which phones check before
 * anything else: every phone holds the room key, so AES-GCM alone cannot tell the presenter from
 * a phone. The room id and the direction are bound in as additional data, so a frame cannot be
 * moved to another room. The plaintext is padded to a bucket first (pad.ts), so a frame's length
 * does not tell the relay the position, the name or the card.
 */
import { ROOM_LIMITS } from './limits.ts';
import { pad, unpad } from './pad.ts';
import { type HostMessage, type Parsed, type PhoneMessage, parseHostMessage, parsePhoneMessage } from './schema.ts';
import { SIGNATURE_BYTES, signBody, verifyBody } from './sign.ts';
import { base64urlToBytes, bytesToBase64url, isFrame, isToken, randomToken } from './wire.ts';

/** "up" = phone → presenter, "down" = presenter → phones. */
export type Direction = 'up' | 'down';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
/** HKDF's info for the join token: a key for this purpose only, never the AES key itself. */
const JOIN_LABEL = `kjk-room/${ROOM_LIMITS.version}/join`;

export function newRoomId(): string {
  return randomToken(ROOM_LIMITS.roomIdBytes);
}

export function newParticipantId(): string {
  return randomToken(ROOM_LIMITS.participantIdBytes);
}

/** The presenter's secret: only its hash goes to the relay at creation; rejoining as presenter needs the secret. */
export function newPresenterSecret(): string {
  return randomToken(ROOM_LIMITS.secretBytes);
}

/** SHA-256 over the secret's bytes, base64url. The relay computes the same with node:crypto. */
export async function hashPresenterSecret(secret: string): Promise<string> {
  const bytes = base64urlToBytes(secret);
  if (!bytes || !isToken(secret, ROOM_LIMITS.secretBytes)) throw new Error('not a presenter secret');
  return bytesToBase64url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/**
 * The join token: what a phone shows the relay to take a place. Derived from the room key (HKDF,
 * SHA-256, salted with the room id), so whoever holds the link can make it and the relay, which
 * sees only its SHA-256 (joinTokenHash), cannot; nor can it turn the token back into the key.
 */
export async function joinToken(key: CryptoKey, roomId: string): Promise<string> {
  const raw = await crypto.subtle.exportKey('raw', key);
  const base = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(roomId), info: encoder.encode(JOIN_LABEL) },
    base,
    ROOM_LIMITS.joinTokenBytes * 8,
  );
  return bytesToBase64url(new Uint8Array(bits));
}

/** SHA-256 over a join token's bytes, base64url: what the presenter registers. The relay computes the same. */
export async function joinTokenHash(token: string): Promise<string> {
  const bytes = base64urlToBytes(token);
  if (!bytes || !isToken(token, ROOM_LIMITS.joinTokenBytes)) throw new Error('not a join token');
  return bytesToBase64url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

export async function newRoomKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export async function exportRoomKey(key: CryptoKey): Promise<string> {
  return bytesToBase64url(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

/** Imports a key from the link; null when the text is not exactly 32 bytes of base64url. */
export async function importRoomKey(text: string): Promise<CryptoKey | null> {
  if (!isToken(text, KEY_BYTES)) return null;
  const raw = base64urlToBytes(text);
  if (!raw) return null;
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

function additionalData(roomId: string, direction: Direction): Uint8Array<ArrayBuffer> {
  return encoder.encode(`kjk-room/${ROOM_LIMITS.version}|${roomId}|${direction}`);
}

/** IV ‖ ciphertext ‖ tag of one padded message. */
async function encrypt(
  key: CryptoKey,
  roomId: string,
  direction: Direction,
  message: unknown,
): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = pad(encoder.encode(JSON.stringify(message)));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(roomId, direction) }, key, plain),
  );
  const body = new Uint8Array(IV_BYTES + sealed.length);
  body.set(iv);
  body.set(sealed, IV_BYTES);
  return body;
}

function frameText(bytes: Uint8Array): string {
  const text = bytesToBase64url(bytes);
  if (text.length > ROOM_LIMITS.frameMaxChars)
    throw new Error(`message too large for the relay (${text.length} > ${ROOM_LIMITS.frameMaxChars})`);
  return text;
}

/**
 * Encrypts one message into a frame, unsigned: what a phone sends up. A "down" frame made this way
 * is what any phone could forge, and phones refuse it (sealHostFrame signs). Throws when the frame
 * would exceed the relay's cap.
 */
export async function sealFrame(
  key: CryptoKey,
  roomId: string,
  direction: Direction,
  message: unknown,
): Promise<string> {
  return frameText(await encrypt(key, roomId, direction, message));
}

/** The presenter's frame: sealed as "down", then signed (sign.ts): IV ‖ ciphertext ‖ tag ‖ signature. */
export async function sealHostFrame(
  key: CryptoKey,
  signingKey: CryptoKey,
  roomId: string,
  message: unknown,
): Promise<string> {
  const body = await encrypt(key, roomId, 'down', message);
  const signature = await signBody(signingKey, roomId, body);
  const frame = new Uint8Array(body.length + signature.length);
  frame.set(body);
  frame.set(signature, body.length);
  return frameText(frame);
}

export type OpenError = 'shape' | 'signature' | 'decrypt' | 'padding' | 'json';
export type Opened = { ok: true; value: unknown } | { ok: false; error: OpenError };

function frameBytes(frame: unknown, extra: number): Uint8Array<ArrayBuffer> | null {
  if (!isFrame(frame)) return null;
  const bytes = base64urlToBytes(frame);
  return bytes && bytes.length >= IV_BYTES + 16 + extra ? bytes : null;
}

async function decrypt(
  key: CryptoKey,
  roomId: string,
  direction: Direction,
  body: Uint8Array<ArrayBuffer>,
): Promise<Opened> {
  let padded: ArrayBuffer;
  try {
    padded = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: body.subarray(0, IV_BYTES), additionalData: additionalData(roomId, direction) },
      key,
      body.subarray(IV_BYTES),
    );
  } catch {
    return { ok: false, error: 'decrypt' };
  }
  const plain = unpad(new Uint8Array(padded));
  if (!plain) return { ok: false, error: 'padding' };
  try {
    return { ok: true, value: JSON.parse(decoder.decode(plain)) as unknown };
  } catch {
    return { ok: false, error: 'json' };
  }
}

/** Decrypts an unsigned frame into untrusted JSON. Tampered, foreign-room or wrong-direction frames fail as "decrypt". */
export async function openFrame(key: CryptoKey, roomId: string, direction: Direction, frame: unknown): Promise<Opened> {
  const bytes = frameBytes(frame, 0);
  return bytes ? decrypt(key, roomId, direction, bytes) : { ok: false, error: 'shape' };
}

/**
 * A phone's side of a presenter frame: the signature is checked first, against the presenter's
 * public key from the link, and only a frame it covers is decrypted. A frame any phone sealed with
 * the room key, signed for another room, or with a signature changed fails as "signature".
 */
export async function openSignedFrame(
  key: CryptoKey,
  verifyKey: CryptoKey,
  roomId: string,
  frame: unknown,
): Promise<Opened> {
  const bytes = frameBytes(frame, SIGNATURE_BYTES);
  if (!bytes) return { ok: false, error: 'shape' };
  const body = bytes.subarray(0, bytes.length - SIGNATURE_BYTES);
  const signature = bytes.slice(bytes.length - SIGNATURE_BYTES);
  if (!(await verifyBody(verifyKey, roomId, body, signature))) return { ok: false, error: 'signature' };
  return decrypt(key, roomId, 'down', body);
}

export type Received<T> = Parsed<T> | { ok: false; error: OpenError };

/** The presenter's side: decrypt a phone's frame and check it against the phone schemas. */
export async function openPhoneFrame(key: CryptoKey, roomId: string, frame: unknown): Promise<Received<PhoneMessage>> {
  const opened = await openFrame(key, roomId, 'up', frame);
  return opened.ok ? parsePhoneMessage(opened.value) : opened;
}

/** A phone's side: check the presenter's signature, decrypt, and check against the presenter schemas. */
export async function openHostFrame(
  key: CryptoKey,
  verifyKey: CryptoKey,
  roomId: string,
  frame: unknown,
): Promise<Received<HostMessage>> {
  const opened = await openSignedFrame(key, verifyKey, roomId, frame);
  return opened.ok ? parseHostMessage(opened.value) : opened;
}
