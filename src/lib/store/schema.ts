/**
 * The one place that knows the IndexedDB database: its name, stores, indexes, migrations
 * and how to open it without hanging or losing data.
 *
 * Durability: `indexedDB.open()` takes no durability option. Chromium always commits the
 * version-change (upgrade) transaction with a flush ("strict"), Firefox and Safari flush by
 * default, so migrations are strict in practice. Data-only repairs that do not need a
 * schema change should run afterwards in a `{ durability: 'strict' }` readwrite
 * transaction instead.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Action, CardNote, MetaKey, MetaValues, Position, Session } from '../records/schemas';
import { StoreError, toStoreError } from './errors';

export const DB_NAME = 'kjk';

/** Values kept in the `meta` store, by key (schemas in src/lib/records). Read them through repo.meta, which checks them. */
export type { MetaKey, MetaValues } from '../records/schemas';

export const META_KEYS = [
  'lastChangeAt',
  'firstUnexportedChangeAt',
  'lastExportAt',
  'persistRequested',
  'persistGranted',
] as const satisfies readonly MetaKey[];

/** Index keys, as tuples, so range queries are checked by the compiler. */
export type SessionDateKey = [date: string, createdAt: number, id: string];
export type SessionTeamKey = [team: string, date: string, createdAt: number, id: string];
export type SessionCardKey = [sessionId: string, cardId: string];

export interface KjkSchema extends DBSchema {
  sessions: {
    key: string;
    value: Session;
    indexes: {
      /** v1. Newest-first session list: meeting day, then creation time, then id for a stable order. */
      byDate: SessionDateKey;
      /** v2. "Previous session of the same team": the same order within one team. */
      byTeam: SessionTeamKey;
      /** v2. Only soft-deleted sessions carry `deletedAt`, so this index is the trash can. */
      deletedAt: number;
    };
  };
  notes: {
    key: string;
    value: CardNote;
    indexes: {
      /** v1, unique: one note per card per session; a second one is a ConstraintError. */
      bySessionCard: SessionCardKey;
    };
  };
  positions: {
    key: string;
    value: Position;
    indexes: {
      /** v1 */
      sessionId: string;
      /** v1 */
      bySessionCard: SessionCardKey;
      /** v3. Position history of one card across all sessions, without a full scan. */
      cardId: string;
    };
  };
  actions: {
    key: string;
    value: Action;
    indexes: {
      /** v1 */
      sessionId: string;
    };
  };
  meta: {
    key: MetaKey;
    value: MetaValues[MetaKey];
  };
}

export type KjkDb = IDBPDatabase<KjkSchema>;
export type KjkStoreName = StoreNames<KjkSchema>;
export type UpgradeTx = IDBPTransaction<KjkSchema, KjkStoreName[], 'versionchange'>;

export const DATA_STORES = ['sessions', 'notes', 'positions', 'actions'] as const;
export const ALL_STORES = [...DATA_STORES, 'meta'] as const;

/**
 * One schema step. `run` may await IndexedDB requests on `tx` (and nothing else: a timer or
 * fetch would let the upgrade transaction commit half-way).
 */
export interface Migration {
  version: number;
  run(db: KjkDb, tx: UpgradeTx): void | Promise<void>;
}

