/**
 * End-to-end encryption of room messages: AES-GCM 256 with WebCrypto (browsers and Node 24's
 * globalThis.crypto alike). The key is made by the presenter and travels only in the link's
 * #fragment, which browsers never send to a server; the relay sees frames, never content.
 *
 * A frame is base64url(IV ‖ ciphertext ‖ tag) with a fresh random 12-byte IV per message. The
 * room id and the direction are bound in as additional data, so a frame cannot be moved to
 * another room, or a phone's frame passed off as the presenter's.
 */
import { ROOM_LIMITS } from './limits.ts';
import { type HostMessage, type Parsed, type PhoneMessage, parseHostMessage, parsePhoneMessage } from './schema.ts';
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

/** Encrypts one message into a frame. Throws when the frame would exceed the relay's cap. */
export async function sealFrame(
  key: CryptoKey,
  roomId: string,
  direction: Direction,
  message: unknown,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = encoder.encode(JSON.stringify(message));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(roomId, direction) }, key, plain),
  );
  const frame = new Uint8Array(IV_BYTES + sealed.length);
  frame.set(iv);
  frame.set(sealed, IV_BYTES);
  const text = bytesToBase64url(frame);
  if (text.length > ROOM_LIMITS.frameMaxChars)
    throw new Error(`message too large for the relay (${text.length} > ${ROOM_LIMITS.frameMaxChars})`);
  return text;
}

export type Opened = { ok: true; value: unknown } | { ok: false; error: 'shape' | 'decrypt' | 'json' };

/** Decrypts a frame into untrusted JSON. Tampered, foreign-room or wrong-direction frames fail as "decrypt". */
export async function openFrame(key: CryptoKey, roomId: string, direction: Direction, frame: unknown): Promise<Opened> {
  if (!isFrame(frame)) return { ok: false, error: 'shape' };
  const bytes = base64urlToBytes(frame);
  if (!bytes || bytes.length < IV_BYTES + 16) return { ok: false, error: 'shape' };
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: additionalData(roomId, direction) },
      key,
      bytes.subarray(IV_BYTES),
    );
  } catch {
    return { ok: false, error: 'decrypt' };
  }
  try {
    return { ok: true, value: JSON.parse(decoder.decode(plain)) as unknown };
  } catch {
    return { ok: false, error: 'json' };
  }
}

export type Received<T> = Parsed<T> | { ok: false; error: 'shape' | 'decrypt' | 'json' };

/** The presenter's side: decrypt a phone's frame and check it against the phone schemas. */
export async function openPhoneFrame(key: CryptoKey, roomId: string, frame: unknown): Promise<Received<PhoneMessage>> {
  const opened = await openFrame(key, roomId, 'up', frame);
  return opened.ok ? parsePhoneMessage(opened.value) : opened;
}

/** A phone's side: decrypt the presenter's frame and check it against the presenter schemas. */
export async function openHostFrame(key: CryptoKey, roomId: string, frame: unknown): Promise<Received<HostMessage>> {
  const opened = await openFrame(key, roomId, 'down', frame);
  return opened.ok ? parseHostMessage(opened.value) : opened;
}
