/**
 * The only storage API components use. Every write is one transaction that also stamps
 * the meta store (for the backup reminder), and a change notice goes to other tabs only
 * after the transaction has committed.
 *
 * Rules kept throughout:
 * - Inside a transaction we await IndexedDB requests only (no crypto, fetch or timers),
 *   or the transaction auto-commits half-way.
 * - We wait on `tx.done` as well as on requests: a quota failure arrives as an abort and
 *   the request promises may never settle.
 * - On any error nothing is deleted; the caller gets a StoreError with a code.
 */
import type { IDBPTransaction } from 'idb';
import type { Action, CardNote, Dataset, DeckRef, Position, Session, SessionKind } from './types';
import {
  ALL_STORES,
  DATA_STORES,
  connectionState,
  type KjkDb,
  type KjkSchema,
  type KjkStoreName,
  type MetaKey,
  type MetaValues,
  type SessionCardKey,
  type SessionDateKey,
  type SessionTeamKey,
} from './schema';
import { StoreError, toStoreError } from './errors';
import { BACKUP_REMINDER_DAYS, MAX_ID_CHARS, MAX_NOTE_CHARS, MAX_SHORT_TEXT_CHARS } from './limits';
import { isId, isIsoDate, isLang, isPositionValue, isSessionKind, type Lang } from './validate';
import type { ChangeStore, SyncChannel } from './sync';
import type { ImportPlan } from '../exchange/merge';

type Mode = 'readonly' | 'readwrite';
type Tx<M extends Mode> = IDBPTransaction<KjkSchema, KjkStoreName[], M>;

const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------
// Transactions

function assertUsable(db: KjkDb): void {
  switch (connectionState(db)) {
    case 'closed-for-upgrade':
      throw new StoreError('version', 'A newer version of the app upgraded the database; reload this tab');
    case 'terminated':
      throw new StoreError('unavailable', 'The browser closed the database (storage cleared?)');
    case 'closed':
      throw new StoreError('unavailable', 'The database connection is closed');
    case 'open':
      return;
  }
}

/**
 * Runs `body` in one transaction and resolves only after the commit. A body that throws
 * aborts the transaction, so partial writes roll back; aborts are mapped to StoreErrors
 * using `tx.error`, which names the real cause (QuotaExceededError, ConstraintError).
 */
async function inTx<M extends Mode, T>(
  db: KjkDb,
  stores: readonly KjkStoreName[],
  mode: M,
  body: (tx: Tx<M>) => Promise<T>,
  durability: IDBTransactionDurability = 'default',
): Promise<T> {
  assertUsable(db);
  let tx: Tx<M>;
  try {
    tx = db.transaction([...stores], mode, { durability }) as unknown as Tx<M>;
  } catch (err) {
    throw toStoreError(err);
  }
  const done = tx.done;
  const work = (async () => body(tx))().catch((err: unknown) => {
    try {
      tx.abort();
    } catch {
      // Already aborted (quota) or committed: tx.done tells which.
    }
    throw err;
  });
  try {
    await Promise.race([work, done]);
    const value = await work;
    await done;
    return value;
  } catch (err) {
    // Both promises may reject; we report once and must not leave the other unhandled.
    work.catch(() => undefined);
    done.catch(() => undefined);
    if (err instanceof StoreError) throw err;
    throw toStoreError(tx.error ?? err);
  }
}

/** All keys [sessionId, *] of a [sessionId, cardId] index: arrays sort after every string. */
function sessionCardRange(sessionId: string): IDBKeyRange {
  return IDBKeyRange.bound([sessionId], [sessionId, []]);
}

/**
 * Sends requests one by one and waits for all. If sending fails half-way (the transaction
 * was aborted under us, a value cannot be cloned), the requests already sent still get a
 * rejection handler, so their AbortErrors do not surface as unhandled rejections.
 */
function issue(tasks: Iterable<() => Promise<unknown>>): Promise<unknown[]> {
  const sent: Promise<unknown>[] = [];
  try {
    for (const task of tasks) sent.push(task());
  } catch (err) {
    for (const p of sent) p.catch(() => undefined);
    return Promise.reject(err);
  }
  return Promise.all(sent);
}

// ---------------------------------------------------------------------------------------
// Inputs

export interface NewSession {
  kind: SessionKind;
  title: string;
  /** Trimmed on save, because it is matched exactly to find the previous session of the team. */
  team: string;
  /** "YYYY-MM-DD" */
  date: string;
  lang: Lang;
  deck?: DeckRef;
}

export type SessionPatch = Partial<Pick<Session, 'kind' | 'title' | 'team' | 'date' | 'lang' | 'deck'>>;