/**
 * Cumulative steps: a database at version n runs every step above n, in order, inside the
 * one upgrade transaction, so a failing step rolls all of them back.
 * Never edit a released step; add a new one.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    run(db) {
      const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
      sessions.createIndex('byDate', ['date', 'createdAt', 'id']);

      const notes = db.createObjectStore('notes', { keyPath: 'id' });
      notes.createIndex('bySessionCard', ['sessionId', 'cardId'], { unique: true });

      const positions = db.createObjectStore('positions', { keyPath: 'id' });
      positions.createIndex('sessionId', 'sessionId');
      positions.createIndex('bySessionCard', ['sessionId', 'cardId']);

      const actions = db.createObjectStore('actions', { keyPath: 'id' });
      actions.createIndex('sessionId', 'sessionId');

      db.createObjectStore('meta');
    },
  },
  {
    version: 2,
    async run(_db, tx) {
      const sessions = tx.objectStore('sessions');
      sessions.createIndex('byTeam', ['team', 'date', 'createdAt', 'id']);
      sessions.createIndex('deletedAt', 'deletedAt');

      // v1 did not record when data last changed, so the backup reminder had nothing to
      // go on. Backfill it from the records; the reminder then starts counting today's
      // unexported data instead of staying silent forever.
      const meta = tx.objectStore('meta');
      if ((await meta.get('lastChangeAt')) !== undefined) return;
      let latest = 0;
      for (const name of DATA_STORES) {
        let cursor = await tx.objectStore(name).openCursor();
        while (cursor) {
          const updatedAt = (cursor.value as { updatedAt?: unknown }).updatedAt;
          if (typeof updatedAt === 'number' && Number.isFinite(updatedAt) && updatedAt > latest) {
            latest = updatedAt;
          }
          cursor = await cursor.continue();
        }
      }
      if (latest > 0) {
        await meta.put(latest, 'lastChangeAt');
        if ((await meta.get('lastExportAt')) === undefined) {
          await meta.put(latest, 'firstUnexportedChangeAt');
        }
      }
    },
  },
  {
    version: 3,
    run(_db, tx) {
      tx.objectStore('positions').createIndex('cardId', 'cardId');
    },
  },
];

export const DB_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 1;

export interface BlockedInfo {
  /** 'event': the browser said another connection blocks us; 'slow': no answer within blockedNoticeMs. */
  reason: 'event' | 'slow';
  oldVersion: number | null;
  newVersion: number | null;
}

export interface OpenKjkOptions {
  /** Database name; tests use a fresh name per case. */
  name?: string;
  /** Open at this version. For tests that build an older database; the app uses DB_VERSION. */
  version?: number;
  /** Replaces the migration list. For tests (e.g. a step that throws); the app uses MIGRATIONS. */
  migrations?: readonly Migration[];
  /** Another tab holds an old version open: tell the user to close other tabs. Called at most once. */
  onBlocked?: (info: BlockedInfo) => void;
  /** A newer tab wants to upgrade: this connection is already closed, ask the user to reload. */
  onVersionChange?: () => void;
  /** The browser closed the connection (storage cleared, disk error): show the recovery notice. */
  onTerminated?: () => void;
  /** When to call onBlocked if the open has not finished. Default 1000 ms. */
  blockedNoticeMs?: number;
  /** When to give up with a 'blocked' StoreError if still waiting and no upgrade started. Default 10 s. */
  timeoutMs?: number;
}

export type ConnectionState = 'open' | 'closed-for-upgrade' | 'terminated' | 'closed';

const connectionStates = new WeakMap<object, ConnectionState>();

/** Whether this connection can still be used; repo checks it to report 'version' instead of a raw InvalidStateError. */
export function connectionState(db: KjkDb): ConnectionState {
  return connectionStates.get(db) ?? 'open';
}

const openedWith = new WeakMap<object, OpenKjkOptions>();

/**
 * Opens the same database again with the options `db` was opened with (callbacks included),
 * for a repository whose connection the browser dropped without a word (Safari: "Connection
 * to Indexed Database server lost"). Null for a connection openKjk did not make.
 */
export function reopenKjk(db: KjkDb): Promise<KjkDb> | null {
  const opts = openedWith.get(db);
  return opts ? openKjk(opts) : null;
}

/** Close a connection on purpose (tests, wipe-and-reload); later repo calls report 'unavailable'. */
export function closeKjk(db: KjkDb): void {
  if (connectionState(db) === 'open') connectionStates.set(db, 'closed');
  db.close();
}

async function runMigrations(
  db: KjkDb,
  tx: UpgradeTx,
  oldVersion: number,
  newVersion: number,
  migrations: readonly Migration[],
): Promise<void> {
  for (const step of migrations) {
    if (oldVersion < step.version && step.version <= newVersion) {
      await step.run(db, tx);
    }
  }
}

/**
 * Opens (and if needed upgrades) the database. Rejects with a StoreError:
 * 'unavailable' (no IndexedDB, private window), 'version' (this code is older than the
 * database: reload), 'upgrade-failed' (a step threw; old version and data kept),
 * 'blocked' (another tab never let go within timeoutMs), 'backing-store' or 'quota'.
 */
