/**
 * The one way an island opens the store. The database's whole lifecycle lives here, so a
 * change to its version or failure handling is made once: a newer tab's upgrade, a tab that
 * blocks ours, the browser dropping the connection (storage cleared: open again, a few tries),
 * a first view that never finishes loading (the slow watchdog), drafts left by a closed page,
 * the purge of long-deleted sessions, and one change feed for this tab's and other tabs' writes.
 * Callers get events, never a half-open store: `onOpen` hands over a repository that works.
 */
import { DELETED_KEEP_DAYS } from '../records/limits';
import { createBus, echoingSync, type ChangeBus } from '../sessions/bus';
import { type DraftStorage, hasDrafts } from '../sessions/draft-storage';
import type { RecoverOutcome } from '../sessions/drafts';
import { isStoreError, type StoreErrorCode } from './errors';
import { createRepo, type Repo } from './repo';
import { closeKjk, openKjk, type KjkDb, type OpenKjkOptions } from './schema';
import { createSync, type SyncChannel } from './sync';
import { abortInFlight } from './tx';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Deleted sessions stay in the "Verwijderd" list (and restorable) this long, then go with their records. */
export const PURGE_AFTER_MS = DELETED_KEEP_DAYS * DAY_MS;
export const REOPEN_ATTEMPTS = 5;
// Longer than the store's own 10 s give-up on a blocked open: past it, something else hangs
// (an upgrade, or a first read that never ends: seen in WebKit under load), and only a reload
// helps. It counts until the first view has its data, not only until the store is open.
export const SLOW_OPEN_MS = 12_000;

export type StoreState = 'opening' | 'open' | 'recovery' | 'failed' | 'closed';

export interface OpenStoreOptions {
  /** A store is open and usable; `reopened` after the browser dropped the previous connection. */
  onOpen?(repo: Repo, info: { reopened: boolean; db: KjkDb }): void;
  /** A newer tab upgrades the database: this connection is closed, only a reload helps. */
  onVersionChange?(): void;
  /** true: another tab keeps an old version open; false: the open went through after all. */
  onBlocked?(blocked: boolean): void;
  /** The store, or the first view's data, takes too long (true), or caught up after all (false). */
  onSlow?(slow: boolean): void;
  /** The stored data is unreadable ('backing-store'); db is the connection to salvage from, if any. Without this handler such a store counts as failed. */
  onRecoveryNeeded?(db: KjkDb | null): void;
  /** The store cannot be opened; null when the cause is not a StoreError. */
  onFailed?(code: StoreErrorCode | null): void;
  /** Drafts to save before the first view reads (the note editor's journal); omit to skip. */
  drafts?: DraftStorage | null;
  /** Purge sessions deleted longer ago than PURGE_AFTER_MS (the sessions page does, on opening). */
  purge?: boolean;
  /** The slow watchdog: `loading` says whether the page still waits for data. Omit for no watchdog. */
  slow?: { loading(): boolean; afterMs?: number; recheckMs?: number };
  /** Cross-tab notices; default a BroadcastChannel (createSync). */
  sync?: SyncChannel;
  /** Delay before reopen attempt n (0-based). Default 200 ms, doubling. */
  reopenDelay?(attempt: number): number;
  now?(): number;
  /** Where `pagehide`/`pageshow` arrive; default the window (none outside a browser). */
  page?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** For tests: another database name, or an open function that fails on purpose. */
  name?: string;
  open?(options: OpenKjkOptions): Promise<KjkDb>;
}

export interface OpenedStore {
  /** The first repository, or a StoreError (or whatever the open threw). */
  readonly ready: Promise<Repo>;
  /** The repository in use (a new one after a reopen), null while none is open. */
  readonly repo: Repo | null;
  readonly state: StoreState;
  /** This tab's writes and other tabs' writes, as one stream of notices. */
  readonly changes: ChangeBus;
  /** For an error a view met while using the store: a damaged store goes to recovery (true when it did). */
  escalate(err: unknown): boolean;
  /** Stops everything and closes the connection; later repository calls report 'unavailable'. */
  close(): void;
}

