/**
 * Joining a room by typed code: CPace between a phone and the presenter, through a relay that
 * may read, drop, replay and forge every message. Load this module only when someone types a
 * code (dynamic import); nothing else in the site imports it. Design and numbers: docs/room-code.md.
 *
 *   phone                                   relay                        presenter
 *   join = startCodeJoin(code)                                           host = createCodeHost({ code, secrets })
 *   send(code.nameplate, join.hello)  ──── code-hello {sid, ya} ───────▶ host.onHello(msg)      → reply
 *   join.onReply(msg)       → confirm ◀─── code-reply {sid, yb, tag} ─── (phone checks the presenter's tag)
 *   send(confirm)           ───────────── code-confirm {sid, tag} ─────▶ host.onConfirm(msg)    → secrets
 *   join.onSecrets(msg)     → { roomId, roomKey, joinProof } ◀── code-secrets {sid, box} ────────
 *
 * - The nameplate (public) only routes; the password (6 characters) is CPace's PRS and never
 *   leaves the device. CI binds the run to the protocol, the nameplate and both roles; the sid is
 *   16 fresh random bytes from the phone (draft §4.1, §10.9).
 * - Keys from ISK, HKDF-SHA-512 (salt = sid) with one label per purpose and direction: the phone's
 *   and the presenter's confirmation keys (HMAC-SHA-512 over the sender's lv_cat(Y, AD), draft
 *   §10.4) and the AES-256-GCM key that seals the secrets, presenter → phone only.
 * - The presenter sends the secrets only after the phone's tag checks out; a wrong code fails at
 *   confirmation on both sides. Attempts are bounded by the AttemptLimiter (limiter.ts).
 * - Every method takes `unknown` (an object or JSON text) and returns a Result with a typed
 *   error; none throws on what arrives. A message for another sid ("sid") or one that does not
 *   parse leaves the phone's handshake waiting; any other error ends it: start a new one.
 */
import { equalBytes } from '@noble/curves/utils.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64urlToBytes, bytesToBase64url, isRoomId } from '../wire.ts';
import type { RoomCode } from './code.ts';
import {
  calculateGenerator,
  intermediateSessionKey,
  lvCat,
  sampleScalar,
  scalarMult,
  scalarMultVfy,
  transcriptIr,
} from './cpace.ts';
import { AttemptLimiter, type LimiterOptions, type LimiterStatus } from './limiter.ts';
import {
  type ConfirmMessage,
  ConfirmSchema,
  type DecodeError,
  decodeMessage,
  type HelloMessage,
  HelloSchema,
  PAKE_LIMITS,
  type ReplyMessage,
  ReplySchema,
  type SecretsMessage,
  SecretsSchema,
} from './schema.ts';

export type { ConfirmMessage, HelloMessage, ReplyMessage, SecretsMessage } from './schema.ts';

/** What the presenter hands to a phone that knew the code. */
export interface RoomSecrets {
  /** The room id for the `#room=` link (16 bytes, base64url). */
  roomId: string;
  /** The room's AES-256 key, raw (32 bytes); `bytesToBase64url` gives the link's form. */
  roomKey: Uint8Array;
  /** The relay admission proof, opaque here (at most 256 bytes). */
  joinProof: Uint8Array;
}

export type HandshakeError =
  | DecodeError
  /** The peer's point is not a ristretto255 element, or the exchange gave the identity. */
  | 'point'
  /** A confirmation tag did not match: the wrong code, or a tampered or replayed message. */
  | 'confirm'
  /** The message belongs to another handshake (its sid is not this one's). */
  | 'sid'
  /** The presenter holds no open handshake for this sid (unknown, finished or timed out). */
  | 'unknown'
  /** The sealed secrets did not open, or opened to something that is not room secrets. */
  | 'decrypt'
  /** A session id already used with this code. */
  | 'replay'
  /** Too many handshakes open at once; try again shortly. */
  | 'busy'
  /** The code was retired (too many failures, too old); the presenter shows a new one. */
  | 'retired'
  /** A method called out of order (e.g. after the handshake failed). */
  | 'state';

export type Result<T> = { ok: true; value: T } | { ok: false; error: HandshakeError };

const VERSION = PAKE_LIMITS.version;
const LABEL = `kjk-room-code/${VERSION}`;
const AD_PHONE = new Uint8Array();
const AD_PRESENTER = new Uint8Array();
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** CI (draft §10.1.1): the protocol, the nameplate and both roles, initiator first. */
function channelId(nameplate: string): Uint8Array {
  return lvCat(utf8ToBytes(LABEL), utf8ToBytes(nameplate), utf8ToBytes('A_phone'), utf8ToBytes('B_presenter'));
}

interface Keys {
  phoneTag: Uint8Array;
  presenterTag: Uint8Array;
  seal: Uint8Array;
}

