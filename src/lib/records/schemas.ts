/**
 * One schema per record: the single description of what the app stores, exports and
 * imports. Derived from it, and nowhere else written down:
 * - the TypeScript types (InferOutput, re-exported by store/types),
 * - the import parser's checks and messages (exchange/format via ./rebuild),
 * - the repository's input checks (store/inputs, loaded with the first write),
 * - docs/export-format.schema.json (./json-schema, `npm run schema:export`).
 *
 * Adding a field to a record is one edit here; an optional field needs no migration.
 * Messages are the per-path texts of the import report ("data.notes[3].text: expected a
 * string"); the UI shows them under a translated heading.
 *
 * Times are epoch milliseconds; dates chosen by people are "YYYY-MM-DD" strings. Plain,
 * serialisable data only: the same shapes travel through IndexedDB, BroadcastChannel and
 * backup files.
 */
import * as v from 'valibot';
import { PERSPECTIVES } from '../../vocab';
import { ISO_DATE, isIsoDate } from './dates';
import { longerThan } from './rebuild';
import {
  ID_PATTERN,
  MAX_ID_CHARS,
  MAX_NOTE_CHARS,
  MAX_SHORT_TEXT_CHARS,
  MAX_TIME_MS,
  MAX_YEAR,
  MIN_YEAR,
  POSITION_MAX,
  POSITION_MIN,
} from './limits';
import { ROOM_LIMITS } from '../room/limits';
import { LANGS, RECORD_KINDS, SESSION_KINDS, SESSION_ORIGINS, type RecordKind } from './values';

export { LANGS, RECORD_KINDS, SESSION_KINDS, SESSION_ORIGINS };
export type { Lang, RecordKind, SessionKind, SessionOrigin } from './values';

export const oneOf = (values: readonly string[]): string => `expected one of ${values.map((x) => `"${x}"`).join(', ')}`;

// ---------------------------------------------------------------------------------------
// Values

const ID_MESSAGE = `must be 1 to ${MAX_ID_CHARS} characters`;
const ID_CHARS_MESSAGE =
  'an id may hold only letters, digits, punctuation and symbols (no spaces, control characters or broken characters)';
const TIME_MESSAGE = 'expected a time in epoch milliseconds (a number ≥ 0)';
const DATE_MESSAGE = `expected a real date as "YYYY-MM-DD", year ${MIN_YEAR} to ${MAX_YEAR}`;
const STRING_MESSAGE = 'expected a string';

/** A record or card id: one that survives the address bar unchanged (see ID_PATTERN). */
export const Id = v.pipe(
  v.string(STRING_MESSAGE),
  v.minLength(1, ID_MESSAGE),
  v.maxLength(MAX_ID_CHARS, ID_MESSAGE),
  v.regex(ID_PATTERN, ID_CHARS_MESSAGE),
);

/** Epoch milliseconds: not negative, representable as a Date. */
export const Time = v.pipe(v.number(TIME_MESSAGE), v.minValue(0, TIME_MESSAGE), v.maxValue(MAX_TIME_MS, TIME_MESSAGE));

/** A real calendar day, "YYYY-MM-DD" (the pattern is the shape; the check rejects 2023-02-30). */
export const IsoDate = v.pipe(
  v.string(DATE_MESSAGE),
  v.regex(ISO_DATE, DATE_MESSAGE),
  v.check((date: string) => isIsoDate(date), DATE_MESSAGE),
);

const text = (max: number) => v.pipe(v.string(STRING_MESSAGE), v.maxLength(max, longerThan(max)));

/** Titles, names, action texts: anything a person types that is not a note. */
export const ShortText = text(MAX_SHORT_TEXT_CHARS);

const bool = v.boolean('expected true or false');

const isCardId = (value: unknown): value is string => v.is(Id, value);

// ---------------------------------------------------------------------------------------
// Records

/** Which cards a session works through: a seeded shuffle of the (filtered) deck, or a hand-picked list. */
export const DeckRefSchema = v.pipe(
  v.object(
    {
      /** Seed of the shuffle (see lib/deck), when the session uses a shuffled deck. */
      seed: v.optional(ShortText),
      /** Card ids in order, when the session uses a hand-picked selection. */
      cards: v.optional(
        v.pipe(
          // One message for the whole list, at the list's path: the report names the field, not item 17.
          v.array(v.unknown(), 'expected a list'),
          v.check((cards) => cards.every(isCardId), 'expected a list of card ids (non-empty strings)'),
          v.transform((cards) => cards as string[]),
          v.metadata({ json: { items: { $ref: '#/$defs/id' } } }),
        ),
      ),
    },
    'expected an object',
  ),
  v.description('Which cards the session works through: a shuffle seed, a hand-picked list, or neither.'),
);

