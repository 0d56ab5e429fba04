/**
 * The audience view's data: what the projector shows of the room, derived from the presenter's
 * room state, the card on screen and what the presenter chose to show. It is built on the phones'
 * own broadcast (`stateMessage`), so the big screen never shows more than every phone may see:
 * counts always, the spread only after the reveal, sorted and without names. No participant name,
 * id, room key or presenter secret is part of it; the one link it may carry is the join link that
 * the projected QR code shows to the whole room anyway, and only while the presenter shows it.
 *
 * The control view and the audience window talk over a same-origin BroadcastChannel, where any
 * other tab of the site could post too: every message is checked with these schemas on receipt.
 */
import * as v from 'valibot';
import { THEMES } from '../../vocab.ts';
import { POSITION_MAX, POSITION_MIN, ROOM_LIMITS } from './limits.ts';
import { type RoomState, stateMessage } from './reducer.ts';
import { roundsOn } from './rounds.ts';
import { CardIdSchema } from './schema.ts';
import type { TimerState } from '../deck/timer.ts';
import { differsMost, scanSpread } from './room-scan.ts';

/** The version of the channel's messages: a window of an older build ignores a newer one's. */
export const VIEWS_VERSION = 1;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(ROOM_LIMITS.phonesPerRoomMax));
const Position = v.pipe(v.number(), v.integer(), v.minValue(POSITION_MIN), v.maxValue(POSITION_MAX));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** The card as the room sees it: its title and its two poles (none on a kenniskaart). */
export const AudienceCardSchema = v.strictObject({
  id: CardIdSchema,
  title: Text(200),
  theme: v.optional(v.picklist(THEMES)),
  poles: v.nullable(v.tuple([Text(120), Text(120)])),
});

/** The way in, while the presenter shows it: the join link (what the QR encodes), its short address, the code. */
export const AudienceJoinSchema = v.strictObject({
  url: v.pipe(Text(400), v.url(), v.regex(/^https?:/, 'not a web address')),
  address: Text(200),
  /** The typed code, formatted ("KM7R 4XDA"); null when there is none (the QR still works). */
  code: v.nullable(Text(20)),
  renewed: v.optional(v.boolean()),
});

/** An answer the presenter chose to show (answers are built elsewhere; this view only lists them). */
export const AudienceAnswerSchema = v.strictObject({
  text: Text(1000),
  highlighted: v.optional(v.boolean()),
});

/**
 * The presenter's timer as it stands (lib/deck/timer): both windows run in one browser on one
 * machine, so the end time can travel as it is and the audience window counts down by itself.
 */
export const AudienceTimerSchema = v.strictObject({
  minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60)),
  leftMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(ROOM_LIMITS.timerMaxMs)),
  endsAt: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
});

/** The room scan's outcome after its reveal: each card's nameless spread, and where the room differs most. */
export const AudienceScanSchema = v.strictObject({
  cards: v.pipe(
    v.array(
      v.strictObject({
        id: CardIdSchema,
        title: Text(200),
        poles: v.nullable(v.tuple([Text(120), Text(120)])),
        spread: v.pipe(v.array(Position), v.maxLength(ROOM_LIMITS.phonesPerRoomMax)),
      }),
    ),
    v.minLength(1),
    v.maxLength(ROOM_LIMITS.scanCardsMax),
  ),
  most: v.nullable(CardIdSchema),
});

/** One table on the big screen (tables.ts): its spread once it revealed, its summary once it is called. */
export const AudienceTableSchema = v.pipe(
  v.strictObject({
    n: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(ROOM_LIMITS.tablesMax)),
    title: Text(200),
    poles: v.nullable(v.tuple([Text(120), Text(120)])),
    chosen: Count,
    size: Count,
    spread: v.optional(v.pipe(v.array(Position), v.maxLength(ROOM_LIMITS.phonesPerRoomMax))),
    called: v.optional(v.literal(true)),
    summary: v.optional(Text(ROOM_LIMITS.summaryMaxChars)),
  }),
  v.check((t) => t.summary === undefined || t.called === true, 'a summary comes with the call only'),
);

