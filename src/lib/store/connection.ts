/**
 * The repository's database connection, which can be replaced when the browser drops it.
 *
 * Safari closes the IndexedDB connections of background tabs without a 'close' event; the
 * next transaction then fails on creation or aborts with "Connection to Indexed Database
 * server lost" (an InvalidStateError or UnknownError). The store then drops the connection,
 * opens a new one (at most three tries) and runs the operation once more; a transaction that
 * failed this way wrote nothing, so running it again is safe. If that fails too, the caller
 * gets the StoreError it would have got anyway.
 *
 * Not covered here, on purpose: a connection closed by us (closeKjk), one closed for an
 * upgrade (this tab must reload, not reopen), and one the browser closed WITH a 'close' event
 * (storage cleared): the app reopens that one itself (openKjk's onTerminated) and shows it.
 */
import { StoreError } from './errors';
import { closeKjk, connectionState, reopenKjk, type KjkDb } from './schema';

export interface Connection {
  readonly db: KjkDb;
  /** After `lost` failed: replaces it (once for all callers). False when no new connection could be had. */
  reconnect(lost: KjkDb): Promise<boolean>;
}

export interface ConnectionOptions {
  /** Opens a new connection. Default: openKjk again with the options `db` was opened with. */
  reopen?: (() => Promise<KjkDb> | null) | null;
  /** How many times to try opening. Default 3. */
  attempts?: number;
  /** Wait before the 2nd, 3rd… try (doubling). Default 100 ms. */
  delayMs?: number;
}

const LOST = /connection to indexed ?database server lost/i;

/** Connections dropped because the browser lost them; operations that failed on one may run again. */
const replaced = new WeakSet<KjkDb>();

/** Whether `err` (a StoreError from tx.ts, or what it wraps) means the browser dropped `db` under us. */
export function isLostConnection(db: KjkDb, err: unknown): boolean {
  // Closed by us or for an upgrade: not lost. Closed because lost (another operation saw it first): lost.
  if (connectionState(db) !== 'open' && !replaced.has(db)) return false;
  if (replaced.has(db) && err instanceof StoreError && err.cause === undefined) return true;
  const cause = err instanceof StoreError ? err.cause : err;
  const name = typeof cause === 'object' && cause !== null ? (cause as { name?: unknown }).name : undefined;
  if (name !== 'InvalidStateError' && name !== 'UnknownError') return false;
  const message = cause instanceof Error ? cause.message : '';
  // A transaction refused on a connection we did not close: the browser closed it.
  return (
    LOST.test(message) ||
    (name === 'InvalidStateError' && err instanceof StoreError && err.message.startsWith(CREATE_FAILED))
  );
}

/** The message tx.ts gives a StoreError when db.transaction() itself throws. */
export const CREATE_FAILED = 'The transaction could not be started';

export function createConnection(db: KjkDb, options: ConnectionOptions = {}): Connection {
  let current = db;
  let pending: Promise<boolean> | null = null;
  const reopen = options.reopen === undefined ? () => reopenKjk(current) : options.reopen;
  const attempts = options.attempts ?? 3;
  const delayMs = options.delayMs ?? 100;

  async function replace(lost: KjkDb): Promise<boolean> {
    if (!reopen) return false;
    replaced.add(lost);
    try {
      closeKjk(lost);
    } catch {
      // Already gone: that is why we are here.
    }
    for (let i = 0; i < attempts; i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** (i - 1)));
      try {
        const next = await reopen();
        if (next) {
          current = next;
          return true;
        }
        return false;
      } catch {
        // Try again: right after a connection loss, opening can fail for a moment.
      }
    }
    return false;
  }

  return {
    get db() {
      return current;
    },
    reconnect(lost) {
      if (lost !== current) return Promise.resolve(true);
      pending ??= replace(lost).finally(() => {
        pending = null;
      });
      return pending;
    },
  };
}

/** A connection that is never replaced (standalone bulk functions, a database not made by openKjk). */
export function fixedConnection(db: KjkDb): Connection {
  return { db, reconnect: async () => false };
}