function deriveKeys(isk: Uint8Array, sid: Uint8Array, ya: Uint8Array, yb: Uint8Array): Keys {
  const key = (purpose: string, length: number) => hkdf(sha512, isk, sid, utf8ToBytes(`${LABEL} ${purpose}`), length);
  const phoneKey = key('confirm phone->presenter', 64);
  const presenterKey = key('confirm presenter->phone', 64);
  return {
    phoneTag: hmac(sha512, phoneKey, lvCat(ya, AD_PHONE)),
    presenterTag: hmac(sha512, presenterKey, lvCat(yb, AD_PRESENTER)),
    seal: key('seal presenter->phone', 32),
  };
}

/** Both sides: K from the own scalar and the peer's point (null: abort), then ISK and the keys. */
function sessionKeys(sid: Uint8Array, own: bigint, peer: Uint8Array, ya: Uint8Array, yb: Uint8Array): Keys | null {
  const k = scalarMultVfy(own, peer);
  if (!k) return null;
  return deriveKeys(intermediateSessionKey(sid, k, transcriptIr(ya, AD_PHONE, yb, AD_PRESENTER)), sid, ya, yb);
}

function generator(code: RoomCode, sid: Uint8Array) {
  return calculateGenerator(utf8ToBytes(code.password), channelId(code.nameplate), sid);
}

async function aesKey(raw: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', Uint8Array.from(raw), 'AES-GCM', false, [usage]);
}

function sealAd(sid: Uint8Array): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(lvCat(utf8ToBytes(`${LABEL} secrets`), sid));
}

async function seal(key: Uint8Array, sid: Uint8Array, secrets: RoomSecrets): Promise<string> {
  const plain = lvCat(encoder.encode(secrets.roomId), secrets.roomKey, secrets.joinProof);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: sealAd(sid) },
    await aesKey(key, 'encrypt'),
    Uint8Array.from(plain),
  );
  return bytesToBase64url(concatBytes(iv, new Uint8Array(ct)));
}

async function open(key: Uint8Array, sid: Uint8Array, box: string): Promise<RoomSecrets | null> {
  const bytes = base64urlToBytes(box);
  if (!bytes || bytes.length < 28) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData: sealAd(sid) },
      await aesKey(key, 'decrypt'),
      bytes.subarray(12),
    );
    const [roomId, roomKey, joinProof] = lvSplit(new Uint8Array(plain), 3) ?? [];
    if (!roomId || !roomKey || !joinProof) return null;
    const id = decoder.decode(roomId);
    if (!isRoomId(id) || roomKey.length !== PAKE_LIMITS.roomKeyBytes) return null;
    if (joinProof.length > PAKE_LIMITS.joinProofMaxBytes) return null;
    return { roomId: id, roomKey, joinProof };
  } catch {
    return null;
  }
}

/** The inverse of lv_cat for exactly `count` parts; null unless the bytes are exactly that. */
export function lvSplit(bytes: Uint8Array, count: number): Uint8Array[] | null {
  const parts: Uint8Array[] = [];
  let at = 0;
  while (parts.length < count) {
    let length = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      if (byte === undefined || shift > 21) return null;
      length |= (byte & 0x7f) << shift;
      shift += 7;
      if (byte < 0x80) break;
    }
    if (at + length > bytes.length) return null;
    parts.push(bytes.subarray(at, at + length));
    at += length;
  }
  return at === bytes.length ? parts : null;
}

const b64 = bytesToBase64url;
const bytes = (text: string) => base64urlToBytes(text) ?? new Uint8Array();
const fail = (error: HandshakeError): { ok: false; error: HandshakeError } => ({ ok: false, error });

export interface CodeJoin {
  /** The first message, to send to the presenter behind `code.nameplate`. */
  readonly hello: HelloMessage;
  /** Checks the presenter's reply; gives the confirmation to send back. */
  onReply(message: unknown): Result<ConfirmMessage>;
  /** Opens the secrets the presenter sent after checking the phone's confirmation. */
  onSecrets(message: unknown): Promise<Result<RoomSecrets>>;
}

