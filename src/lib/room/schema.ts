/**
 * The room's messages, as they are inside the encryption. Only card ids, positions, optional
 * display names and counts travel: never a note, an action or a session title. Every decrypted
 * payload goes through these schemas before use; a phone holds the room key, so a hostile phone
 * can send anything that decrypts, and these are what stops it.
 * Answers from the room add free text: a phone's answer goes up, and only the texts the
 * presenter shows come down (answers.ts, answers-schema.ts), without ids or names.
 */
import * as v from 'valibot';
import { POSITION_MAX, POSITION_MIN, ROOM_LIMITS } from './limits.ts';
import { base64urlLength } from './wire.ts';
import {
  AnswerTextSchema,
  ANSWER_LIMITS,
  QuestionIdSchema,
  QuestionTextSchema,
  ShownAnswerSchema,
} from './answers-schema.ts';

// Control characters, bidi overrides and line breaks would let a name spoof the layout of the big screen.
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

/** A card's id: its file name in content/cards, e.g. "eigen-kracht-of-veiligheid". */
export const CardIdSchema = v.pipe(
  v.string(),
  v.maxLength(ROOM_LIMITS.cardIdMaxChars),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a card id'),
);

/** A phone's anonymous id, made once per tab and kept in sessionStorage so a reload keeps its position. */
export const ParticipantIdSchema = v.pipe(
  v.string(),
  v.length(base64urlLength(ROOM_LIMITS.participantIdBytes)),
  v.regex(/^[A-Za-z0-9_-]+$/, 'not a participant id'),
);

/** A position between the two poles, in whole steps. */
export const PositionSchema = v.pipe(v.number(), v.integer(), v.minValue(POSITION_MIN), v.maxValue(POSITION_MAX));

/** An optional display name: trimmed, 1-40 characters, no control or direction characters. */
export const DisplayNameSchema = v.pipe(
  v.string(),
  // A bound on code units before counting graphemes: a family emoji is one grapheme of 8 units.
  v.maxLength(ROOM_LIMITS.nameMaxChars * 16),
  v.trim(),
  v.minLength(1),
  v.maxGraphemes(ROOM_LIMITS.nameMaxChars),
  v.check((s) => !UNSAFE_NAME.test(s), 'invalid characters in name'),
);

/** A sender's counter; a message whose seq is not above the last one seen is stale or replayed. */
const SeqSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const CountSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(ROOM_LIMITS.phonesPerRoomMax));
const Version = v.literal(ROOM_LIMITS.version);
/** A round on one card ("Stem opnieuw", rounds.ts): 1 until the presenter opens another. */
const RoundSchema = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(ROOM_LIMITS.roundsPerCard));
const DurationSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(ROOM_LIMITS.timerMaxMs));

/** Phone → presenter: "I am here" (first message, and again after every reconnect). */
export const JoinMessageSchema = v.strictObject({
  t: v.literal('join'),
  v: Version,
  pid: ParticipantIdSchema,
  seq: SeqSchema,
  name: v.optional(DisplayNameSchema),
});

/** Phone → presenter: my position on this card (changeable until the reveal). */
export const VoteMessageSchema = v.strictObject({
  t: v.literal('vote'),
  v: Version,
  pid: ParticipantIdSchema,
  seq: SeqSchema,
  card: CardIdSchema,
  position: PositionSchema,
  /** The round the phone voted in; a vote for a round that ended is dropped. Absent: the current one. */
  round: v.optional(RoundSchema),
});

/** Phone → presenter: I leave the room (withdraws an open vote on the current card). */
export const LeaveMessageSchema = v.strictObject({
  t: v.literal('leave'),
  v: Version,
  pid: ParticipantIdSchema,
  seq: SeqSchema,
});

/** Phone → presenter: an answer to the open question (no name: answers are anonymous). */
export const AnswerMessageSchema = v.strictObject({
  t: v.literal('answer'),
  v: Version,
  pid: ParticipantIdSchema,
  seq: SeqSchema,
  q: QuestionIdSchema,
  text: AnswerTextSchema,
});

