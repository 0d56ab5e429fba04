/**
 * The presenter's countdown as plain data. Time is computed from timestamps, not from
 * counting ticks, so a throttled background tab or a slow projector laptop stays correct.
 */
export interface TimerState {
  /** The chosen length per card, in minutes; carries over from card to card. */
  minutes: number;
  /** When running: the moment it reaches zero (epoch ms). */
  endsAt?: number;
  /** When paused or not started: the milliseconds left. */
  leftMs: number;
}

export const MIN_MINUTES = 1;
export const MAX_MINUTES = 60;

export function timerFor(minutes: number): TimerState {
  const m = Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, Math.round(Number.isFinite(minutes) ? minutes : 5)));
  return { minutes: m, leftMs: m * 60_000 };
}

export const isRunning = (t: TimerState) => t.endsAt !== undefined;

export function remainingMs(t: TimerState, now: number): number {
  return t.endsAt === undefined ? t.leftMs : Math.max(0, t.endsAt - now);
}

export const isDone = (t: TimerState, now: number) => remainingMs(t, now) === 0;

export function start(t: TimerState, now: number): TimerState {
  if (isRunning(t)) return t;
  const left = t.leftMs > 0 ? t.leftMs : t.minutes * 60_000;
  return { minutes: t.minutes, leftMs: left, endsAt: now + left };
}

export function pause(t: TimerState, now: number): TimerState {
  return isRunning(t) ? { minutes: t.minutes, leftMs: remainingMs(t, now) } : t;
}

export const toggle = (t: TimerState, now: number) => (isRunning(t) ? pause(t, now) : start(t, now));

/** A fresh countdown for the next card: same length, and still running if it was running or had finished. */
export function nextCard(t: TimerState, now: number): TimerState {
  const fresh = timerFor(t.minutes);
  return isRunning(t) || t.leftMs === 0 ? start(fresh, now) : fresh;
}

/** "4:05" */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
