/**
 * The presenter's timer on every phone. The presenter sends the time left (never a clock time);
 * the phone counts down from its own clock from the moment the message arrived. Clocks of phones
 * and laptops are often minutes apart, while the relay adds only tens of milliseconds: so the
 * phone ends within a moment of the presenter, whatever its clock says. Pure: no DOM, no timers.
 */
import { remainingMs, type TimerState } from '../deck/timer.ts';
import { ROOM_LIMITS } from './limits.ts';
import type { TimerMessage } from './schema.ts';

export type TimerRun = TimerMessage['run'];

/** What the phones are told, without the envelope (version, counter). */
export type TimerWire = Pick<TimerMessage, 'run' | 'leftMs' | 'totalMs'>;

export const TIMER_OFF: TimerWire = { run: 'off', leftMs: 0, totalMs: 0 };

const bound = (ms: number) => Math.min(ROOM_LIMITS.timerMaxMs, Math.max(0, Math.round(ms)));

/** The presenter's timer (lib/deck/timer) as the phones get it at `now`; null: no timer shown. */
export function timerWire(timer: TimerState | null, now: number): TimerWire {
  if (timer === null) return TIMER_OFF;
  const totalMs = bound(timer.minutes * 60_000);
  const leftMs = Math.min(totalMs, bound(remainingMs(timer, now)));
  return { run: timer.endsAt !== undefined && leftMs > 0 ? 'running' : 'paused', leftMs, totalMs };
}

/** Whether the phones must hear of a change: another state or length, or a jump (a restart). */
export function timerChanged(before: TimerWire | null, after: TimerWire, elapsedMs: number): boolean {
  if (before === null) return after.run !== 'off';
  if (before.run !== after.run || before.totalMs !== after.totalMs) return true;
  if (after.run === 'off') return false;
  const expected = before.run === 'running' ? Math.max(0, before.leftMs - elapsedMs) : before.leftMs;
  // A second's drift is the message's own latency; more is the presenter starting again.
  return Math.abs(expected - after.leftMs) > 1000;
}

/** A phone's countdown: what arrived, and when by the phone's own clock. */
export interface PhoneTimer extends TimerWire {
  /** The phone's clock (performance.now() or Date.now()) when the message arrived. */
  at: number;
}

export function phoneTimer(message: TimerWire, receivedAt: number): PhoneTimer {
  return { run: message.run, leftMs: message.leftMs, totalMs: message.totalMs, at: receivedAt };
}

/** Milliseconds left on the phone at `now` (its own clock, the same one as `at`). */
export function phoneLeft(timer: PhoneTimer, now: number): number {
  if (timer.run !== 'running') return timer.leftMs;
  return Math.max(0, timer.leftMs - Math.max(0, now - timer.at));
}

/** The countdown reached zero: "Tijd is om". */
export function phoneDone(timer: PhoneTimer, now: number): boolean {
  return timer.run !== 'off' && timer.totalMs > 0 && phoneLeft(timer, now) === 0;
}

/**
 * How long until the shown clock changes (the next whole second down, or the end): the phone
 * wakes once a second instead of polling. Null when nothing will change by itself.
 */
export function nextTickMs(timer: PhoneTimer, now: number): number | null {
  if (timer.run !== 'running') return null;
  const left = phoneLeft(timer, now);
  if (left === 0) return null;
  const intoSecond = left % 1000;
  return intoSecond === 0 ? 1000 : intoSecond;
}
