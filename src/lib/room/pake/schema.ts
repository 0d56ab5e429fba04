/**
 * The four messages of the code handshake, as they cross the relay (which may read, drop, replay
 * and forge them). Every field is base64url of a fixed or bounded number of bytes; every message
 * is checked here before any of its bytes reach the group or a MAC.
 */
import * as v from 'valibot';
import { PAKE_LIMITS } from '../limits.ts';
import { base64urlLength, isToken } from '../wire.ts';

export { PAKE_LIMITS };

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

/**
 * Presenter → phone, unauthenticated: too many handshakes are open at once, try again shortly with
 * a new one. A forged one only delays a phone, which whoever relays the messages could do anyway.
 */
export const BusySchema = v.strictObject({
  t: v.literal('code-busy'),
  v: Version,
  sid: Sid,
});

export type HelloMessage = v.InferOutput<typeof HelloSchema>;
export type ReplyMessage = v.InferOutput<typeof ReplySchema>;
export type ConfirmMessage = v.InferOutput<typeof ConfirmSchema>;
export type SecretsMessage = v.InferOutput<typeof SecretsSchema>;
export type BusyMessage = v.InferOutput<typeof BusySchema>;

/** What may cross the relay in each direction: phone → presenter ("up") and back ("down"). */
const Relayed = {
  up: v.variant('t', [HelloSchema, ConfirmSchema]),
  down: v.variant('t', [ReplySchema, SecretsSchema, BusySchema]),
};

/**
 * The relay's check on a handshake message (JSON text, bounded): the right kind for its direction
 * and well formed. It cannot tell a right code from a wrong one, and does not need to.
 */
export function isRelayable(direction: 'up' | 'down', message: unknown): message is string {
  return typeof message === 'string' && decodeMessage(Relayed[direction], message).ok;
}

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