export function openStore(options: OpenStoreOptions = {}): OpenedStore {
  const open = options.open ?? openKjk;
  const now = options.now ?? Date.now;
  const delay = options.reopenDelay ?? ((attempt: number) => 200 * 2 ** attempt);
  const sync = options.sync ?? createSync();
  const changes = createBus();
  const unsubscribe = sync.subscribe((m) => changes.emit(m));
  let state: StoreState = 'opening';
  let current: KjkDb | null = null;
  let repo: Repo | null = null;
  let first: { resolve(repo: Repo): void; reject(err: unknown): void } | null = null;
  const ready = new Promise<Repo>((resolve, reject) => {
    first = { resolve, reject };
  });
  // A caller that only listens to the events must not see an unhandled rejection.
  ready.catch(() => undefined);

  // A function, not a comparison in place: `state` changes across the awaits below.
  const closed = () => state === 'closed';
  const settleFirst = (fn: (f: NonNullable<typeof first>) => void) => {
    if (first) fn(first);
    first = null;
  };

  const fail = (err: unknown) => {
    const code = isStoreError(err) ? err.code : null;
    if (code === 'blocked') options.onBlocked?.(true);
    if (code === 'backing-store' && options.onRecoveryNeeded) {
      state = 'recovery';
      options.onRecoveryNeeded(null);
    } else {
      state = 'failed';
      options.onFailed?.(code);
    }
    settleFirst((f) => f.reject(err));
  };

  // 'lost': the browser dropped the connection (the user is told); 'back': the page came back
  // from the back/forward cache, where we closed it ourselves (nothing to tell).
  const attempt = async (why: 'first' | 'lost' | 'back', tries = 0): Promise<void> => {
    const reopening = why !== 'first';
    try {
      const db = await open({
        ...(options.name === undefined ? {} : { name: options.name }),
        onVersionChange: () => options.onVersionChange?.(),
        onBlocked: () => options.onBlocked?.(true),
        // Storage cleared or the disk went away: open again (an empty store if it was
        // cleared), keeping the page and whatever is typed in it.
        onTerminated: () => {
          if (!closed()) void attempt('lost');
        },
      });
      if (closed()) {
        closeKjk(db);
        return;
      }
      current = db;
      options.onBlocked?.(false);
      const next = createRepo(db, { sync: echoingSync(sync, changes), now });
      if (options.drafts) await saveDrafts(next, options.drafts);
      if (options.purge) next.sessions.purgeDeleted(now() - PURGE_AFTER_MS).catch(() => undefined);
      if (closed()) return;
      repo = next;
      state = 'open';
      settleFirst((f) => f.resolve(next));
      options.onOpen?.(next, { reopened: why === 'lost', db });
      if (reopening) changes.emit({ type: 'changed', store: 'all', id: '*', updatedAt: now() });
    } catch (err) {
      if (closed()) return;
      // Right after the browser cleared the data, opening can fail while it finishes
      // deleting: try again a few times before calling the storage unavailable.
      if (reopening && tries < REOPEN_ATTEMPTS) {
        setTimeout(() => void attempt(why, tries + 1), delay(tries));
        return;
      }
      fail(err);
    }
  };
  void attempt('first');

  const watchdog = startWatchdog(options.slow, () => state === 'opening', options.onSlow);
  const unwatchPage = watchPageCache(options.page === undefined ? globalThis : options.page, {
    leave() {
      if (closed() || !current || state !== 'open') return false;
      abortInFlight(current);
      closeKjk(current);
      current = null;
      return true;
    },
    back() {
      if (!closed()) void attempt('back');
    },
  });

  return {
    ready,
    get repo() {
      return repo;
    },
    get state() {
      return state;
    },
    changes,
    escalate(err) {
      if (!(isStoreError(err) && err.code === 'backing-store' && state === 'open')) return false;
      if (!options.onRecoveryNeeded) return false;
      state = 'recovery';
      options.onRecoveryNeeded(current);
      return true;
    },
    close() {
      if (closed()) return;
      state = 'closed';
      watchdog();
      unwatchPage();
      unsubscribe();
      sync.close();
      settleFirst((f) => f.reject(new Error('The store was closed before it opened')));
      if (current) closeKjk(current);
    },
  };
}

/** Saves the drafts a closed page left, through the normal conflict-checked note save. */
async function saveDrafts(repo: Repo, drafts: DraftStorage): Promise<void> {
  // The journal's code loads only when a draft waits: most openings find none, and the list's
  // start-up code has a budget.
  if (!hasDrafts(drafts)) return;
  const { recoverDrafts } = await import('../sessions/drafts');
  await recoverDrafts(drafts, async (d): Promise<RecoverOutcome> => {
    try {
      const r = await repo.notes.save({
        sessionId: d.sessionId,
        cardId: d.cardId,
        text: d.text,
        baseUpdatedAt: d.base,
      });
      return r.ok ? 'saved' : 'conflict';
    } catch (err) {
      return isStoreError(err) && err.code === 'not-found' ? 'gone' : 'error';
    }
  });
}

/**
 * A page that goes into the back/forward cache (`pagehide` with `persisted`) keeps its
 * IndexedDB transactions open in WebKit (2.50 at least) for as long as it stays there, and
 * every other page of the site then waits behind them: the next page's first read never
 * returned, in the test suite and for a user who leaves a session for the list. So a page
 * that leaves for the cache ends what it has in flight and closes; when it comes back, it
 * opens again. `leave` says whether it closed anything.
 */
function watchPageCache(
  page: Partial<Pick<EventTarget, 'addEventListener' | 'removeEventListener'>> | null,
  on: { leave(): boolean; back(): void },
): () => void {
  if (!page?.addEventListener) return () => undefined;
  let parked = false;
  const hide = (e: Event) => {
    if ((e as PageTransitionEvent).persisted && on.leave()) parked = true;
  };
  const show = (e: Event) => {
    if (!(e as PageTransitionEvent).persisted || !parked) return;
    parked = false;
    on.back();
  };
  page.addEventListener('pagehide', hide);
  page.addEventListener('pageshow', show);
  return () => {
    page.removeEventListener?.('pagehide', hide);
    page.removeEventListener?.('pageshow', show);
  };
}

/** Calls onSlow(true) when still loading after afterMs, then onSlow(false) once it caught up. Returns the stop function. */
function startWatchdog(
  slow: OpenStoreOptions['slow'],
  opening: () => boolean,
  onSlow: OpenStoreOptions['onSlow'],
): () => void {
  if (!slow) return () => undefined;
  const loading = () => opening() || slow.loading();
  let stopped = false;
  let recheck: ReturnType<typeof setInterval> | undefined;
  const timer = setTimeout(() => {
    if (stopped || !loading()) return;
    onSlow?.(true);
    // The page may still catch up: the banner goes once nothing is loading any more.
    recheck = setInterval(() => {
      if (stopped || loading()) return;
      clearInterval(recheck);
      onSlow?.(false);
    }, slow.recheckMs ?? 1000);
  }, slow.afterMs ?? SLOW_OPEN_MS);
  return () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(recheck);
  };
}
