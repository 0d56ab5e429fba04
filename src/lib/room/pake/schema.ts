/**
 * The four messages of the code handshake, as they cross the relay (which may read, drop, replay
 * and forge them). Every field is base64url of a fixed or bounded number of bytes; every message
 * is checked here before any of its bytes reach the group or a MAC.
 *
 * These limits belong with the room's (src/lib/room/limits.ts) once the relay forwards them.
 */
import * as v from 'valibot';
import { base64urlLength, isToken } from '../wire.ts';

export const PAKE_LIMITS = {
  /** Protocol version inside every handshake message. */
  version: 1,
  /** Random bytes in the phone's session id. */
  sidBytes: 16,
  /** An encoded ristretto255 element. */
  pointBytes: 32,
  /** HMAC-SHA-512 confirmation tags. */
  tagBytes: 64,
  /** The join proof the presenter hands over (opaque here). */
  joinProofMaxBytes: 256,
  /** The room key (AES-256). */
  roomKeyBytes: 32,
  /** A handshake message as JSON text, when it arrives as a string. */
  messageMaxChars: 1024,
} as const;

/** IV (12) + sealed lv_cat(roomId, roomKey, joinProof) + GCM tag (16), at most. */
const BOX_MAX_BYTES = 12 + (1 + 22) + (1 + PAKE_LIMITS.roomKeyBytes) + (2 + PAKE_LIMITS.joinProofMaxBytes) + 16;
const BOX_MIN_BYTES = 12 + 1 + 1 + 1 + 16;

const token = (bytes: number) =>
  v.pipe(
    v.string(),
    v.maxLength(base64urlLength(bytes)),
    v.check((s) => isToken(s, bytes), 'not base64url of the right length'),
  );

const Version = v.literal(PAKE_LIMITS.version);
const Sid = token(PAKE_LIMITS.sidBytes);

const Box = v.pipe(
  v.string(),
  v.maxLength(base64urlLength(BOX_MAX_BYTES)),
  v.minLength(base64urlLength(BOX_MIN_BYTES)),
  v.regex(/^[A-Za-z0-9_-]+$/, 'not base64url'),
);

/** Phone → presenter: CPace's Ya, under a fresh session id. */
export const HelloSchema = v.strictObject({
  t: v.literal('code-hello'),
  v: Version,
  sid: Sid,
  ya: token(PAKE_LIMITS.pointBytes),
});

/** Presenter → phone: CPace's Yb and the presenter's confirmation tag. */
export const ReplySchema = v.strictObject({
  t: v.literal('code-reply'),
  v: Version,
  sid: Sid,
  yb: token(PAKE_LIMITS.pointBytes),
  tag: token(PAKE_LIMITS.tagBytes),
});

/** Phone → presenter: the phone's confirmation tag. */
export const ConfirmSchema = v.strictObject({
  t: v.literal('code-confirm'),
  v: Version,
  sid: Sid,
  tag: token(PAKE_LIMITS.tagBytes),
});

/** Presenter → phone: the room's secrets, AES-256-GCM under a key only the two ends hold. */
export const SecretsSchema = v.strictObject({
  t: v.literal('code-secrets'),
  v: Version,
  sid: Sid,
  box: Box,
});

export type HelloMessage = v.InferOutput<typeof HelloSchema>;
export type ReplyMessage = v.InferOutput<typeof ReplySchema>;
export type ConfirmMessage = v.InferOutput<typeof ConfirmSchema>;
export type SecretsMessage = v.InferOutput<typeof SecretsSchema>;

export type DecodeError = 'oversized' | 'malformed';

/**
 * Reads a message that arrived as an object or as JSON text: bounded first, then the schema.
 * A field too long is "oversized", anything else that does not fit is "malformed".
 */
export function decodeMessage<S extends v.GenericSchema>(
  schema: S,
  message: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; error: DecodeError } {
  let value = message;
  if (typeof message === 'string') {
    if (message.length > PAKE_LIMITS.messageMaxChars) return { ok: false, error: 'oversized' };
    try {
      value = JSON.parse(message);
    } catch {
      return { ok: false, error: 'malformed' };
    }
  }
  const parsed = v.safeParse(schema, value);
  if (parsed.success) return { ok: true, value: parsed.output };
  const oversized = parsed.issues.some((issue) => issue.type === 'max_length');
  return { ok: false, error: oversized ? 'oversized' : 'malformed' };
}
