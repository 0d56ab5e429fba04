/**
 * Transactions: the one place that opens them and turns their failures into StoreErrors.
 *
 * Rules kept throughout the store:
 * - Inside a transaction we await IndexedDB requests only (no crypto, fetch or timers),
 *   or the transaction auto-commits half-way.
 * - We wait on `tx.done` as well as on requests: a quota failure arrives as an abort and
 *   the request promises may never settle.
 * - On any error nothing is deleted; the caller gets a StoreError with a code.
 */
import type { IDBPTransaction } from 'idb';
import { connectionState, type KjkDb, type KjkSchema, type KjkStoreName } from './schema';
import { CREATE_FAILED, isLostConnection, type Connection } from './connection';
import { StoreError, toStoreError } from './errors';

export type Mode = 'readonly' | 'readwrite';
export type Tx<M extends Mode> = IDBPTransaction<KjkSchema, KjkStoreName[], M>;

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

/** The transactions of each connection that have not ended yet. */
const live = new WeakMap<KjkDb, Set<{ abort(): void }>>();

function track(db: KjkDb, tx: { abort(): void }, done: Promise<void>): void {
  const set = live.get(db) ?? new Set();
  live.set(db, set);
  set.add(tx);
  const end = () => set.delete(tx);
  done.then(end, end);
}

/**
 * Aborts every transaction still running on `db` (their callers get the abort as a StoreError).
 * For a page that goes into the back/forward cache: WebKit keeps it there with its transactions
 * open, and every transaction of every other page of the site waits behind them.
 */
export function abortInFlight(db: KjkDb): void {
  for (const tx of live.get(db) ?? []) {
    try {
      tx.abort();
    } catch {
      // Committed in the meantime: nothing to free.
    }
  }
  live.delete(db);
}

/**
 * Runs `body` in one transaction and resolves only after the commit. A body that throws
 * aborts the transaction, so partial writes roll back; aborts are mapped to StoreErrors
 * using `tx.error`, which names the real cause (QuotaExceededError, ConstraintError).
 * Given a Connection, a transaction that failed because the browser dropped the connection
 * runs once more on a new one (see connection.ts).
 */
export async function inTx<M extends Mode, T>(
  source: KjkDb | Connection,
  stores: readonly KjkStoreName[],
  mode: M,
  body: (tx: Tx<M>) => Promise<T>,
  durability: IDBTransactionDurability = 'default',
): Promise<T> {
  if (!('reconnect' in source)) return attempt(source, stores, mode, body, durability);
  const db = source.db;
  try {
    return await attempt(db, stores, mode, body, durability);
  } catch (err) {
    if (!isLostConnection(db, err) || !(await source.reconnect(db))) throw err;
    return attempt(source.db, stores, mode, body, durability);
  }
}

async function attempt<M extends Mode, T>(
  db: KjkDb,
  stores: readonly KjkStoreName[],
  mode: M,
  body: (tx: Tx<M>) => Promise<T>,
  durability: IDBTransactionDurability,
): Promise<T> {
  assertUsable(db);
  let tx: Tx<M>;
  try {
    tx = db.transaction([...stores], mode, { durability }) as unknown as Tx<M>;
  } catch (err) {
    const mapped = toStoreError(err);
    throw new StoreError(mapped.code, `${CREATE_FAILED}: ${mapped.message}`, err);
  }
  const done = tx.done;
  track(db, tx, done);
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

/**
 * Sends requests one by one and waits for all. If sending fails half-way (the transaction
 * was aborted under us, a value cannot be cloned), the requests already sent still get a
 * rejection handler, so their AbortErrors do not surface as unhandled rejections.
 */
export function issue(tasks: Iterable<() => Promise<unknown>>): Promise<unknown[]> {
  const sent: Promise<unknown>[] = [];
  try {
    for (const task of tasks) sent.push(task());
  } catch (err) {
    for (const p of sent) p.catch(() => undefined);
    return Promise.reject(err);
  }
  return Promise.all(sent);
}