/** Phone → presenter: my position at my table (tables.ts). No table number: the presenter seats phones. */
export const TableVoteMessageSchema = v.strictObject({
  t: v.literal('tvote'),
  v: Version,
  pid: ParticipantIdSchema,
  seq: SeqSchema,
  card: CardIdSchema,
  position: PositionSchema,
});

/** Phone → presenter: the table's summary, kept only when it comes from the table's scribe. */
export const SummaryMessageSchema = v.strictObject({
  t: v.literal('summary'),
  v: Version,
  pid: ParticipantIdSchema,
  seq: SeqSchema,
  text: v.pipe(
    v.string(),
    v.maxLength(ROOM_LIMITS.summaryMaxChars),
    v.check((s) => s.trim().length > 0, 'empty summary'),
  ),
});

export const PhoneMessageSchema = v.variant('t', [
  JoinMessageSchema,
  VoteMessageSchema,
  LeaveMessageSchema,
  AnswerMessageSchema,
  TableVoteMessageSchema,
  SummaryMessageSchema,
]);

export const PhaseSchema = v.picklist(['open', 'revealed', 'closed']);

/** The room scan's cards and phase, in the state while a scan runs (room-scan.ts). */
export const ScanStateSchema = v.strictObject({
  cards: v.pipe(v.array(CardIdSchema), v.minLength(1), v.maxLength(ROOM_LIMITS.scanCardsMax)),
  phase: v.picklist(['open', 'revealed']),
});

/** Presenter → all phones: where the room is. Positions only after the reveal, and without names. */
export const StateMessageSchema = v.pipe(
  v.strictObject({
    t: v.literal('state'),
    v: Version,
    seq: SeqSchema,
    card: v.nullable(CardIdSchema),
    phase: PhaseSchema,
    /** Phones with a position on the current card. */
    chosen: CountSchema,
    /** Phones in the room (online or briefly away). */
    joined: CountSchema,
    /** All positions on the current card, sorted; present only when phase is "revealed". */
    spread: v.optional(v.pipe(v.array(PositionSchema), v.maxLength(ROOM_LIMITS.phonesPerRoomMax))),
    /** The round on the current card, from round two on (absent: round one). */
    round: v.optional(RoundSchema),
    /** The room scan, while one runs. */
    scan: v.optional(ScanStateSchema),
  }),
  v.check((m) => (m.phase === 'revealed') === (m.spread !== undefined), 'spread is sent with the reveal only'),
  v.check((m) => m.chosen <= m.joined, 'more chosen than joined'),
);

/** Presenter → one phone: your own position on the current card (after a join or a reconnect). */
export const YouMessageSchema = v.strictObject({
  t: v.literal('you'),
  v: Version,
  seq: SeqSchema,
  pid: ParticipantIdSchema,
  card: v.nullable(CardIdSchema),
  position: v.nullable(PositionSchema),
  /** The round `position` belongs to, from round two on (absent: round one). */
  round: v.optional(RoundSchema),
});

/**
 * Presenter → all phones: the presenter's timer. The time left, never a clock time: a phone
 * counts down from its own clock from the moment the message arrives (timer.ts), so a phone whose
 * clock is minutes off still ends with the presenter.
 */
export const TimerMessageSchema = v.pipe(
  v.strictObject({
    t: v.literal('timer'),
    v: Version,
    seq: SeqSchema,
    /** running: counting down; paused: standing still; off: no timer on the phones. */
    run: v.picklist(['running', 'paused', 'off']),
    leftMs: DurationSchema,
    /** The timer's full length, for "3:00 of 5:00" and a bar. */
    totalMs: DurationSchema,
  }),
  v.check((m) => m.leftMs <= m.totalMs, 'more left than the whole'),
);

/** Presenter → all phones: the open question (or none) and the answers the presenter shows, texts only. */
export const AskMessageSchema = v.pipe(
  v.strictObject({
    t: v.literal('ask'),
    v: Version,
    seq: SeqSchema,
    q: v.nullable(QuestionIdSchema),
    text: v.optional(QuestionTextSchema),
    open: v.boolean(),
    /** Answers instead of a position: the phone hides its vote. */
    only: v.boolean(),
    shown: v.pipe(v.array(ShownAnswerSchema), v.maxLength(ANSWER_LIMITS.shownSent)),
  }),
  v.check((m) => (m.q === null) === (m.text === undefined), 'a question has a text'),
);

