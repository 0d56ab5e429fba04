/**
 * Work that must be done before the app reloads itself (the "new version" button): an editor
 * registers a flusher that saves its draft, and the update waits for flushAll().
 */
export type Flusher = () => Promise<void> | void;

/** How long an update waits for drafts to be saved before it goes ahead anyway. */
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
 * Runs every flusher at once and waits for all of them, but never longer than `timeoutMs`: a
 * stuck save must not keep the user on an old version forever. Rejects when a flusher failed,
 * so the caller can hold the reload: a failed save followed by a reload would lose the draft.
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
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([all, timeout]);
  clearTimeout(timer);
  if (errors.length > 0) throw new AggregateError(errors, `${errors.length} draft(s) could not be saved`);
}
