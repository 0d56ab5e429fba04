/**
 * The co-facilitator's permission: the presenter hands moderation to a second device (a co-trainer's
 * phone) with a link whose fragment holds the room link plus a random moderation key. From that key
 * (HKDF, salted with the room id) come a key id, an HMAC key that authenticates the device's
 * commands, and an AES-GCM key that seals the answer queue the presenter sends to that device only.
 * Ordinary phones hold the room key, never the moderation key: they can neither read the queue
 * (hidden answers included) nor make a command the presenter accepts.
 *
 * Pure apart from WebCrypto: the checks the presenter runs on every command are here (`checkCommand`),
 * with their bounds; the socket wiring is in cofac-host.ts and cofac-client.ts.
 */
import * as v from 'valibot';
import { type Answer, type AnswersEvent, type AnswersState, answersTo, currentQuestion } from './answers.ts';
import { AnswerTextSchema, QuestionTextSchema } from './answers-schema.ts';
import { formatRoomFragment, parseRoomFragment, type RoomLink } from './fragment.ts';
import { ROOM_LIMITS } from './limits.ts';
import { base64urlLength, base64urlToBytes, bytesToBase64url, isToken, randomToken } from './wire.ts';

export const COFAC_LIMITS = {
  /** Random bytes of a moderation key (one per hand-over). */
  keyBytes: 32,
  /** Bytes of the key id the commands name (derived: it tells nothing of the key). */
  kidBytes: 8,
  /** Bytes of a command's HMAC-SHA-256. */
  macBytes: 32,
  /** Answers in one queue message at most (the newest). */
  queueMax: 40,
  /** UTF-8 bytes of a queue's JSON: sealed twice and signed it stays within the relay's frame cap. */
  queueBytes: 3400,
  /** Withdrawn hand-overs the presenter remembers, to tell an old device it lost the permission. */
  withdrawnKept: 4,
} as const;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const LABEL = `kjk-room/${ROOM_LIMITS.version}/cofac`;
const IV_BYTES = 12;

/** The co-facilitator's link: the room link and the moderation key, in the fragment only. */
export interface CoFacLink extends RoomLink {
  /** The moderation key (32 random bytes, base64url). */
  mod: string;
}

export function newModerationKey(): string {
  return randomToken(COFAC_LIMITS.keyBytes);
}

/** `#mod=<room>,<key>,<pub>,<moderation key>`: never a path or a query, which a server would see. */
export function formatCoFacFragment(link: CoFacLink): string {
  if (!isToken(link.mod, COFAC_LIMITS.keyBytes)) throw new Error('not a moderation key');
  return `#mod=${formatRoomFragment(link).slice('#room='.length)},${link.mod}`;
}

export type ParsedCoFacLink = ({ ok: true } & CoFacLink) | { ok: false; error: 'missing' | 'link' | 'mod' };

export function parseCoFacFragment(hash: string): ParsedCoFacLink {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > 400) return { ok: false, error: 'missing' };
  const part = text.split('&').find((p) => p.startsWith('mod='));
  if (!part) return { ok: false, error: 'missing' };
  const fields = part.slice('mod='.length).split(',');
  if (fields.length !== 4) return { ok: false, error: 'link' };
  const mod = fields.pop() as string;
  const room = parseRoomFragment(`room=${fields.join(',')}`);
  if (!room.ok) return { ok: false, error: 'link' };
  if (!isToken(mod, COFAC_LIMITS.keyBytes)) return { ok: false, error: 'mod' };
  return { ok: true, room: room.room, key: room.key, pub: room.pub, mod };
}

/** What one moderation key gives, for one room. */
export interface CoFacKeys {
  /** Names the hand-over in commands and queue messages (not secret, not the key). */
  kid: string;
  /** HMAC-SHA-256: the device's commands. */
  mac: CryptoKey;
  /** AES-256-GCM: the presenter's queue and notices to the device. */
  box: CryptoKey;
}

/** HKDF-SHA-256 from the moderation key, salted with the room id: a key per purpose, none the key itself. */
export async function deriveCoFacKeys(mod: string, room: string): Promise<CoFacKeys> {
  const raw = isToken(mod, COFAC_LIMITS.keyBytes) ? base64urlToBytes(mod) : null;
  if (!raw) throw new Error('not a moderation key');
  const base = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveBits', 'deriveKey']);
  const params = (purpose: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: encoder.encode(room),
    info: encoder.encode(`${LABEL}/${purpose}`),
  });
  const kid = await crypto.subtle.deriveBits(params('kid'), base, COFAC_LIMITS.kidBytes * 8);
  const mac = await crypto.subtle.deriveKey(
    params('mac'),
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign', 'verify'],
  );
  const box = await crypto.subtle.deriveKey(params('box'), base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  return { kid: bytesToBase64url(new Uint8Array(kid)), mac, box };
}

/** What the device may ask: say it is here, or show, hide or highlight one answer. */
export type CoFacVerb = 'hello' | 'show' | 'hide' | 'highlight';