/**
 * Presenter → all phones (or one that came back): one scan card's spread after the scan's reveal,
 * sorted and nameless. One message per card: six spreads of a full room would not fit one frame.
 */
export const ScanSpreadMessageSchema = v.strictObject({
  t: v.literal('scan-spread'),
  v: Version,
  seq: SeqSchema,
  card: CardIdSchema,
  spread: v.pipe(v.array(PositionSchema), v.maxLength(ROOM_LIMITS.phonesPerRoomMax)),
});

/** What one phone sees of its table (tables.ts): never another table, the positions only after its reveal. */
export const TableInfoSchema = v.pipe(
  v.strictObject({
    n: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(ROOM_LIMITS.tablesMax)),
    card: CardIdSchema,
    revealed: v.boolean(),
    /** People at the table with a position. */
    chosen: CountSchema,
    /** People at the table. */
    size: CountSchema,
    spread: v.optional(v.pipe(v.array(PositionSchema), v.maxLength(ROOM_LIMITS.phonesPerRoomMax))),
    /** This phone holds the pen. */
    scribe: v.boolean(),
    /** This phone's own position at the table (after a reload). */
    position: v.nullable(PositionSchema),
    /** The presenter called this table to report. */
    called: v.boolean(),
    /** The table's own timer as time left (timer.ts), never a clock time; absent: none. */
    timer: v.optional(
      v.pipe(
        v.strictObject({
          run: v.picklist(['running', 'paused', 'off']),
          leftMs: DurationSchema,
          totalMs: DurationSchema,
        }),
        v.check((m) => m.leftMs <= m.totalMs, 'more left than the whole'),
      ),
    ),
  }),
  v.check((m) => m.revealed === (m.spread !== undefined), 'the spread comes with the reveal only'),
  v.check((m) => m.chosen <= m.size, 'more chosen than seated'),
);

/** Presenter → one phone: its table (null: tables ended, or none). */
export const TableMessageSchema = v.strictObject({
  t: v.literal('table'),
  v: Version,
  seq: SeqSchema,
  table: v.nullable(TableInfoSchema),
});

export const HostMessageSchema = v.variant('t', [
  StateMessageSchema,
  YouMessageSchema,
  TimerMessageSchema,
  AskMessageSchema,
  ScanSpreadMessageSchema,
  TableMessageSchema,
]);

export type JoinMessage = v.InferOutput<typeof JoinMessageSchema>;
export type VoteMessage = v.InferOutput<typeof VoteMessageSchema>;
export type LeaveMessage = v.InferOutput<typeof LeaveMessageSchema>;
export type PhoneMessage = v.InferOutput<typeof PhoneMessageSchema>;
export type StateMessage = v.InferOutput<typeof StateMessageSchema>;
export type YouMessage = v.InferOutput<typeof YouMessageSchema>;
export type TimerMessage = v.InferOutput<typeof TimerMessageSchema>;
export type HostMessage = v.InferOutput<typeof HostMessageSchema>;
export type ScanSpreadMessage = v.InferOutput<typeof ScanSpreadMessageSchema>;
export type Phase = v.InferOutput<typeof PhaseSchema>;
export type AnswerMessage = v.InferOutput<typeof AnswerMessageSchema>;
export type AskMessage = v.InferOutput<typeof AskMessageSchema>;
export type TableInfo = v.InferOutput<typeof TableInfoSchema>;
export type TableMessage = v.InferOutput<typeof TableMessageSchema>;

export type Parsed<T> = { ok: true; message: T } | { ok: false; error: string };

function parseWith<T>(schema: v.GenericSchema<unknown, T>, input: unknown): Parsed<T> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, message: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, error: path ? `${path}: ${issue.message}` : issue.message };
}

/** Checks what the presenter decrypted from a phone. */
export function parsePhoneMessage(input: unknown): Parsed<PhoneMessage> {
  return parseWith(PhoneMessageSchema, input);
}

/** Checks what a phone decrypted from the presenter. */
export function parseHostMessage(input: unknown): Parsed<HostMessage> {
  return parseWith(HostMessageSchema, input);
}