/** Opaque position in the session list; pass `next` back to get the following page. */
export type SessionCursor = SessionDateKey;

export interface SessionPage {
  items: Session[];
  /** Null on the last page. */
  next: SessionCursor | null;
}

export interface SaveNoteInput {
  sessionId: string;
  cardId: string;
  text: string;
  /**
   * The `updatedAt` of the note as the editor last loaded or saved it; null when the editor
   * started from "no note yet". A different stored value means another tab saved since.
   */
  baseUpdatedAt: number | null;
}

export type SaveNoteResult =
  | { ok: true; note: CardNote }
  /** Nothing was written; `stored` is the newer note another tab saved. Show both, let the user choose. */
  | { ok: false; reason: 'conflict'; stored: CardNote };

export interface SetPositionInput {
  sessionId: string;
  cardId: string;
  participant: string;
  value: number;
  /** Update this record; without it the participant's existing position on the card is updated, or a new one made. */
  id?: string;
}

export interface NewAction {
  sessionId: string;
  text: string;
  cardId?: string;
  owner?: string;
  /** "YYYY-MM-DD" */
  due?: string;
}

/** `null` removes an optional field. */
export interface ActionPatch {
  text?: string;
  cardId?: string | null;
  owner?: string | null;
  due?: string | null;
  done?: boolean;
}

export interface PreviousSessionActions {
  session: Session;
  /** Not done, oldest first. */
  actions: Action[];
}

export interface PositionHistoryEntry {
  session: Session;
  positions: Position[];
  /** The position marked as agreed in that session, if any. */
  agreed: Position | null;
}

export interface BackupStatus {
  lastChangeAt: number | null;
  lastExportAt: number | null;
  needsReminder: boolean;
}

export interface ImportResult {
  sessions: number;
  notes: number;
  positions: number;
  actions: number;
}

export interface RepoOptions {
  /** Cross-tab notices; omit or null in tests and where BroadcastChannel is missing. */
  sync?: SyncChannel | null;
  /** Clock, injectable for tests. */
  now?: () => number;
  /** Id factory, injectable for tests. */
  newId?: () => string;
}

// ---------------------------------------------------------------------------------------
// Validation of caller input (programming or UI errors, reported as 'invalid')

function invalid(message: string): never {
  throw new StoreError('invalid', message);
}

function checkShortText(value: unknown, field: string): string {
  if (typeof value !== 'string') invalid(`${field} must be a string`);
  if (value.length > MAX_SHORT_TEXT_CHARS) throw new StoreError('too-large', `${field} is too long`);
  return value;
}

function checkId(value: unknown, field: string): string {
  if (!isId(value, MAX_ID_CHARS)) invalid(`${field} must be a non-empty string`);
  return value;
}

function checkDeck(deck: unknown): DeckRef {
  if (deck === undefined) return {};
  if (typeof deck !== 'object' || deck === null) invalid('deck must be an object');
  const d = deck as DeckRef;
  const out: DeckRef = {};
  if (d.seed !== undefined) out.seed = checkShortText(d.seed, 'deck.seed');
  if (d.cards !== undefined) {
    if (!Array.isArray(d.cards)) invalid('deck.cards must be an array');
    out.cards = d.cards.map((c, i) => checkId(c, `deck.cards[${i}]`));
  }
  return out;
}

function checkDate(value: unknown, field: string): string {
  if (!isIsoDate(value)) invalid(`${field} must be a real date as YYYY-MM-DD`);
  return value;
}

function defaultNewId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// ---------------------------------------------------------------------------------------
// Meta helpers (run inside a write transaction)

async function touchMeta(tx: Tx<'readwrite'>, at: number): Promise<void> {
  const meta = tx.objectStore('meta');
  const last = await meta.get('lastChangeAt');
  if (typeof last !== 'number' || at > last) await meta.put(at, 'lastChangeAt');
  const first = await meta.get('firstUnexportedChangeAt');
  if (typeof first !== 'number') await meta.put(at, 'firstUnexportedChangeAt');
}

const META_TYPES: { [K in MetaKey]: 'number' | 'boolean' } = {
  lastChangeAt: 'number',
  firstUnexportedChangeAt: 'number',
  lastExportAt: 'number',
  persistRequested: 'boolean',
  persistGranted: 'boolean',
};

function readMetaValue<K extends MetaKey>(key: K, value: unknown): MetaValues[K] | undefined {
  // Stored data may come from an older or damaged build: never trust its type.
  return typeof value === META_TYPES[key] ? (value as MetaValues[K]) : undefined;
}

// ---------------------------------------------------------------------------------------
// Child-record helpers

