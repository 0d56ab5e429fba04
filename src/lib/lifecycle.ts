/**
 * Work that must be done before the app reloads itself (the "new version" button): an editor
 * registers a flusher that saves its draft, and the update waits for flushAll().
 */
export type Flusher = () => Promise<void> | void;

/**
 * How long an update waits for drafts to be saved. It does not go ahead after that: flushAll
 * rejects, the reload is held and the user can try again, so a save in flight is never cut off.
 */
export const FLUSH_TIMEOUT_MS = 3000;

const flushers = new Set<Flusher>();

/** Adds a flusher; call the returned function to remove it again (e.g. when the editor closes). */
export function registerFlusher(fn: Flusher): () => void {
  flushers.add(fn);
  return () => {
    flushers.delete(fn);
  };
}

/**
 * Runs every flusher at once and waits for all of them, at most `timeoutMs`. Rejects when a
 * flusher failed OR is still running at the timeout: reloading then would abort a save in
 * flight and lose the draft, so the caller holds the reload and lets the user try again.
 */
export async function flushAll(timeoutMs = FLUSH_TIMEOUT_MS): Promise<void> {
  const errors: unknown[] = [];
  const all = Promise.all(
    [...flushers].map(async (fn) => {
      try {
        await fn();
      } catch (error) {
        errors.push(error);
      }
    }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([all.then(() => 'done' as const), timeout]);
  clearTimeout(timer);
  if (errors.length > 0) throw new AggregateError(errors, `${errors.length} draft(s) could not be saved`);
  if (outcome === 'timeout') throw new Error(`drafts still saving after ${timeoutMs} ms`);
}
