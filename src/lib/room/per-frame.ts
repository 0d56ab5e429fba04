/**
 * At most one call per animation frame, always with the latest value: while a plenary's votes pour
 * in, the presenter's island draws once a frame instead of once a vote. A value that arrives when
 * nothing was drawn in the last frame goes through at once (no frame of delay for a lone change);
 * later ones wait for the next frame, and the last one is always drawn. No DOM: the frame
 * scheduler is passed in (requestAnimationFrame in the page).
 */
export interface PerFrame<T> {
  push(value: T): void;
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
    cancel() {
      stopped = true;
      pending = null;
    },
  };
}
