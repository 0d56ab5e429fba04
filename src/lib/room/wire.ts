/**
 * What the relay can see of a message: an opaque base64url string. These helpers are shared by
 * the relay (which checks the shape, never the content) and the clients (which encrypt into it).
 */
import { ROOM_LIMITS } from './limits.ts';

/** 12-byte AES-GCM IV = 16 base64url characters, at the start of every frame. */
export const IV_CHARS = 16;
/** IV (12 bytes) + the 16-byte GCM tag, the least a frame can hold: 28 bytes = 38 characters. */
export const FRAME_MIN_CHARS = 38;

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function bytesToBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes unpadded base64url; null for anything else (padding, other alphabets, a dangling character). */
export function base64urlToBytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (typeof text !== 'string' || !BASE64URL.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** Unpadded base64url length of n bytes. */
export function base64urlLength(bytes: number): number {
  return Math.ceil((bytes * 4) / 3);
}

/** A random base64url token of `bytes` random bytes (room ids, secrets, participant ids). */
export function randomToken(bytes: number): string {
  return bytesToBase64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** True for a token of exactly `bytes` bytes, in canonical unpadded base64url. */
export function isToken(value: unknown, bytes: number): value is string {
  return (
    typeof value === 'string' &&
    value.length === base64urlLength(bytes) &&
    BASE64URL.test(value) &&
    base64urlToBytes(value)?.length === bytes
  );
}

export function isRoomId(value: unknown): value is string {
  return isToken(value, ROOM_LIMITS.roomIdBytes);
}

/**
 * The relay's only check on content: a bounded base64url string long enough to hold an IV and a
 * tag. It cannot tell a real message from noise of that shape, and does not need to.
 */
export function isFrame(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= FRAME_MIN_CHARS &&
    value.length <= ROOM_LIMITS.frameMaxChars &&
    value.length % 4 !== 1 &&
    BASE64URL.test(value)
  );
}

/**
 * The IV part of a frame: the relay drops a frame whose IV it has seen in the room (a replay), so
 * it remembers thousands of IVs per room long after their frames are gone. The IV is built as a
 * string of its own on purpose, never `frame.slice(0, IV_CHARS)`: V8 makes a slice of 13 or more
 * characters a "sliced string" that points into its parent, so every remembered IV kept its whole
 * frame alive (up to 4 KB; 16 MB per room at the largest frames, issue #27). fromCharCode copies
 * the 16 characters and nothing else.
 */
export function frameIv(frame: string): string {
  const codes = new Array<number>(IV_CHARS);
  for (let i = 0; i < IV_CHARS; i++) codes[i] = frame.charCodeAt(i);
  return String.fromCharCode(...codes);
}

/** What the relay tells a phone about its room. */
export type RoomSignal = 'away' | 'back' | 'closed' | 'gone';

/** Why the relay refuses a request (the ack's `error`). */
export type Refusal = 'invalid' | 'unknown' | 'full' | 'closed' | 'taken' | 'limit' | 'denied' | 'busy';

export type Ack = { ok: true; host?: boolean } | { ok: false; error: Refusal };
export type AckFn = (reply: Ack) => void;

/**
 * The events a client sends to the relay (socket.io's ClientToServerEvents), as a client means
 * them. Tokens and hashes are base64url: `proof` = SHA-256 of the presenter's secret, `join` and
 * `grant`'s `proof` = SHA-256 of a join token (see crypto.ts joinToken), `token` = the join token.
 */
export interface ClientToServerEvents {
  create: (args: { room: string; proof: string; join?: string }, ack: AckFn) => void;
  host: (args: { room: string; secret: string }, ack: AckFn) => void;
  /** The presenter admits one more join token (a code joiner's, after its key exchange). */
  grant: (args: { proof: string }, ack: AckFn) => void;
  join: (args: { room: string; token?: string }, ack: AckFn) => void;
  up: (frame: string) => void;
  down: (frame: string, to?: string) => void;
  close: (args: Record<string, never>, ack: AckFn) => void;
  /**
   * The presenter opens its room's code channel under a nameplate (the code's public first two
   * characters), replacing the one it had; refused with "taken" when another room holds it.
   */
  'code-open': (args: { nameplate: string }, ack: AckFn) => void;
  /** The presenter closes its code channel (the code is retired). */
  'code-close': (args: Record<string, never>, ack: AckFn) => void;
  /** A phone's handshake message (JSON text) for the presenter behind `nameplate`; "unknown" when none is. */
  'code-up': (args: { nameplate: string; message: string }, ack: AckFn) => void;
  /** The presenter's handshake message for the phone on socket `peer`. */
  'code-down': (peer: string, message: string) => void;
}

/** The events the relay sends (socket.io's ServerToClientEvents). */
export interface ServerToClientEvents {
  /** To the presenter: a phone's frame; peer = the phone's socket id. */
  up: (peer: string, frame: string) => void;
  /** To the presenter: a phone came or went. */
  peer: (peer: string, present: boolean) => void;
  /** To phones. */
  down: (frame: string) => void;
  room: (state: RoomSignal) => void;
  /** To the presenter: a phone's handshake message; peer = the phone's socket id. */
  'code-up': (peer: string, message: string) => void;
  /** To a phone: the presenter's handshake message. */
  'code-down': (message: string) => void;
}

/**
 * The same events as the receiving end must take them: each side may be hostile to the other (a
 * script instead of a phone, a relay that lies), so every argument is unknown until checked.
 */
export type Untrusted<E> = { [K in keyof E]: (...args: unknown[]) => void };