export function openKjk(opts: OpenKjkOptions = {}): Promise<KjkDb> {
  const name = opts.name ?? DB_NAME;
  const migrations = opts.migrations ?? MIGRATIONS;
  const version = opts.version ?? migrations[migrations.length - 1]?.version ?? DB_VERSION;
  const blockedNoticeMs = opts.blockedNoticeMs ?? 1000;
  const timeoutMs = opts.timeoutMs ?? 10_000;

  if (typeof indexedDB === 'undefined' || indexedDB === null) {
    return Promise.reject(new StoreError('unavailable', 'IndexedDB is not available in this browser'));
  }

  return new Promise<KjkDb>((resolve, reject) => {
    let settled = false;
    let upgradeStarted = false;
    let upgradeError: unknown;
    let blockedReported = false;

    const reportBlocked = (info: BlockedInfo) => {
      if (blockedReported) return;
      blockedReported = true;
      opts.onBlocked?.(info);
    };
    // The blocked event is not guaranteed to come (or come quickly) in every browser, and a
    // long upgrade in another tab also stalls us: a timer makes "within a second" hold.
    const noticeTimer = setTimeout(() => {
      if (!settled && !upgradeStarted) reportBlocked({ reason: 'slow', oldVersion: null, newVersion: version });
    }, blockedNoticeMs);
    const giveUpTimer = setTimeout(() => {
      if (settled || upgradeStarted) return;
      settled = true;
      clearTimeout(noticeTimer);
      reject(new StoreError('blocked', 'Another tab keeps the database open; close it and reload'));
    }, timeoutMs);

    const finish = (fn: () => void) => {
      clearTimeout(noticeTimer);
      clearTimeout(giveUpTimer);
      if (settled) return false;
      settled = true;
      fn();
      return true;
    };

    // Assigned on success; `blocking` and `terminated` can only fire after that.
    let db!: KjkDb;
    let opening: Promise<KjkDb>;
    try {
      opening = openDB<KjkSchema>(name, version, {
        upgrade(db, oldVersion, newVersion, tx) {
          upgradeStarted = true;
          // The open request reports an aborted upgrade; idb's tx.done would otherwise be an unhandled rejection.
          tx.done.catch(() => undefined);
          const target = newVersion ?? version;
          // idb ignores the promise an upgrade callback returns, so a failing async step
          // would otherwise let the half-migrated transaction commit. Abort explicitly.
          runMigrations(db, tx, oldVersion, target, migrations).catch((err: unknown) => {
            upgradeError = err;
            try {
              tx.abort();
            } catch {
              // Already finished or aborting: the open request reports the failure.
            }
          });
        },
        blocked(currentVersion, blockedVersion) {
          reportBlocked({ reason: 'event', oldVersion: currentVersion, newVersion: blockedVersion });
        },
        blocking() {
          // A newer tab is waiting for us. Closing now lets it upgrade; this tab's code is
          // stale, so it must reload rather than keep writing old-shaped records.
          connectionStates.set(db, 'closed-for-upgrade');
          db.close();
          opts.onVersionChange?.();
        },
        terminated() {
          if (connectionState(db) === 'open') connectionStates.set(db, 'terminated');
          opts.onTerminated?.();
        },
      });
    } catch (err) {
      // Some browsers throw synchronously (SecurityError) when storage is blocked.
      finish(() => reject(toStoreError(err, 'unavailable')));
      return;
    }
    opening.then(
      (opened) => {
        db = opened;
        connectionStates.set(opened, 'open');
        openedWith.set(opened, opts);
        const accepted = finish(() => resolve(opened));
        // We already told the caller we gave up; do not leak a connection that would block
        // the next upgrade.
        if (!accepted) closeKjk(opened);
      },
      (err: unknown) => {
        finish(() => {
          if (upgradeError !== undefined || (upgradeStarted && errorIsAbort(err))) {
            reject(
              new StoreError(
                'upgrade-failed',
                `Upgrade to version ${version} failed: ${describe(upgradeError ?? err)}`,
                upgradeError ?? err,
              ),
            );
          } else {
            reject(toStoreError(err, 'unavailable'));
          }
        });
      },
    );
  });
}

function errorIsAbort(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message || err.name : String(err);
}
