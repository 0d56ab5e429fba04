/**
 * openStore: the one way islands open the store, with the whole lifecycle (version change,
 * blocked, termination → reopen, recovery, drafts, purge, slow watchdog, close).
 */
import { forceCloseDatabase } from 'fake-indexeddb';
import { openDB, unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { draftKey, type DraftStorage } from '../../src/lib/sessions/drafts';
import { StoreError } from '../../src/lib/store/errors';
import { openStore, PURGE_AFTER_MS, REOPEN_ATTEMPTS, type OpenedStore } from '../../src/lib/store/open';
import type { NewSession } from '../../src/lib/store/repo';
import {
  connectionState,
  DB_VERSION,
  MIGRATIONS,
  openKjk,
  type KjkDb,
  type OpenKjkOptions,
} from '../../src/lib/store/schema';
import { inTx } from '../../src/lib/store/tx';
import type { ChangeMessage } from '../../src/lib/store/sync';
import { expectStoreError } from '../support/store';

let counter = 0;
const fresh = () => `kjk-open-${++counter}-${Math.random().toString(36).slice(2)}`;
const stores: OpenedStore[] = [];
const extra: { close(): void }[] = [];
const base: NewSession = { kind: 'teamoverleg', title: 'Overleg', team: 'Noord', date: '2024-05-01', lang: 'nl' };

function track(store: OpenedStore): OpenedStore {
  stores.push(store);
  return store;
}

afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const c of extra.splice(0)) c.close();
  vi.useRealTimers();
});

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('openStore', () => {
  it('hands over a working repository, once, and feeds this tab its own writes', async () => {
    const onOpen = vi.fn();
    const store = track(openStore({ name: fresh(), onOpen }));
    expect(store.state).toBe('opening');
    const repo = await store.ready;
    expect(store.state).toBe('open');
    expect(store.repo).toBe(repo);
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen.mock.calls[0]?.[1]).toMatchObject({ reopened: false });
    const seen: ChangeMessage[] = [];
    store.changes.subscribe((m) => seen.push(m));
    const s = await repo.sessions.create(base);
    await vi.waitFor(() => expect(seen.some((m) => m.store === 'sessions' && m.id === s.id)).toBe(true));
  });

  it('close: the connection goes, later calls say unavailable, and a late open is dropped', async () => {
    const store = openStore({ name: fresh() });
    const repo = await store.ready;
    store.close();
    expect(store.state).toBe('closed');
    await expectStoreError(repo.sessions.list(), 'unavailable');

    const onOpen = vi.fn();
    const early = openStore({ name: fresh(), onOpen });
    early.close();
    await expect(early.ready).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 30));
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('a newer tab that upgrades: the connection lets go and the page is told', async () => {
    const name = fresh();
    const onVersionChange = vi.fn();
    const store = track(openStore({ name, onVersionChange }));
    await store.ready;
    const newer = await openKjk({
      name,
      version: DB_VERSION + 1,
      migrations: [...MIGRATIONS, { version: DB_VERSION + 1, run() {} }],
    });
    extra.push(newer);
    expect(onVersionChange).toHaveBeenCalledTimes(1);
  });

  it('blocked by an old connection that does not let go, then open once it closes', async () => {
    const name = fresh();
    // A version-1 tab that, unlike openKjk's connections, ignores the request to let go.
    const old = await openDB(name, 1, {
      upgrade: (db, _o, _n, tx) => void MIGRATIONS[0]?.run(db as never, tx as never),
    });
    const blocked: boolean[] = [];
    const store = track(openStore({ name, onBlocked: (b) => blocked.push(b) }));
    await vi.waitFor(() => expect(blocked).toEqual([true]));
    expect(store.state).toBe('opening');
    old.close();
    await store.ready;
    expect(blocked).toEqual([true, false]);
  });

  it('terminated by the browser: opens again, says so, and tells every view to re-read', async () => {
    const opens: { reopened: boolean; db: KjkDb }[] = [];
    const store = track(openStore({ name: fresh(), onOpen: (_, info) => opens.push(info) }));
    const first = await store.ready;
    const seen: ChangeMessage[] = [];
    store.changes.subscribe((m) => seen.push(m));
    forceCloseDatabase(unwrap(first.db) as never);
    await vi.waitFor(() => expect(opens).toHaveLength(2));
    expect(opens[1]?.reopened).toBe(true);
    expect(store.repo).not.toBe(first);
    expect(seen.map((m) => m.store)).toContain('all');
    await expect(store.repo?.sessions.list()).resolves.toMatchObject({ items: [] });
  });

  it('reopening retries while the browser finishes deleting, then gives up as failed', async () => {
    let terminate: (() => void) | undefined;
    let calls = 0;
    const failures = { left: 2 };
    const open = (o: OpenKjkOptions) => {
      calls++;
      if (calls === 1) {
        terminate = o.onTerminated;
        return openKjk({ ...o, name: fresh() });
      }
      if (failures.left-- > 0) return Promise.reject(new StoreError('unavailable'));
      return openKjk({ ...o, name: fresh() });
    };
    const opened = vi.fn();
    const onFailed = vi.fn();
    const store = track(openStore({ open, onOpen: opened, onFailed, reopenDelay: () => 1 }));
    await store.ready;
    terminate?.();
    await vi.waitFor(() => expect(opened).toHaveBeenCalledTimes(2));
    expect(calls).toBe(4);
    expect(onFailed).not.toHaveBeenCalled();

    // Past REOPEN_ATTEMPTS tries, the storage is unavailable.
    failures.left = REOPEN_ATTEMPTS + 1;
    calls = 1;
    terminate?.();
    await vi.waitFor(() => expect(onFailed).toHaveBeenCalledWith('unavailable'));
    expect(calls).toBe(1 + REOPEN_ATTEMPTS + 1);
    expect(store.state).toBe('failed');
  });

  it('a first open that fails is reported with its code, and no retry', async () => {
    const onFailed = vi.fn();
    const open = vi.fn(() => Promise.reject(new StoreError('upgrade-failed')));
    const store = track(openStore({ open, onFailed }));
    await expectStoreError(store.ready, 'upgrade-failed');
    expect(onFailed).toHaveBeenCalledWith('upgrade-failed');
    expect(open).toHaveBeenCalledTimes(1);
    expect(store.state).toBe('failed');

    const onBlocked = vi.fn();
    const other = track(openStore({ open: () => Promise.reject(new StoreError('blocked')), onFailed, onBlocked }));
    await expect(other.ready).rejects.toThrow();
    expect(onBlocked).toHaveBeenCalledWith(true);
    expect(onFailed).toHaveBeenLastCalledWith('blocked');

    const strange = track(openStore({ open: () => Promise.reject(new Error('?')), onFailed }));
    await expect(strange.ready).rejects.toThrow();
    expect(onFailed).toHaveBeenLastCalledWith(null);
  });

  it('unreadable data goes to recovery (or counts as failed without a recovery view)', async () => {
    const damaged = () => Promise.reject(new StoreError('backing-store'));
    const onRecoveryNeeded = vi.fn();
    const store = track(openStore({ open: damaged, onRecoveryNeeded }));
    await expect(store.ready).rejects.toThrow();
    expect(onRecoveryNeeded).toHaveBeenCalledWith(null);
    expect(store.state).toBe('recovery');

    const onFailed = vi.fn();
    const plain = track(openStore({ open: damaged, onFailed }));
    await expect(plain.ready).rejects.toThrow();
    expect(onFailed).toHaveBeenCalledWith('backing-store');
  });

  it('escalate: a damaged store met by a view goes to recovery with the open connection', async () => {
    const onRecoveryNeeded = vi.fn();
    const store = track(openStore({ name: fresh(), onRecoveryNeeded }));
    const repo = await store.ready;
    expect(store.escalate(new StoreError('quota'))).toBe(false);
    expect(store.escalate(new Error('x'))).toBe(false);
    expect(store.escalate(new StoreError('backing-store'))).toBe(true);
    expect(onRecoveryNeeded).toHaveBeenCalledWith(repo.db);
    expect(store.state).toBe('recovery');
    // Once in recovery, nothing more to escalate.
    expect(store.escalate(new StoreError('backing-store'))).toBe(false);

    const without = track(openStore({ name: fresh() }));
    await without.ready;
    expect(without.escalate(new StoreError('backing-store'))).toBe(false);
  });

  it('saves the drafts a closed page left before handing over the store', async () => {
    const name = fresh();
    const setup = openStore({ name });
    const s = await (await setup.ready).sessions.create(base);
    setup.close();
    const drafts = memoryStorage();
    const draft = { sessionId: s.id, cardId: 'k1', text: 'uit het concept', base: null, at: 1, tab: 't' };
    drafts.setItem(draftKey(s.id, 'k1'), JSON.stringify(draft));
    drafts.setItem(draftKey('weg', 'k1'), JSON.stringify({ ...draft, sessionId: 'weg' }));
    const store = track(openStore({ name, drafts }));
    const repo = await store.ready;
    expect((await repo.notes.get(s.id, 'k1'))?.text).toBe('uit het concept');
    // Saved and gone drafts leave the journal.
    expect(drafts.map.size).toBe(0);
  });

  it('purges sessions deleted more than the keep period ago, only when asked', async () => {
    const name = fresh();
    let time = 1_700_000_000_000;
    const now = () => time;
    const setup = openStore({ name, now });
    const repo = await setup.ready;
    const old = await repo.sessions.create(base);
    const recent = await repo.sessions.create(base);
    await repo.sessions.softDelete(old.id);
    time += PURGE_AFTER_MS - 1000;
    await repo.sessions.softDelete(recent.id);
    time += 2000;
    setup.close();

    const keep = openStore({ name, now });
    await (await keep.ready).sessions.get(old.id);
    expect(await (await keep.ready).sessions.get(old.id)).toBeDefined();
    keep.close();

    const store = track(openStore({ name, now, purge: true }));
    const after = await store.ready;
    await vi.waitFor(async () => expect(await after.sessions.get(old.id)).toBeUndefined());
    expect(await after.sessions.get(recent.id)).toBeDefined();
  });

  it('the slow watchdog: on while the store or the page still loads, off once it caught up', async () => {
    let pageLoading = true;
    const slow: boolean[] = [];
    const store = track(
      openStore({
        name: fresh(),
        onSlow: (s) => slow.push(s),
        slow: { loading: () => pageLoading, afterMs: 20, recheckMs: 5 },
      }),
    );
    await store.ready;
    await vi.waitFor(() => expect(slow).toEqual([true]));
    pageLoading = false;
    await vi.waitFor(() => expect(slow).toEqual([true, false]));

    // A page that had its data in time never sees the banner.
    const quiet: boolean[] = [];
    const fast = track(
      openStore({ name: fresh(), onSlow: (s) => quiet.push(s), slow: { loading: () => false, afterMs: 20 } }),
    );
    await fast.ready;
    await new Promise((r) => setTimeout(r, 40));
    expect(quiet).toEqual([]);
  });

  it('a page that goes into the back/forward cache ends what it has in flight, and opens again when it comes back', async () => {
    const name = fresh();
    const page = new EventTarget();
    const transition = (type: 'pagehide' | 'pageshow', persisted: boolean) =>
      page.dispatchEvent(Object.assign(new Event(type), { persisted }));
    const opens: { reopened: boolean }[] = [];
    const store = track(openStore({ name, page, onOpen: (_, info) => opens.push(info) }));
    const first = await store.ready;
    const seen: ChangeMessage[] = [];
    store.changes.subscribe((m) => seen.push(m));
    // What a frozen page looks like to other pages: a transaction that keeps issuing requests.
    const inFlight = inTx(first.db, ['sessions'], 'readonly', async (tx) => {
      for (;;) await tx.objectStore('sessions').count();
    });
    inFlight.catch(() => undefined);
    // Another page of the site writes: it has to wait behind that transaction.
    const other = await openKjk({ name });
    extra.push(other);
    let written = false;
    const write = other.put('sessions', { ...base, id: 'other-page' } as never).then(() => {
      written = true;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(written).toBe(false);

    // Leaving without the cache changes nothing: the browser ends the page itself.
    transition('pagehide', false);
    await new Promise((r) => setTimeout(r, 30));
    expect(written).toBe(false);

    transition('pagehide', true);
    await expect(inFlight).rejects.toBeInstanceOf(StoreError);
    await write;
    expect(connectionState(first.db)).toBe('closed');
    expect(opens).toHaveLength(1);

    transition('pageshow', true);
    await vi.waitFor(() => expect(opens).toHaveLength(2));
    // Not "the browser closed the storage": the page closed it itself, nobody needs telling.
    expect(opens[1]?.reopened).toBe(false);
    expect(store.repo).not.toBe(first);
    expect(seen.map((m) => m.store)).toContain('all');
    await expect(store.repo?.sessions.get('other-page')).resolves.toMatchObject({ id: 'other-page' });

    // A pageshow with nothing parked (a first load, a page that did not close) opens nothing.
    transition('pageshow', true);
    await new Promise((r) => setTimeout(r, 30));
    expect(opens).toHaveLength(2);
  });

  it('a store that never opens counts as slow', async () => {
    vi.useFakeTimers();
    const onSlow = vi.fn();
    const store = track(openStore({ open: () => new Promise(() => {}), onSlow, slow: { loading: () => false } }));
    vi.advanceTimersByTime(11_999);
    expect(onSlow).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSlow).toHaveBeenCalledWith(true);
    store.close();
  });
});

describe('hasDrafts (the cheap look before the journal loads)', () => {
  it('finds a draft key among others, and nothing in empty, missing or throwing storage', async () => {
    const { hasDrafts, DRAFT_PREFIX } = await import('../../src/lib/sessions/draft-storage');
    const map = new Map<string, string>([['other', '1']]);
    const storage = {
      get length() {
        return map.size;
      },
      key: (i: number) => [...map.keys()][i] ?? null,
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    expect(hasDrafts(storage)).toBe(false);
    map.set(`${DRAFT_PREFIX}["s","k"]`, '{}');
    expect(hasDrafts(storage)).toBe(true);
    expect(hasDrafts(null)).toBe(false);
    const throwing = {
      ...storage,
      key: () => {
        throw new Error('SecurityError');
      },
    };
    expect(hasDrafts(throwing)).toBe(false);
  });
});