const Seq = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
const b64 = (bytes: number) =>
  v.pipe(v.string(), v.length(base64urlLength(bytes)), v.regex(/^[A-Za-z0-9_-]+$/, 'not base64url'));

/** Device → presenter, inside an ordinary "up" frame: one authenticated command. */
export const CoFacCommandSchema = v.pipe(
  v.strictObject({
    t: v.literal('mod'),
    v: v.literal(ROOM_LIMITS.version),
    kid: b64(COFAC_LIMITS.kidBytes),
    /** The device's counter: a command at or below the last one accepted is a replay. */
    n: Seq,
    c: v.picklist(['hello', 'show', 'hide', 'highlight']),
    id: v.optional(Seq),
    mac: b64(COFAC_LIMITS.macBytes),
  }),
  v.check((m) => (m.c === 'hello') === (m.id === undefined), 'an answer id with show, hide and highlight only'),
);
export type CoFacCommand = v.InferOutput<typeof CoFacCommandSchema>;
export type UnsignedCommand = Omit<CoFacCommand, 'mac' | 't' | 'v' | 'kid'>;

/** Everything the MAC covers: the room, the hand-over, the counter, the verb and the answer. */
function macData(room: string, kid: string, c: UnsignedCommand): Uint8Array<ArrayBuffer> {
  return encoder.encode(`${LABEL}|${room}|${kid}|${c.n}|${c.c}|${c.id ?? ''}`);
}

export async function signCommand(keys: CoFacKeys, room: string, command: UnsignedCommand): Promise<CoFacCommand> {
  const mac = await crypto.subtle.sign('HMAC', keys.mac, macData(room, keys.kid, command));
  const out: CoFacCommand = {
    t: 'mod',
    v: ROOM_LIMITS.version,
    kid: keys.kid,
    n: command.n,
    c: command.c,
    mac: bytesToBase64url(new Uint8Array(mac)),
  };
  if (command.id !== undefined) out.id = command.id;
  return out;
}

/** WebCrypto's verify compares in constant time. */
export async function verifyCommand(keys: CoFacKeys, room: string, command: CoFacCommand): Promise<boolean> {
  const mac = base64urlToBytes(command.mac);
  if (!mac || command.kid !== keys.kid) return false;
  return crypto.subtle.verify('HMAC', keys.mac, mac, macData(room, keys.kid, command));
}

/** One hand-over as the presenter keeps it. */
export interface Grant {
  keys: CoFacKeys;
  /** The socket of the device that said hello last; only its commands count. */
  peer: string | null;
  /** The highest counter accepted under this hand-over. */
  last: number;
}

export interface CoFacHostState {
  current: Grant | null;
  /** Hand-overs that were replaced or withdrawn, newest first: their commands only learn that. */
  withdrawn: Grant[];
}

export const NO_COFAC: CoFacHostState = { current: null, withdrawn: [] };

export type Verdict =
  /** Apply this through the moderation reducer, as a presenter's own click. */
  | { kind: 'apply'; event: AnswersEvent; state: CoFacHostState }
  /** The device is here: it gets the queue; `replaced` was the device before it. */
  | { kind: 'hello'; peer: string; state: CoFacHostState; replaced: string | null }
  /** A command under a hand-over that was withdrawn: that device is told so. */
  | { kind: 'withdrawn'; grant: Grant }
  | { kind: 'drop'; reason: 'shape' | 'key' | 'mac' | 'replay' | 'peer' | 'answer' };

/** The presenter's side of a new hand-over: the old one is withdrawn (its device is told by the caller). */
export function handOver(state: CoFacHostState, keys: CoFacKeys): CoFacHostState {
  return { current: { keys, peer: null, last: 0 }, withdrawn: withdrawnList(state) };
}

/** The permission taken back: no command counts any more until a new hand-over. */
export function withdraw(state: CoFacHostState): CoFacHostState {
  return state.current ? { current: null, withdrawn: withdrawnList(state) } : state;
}

function withdrawnList(state: CoFacHostState): Grant[] {
  return (state.current ? [state.current, ...state.withdrawn] : state.withdrawn).slice(0, COFAC_LIMITS.withdrawnKept);
}

/** An answer the device may act on: one of the current question's, as the presenter's panel lists them. */
function knownAnswer(answers: AnswersState, id: number): Answer | undefined {
  const q = currentQuestion(answers);
  return q ? answersTo(answers, q.id).find((a) => a.id === id) : undefined;
}

/**
 * The presenter's check of one decrypted "up" message from socket `peer`: its shape, the hand-over
 * it names, its MAC, its counter (no replays), its sender (the device that said hello) and that
 * the answer exists. Anything else is dropped; nothing here changes before the MAC was checked.
 */
