/**
 * Loading a part of the app on demand (a dynamic import), again when it fails. A chunk can fail
 * to arrive on venue Wi-Fi or a busy connection: Safari then rejects the import with "Importing
 * a module script failed", and a view that waited for it said "Laden…" for good. A second and
 * third try usually get it; when they do not, the caller says so and offers a reload.
 */
export interface RetryOptions {
  /** Tries in all (at least 1). */
  attempts?: number;
  /** Waits before try `n` (2, 3, …); injectable for tests. */
  pause?: (attempt: number) => Promise<void>;
}

export const LOAD_ATTEMPTS = 3;

const defaultPause = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 2)));

/** `load()`, tried up to `attempts` times; rejects with the last error. */
export async function loadWithRetry<T>(load: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? LOAD_ATTEMPTS);
  const pause = options.pause ?? defaultPause;
  let last: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await pause(attempt);
    try {
      return await load();
    } catch (err) {
      last = err;
    }
  }
  throw last;
}

type Listener = (error: unknown) => void;
const listeners = new Set<Listener>();

/** Hears about parts that could not be loaded after every try (the page shows a reload banner). */
export function onLoadFailure(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `loadWithRetry`, and when every try failed, tells the listeners before rejecting. */
export async function loadPart<T>(load: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  try {
    return await loadWithRetry(load, options);
  } catch (err) {
    for (const listener of listeners) listener(err);
    throw err;
  }
}
