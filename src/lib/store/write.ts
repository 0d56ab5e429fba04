/**
 * THE WRITE RECIPE. Every write of the store goes through `mutate`, which does the four
 * steps once for all of them:
 * 1. times come from `stamp()`: strictly later than the record's previous `updatedAt`, so
 *    two saves in one millisecond still differ (the note editor's conflict check relies on it),
 *    and never past the latest time the format takes (MAX_TIME_MS);
 * 2. the body writes in ONE transaction (all or nothing);
 * 3. in that same transaction the meta store is touched (lastChangeAt, and when the first
 *    unexported change happened: the backup reminder counts from it);
 * 4. only after the commit, other tabs are told which records changed (ids and times only).
 * Reads use `read`. Both go through tx.ts, which maps failures to StoreErrors.
 */
import { MAX_TIME_MS } from '../records/limits';
import { createConnection, type Connection, type ConnectionOptions } from './connection';
import { StoreError } from './errors';
import type { KjkDb, KjkStoreName } from './schema';
import type { ChangeStore, SyncChannel } from './sync';
import { inTx, type Mode, type Tx } from './tx';

export interface StoreContext {
  /** The database, replaced when the browser drops the connection (connection.ts). */
  readonly conn: Connection;
  now(): number;
  /**
   * Strictly later than `previous` (and not before now), but never past MAX_TIME_MS: a record
   * an import accepted at that time stays editable and exportable. Its edits then keep that
   * time, so for such a record (only a hand-made file holds one) the note editor cannot tell
   * another tab's save from its own; refusing every edit of it would be worse.
   */
  stamp(previous?: number): number;
  newId(): string;
  sync: SyncChannel | null;
}

export interface WriteScope {
  tx: Tx<'readwrite'>;
  stamp(previous?: number): number;
  /** Says that `id` in `store` changed at `at`: meta is touched (not for 'meta' itself) and other tabs told after the commit. */
  changed(store: ChangeStore, id: string, at: number): void;
}

export interface MutateOptions {
  durability?: IDBTransactionDurability;
  /** False for a wipe: nothing is left to back up, so no change time is recorded. */
  touchMeta?: boolean;
}

export interface ContextOptions extends ConnectionOptions {
  now?: () => number;
  newId?: () => string;
  sync?: SyncChannel | null;
}

export function createContext(db: KjkDb, options: ContextOptions = {}): StoreContext {
  const now = options.now ?? (() => Date.now());
  return {
    conn: createConnection(db, options),
    now,
    stamp: (previous) => Math.min(Math.max(now(), (previous ?? 0) + 1), MAX_TIME_MS),
    newId: options.newId ?? defaultNewId,
    sync: options.sync ?? null,
  };
}

function defaultNewId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function read<T>(
  ctx: StoreContext,
  stores: readonly KjkStoreName[],
  body: (tx: Tx<Mode>) => Promise<T>,
): Promise<T> {
  return inTx(ctx.conn, stores, 'readonly', body);
}

export async function mutate<T>(
  ctx: StoreContext,
  stores: readonly KjkStoreName[],
  body: (w: WriteScope) => Promise<T>,
  options: MutateOptions = {},
): Promise<T> {
  const changes: { store: ChangeStore; id: string; at: number }[] = [];
  const withMeta = stores.includes('meta') ? stores : [...stores, 'meta' as const];
  const value = await inTx(
    ctx.conn,
    withMeta,
    'readwrite',
    async (tx) => {
      changes.length = 0;
      const result = await body({ tx, stamp: ctx.stamp, changed: (store, id, at) => changes.push({ store, id, at }) });
      let latest = -1;
      for (const c of changes) if (c.store !== 'meta' && c.at > latest) latest = c.at;
      if (latest >= 0 && options.touchMeta !== false) await touchMeta(tx, latest);
      return result;
    },
    options.durability,
  );
  for (const c of changes) ctx.sync?.post({ store: c.store, id: c.id, updatedAt: c.at });
  return value;
}

async function touchMeta(tx: Tx<'readwrite'>, at: number): Promise<void> {
  const meta = tx.objectStore('meta');
  const last = await meta.get('lastChangeAt');
  if (typeof last !== 'number' || at > last) await meta.put(at, 'lastChangeAt');
  const first = await meta.get('firstUnexportedChangeAt');
  if (typeof first !== 'number') await meta.put(at, 'firstUnexportedChangeAt');
}

/** Deletes one position or action by id ('not-found' if it is gone), stamped later than the record. */
export async function deleteRecord(ctx: StoreContext, store: 'positions' | 'actions', id: string): Promise<void> {
  await mutate(ctx, [store], async (w) => {
    const existing = await w.tx.objectStore(store).get(id);
    if (!existing)
      throw new StoreError('not-found', `${store === 'positions' ? 'Position' : 'Action'} ${id} not found`);
    await w.tx.objectStore(store).delete(id);
    w.changed(store, id, w.stamp(existing.updatedAt));
  });
}
