/**
 * Persistent storage is a request, not a promise: Chrome grants it silently to installed
 * or often-used sites, Firefox may ask the user, Safari still applies its seven-day rule.
 * These helpers ask, report the answer honestly, and never throw: a missing
 * `navigator.storage` or a rejecting `persist()` just means "not protected".
 */

export type PersistStatus =
  /** The browser promised not to evict this site's data under storage pressure. */
  | 'persisted'
  /** Data can be evicted: show "niet beschermd, maak regelmatig een back-up". */
  | 'not-persisted'
  /** The browser has no StorageManager (old Safari, some webviews): same advice. */
  | 'unsupported';

export interface StorageEstimate {
  usage: number;
  quota: number;
  /**
   * Bytes in Cache Storage, where the browser breaks the usage down (Chromium's
   * `usageDetails`; 0 when it lists no caches). Undefined where it does not (Firefox, Safari).
   */
  caches?: number;
}

/** The subset of StorageManager we use; injectable for tests. */
export interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number; usageDetails?: Record<string, number | undefined> }>;
}

/** Where the settings are remembered; repo.meta fits. */
export interface PersistMeta {
  set(key: 'persistRequested' | 'persistGranted', value: boolean): Promise<void>;
}

function defaultManager(): StorageManagerLike | undefined {
  return typeof navigator !== 'undefined' ? (navigator.storage as StorageManagerLike | undefined) : undefined;
}

/** Whether data is protected now, without asking the user anything. */
export async function persistenceStatus(
  manager: StorageManagerLike | undefined = defaultManager(),
): Promise<PersistStatus> {
  if (!manager || typeof manager.persisted !== 'function') return 'unsupported';
  try {
    return (await manager.persisted()) ? 'persisted' : 'not-persisted';
  } catch {
    return 'not-persisted';
  }
}

/**
 * Asks for persistent storage (call it from a user action: Firefox shows a prompt) and
 * records that we asked and the answer. Store errors while recording are ignored: the
 * answer matters more than remembering it.
 */
export async function requestPersistence(
  meta?: PersistMeta,
  manager: StorageManagerLike | undefined = defaultManager(),
): Promise<PersistStatus> {
  if (!manager || typeof manager.persist !== 'function') return 'unsupported';
  let granted = false;
  try {
    granted = (await persistenceStatus(manager)) === 'persisted' || (await manager.persist());
  } catch {
    granted = false;
  }
  if (meta) {
    try {
      await meta.set('persistRequested', true);
      await meta.set('persistGranted', granted);
    } catch {
      // Not being able to remember the answer changes nothing for the user now.
    }
  }
  return granted ? 'persisted' : 'not-persisted';
}

/**
 * Usage and quota in bytes, or null. Only for display: Chrome reports an artificial quota,
 * so this never predicts whether a write will fit (a quota error can still come).
 */
export async function storageEstimate(
  manager: StorageManagerLike | undefined = defaultManager(),
): Promise<StorageEstimate | null> {
  if (!manager || typeof manager.estimate !== 'function') return null;
  try {
    const { usage, quota, usageDetails } = await manager.estimate();
    if (typeof usage !== 'number' || typeof quota !== 'number') return null;
    if (!usageDetails || typeof usageDetails !== 'object') return { usage, quota };
    const caches = usageDetails.caches;
    return { usage, quota, caches: typeof caches === 'number' && caches > 0 ? caches : 0 };
  } catch {
    return null;
  }
}

/** The subset of CacheStorage we use; injectable for tests. */
export interface CacheStorageLike {
  keys(): Promise<string[]>;
  open(
    name: string,
  ): Promise<{ keys(): Promise<readonly Request[]>; match(request: Request): Promise<Response | undefined> }>;
}

/**
 * Bytes in this site's caches: the app's own offline copy (the service worker's pages,
 * scripts, styles, icons). Notes are never cached, so this is what the storage line shows
 * apart from the user's data. Null where nothing is cached yet or the caches cannot be read.
 *
 * `reported` is the browser's own figure (StorageEstimate.caches) and is taken as it is:
 * adding up the cached files means reading every one of them (2 MB, about 150 files), which
 * cost a slow phone ~100 ms of main thread on every visit to the sessions page. Only where
 * the browser gives no figure (Firefox, Safari) are the files read.
 */
export async function cacheBytes(
  reported: number | undefined,
  storage: CacheStorageLike | undefined = typeof caches === 'undefined' ? undefined : caches,
): Promise<number | null> {
  if (reported !== undefined) return reported > 0 ? reported : null;
  if (!storage) return null;
  try {
    let total = 0;
    for (const name of await storage.keys()) {
      const cache = await storage.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        if (response) total += (await response.blob()).size;
      }
    }
    return total > 0 ? total : null;
  } catch {
    return null;
  }
}