export const SessionSchema = v.object(
  {
    id: Id,
    kind: v.picklist(SESSION_KINDS, oneOf(SESSION_KINDS)),
    title: ShortText,
    /** Team or group name; sessions with the same team follow on from each other (open actions carry over). */
    team: v.pipe(ShortText, v.description('Sessions of the same team follow on from each other.')),
    /** The day of the meeting, "YYYY-MM-DD". */
    date: v.pipe(IsoDate, v.description('The day of the meeting.')),
    /** Interface language the session was created in. */
    lang: v.picklist(LANGS, oneOf(LANGS)),
    deck: DeckRefSchema,
    /** The perspective lens the session was started with (src/vocab.ts PERSPECTIVES); absent: none chosen. */
    lens: v.optional(
      v.pipe(
        v.picklist(PERSPECTIVES, oneOf(PERSPECTIVES)),
        v.description('The perspective lens the session was started with.'),
      ),
    ),
    /**
     * What made the session, when not the new-session form: "scan" for a self-scan (/zelfscan/),
     * whose `team` then holds the optional label the person chose, so scans can be compared.
     */
    origin: v.optional(
      v.pipe(
        v.picklist(SESSION_ORIGINS, oneOf(SESSION_ORIGINS)),
        v.description('What made the session: "scan" for a self-scan.'),
      ),
    ),
    createdAt: Time,
    updatedAt: Time,
    /** Soft delete: set while the user can still undo; purged later. Absent when live. */
    deletedAt: v.optional(v.pipe(Time, v.description('Present while the session sits in the trash.'))),
  },
  'expected an object',
);

/** Free-text notes for one card in one session. One per (sessionId, cardId). */
export const CardNoteSchema = v.object(
  {
    id: Id,
    sessionId: Id,
    cardId: Id,
    text: v.pipe(text(MAX_NOTE_CHARS), v.description('Plain text, shown as text, never as HTML.')),
    updatedAt: Time,
  },
  'expected an object',
);

const POSITION_MESSAGE = `expected a number from ${POSITION_MIN} to ${POSITION_MAX}`;
const ROUND_MESSAGE = `expected a whole number from 1 to ${ROOM_LIMITS.roundsPerCard}`;

/**
 * Where someone stands between a card's two poles: 0 = fully pole A, 100 = fully pole B.
 * `participant` is a label typed by the group ("Anna", "Deelnemer 3"); in zelfreflectie it is "".
 * `agreed` marks the team's agreed position (at most one per session and card).
 */
export const PositionSchema = v.object(
  {
    id: Id,
    sessionId: Id,
    cardId: Id,
    participant: ShortText,
    value: v.pipe(
      v.number(POSITION_MESSAGE),
      v.minValue(POSITION_MIN, POSITION_MESSAGE),
      v.maxValue(POSITION_MAX, POSITION_MESSAGE),
      v.description('0 = fully pole A, 100 = fully pole B.'),
    ),
    agreed: v.pipe(bool, v.description("The team's agreed position; at most one per session and card.")),
    updatedAt: Time,
    /** The room's round on the card ("Stem opnieuw"): absent in older data and for markers placed by hand, which are round 1. */
    round: v.optional(
      v.pipe(
        v.number(ROUND_MESSAGE),
        v.integer(ROUND_MESSAGE),
        v.minValue(1, ROUND_MESSAGE),
        v.maxValue(ROOM_LIMITS.roundsPerCard, ROUND_MESSAGE),
        v.description('The round of voting on the card in a room; absent means round 1.'),
      ),
    ),
  },
  'expected an object',
);

/** An agreed action. `cardId` is the card it came from, when there is one. */
export const ActionSchema = v.object(
  {
    id: Id,
    sessionId: Id,
    cardId: v.optional(Id),
    text: ShortText,
    owner: v.optional(ShortText),
    /** "YYYY-MM-DD" */
    due: v.optional(IsoDate),
    done: bool,
    createdAt: Time,
    updatedAt: Time,
  },
  'expected an object',
);

const list = <T extends v.GenericSchema>(item: T) => v.array(item, 'expected a list');

/** Everything a backup or a single-session export holds. */
export const DatasetSchema = v.object(
  {
    sessions: list(SessionSchema),
    notes: list(CardNoteSchema),
    positions: list(PositionSchema),
    actions: list(ActionSchema),
  },
  'expected an object',
);

export type DeckRef = v.InferOutput<typeof DeckRefSchema>;
export type Session = v.InferOutput<typeof SessionSchema>;
export type CardNote = v.InferOutput<typeof CardNoteSchema>;
export type Position = v.InferOutput<typeof PositionSchema>;
export type Action = v.InferOutput<typeof ActionSchema>;
export type Dataset = v.InferOutput<typeof DatasetSchema>;

/** How many records of each kind: import previews, plans and results. */
export type RecordCounts = Record<RecordKind, number>;

// ---------------------------------------------------------------------------------------
// Meta values (the `meta` store: settings and change times, never exported)

export const MetaSchemas = {
  /** Epoch ms of the latest committed change to sessions, notes, positions or actions. */
  lastChangeAt: Time,
  /** Epoch ms of the first change not yet covered by an export; absent when all is exported. */
  firstUnexportedChangeAt: Time,
  /** Epoch ms of the latest export the user completed. */
  lastExportAt: Time,
  /** Whether the app already asked navigator.storage.persist() (ask once, show the answer). */
  persistRequested: bool,
  /** The browser's answer to persist(), as last seen. */
  persistGranted: bool,
} as const;

export type MetaValues = { [K in keyof typeof MetaSchemas]: v.InferOutput<(typeof MetaSchemas)[K]> };
export type MetaKey = keyof MetaValues;
