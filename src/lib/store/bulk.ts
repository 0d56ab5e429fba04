/**
 * The bulk paths: import, replace-all, read-all, salvage, wipe and the one-session export.
 * Standalone functions take a database (the recovery screen has no repository); the repo
 * passes its context, so its writes also tell other tabs.
 */
import type { ImportPlan } from '../exchange/merge';
import type { Dataset, RecordCounts } from '../records/schemas';
import type { Connection } from './connection';
import { toStoreError, type StoreError } from './errors';
import { childrenOf, mustGetSession } from './lookup';
import { ALL_STORES, DATA_STORES, type KjkDb } from './schema';
import { inTx, issue, type Tx } from './tx';
import { createContext, mutate, read, type StoreContext } from './write';

/** How many records of each kind an import added. */
export type ImportResult = RecordCounts;

export interface SalvageResult {
  /** Whatever could be read. */
  data: Dataset;
  /** Stores that could not be read, with the error code. */
  failed: { store: (typeof DATA_STORES)[number]; code: StoreError['code'] }[];
}

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

const contextAt = (db: KjkDb, now: number) => createContext(db, { now: () => now, reopen: null });

/**
 * Writes an import plan in ONE strict transaction: all or nothing. Records are added with
 * `add`, never `put`, so if anything with the same id (or the same session+card note)
 * appeared since the plan was made, the whole import aborts with 'conflict' instead of
 * overwriting. A quota abort rolls everything back too.
 */
export function applyImport(db: KjkDb, plan: ImportPlan, now: number = Date.now()): Promise<ImportResult> {
  return importPlan(contextAt(db, now), plan);
}

export async function importPlan(ctx: StoreContext, plan: ImportPlan): Promise<ImportResult> {
  const w = plan.write;
  const result: ImportResult = {
    sessions: w.sessions.length,
    notes: w.notes.length,
    positions: w.positions.length,
    actions: w.actions.length,
  };
  if (result.sessions + result.notes + result.positions + result.actions === 0) return result;
  await mutate(
    ctx,
    ALL_STORES,
    async (scope) => {
      await addAll(scope.tx, w);
      scope.changed('all', '*', ctx.now());
    },
    { durability: 'strict' },
  );
  return result;
}

/**
 * Replaces everything with `data` in one strict transaction ("restore this backup
 * exactly"). Only after the user confirmed; if it fails, the old data stays.
 */
export function replaceAll(db: KjkDb, data: Dataset, now: number = Date.now()): Promise<void> {
  return replaceWith(contextAt(db, now), data);
}

export async function replaceWith(ctx: StoreContext, data: Dataset): Promise<void> {
  await mutate(
    ctx,
    ALL_STORES,
    async (scope) => {
      await issue(DATA_STORES.map((s) => () => scope.tx.objectStore(s).clear()));
      await addAll(scope.tx, data);
      scope.changed('all', '*', ctx.now());
    },
    { durability: 'strict' },
  );
}

/** Removes every record and setting, in one strict transaction. Only after explicit confirmation. */
export async function wipeAll(ctx: StoreContext): Promise<void> {
  await mutate(
    ctx,
    ALL_STORES,
    async (scope) => {
      await issue(ALL_STORES.map((s) => () => scope.tx.objectStore(s).clear()));
      scope.changed('all', '*', ctx.now());
    },
    { durability: 'strict', touchMeta: false },
  );
}

/** Everything, in one consistent read. Soft-deleted sessions are included; serialize() leaves them out of every file. */
export async function readAll(db: KjkDb | Connection): Promise<Dataset> {
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

/** One session with its notes, positions and actions, for a single-session export. */
export async function exportSession(ctx: StoreContext, id: string): Promise<Dataset> {
  return read(ctx, DATA_STORES, async (tx) => {
    const session = await mustGetSession(tx, id);
    return { sessions: [session], ...(await childrenOf(tx, id)) };
  });
}

/**
 * For the recovery screen after a backing-store error: reads each store in its own
 * transaction, so one unreadable store does not hide the others, and returns what it
 * could read for an export. Never writes or deletes.
 */
export async function salvage(db: KjkDb | Connection): Promise<SalvageResult> {
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
