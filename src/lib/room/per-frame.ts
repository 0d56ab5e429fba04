/**
 * At most one call per frame, always with the latest value: while a plenary's votes pour in, the
 * presenter's island draws once an animation frame instead of once a vote (and saves once per
 * 100 ms). A value that arrives when nothing was applied in the last frame goes through at once
 * (no delay for a lone change); later ones wait for the next frame, and the last one is always
 * applied. No DOM: the scheduler is passed in (requestAnimationFrame, or a timer).
 */
export interface PerFrame<T> {
  push(value: T): void;
  /** Applies what waits now (before the room is left, so nothing that arrived is skipped). */
  flush(): void;
  /** Drops what waits and stops: nothing is applied after this. */
  cancel(): void;
}

export function perFrame<T>(apply: (value: T) => void, frame: (tick: () => void) => unknown): PerFrame<T> {
  let waiting = false;
  let stopped = false;
  let pending: { value: T } | null = null;
  const tick = () => {
    if (stopped) return;
    if (!pending) {
      waiting = false;
      return;
    }
    const { value } = pending;
    pending = null;
    // Still waiting: the next value waits for the frame after this one.
    frame(tick);
    apply(value);
  };
  return {
    push(value) {
      if (stopped) return;
      if (waiting) {
        pending = { value };
        return;
      }
      waiting = true;
      frame(tick);
      apply(value);
    },
    flush() {
      if (stopped || !pending) return;
      const { value } = pending;
      pending = null;
      apply(value);
    },
    cancel() {
      stopped = true;
      pending = null;
    },
  };
}
