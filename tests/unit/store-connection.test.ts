/**
 * Safari drops the IndexedDB connection of a background tab without a 'close' event; the
 * next transaction fails with "Connection to Indexed Database server lost". The repository
 * then reopens (at most three tries) and runs the operation once more.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRepo, type NewSession } from '../../src/lib/store/repo';
import { closeKjk, connectionState, openKjk, type KjkDb } from '../../src/lib/store/schema';
import { expectStoreError } from '../support/store';

const LOST = 'Connection to Indexed Database server lost. Refresh the page to try again';
const base: NewSession = { kind: 'teamoverleg', title: 'Overleg', team: 'Team', date: '2024-05-01', lang: 'nl' };
const open: KjkDb[] = [];

afterEach(() => {
  for (const db of open.splice(0)) db.close();
  vi.restoreAllMocks();
});

async function openTracked(name: string): Promise<KjkDb> {
  const db = await openKjk({ name });
  open.push(db);
  return db;
}

/** A connection that dies: its next `times` transactions throw as Safari's do. */
function dies(db: KjkDb, times = Number.POSITIVE_INFINITY, name = 'InvalidStateError') {
  const real = db.transaction.bind(db);
  let left = times;
  return vi.spyOn(db, 'transaction').mockImplementation(((...args: Parameters<KjkDb['transaction']>) => {
    if (left-- > 0) throw new DOMException(LOST, name);
    return real(...args);
  }) as KjkDb['transaction']);
}

describe('a connection the browser dropped', () => {
  it('is reopened and the write runs once more on the new connection (default: openKjk with the same options)', async () => {
    const name = `kjk-conn-${Math.random()}`;
    const db = await openTracked(name);
    const repo = createRepo(db);
    const s = await repo.sessions.create(base);
    dies(db);
    const saved = await repo.notes.save({ sessionId: s.id, cardId: 'k', text: 'bewaard', baseUpdatedAt: null });
    expect(saved.ok).toBe(true);
    expect(repo.db).not.toBe(db);
    open.push(repo.db);
    expect(connectionState(db)).toBe('closed');
    expect((await repo.notes.get(s.id, 'k'))?.text).toBe('bewaard');
    // The text is really stored, not only in the repository's memory.
    const other = await openTracked(name);
    expect((await createRepo(other).notes.get(s.id, 'k'))?.text).toBe('bewaard');
  });

  it('a transaction that aborts with "server lost" (UnknownError) is run again, and writes once', async () => {
    const db = await openTracked(`kjk-conn-${Math.random()}`);
    let reopened: KjkDb | undefined;
    const repo = createRepo(db, {
      reopen: async () => {
        reopened = await openKjk({ name: db.name });
        return reopened;
      },
    });
    const s = await repo.sessions.create(base);
    const proto = IDBObjectStore.prototype as unknown as Record<'add', (...args: unknown[]) => IDBRequest>;
    const original = proto.add;
    let calls = 0;
    vi.spyOn(proto, 'add').mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      const request = original.apply(this, args);
      if (++calls === 1) {
        // As Safari does: the transaction aborts, and its error names the lost connection.
        const tx = this.transaction as unknown as { _abort(n: string): void; error: DOMException };
        tx._abort('UnknownError');
        tx.error = new DOMException(LOST, 'UnknownError');
      }
      return request;
    });
    const action = await repo.actions.add({ sessionId: s.id, text: 'Bel' });
    expect(reopened).toBeDefined();
    open.push(reopened!);
    vi.restoreAllMocks();
    expect(await repo.actions.list(s.id)).toEqual([action]);
  });

  it('gives up after three failed reopens with the usual StoreError, nothing half-written', async () => {
    const db = await openTracked(`kjk-conn-${Math.random()}`);
    const reopen = vi.fn(async (): Promise<KjkDb> => {
      throw new DOMException('still gone', 'UnknownError');
    });
    const repo = createRepo(db, { reopen });
    const s = await repo.sessions.create(base);
    dies(db);
    await expectStoreError(repo.sessions.rename(s.id, 'Nieuw'), 'unavailable');
    expect(reopen).toHaveBeenCalledTimes(3);
    const other = await openTracked(db.name);
    expect((await createRepo(other).sessions.get(s.id))?.title).toBe('Overleg');
  });

  it('retries the operation only once: if the new connection fails too, the usual StoreError', async () => {
    const db = await openTracked(`kjk-conn-${Math.random()}`);
    let secondDies: ReturnType<typeof dies> | undefined;
    const reopen = vi.fn(async () => {
      const reopened = await openKjk({ name: db.name });
      open.push(reopened);
      secondDies = dies(reopened);
      return reopened;
    });
    const repo = createRepo(db, { reopen });
    dies(db);
    await expectStoreError(repo.sessions.list(), 'unavailable');
    expect(reopen).toHaveBeenCalledTimes(1);
    expect(secondDies).toHaveBeenCalledTimes(1);
  });

  it('operations failing at once share one reopen', async () => {
    const db = await openTracked(`kjk-conn-${Math.random()}`);
    const reopen = vi.fn(async () => {
      const next = await openKjk({ name: db.name });
      open.push(next);
      return next;
    });
    const repo = createRepo(db, { reopen });
    dies(db);
    const results = await Promise.all([repo.sessions.list(), repo.notes.list('s'), repo.meta.get('lastChangeAt')]);
    expect(results[0].items).toEqual([]);
    expect(reopen).toHaveBeenCalledTimes(1);
  });

  it('is not reopened when closed on purpose, for an upgrade, or without the "lost" sign', async () => {
    const reopen = vi.fn(async () => openKjk({ name: `kjk-conn-${Math.random()}` }));
    const closed = await openTracked(`kjk-conn-${Math.random()}`);
    closeKjk(closed);
    await expectStoreError(createRepo(closed, { reopen }).sessions.list(), 'unavailable');

    const other = await openTracked(`kjk-conn-${Math.random()}`);
    vi.spyOn(other, 'transaction').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expectStoreError(createRepo(other, { reopen }).sessions.list(), 'quota');
    expect(reopen).not.toHaveBeenCalled();

    const never = await openTracked(`kjk-conn-${Math.random()}`);
    dies(never);
    await expectStoreError(createRepo(never, { reopen: null }).sessions.list(), 'unavailable');
  });
});