export const AudienceSnapshotSchema = v.pipe(
  v.strictObject({
    /** "closed" once the presenter closed the room, or the relay is gone. */
    status: v.picklist(['open', 'closed']),
    card: v.nullable(AudienceCardSchema),
    /** Phones with a position on the current card. */
    chosen: Count,
    /** Phones in the room. */
    joined: Count,
    revealed: v.boolean(),
    /** Every position on the card, sorted and nameless: only after the reveal. */
    spread: v.optional(v.pipe(v.array(Position), v.maxLength(ROOM_LIMITS.phonesPerRoomMax))),
    /** The position the group agreed on, once the presenter saved one (after the reveal). */
    agreed: v.optional(Position),
    join: v.optional(AudienceJoinSchema),
    answers: v.optional(v.pipe(v.array(AudienceAnswerSchema), v.maxLength(ROOM_LIMITS.phonesPerRoom))),
    /** The open question the shown answers answer (answers.ts); with it, whether short ones form a word cloud. */
    question: v.optional(Text(1000)),
    cloud: v.optional(v.boolean()),
    /** The shift: each shown round's spread, once a later round was shown (sorted, nameless). */
    rounds: v.optional(
      v.pipe(
        v.array(
          v.strictObject({
            round: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(ROOM_LIMITS.roundsPerCard)),
            spread: v.pipe(v.array(Position), v.maxLength(ROOM_LIMITS.phonesPerRoomMax)),
          }),
        ),
        v.minLength(2),
        v.maxLength(ROOM_LIMITS.roundsPerCard),
      ),
    ),
    /** The presenter's timer while it is shown. */
    timer: v.optional(AudienceTimerSchema),
    /** The room scan's outcome, once revealed. */
    scan: v.optional(AudienceScanSchema),
    /** The room at tables: every table's spread side by side (tables.ts). */
    tables: v.optional(v.pipe(v.array(AudienceTableSchema), v.maxLength(ROOM_LIMITS.tablesMax))),
  }),
  v.check((s) => s.revealed === (s.spread !== undefined), 'the spread comes with the reveal only'),
  v.check((s) => s.rounds === undefined || s.revealed, 'rounds come with the reveal only'),
  v.check((s) => s.agreed === undefined || s.revealed, 'an agreed position comes after the reveal'),
  v.check((s) => s.chosen <= s.joined, 'more chosen than joined'),
);

const Version = v.literal(VIEWS_VERSION);

/** The channel's messages: the audience asks (hello) and leaves (bye); the control view answers. */
export const ViewsMessageSchema = v.variant('k', [
  /** Audience → control: "I just opened (or reloaded): send me what to show." */
  v.strictObject({ k: v.literal('hello'), v: Version }),
  /** Audience → control: the audience window is going away. */
  v.strictObject({ k: v.literal('bye'), v: Version }),
  /** Control → audience: what to show now. */
  v.strictObject({ k: v.literal('snapshot'), v: Version, snapshot: AudienceSnapshotSchema }),
]);

export type AudienceCard = v.InferOutput<typeof AudienceCardSchema>;
export type AudienceJoin = v.InferOutput<typeof AudienceJoinSchema>;
export type AudienceAnswer = v.InferOutput<typeof AudienceAnswerSchema>;
export type AudienceSnapshot = v.InferOutput<typeof AudienceSnapshotSchema>;
export type AudienceTable = v.InferOutput<typeof AudienceTableSchema>;
export type ViewsMessage = v.InferOutput<typeof ViewsMessageSchema>;
export type AudienceTimer = v.InferOutput<typeof AudienceTimerSchema>;
export type AudienceScan = v.InferOutput<typeof AudienceScanSchema>;

/** A channel message, checked; null for anything else another tab may have posted. */
export function parseViewsMessage(input: unknown): ViewsMessage | null {
  const result = v.safeParse(ViewsMessageSchema, input);
  return result.success ? result.output : null;
}