async function childrenOf(
  tx: Tx<Mode>,
  sessionId: string,
): Promise<{ notes: CardNote[]; positions: Position[]; actions: Action[] }> {
  const [notes, positions, actions] = await Promise.all([
    tx.objectStore('notes').index('bySessionCard').getAll(sessionCardRange(sessionId)),
    tx.objectStore('positions').index('sessionId').getAll(sessionId),
    tx.objectStore('actions').index('sessionId').getAll(sessionId),
  ]);
  return { notes, positions, actions };
}

async function deleteChildren(tx: Tx<'readwrite'>, sessionId: string): Promise<void> {
  const [noteKeys, positionKeys, actionKeys] = await Promise.all([
    tx.objectStore('notes').index('bySessionCard').getAllKeys(sessionCardRange(sessionId)),
    tx.objectStore('positions').index('sessionId').getAllKeys(sessionId),
    tx.objectStore('actions').index('sessionId').getAllKeys(sessionId),
  ]);
  await issue([
    ...noteKeys.map((k) => () => tx.objectStore('notes').delete(k)),
    ...positionKeys.map((k) => () => tx.objectStore('positions').delete(k)),
    ...actionKeys.map((k) => () => tx.objectStore('actions').delete(k)),
  ]);
}

function byCreated<T extends { createdAt: number; id: string }>(a: T, b: T): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function bySessionOrder(a: Session, b: Session): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return byCreated(a, b);
}

// ---------------------------------------------------------------------------------------
// Import (standalone so it can be used without a Repo, e.g. in a recovery screen)

/**
 * Writes an import plan in ONE strict transaction: all or nothing. Records are added with
 * `add`, never `put`, so if anything with the same id (or the same session+card note)
 * appeared since the plan was made, the whole import aborts with 'conflict' instead of
 * overwriting. A quota abort rolls everything back too.
 */
/**
 * Adds every record of a dataset in the given transaction. `add`, not `put`: an id that is
 * already stored fails the transaction instead of overwriting (imports never overwrite).
 */
function addAll(tx: Tx<'readwrite'>, data: Dataset): Promise<unknown[]> {
  return issue([
    ...data.sessions.map((r) => () => tx.objectStore('sessions').add(r)),
    ...data.notes.map((r) => () => tx.objectStore('notes').add(r)),
    ...data.positions.map((r) => () => tx.objectStore('positions').add(r)),
    ...data.actions.map((r) => () => tx.objectStore('actions').add(r)),
  ]);
}

export async function applyImport(db: KjkDb, plan: ImportPlan, now: number = Date.now()): Promise<ImportResult> {
  const w = plan.write;
  const result: ImportResult = {
    sessions: w.sessions.length,
    notes: w.notes.length,
    positions: w.positions.length,
    actions: w.actions.length,
  };
  if (result.sessions + result.notes + result.positions + result.actions === 0) return result;
  await inTx(
    db,
    ALL_STORES,
    'readwrite',
    async (tx) => {
      await addAll(tx, w);
      await touchMeta(tx, now);
    },
    'strict',
  );
  return result;
}

/**
 * Replaces everything with `data` in one strict transaction ("restore this backup
 * exactly"). Only after the user confirmed; if it fails, the old data stays.
 */
export async function replaceAll(db: KjkDb, data: Dataset, now: number = Date.now()): Promise<void> {
  await inTx(
    db,
    ALL_STORES,
    'readwrite',
    async (tx) => {
      await issue(DATA_STORES.map((s) => () => tx.objectStore(s).clear()));
      await addAll(tx, data);
      await touchMeta(tx, now);
    },
    'strict',
  );
}

/** Everything, in one consistent read (soft-deleted sessions included: a backup keeps them). */
export async function readAll(db: KjkDb): Promise<Dataset> {
  return inTx(db, DATA_STORES, 'readonly', async (tx) => {
    const [sessions, notes, positions, actions] = await Promise.all([
      tx.objectStore('sessions').getAll(),
      tx.objectStore('notes').getAll(),
      tx.objectStore('positions').getAll(),
      tx.objectStore('actions').getAll(),
    ]);
    return { sessions, notes, positions, actions };
  });
}

export interface SalvageResult {
  /** Whatever could be read. */
  data: Dataset;
  /** Stores that could not be read, with the error code. */
  failed: { store: (typeof DATA_STORES)[number]; code: StoreError['code'] }[];
}

/**
 * For the recovery screen after a backing-store error: reads each store in its own
 * transaction, so one unreadable store does not hide the others, and returns what it
 * could read for an export. Never writes or deletes.
 */