export async function checkCommand(
  state: CoFacHostState,
  room: string,
  peer: string,
  input: unknown,
  answers: AnswersState,
): Promise<Verdict> {
  const parsed = v.safeParse(CoFacCommandSchema, input);
  if (!parsed.success) return { kind: 'drop', reason: 'shape' };
  const command = parsed.output;
  const grant =
    state.current?.keys.kid === command.kid ? state.current : state.withdrawn.find((g) => g.keys.kid === command.kid);
  if (!grant) return { kind: 'drop', reason: 'key' };
  if (!(await verifyCommand(grant.keys, room, command))) return { kind: 'drop', reason: 'mac' };
  if (grant !== state.current) return { kind: 'withdrawn', grant };
  if (command.n <= grant.last) return { kind: 'drop', reason: 'replay' };
  if (command.c === 'hello') {
    const replaced = grant.peer !== null && grant.peer !== peer ? grant.peer : null;
    return { kind: 'hello', peer, replaced, state: { ...state, current: { ...grant, peer, last: command.n } } };
  }
  // Only one device at a time: the one that said hello last.
  if (grant.peer !== peer) return { kind: 'drop', reason: 'peer' };
  const id = command.id as number;
  if (!knownAnswer(answers, id)) return { kind: 'drop', reason: 'answer' };
  const next = { ...state, current: { ...grant, last: command.n } };
  const event: AnswersEvent = command.c === 'highlight' ? { type: 'highlight', id } : { type: command.c, id };
  return { kind: 'apply', event, state: next };
}

const QueueAnswerSchema = v.strictObject({
  id: Seq,
  text: AnswerTextSchema,
  shown: v.boolean(),
  hi: v.optional(v.literal(true)),
});

/** Presenter → device, sealed under the box key: the queue, or that the permission ended. */
export const CoFacNoticeSchema = v.variant('k', [
  v.strictObject({
    k: v.literal('queue'),
    n: Seq,
    question: v.nullable(QuestionTextSchema),
    open: v.boolean(),
    answers: v.pipe(v.array(QueueAnswerSchema), v.maxLength(COFAC_LIMITS.queueMax)),
    /** Answers to the question in all (the list holds the newest that fit). */
    total: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
    /** Answers never shown yet. */
    fresh: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  }),
  /** The presenter took the permission back. */
  v.strictObject({ k: v.literal('withdrawn'), n: Seq }),
  /** Another device said hello with the same link: it moderates now. */
  v.strictObject({ k: v.literal('replaced'), n: Seq }),
]);
export type CoFacNotice = v.InferOutput<typeof CoFacNoticeSchema>;
export type QueueNotice = Extract<CoFacNotice, { k: 'queue' }>;

/** The queue for the device: the current question and its newest answers that fit the bounds. */
export function queueNotice(answers: AnswersState, n: number): QueueNotice {
  const q = currentQuestion(answers);
  const all = q ? answersTo(answers, q.id) : [];
  const list = all
    .slice(-COFAC_LIMITS.queueMax)
    .map(({ id, text, shown }) =>
      id === answers.highlight ? { id, text, shown, hi: true as const } : { id, text, shown },
    );
  const notice: QueueNotice = {
    k: 'queue',
    n,
    question: q?.text ?? null,
    open: answers.current?.open === true,
    answers: list,
    total: all.length,
    fresh: all.filter((a) => !a.seen).length,
  };
  while (notice.answers.length && encoder.encode(JSON.stringify(notice)).length > COFAC_LIMITS.queueBytes)
    notice.answers.shift();
  return notice;
}

/** The down message that carries a sealed notice; inside the presenter's signed room frame. */
export const CoFacDownSchema = v.strictObject({
  t: v.literal('mod'),
  v: v.literal(ROOM_LIMITS.version),
  kid: b64(COFAC_LIMITS.kidBytes),
  box: v.pipe(v.string(), v.maxLength(ROOM_LIMITS.frameMaxChars), v.regex(/^[A-Za-z0-9_-]+$/, 'not base64url')),
});
export type CoFacDown = v.InferOutput<typeof CoFacDownSchema>;

const boxData = (room: string, kid: string) => encoder.encode(`${LABEL}|${room}|${kid}|down`);

export async function sealNotice(keys: CoFacKeys, room: string, notice: CoFacNotice): Promise<CoFacDown> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: boxData(room, keys.kid) },
      keys.box,
      encoder.encode(JSON.stringify(notice)),
    ),
  );
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return { t: 'mod', v: ROOM_LIMITS.version, kid: keys.kid, box: bytesToBase64url(out) };
}

/** The device's side: a notice under its own hand-over, checked; null for anything else. */
export async function openNotice(keys: CoFacKeys, room: string, input: unknown): Promise<CoFacNotice | null> {
  const down = v.safeParse(CoFacDownSchema, input);
  if (!down.success || down.output.kid !== keys.kid) return null;
  const bytes = base64urlToBytes(down.output.box);
  if (!bytes || bytes.length < IV_BYTES + 16) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: boxData(room, keys.kid) },
      keys.box,
      bytes.subarray(IV_BYTES),
    );
    const notice = v.safeParse(CoFacNoticeSchema, JSON.parse(decoder.decode(plain)));
    return notice.success ? notice.output : null;
  } catch {
    return null;
  }
}