export interface AudienceInput {
  state: RoomState;
  /** The room's status on the presenter: closed or gone ends the audience view too. */
  ended: boolean;
  /** The card on the presenter's screen. */
  card: AudienceCard | null;
  /** The agreed position on this card, if the presenter saved one. */
  agreed?: number | null | undefined;
  /** Only while the presenter shows the way in. */
  join?: AudienceJoin | null | undefined;
  answers?: readonly AudienceAnswer[] | undefined;
  question?: string | null | undefined;
  cloud?: boolean | undefined;
  /** The presenter's timer while it is shown (null: hidden). */
  timer?: TimerState | null | undefined;
  /** The room scan's outcome after its reveal (scanForAudience). */
  scan?: AudienceScan | null | undefined;
  tables?: readonly AudienceTable[] | undefined;
}

/** A card of the session as the scan outcome needs it (the islands' cards fit this). */
interface ScanDeckCard {
  id: string;
  title: string;
  poles?: readonly { label: string }[] | undefined;
}

/**
 * The scan's outcome for the projector, after the scan's reveal only (before it, every phone's
 * place is still its own): each card's sorted spread, as the phones get it, and the card where
 * the room differs most (room-scan.ts).
 */
export function scanForAudience(
  state: Pick<RoomState, 'scan' | 'votes'>,
  deck: readonly ScanDeckCard[] | undefined,
): AudienceScan | null {
  const scan = state.scan;
  if (scan?.phase !== 'revealed') return null;
  const byId = new Map((deck ?? []).map((c) => [c.id, c]));
  const cards = scan.cards.map((id) => {
    const card = byId.get(id);
    const poles =
      card?.poles && card.poles.length >= 2 ? ([card.poles[0]!.label, card.poles[1]!.label] as [string, string]) : null;
    return {
      id,
      title: card?.title ?? id,
      poles,
      spread: scanSpread(state, id).slice(0, ROOM_LIMITS.phonesPerRoomMax),
    };
  });
  const most = differsMost(scan.cards, Object.fromEntries(cards.map((c) => [c.id, c.spread])));
  return { cards, most };
}

/** What the audience window shows now: exactly the fields of the schema, never a name or a key. */
export function audienceSnapshot(input: AudienceInput): AudienceSnapshot {
  const { state, card } = input;
  // The phones' own view of the room: what it leaves out, the big screen never has.
  const phones = stateMessage(state);
  const onCard = card !== null && phones.card === card.id;
  const revealed = onCard && phones.phase === 'revealed' && phones.spread !== undefined;
  const snapshot: AudienceSnapshot = {
    status: input.ended || state.phase === 'closed' ? 'closed' : 'open',
    card: card && {
      id: card.id,
      title: card.title,
      ...(card.theme ? { theme: card.theme } : {}),
      poles: card.poles && [card.poles[0], card.poles[1]],
    },
    chosen: onCard ? phones.chosen : 0,
    joined: phones.joined,
    revealed,
  };
  if (revealed) {
    snapshot.spread = [...(phones.spread ?? [])];
    // The same rounds the presenter compares (lib/room/rounds: revealed rounds only, no ids).
    const rounds = roundsOn(state, phones.card as string);
    if (rounds.length >= 2) snapshot.rounds = rounds.map((r) => ({ round: r.round, spread: [...r.spread] }));
    if (typeof input.agreed === 'number') snapshot.agreed = input.agreed;
  }
  if (input.join && snapshot.status === 'open') {
    const { url, address, code, renewed } = input.join;
    snapshot.join = { url, address, code, ...(renewed ? { renewed } : {}) };
  }
  if (input.question && snapshot.status === 'open') {
    snapshot.question = input.question;
    if (input.cloud) snapshot.cloud = true;
  }
  if (input.timer && snapshot.status === 'open') {
    const { minutes, leftMs, endsAt } = input.timer;
    snapshot.timer = {
      minutes,
      leftMs: Math.round(leftMs),
      ...(endsAt === undefined ? {} : { endsAt: Math.round(endsAt) }),
    };
  }
  if (input.scan && snapshot.status === 'open') snapshot.scan = input.scan;
  if (input.tables?.length && snapshot.status === 'open') snapshot.tables = input.tables.map((t) => ({ ...t }));
  if (input.answers?.length)
    snapshot.answers = input.answers
      .slice(0, ROOM_LIMITS.phonesPerRoom)
      .map((a) => ({ text: a.text, ...(a.highlighted ? { highlighted: true } : {}) }));
  return snapshot;
}
