/**
 * Frames leave in the order they were made. Sealing is asynchronous (and signing makes it slower
 * and uneven), so two messages sealed at once can finish in either order; the receiver drops a
 * frame whose sequence number is below the last it saw, which loses a message that is not a
 * snapshot (a question closed, a timer paused, a vote right after a join). Each end sends through
 * one of these: sealing still runs at once, only the emitting waits its turn.
 */
export type Ordered = <T>(sealing: Promise<T>, emit: (frame: T) => void) => Promise<void>;

export function inOrder(): Ordered {
  let last: Promise<unknown> = Promise.resolve();
  return (sealing, emit) => {
    const done = last.then(() => sealing).then(emit);
    // A frame that could not be sealed fails its own send, never the ones after it.
    last = done.catch(() => undefined);
    return done;
  };
}