export async function salvage(db: KjkDb): Promise<SalvageResult> {
  const data: Dataset = { sessions: [], notes: [], positions: [], actions: [] };
  const failed: SalvageResult['failed'] = [];
  for (const store of DATA_STORES) {
    try {
      const records = await inTx(db, [store], 'readonly', async (tx) => tx.objectStore(store).getAll());
      (data[store] as unknown[]) = records;
    } catch (err) {
      failed.push({ store, code: toStoreError(err, 'backing-store').code });
    }
  }
  return { data, failed };
}

// ---------------------------------------------------------------------------------------
// Repository

export type Repo = ReturnType<typeof createRepo>;

export function createRepo(db: KjkDb, options: RepoOptions = {}) {
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? defaultNewId;
  const sync = options.sync ?? null;

  /** Strictly later than `previous`, so two saves in one millisecond still differ (conflict checks rely on it). */
  const stamp = (previous?: number): number => Math.max(now(), (previous ?? 0) + 1);

  const notify = (store: ChangeStore, id: string, updatedAt: number) => {
    sync?.post({ store, id, updatedAt });
  };

  async function mustGetSession(tx: Tx<Mode>, id: string): Promise<Session> {
    const session = await tx.objectStore('sessions').get(id);
    if (!session) throw new StoreError('not-found', `Session ${id} not found`);
    return session;
  }

  async function writeSession(
    id: string,
    change: (current: Session, at: number) => Session,
  ): Promise<Session> {
    const updated = await inTx(db, ['sessions', 'meta'], 'readwrite', async (tx) => {
      const current = await mustGetSession(tx, id);
      const at = stamp(current.updatedAt);
      const next = change(current, at);
      await tx.objectStore('sessions').put(next);
      await touchMeta(tx, at);
      return next;
    });
    notify('sessions', updated.id, updated.updatedAt);
    return updated;
  }

  const sessions = {
    async create(input: NewSession): Promise<Session> {
      if (!isSessionKind(input.kind)) invalid('kind is not a known session kind');
      if (!isLang(input.lang)) invalid('lang must be nl or en');
      const at = stamp();
      const session: Session = {
        id: newId(),
        kind: input.kind,
        title: checkShortText(input.title, 'title'),
        team: checkShortText(input.team, 'team').trim(),
        date: checkDate(input.date, 'date'),
        lang: input.lang,
        deck: checkDeck(input.deck),
        createdAt: at,
        updatedAt: at,
      };
      await inTx(db, ['sessions', 'meta'], 'readwrite', async (tx) => {
        await tx.objectStore('sessions').add(session);
        await touchMeta(tx, at);
      });
      notify('sessions', session.id, session.updatedAt);
      return session;
    },

    /** Newest meeting first, soft-deleted sessions left out. */
    async list(opts: { limit?: number; cursor?: SessionCursor | null } = {}): Promise<SessionPage> {
      const limit = Number.isFinite(opts.limit) ? Math.max(1, Math.floor(opts.limit as number)) : 50;
      return inTx(db, ['sessions'], 'readonly', async (tx) => {
        const range = opts.cursor ? IDBKeyRange.upperBound(opts.cursor, true) : undefined;
        let cursor = await tx.objectStore('sessions').index('byDate').openCursor(range, 'prev');
        const items: Session[] = [];
        let next: SessionCursor | null = null;
        while (cursor) {
          if (cursor.value.deletedAt === undefined) {
            if (items.length === limit) {
              // One more live session exists, so there is a next page; it starts after the last item.
              const last = items[items.length - 1];
              if (last) next = [last.date, last.createdAt, last.id];
              break;
            }
            items.push(cursor.value);
          }
          cursor = await cursor.continue();
        }
        return { items, next };
      });
    },

    /** Soft-deleted sessions, most recently deleted first (for an "undo"/trash view). */
    async listDeleted(): Promise<Session[]> {
      return inTx(db, ['sessions'], 'readonly', async (tx) => {
        const all = await tx.objectStore('sessions').index('deletedAt').getAll();
        return all.reverse();
      });
    },

    /** Includes soft-deleted sessions (check `deletedAt`). */
    async get(id: string): Promise<Session | undefined> {
      return inTx(db, ['sessions'], 'readonly', async (tx) => tx.objectStore('sessions').get(id));
    },

    async rename(id: string, title: string): Promise<Session> {
      const checked = checkShortText(title, 'title');
      return writeSession(id, (s, at) => ({ ...s, title: checked, updatedAt: at }));
    },

    async update(id: string, patch: SessionPatch): Promise<Session> {
      const clean: SessionPatch = {};
      if (patch.title !== undefined) clean.title = checkShortText(patch.title, 'title');
      if (patch.team !== undefined) clean.team = checkShortText(patch.team, 'team').trim();
      if (patch.date !== undefined) clean.date = checkDate(patch.date, 'date');
      if (patch.kind !== undefined) {
        if (!isSessionKind(patch.kind)) invalid('kind is not a known session kind');
        clean.kind = patch.kind;
      }
      if (patch.lang !== undefined) {
        if (!isLang(patch.lang)) invalid('lang must be nl or en');
        clean.lang = patch.lang;
      }
      if (patch.deck !== undefined) clean.deck = checkDeck(patch.deck);
      return writeSession(id, (s, at) => ({ ...s, ...clean, updatedAt: at }));
    },

    /** A new live session with copies of all notes, positions and actions under new ids. */
    async duplicate(id: string, overrides: { title?: string; date?: string } = {}): Promise<Session> {
      const title = overrides.title === undefined ? undefined : checkShortText(overrides.title, 'title');
      const date = overrides.date === undefined ? undefined : checkDate(overrides.date, 'date');
      const copy = await inTx(db, ALL_STORES, 'readwrite', async (tx) => {
        const source = await mustGetSession(tx, id);
        const children = await childrenOf(tx, id);
        const at = stamp();
        const session: Session = {
          ...source,
          id: newId(),
          title: title ?? source.title,
          date: date ?? source.date,
          deck: checkDeck(source.deck),
          createdAt: at,
          updatedAt: at,
        };
        delete session.deletedAt;
        await issue([
          () => tx.objectStore('sessions').add(session),
          ...children.notes.map(
            (n) => () => tx.objectStore('notes').add({ ...n, id: newId(), sessionId: session.id, updatedAt: at }),
          ),
          ...children.positions.map(
            (p) => () => tx.objectStore('positions').add({ ...p, id: newId(), sessionId: session.id, updatedAt: at }),
          ),
          ...children.actions.map(
            (a) => () =>
              tx.objectStore('actions').add({ ...a, id: newId(), sessionId: session.id, createdAt: at, updatedAt: at }),
          ),
        ]);
        await touchMeta(tx, at);
        return session;
      });
      notify('sessions', copy.id, copy.updatedAt);
      return copy;
    },

    /** Hides the session (and keeps everything) until purgeDeleted; undoDelete brings it back. */
    async softDelete(id: string): Promise<Session> {
      return writeSession(id, (s, at) => ({ ...s, deletedAt: s.deletedAt ?? at, updatedAt: at }));
    },

    async undoDelete(id: string): Promise<Session> {
      return writeSession(id, (s, at) => {
        const restored: Session = { ...s, updatedAt: at };
        delete restored.deletedAt;
        return restored;
      });
    },

    /**
     * Removes soft-deleted sessions (deleted at or before `deletedBefore`, default: all) with
     * their notes, positions and actions, in one transaction. Returns how many sessions went.
     */
    async purgeDeleted(deletedBefore: number = Number.MAX_SAFE_INTEGER): Promise<number> {
      const at = now();
      const ids = await inTx(db, ALL_STORES, 'readwrite', async (tx) => {
        const keys = await tx
          .objectStore('sessions')
          .index('deletedAt')
          .getAllKeys(IDBKeyRange.upperBound(deletedBefore));
        for (const key of keys) {
          await deleteChildren(tx, key);
          await tx.objectStore('sessions').delete(key);
        }
        if (keys.length > 0) await touchMeta(tx, at);
        return keys;
      });
      for (const id of ids) notify('sessions', id, at);
      return ids.length;
    },
  };

  const notes = {
    async get(sessionId: string, cardId: string): Promise<CardNote | undefined> {
      return inTx(db, ['notes'], 'readonly', async (tx) => {
        const key: SessionCardKey = [sessionId, cardId];
        return tx.objectStore('notes').index('bySessionCard').get(key);
      });
    },

    async list(sessionId: string): Promise<CardNote[]> {
      return inTx(db, ['notes'], 'readonly', async (tx) =>
        tx.objectStore('notes').index('bySessionCard').getAll(sessionCardRange(sessionId)),
      );
    },

    /**
     * Saves the text unless another tab saved a newer version since the editor loaded
     * `baseUpdatedAt`; then nothing is written and the stored note comes back as a conflict.
     * Saving the text that is already stored is never a conflict.
     */
    async save(input: SaveNoteInput): Promise<SaveNoteResult> {
      const sessionId = checkId(input.sessionId, 'sessionId');
      const cardId = checkId(input.cardId, 'cardId');
      if (typeof input.text !== 'string') invalid('text must be a string');
      if (input.text.length > MAX_NOTE_CHARS) {
        throw new StoreError('too-large', `A note can hold at most ${MAX_NOTE_CHARS} characters`);
      }
      const result = await inTx(db, ['sessions', 'notes', 'meta'], 'readwrite', async (tx): Promise<SaveNoteResult> => {
        await mustGetSession(tx, sessionId);
        const key: SessionCardKey = [sessionId, cardId];
        const stored = await tx.objectStore('notes').index('bySessionCard').get(key);
        if (stored) {
          if (stored.text === input.text) return { ok: true, note: stored };
          if (stored.updatedAt !== input.baseUpdatedAt) return { ok: false, reason: 'conflict', stored };
        }
        const at = stamp(stored?.updatedAt);
        const note: CardNote = { id: stored?.id ?? newId(), sessionId, cardId, text: input.text, updatedAt: at };
        await tx.objectStore('notes').put(note);
        await touchMeta(tx, at);
        return { ok: true, note };
      });
      if (result.ok) notify('notes', result.note.id, result.note.updatedAt);
      return result;
    },
  };

  const positions = {
    async list(sessionId: string, cardId?: string): Promise<Position[]> {
      return inTx(db, ['positions'], 'readonly', async (tx) => {
        if (cardId === undefined) return tx.objectStore('positions').index('sessionId').getAll(sessionId);
        const key: SessionCardKey = [sessionId, cardId];
        return tx.objectStore('positions').index('bySessionCard').getAll(key);
      });
    },

    /** Creates or moves a participant's position on a card (the `agreed` flag is kept). */
    async set(input: SetPositionInput): Promise<Position> {
      const sessionId = checkId(input.sessionId, 'sessionId');
      const cardId = checkId(input.cardId, 'cardId');
      const participant = checkShortText(input.participant, 'participant');
      if (!isPositionValue(input.value)) invalid('value must be a number from 0 to 100');
      const value = input.value;
      const saved = await inTx(db, ['sessions', 'positions', 'meta'], 'readwrite', async (tx) => {
        await mustGetSession(tx, sessionId);
        const store = tx.objectStore('positions');
        let existing: Position | undefined;
        if (input.id !== undefined) {
          existing = await store.get(input.id);
          if (!existing) throw new StoreError('not-found', `Position ${input.id} not found`);
          if (existing.sessionId !== sessionId || existing.cardId !== cardId) {
            invalid('position belongs to another session or card');
          }
        } else {
          const key: SessionCardKey = [sessionId, cardId];
          const onCard = await store.index('bySessionCard').getAll(key);
          existing = onCard.find((p) => p.participant === participant);
        }
        const at = stamp(existing?.updatedAt);
        const position: Position = {
          id: existing?.id ?? newId(),
          sessionId,
          cardId,
          participant,
          value,
          agreed: existing?.agreed ?? false,
          updatedAt: at,
        };
        await store.put(position);
        await touchMeta(tx, at);
        return position;
      });
      notify('positions', saved.id, saved.updatedAt);
      return saved;
    },

    /** Marks one position as the team's agreed one and clears the flag on the others (null: none agreed). */
    async setAgreed(sessionId: string, cardId: string, positionId: string | null): Promise<void> {
      const at = stamp();
      const changed = await inTx(db, ['positions', 'meta'], 'readwrite', async (tx) => {
        const store = tx.objectStore('positions');
        const key: SessionCardKey = [sessionId, cardId];
        const onCard = await store.index('bySessionCard').getAll(key);
        if (positionId !== null && !onCard.some((p) => p.id === positionId)) {
          throw new StoreError('not-found', `Position ${positionId} not found on this card`);
        }
        const updates = onCard
          .filter((p) => p.agreed !== (p.id === positionId))
          .map((p) => ({ ...p, agreed: p.id === positionId, updatedAt: Math.max(at, p.updatedAt + 1) }));
        await issue(updates.map((p) => () => store.put(p)));
        if (updates.length > 0) await touchMeta(tx, at);
        return updates;
      });
      for (const p of changed) notify('positions', p.id, p.updatedAt);
    },

    async delete(id: string): Promise<void> {
      const at = now();
      await inTx(db, ['positions', 'meta'], 'readwrite', async (tx) => {
        if (!(await tx.objectStore('positions').get(id))) throw new StoreError('not-found', `Position ${id} not found`);
        await tx.objectStore('positions').delete(id);
        await touchMeta(tx, at);
      });
      notify('positions', id, at);
    },
  };

  function applyActionPatch(current: Action, patch: ActionPatch, at: number): Action {
    const next: Action = { ...current, updatedAt: at };
    if (patch.text !== undefined) next.text = checkShortText(patch.text, 'text');
    if (patch.done !== undefined) {
      if (typeof patch.done !== 'boolean') invalid('done must be true or false');
      next.done = patch.done;
    }
    if (patch.cardId === null) delete next.cardId;
    else if (patch.cardId !== undefined) next.cardId = checkId(patch.cardId, 'cardId');
    if (patch.owner === null) delete next.owner;
    else if (patch.owner !== undefined) next.owner = checkShortText(patch.owner, 'owner');
    if (patch.due === null) delete next.due;
    else if (patch.due !== undefined) next.due = checkDate(patch.due, 'due');
    return next;
  }

  async function writeAction(id: string, change: (current: Action, at: number) => Action): Promise<Action> {
    const saved = await inTx(db, ['actions', 'meta'], 'readwrite', async (tx) => {
      const current = await tx.objectStore('actions').get(id);
      if (!current) throw new StoreError('not-found', `Action ${id} not found`);
      const at = stamp(current.updatedAt);
      const next = change(current, at);
      await tx.objectStore('actions').put(next);
      await touchMeta(tx, at);
      return next;
    });
    notify('actions', saved.id, saved.updatedAt);
    return saved;
  }

  const actions = {
    /** Oldest first. */
    async list(sessionId: string): Promise<Action[]> {
      return inTx(db, ['actions'], 'readonly', async (tx) => {
        const all = await tx.objectStore('actions').index('sessionId').getAll(sessionId);
        return all.sort(byCreated);
      });
    },

    async add(input: NewAction): Promise<Action> {
      const sessionId = checkId(input.sessionId, 'sessionId');
      const at = stamp();
      const action: Action = {
        id: newId(),
        sessionId,
        text: checkShortText(input.text, 'text'),
        done: false,
        createdAt: at,
        updatedAt: at,
      };
      if (input.cardId !== undefined) action.cardId = checkId(input.cardId, 'cardId');
      if (input.owner !== undefined) action.owner = checkShortText(input.owner, 'owner');
      if (input.due !== undefined) action.due = checkDate(input.due, 'due');
      await inTx(db, ['sessions', 'actions', 'meta'], 'readwrite', async (tx) => {
        await mustGetSession(tx, sessionId);
        await tx.objectStore('actions').add(action);
        await touchMeta(tx, at);
      });
      notify('actions', action.id, action.updatedAt);
      return action;
    },

    async update(id: string, patch: ActionPatch): Promise<Action> {
      // Validate before opening the transaction so bad input never starts a write.
      applyActionPatch(
        { id, sessionId: 'x', text: '', done: false, createdAt: 0, updatedAt: 0 },
        patch,
        0,
      );
      return writeAction(id, (current, at) => applyActionPatch(current, patch, at));
    },

    async toggle(id: string): Promise<Action> {
      return writeAction(id, (current, at) => ({ ...current, done: !current.done, updatedAt: at }));
    },

    async delete(id: string): Promise<void> {
      const at = now();
      await inTx(db, ['actions', 'meta'], 'readwrite', async (tx) => {
        if (!(await tx.objectStore('actions').get(id))) throw new StoreError('not-found', `Action ${id} not found`);
        await tx.objectStore('actions').delete(id);
        await touchMeta(tx, at);
      });
      notify('actions', id, at);
    },
  };

  /**
   * The team's live session just before `beforeSessionId` (by meeting day, then creation
   * time) and its open actions; null if there is none. Without `beforeSessionId`: the
   * team's latest session.
   */
  async function openActionsOfPreviousSession(
    team: string,
    beforeSessionId?: string,
  ): Promise<PreviousSessionActions | null> {
    const teamKey = team.trim();
    return inTx(db, ['sessions', 'actions'], 'readonly', async (tx) => {
      let upper: SessionTeamKey | [string, never[]] = [teamKey, []];
      if (beforeSessionId !== undefined) {
        const before = await mustGetSession(tx, beforeSessionId);
        upper = [teamKey, before.date, before.createdAt, before.id];
      }
      const range = IDBKeyRange.bound([teamKey], upper, false, true);
      let cursor = await tx.objectStore('sessions').index('byTeam').openCursor(range, 'prev');
      while (cursor && cursor.value.deletedAt !== undefined) cursor = await cursor.continue();
      if (!cursor) return null;
      const session = cursor.value;
      const all = await tx.objectStore('actions').index('sessionId').getAll(session.id);
      return { session, actions: all.filter((a) => !a.done).sort(byCreated) };
    });
  }

  /** Every live session with positions on `cardId` (optionally one team's), oldest meeting first. */
  async function positionHistory(cardId: string, opts: { team?: string } = {}): Promise<PositionHistoryEntry[]> {
    const team = opts.team?.trim();
    return inTx(db, ['sessions', 'positions'], 'readonly', async (tx) => {
      const all = await tx.objectStore('positions').index('cardId').getAll(cardId);
      const bySession = new Map<string, Position[]>();
      for (const p of all) {
        const list = bySession.get(p.sessionId);
        if (list) list.push(p);
        else bySession.set(p.sessionId, [p]);
      }
      const sessionsFound = await Promise.all([...bySession.keys()].map((id) => tx.objectStore('sessions').get(id)));
      const entries: PositionHistoryEntry[] = [];
      for (const session of sessionsFound) {
        if (!session || session.deletedAt !== undefined) continue;
        if (team !== undefined && session.team !== team) continue;
        const list = bySession.get(session.id) ?? [];
        entries.push({ session, positions: list, agreed: list.find((p) => p.agreed) ?? null });
      }
      return entries.sort((a, b) => bySessionOrder(a.session, b.session));
    });
  }

  const meta = {
    async get<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
      return inTx(db, ['meta'], 'readonly', async (tx) => readMetaValue(key, await tx.objectStore('meta').get(key)));
    },

    /** For settings such as persistRequested; change times are kept by the repo itself. */
    async set<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
      if (typeof value !== META_TYPES[key]) invalid(`${key} must be a ${META_TYPES[key]}`);
      await inTx(db, ['meta'], 'readwrite', async (tx) => {
        await tx.objectStore('meta').put(value, key);
      });
      notify('meta', key, now());
    },

    /**
     * Call after the user finished an export that was read at `exportedAt`. Changes made
     * after that moment keep the reminder running (counted from `exportedAt`, so it may come
     * slightly early, never late).
     */
    async markExported(exportedAt: number = now()): Promise<void> {
      await inTx(db, ['meta'], 'readwrite', async (tx) => {
        const store = tx.objectStore('meta');
        await store.put(exportedAt, 'lastExportAt');
        const last = readMetaValue('lastChangeAt', await store.get('lastChangeAt'));
        if (last === undefined || last <= exportedAt) await store.delete('firstUnexportedChangeAt');
        else await store.put(exportedAt, 'firstUnexportedChangeAt');
      });
      notify('meta', 'lastExportAt', exportedAt);
    },

    async backupStatus(at: number = now()): Promise<BackupStatus> {
      return inTx(db, ['meta'], 'readonly', async (tx) => {
        const store = tx.objectStore('meta');
        const [last, exported, first] = await Promise.all([
          store.get('lastChangeAt'),
          store.get('lastExportAt'),
          store.get('firstUnexportedChangeAt'),
        ]);
        const firstUnexported = readMetaValue('firstUnexportedChangeAt', first);
        return {
          lastChangeAt: readMetaValue('lastChangeAt', last) ?? null,
          lastExportAt: readMetaValue('lastExportAt', exported) ?? null,
          needsReminder: firstUnexported !== undefined && at - firstUnexported >= BACKUP_REMINDER_DAYS * DAY_MS,
        };
      });
    },
  };

  /** True when some change has waited at least 7 days without being exported. */
  async function needsBackupReminder(at: number = now()): Promise<boolean> {
    return (await meta.backupStatus(at)).needsReminder;
  }

  /** Removes every record and setting, in one strict transaction. Only after explicit confirmation. */
  async function wipeAll(): Promise<void> {
    await inTx(
      db,
      ALL_STORES,
      'readwrite',
      async (tx) => {
        await issue(ALL_STORES.map((s) => () => tx.objectStore(s).clear()));
      },
      'strict',
    );
    notify('all', '*', now());
  }

  /** One session with its notes, positions and actions, for a single-session export. */
  async function exportSession(id: string): Promise<Dataset> {
    return inTx(db, DATA_STORES, 'readonly', async (tx) => {
      const session = await mustGetSession(tx, id);
      const children = await childrenOf(tx, id);
      return { sessions: [session], ...children };
    });
  }

  return {
    db,
    sessions,
    notes,
    positions,
    actions,
    meta,
    openActionsOfPreviousSession,
    positionHistory,
    needsBackupReminder,
    wipeAll,
    exportSession,
    /** Everything, including soft-deleted sessions: the input for serialize() and for planImport's `existing`. */
    exportAll: () => readAll(db),
    async applyImport(plan: ImportPlan): Promise<ImportResult> {
      const result = await applyImport(db, plan, now());
      if (result.sessions + result.notes + result.positions + result.actions > 0) notify('all', '*', now());
      return result;
    },
    async replaceAll(data: Dataset): Promise<void> {
      await replaceAll(db, data, now());
      notify('all', '*', now());
    },
  };
}