/** The phone's side (CPace initiator A): one handshake per typed code and attempt. */
export function startCodeJoin(code: RoomCode): CodeJoin {
  const sid = crypto.getRandomValues(new Uint8Array(PAKE_LIMITS.sidBytes));
  const y = sampleScalar();
  const ya = scalarMult(y, generator(code, sid));
  const hello: HelloMessage = { t: 'code-hello', v: VERSION, sid: b64(sid), ya: b64(ya) };
  let state: 'sent' | 'confirmed' | 'done' = 'sent';
  let keys: Keys | null = null;
  return {
    hello,
    onReply(message) {
      if (state !== 'sent') return fail('state');
      const m = decodeMessage(ReplySchema, message);
      if (!m.ok) return m;
      if (m.value.sid !== hello.sid) return fail('sid');
      state = 'done';
      const yb = bytes(m.value.yb);
      const k = sessionKeys(sid, y, yb, ya, yb);
      if (!k) return fail('point');
      if (!equalBytes(k.presenterTag, bytes(m.value.tag))) return fail('confirm');
      keys = k;
      state = 'confirmed';
      return { ok: true, value: { t: 'code-confirm', v: VERSION, sid: hello.sid, tag: b64(k.phoneTag) } };
    },
    async onSecrets(message) {
      if (state !== 'confirmed' || !keys) return fail('state');
      const m = decodeMessage(SecretsSchema, message);
      if (!m.ok) return m;
      if (m.value.sid !== hello.sid) return fail('sid');
      state = 'done';
      const secrets = await open(keys.seal, sid, m.value.box);
      return secrets ? { ok: true, value: secrets } : fail('decrypt');
    },
  };
}

export interface CodeHostOptions {
  /** The code on the big screen (its nameplate registered with the relay). */
  code: RoomCode;
  /** What a phone gets after a confirmed handshake. */
  secrets: RoomSecrets;
  /** Attempt limits (defaults in limiter.ts). */
  limits?: Partial<LimiterOptions>;
  /** The clock, injectable for tests. */
  now?: () => number;
  /**
   * A join proof of its own for each confirmed phone (e.g. a token the presenter registers with
   * the relay first), instead of `secrets.joinProof`. A rejection ends that attempt as "busy".
   */
  joinProof?: () => Promise<Uint8Array>;
}

export interface CodeHost {
  readonly code: RoomCode;
  /** Answers a phone's hello with Yb and the presenter's tag. */
  onHello(message: unknown): Result<ReplyMessage>;
  /** Checks the phone's tag; only then seals the room's secrets for it. */
  onConfirm(message: unknown): Promise<Result<SecretsMessage>>;
  /** "retired" means: show a new code (and a new host for it). */
  status(): LimiterStatus;
}

/** The presenter's side (CPace responder B) for one code: many phones, attempts bounded. */
export function createCodeHost(options: CodeHostOptions): CodeHost {
  const { code, secrets } = options;
  if (!isRoomId(secrets.roomId) || secrets.roomKey.length !== PAKE_LIMITS.roomKeyBytes) {
    throw new Error('not room secrets');
  }
  if (secrets.joinProof.length > PAKE_LIMITS.joinProofMaxBytes) throw new Error('join proof too long');
  const limiter = new AttemptLimiter(options.now ?? Date.now, options.limits);
  // Keys of the open attempts only; the limiter bounds how many and times them out.
  const attempts = new Map<string, Keys>();
  const forgetClosed = () => {
    for (const sid of attempts.keys()) if (!limiter.isPending(sid)) attempts.delete(sid);
  };
  return {
    code,
    onHello(message) {
      const m = decodeMessage(HelloSchema, message);
      if (!m.ok) return m;
      forgetClosed();
      const begun = limiter.begin(m.value.sid);
      if (!begun.ok) return fail(begun.error);
      const sid = bytes(m.value.sid);
      const ya = bytes(m.value.ya);
      const y = sampleScalar();
      const yb = scalarMult(y, generator(code, sid));
      const k = sessionKeys(sid, y, ya, ya, yb);
      if (!k) {
        limiter.fail(m.value.sid);
        return fail('point');
      }
      attempts.set(m.value.sid, k);
      return {
        ok: true,
        value: { t: 'code-reply', v: VERSION, sid: m.value.sid, yb: b64(yb), tag: b64(k.presenterTag) },
      };
    },
    async onConfirm(message) {
      const m = decodeMessage(ConfirmSchema, message);
      if (!m.ok) return m;
      forgetClosed();
      const k = attempts.get(m.value.sid);
      if (!k) return fail('unknown');
      attempts.delete(m.value.sid);
      if (!equalBytes(k.phoneTag, bytes(m.value.tag))) {
        limiter.fail(m.value.sid);
        return fail('confirm');
      }
      if (!limiter.succeed(m.value.sid)) return fail('unknown');
      let joinProof = secrets.joinProof;
      if (options.joinProof) {
        try {
          joinProof = await options.joinProof();
        } catch {
          return fail('busy');
        }
        if (joinProof.length > PAKE_LIMITS.joinProofMaxBytes) return fail('busy');
      }
      const box = await seal(k.seal, bytes(m.value.sid), { ...secrets, joinProof });
      return { ok: true, value: { t: 'code-secrets', v: VERSION, sid: m.value.sid, box } };
    },
    status: () => limiter.status(),
  };
}
