import { describe, expect, it } from 'vitest';
import { formatClock, pause, start, timerFor } from '../../src/lib/deck/timer';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { parseHostMessage } from '../../src/lib/room/schema';
import {
  nextTickMs,
  phoneDone,
  phoneLeft,
  phoneTimer,
  TIMER_OFF,
  timerChanged,
  timerWire,
} from '../../src/lib/room/timer';

const T0 = 1_700_000_000_000;

describe('the presenter’s timer as the phones get it', () => {
  it('sends the time left and the length, never a clock time', () => {
    const running = start(timerFor(5), T0);
    const wire = timerWire(running, T0 + 60_000);
    expect(wire).toEqual({ run: 'running', leftMs: 240_000, totalMs: 300_000 });
    expect(JSON.stringify(wire)).not.toContain(String(T0).slice(0, 6));
    const paused = pause(running, T0 + 90_000);
    expect(timerWire(paused, T0 + 500_000)).toEqual({ run: 'paused', leftMs: 210_000, totalMs: 300_000 });
    expect(timerWire(null, T0)).toEqual(TIMER_OFF);
  });

  it('says a running timer that reached zero is no longer running', () => {
    expect(timerWire(start(timerFor(1), T0), T0 + 61_000)).toEqual({ run: 'paused', leftMs: 0, totalMs: 60_000 });
  });

  it('passes the room schema, and the schema refuses more left than the whole or beyond the bound', () => {
    const msg = { t: 'timer', v: ROOM_LIMITS.version, seq: 3, ...timerWire(start(timerFor(60), T0), T0) };
    expect(parseHostMessage(msg).ok).toBe(true);
    expect(parseHostMessage({ ...msg, leftMs: msg.totalMs + 1 }).ok).toBe(false);
    expect(parseHostMessage({ ...msg, totalMs: ROOM_LIMITS.timerMaxMs + 1, leftMs: 0 }).ok).toBe(false);
    expect(parseHostMessage({ ...msg, run: 'exploded' }).ok).toBe(false);
  });

  it('tells the phones of a start, a pause, a stop and a restart, not of every second', () => {
    const a = timerWire(start(timerFor(5), T0), T0);
    expect(timerChanged(null, TIMER_OFF, 0)).toBe(false);
    expect(timerChanged(null, a, 0)).toBe(true);
    // Ten seconds on, the same running timer: the phones count it themselves.
    const later = timerWire(start(timerFor(5), T0), T0 + 10_000);
    expect(timerChanged(a, later, 10_000)).toBe(false);
    expect(timerChanged(a, timerWire(pause(start(timerFor(5), T0), T0 + 10_000), T0 + 10_000), 10_000)).toBe(true);
    expect(timerChanged(a, TIMER_OFF, 10_000)).toBe(true);
    // Started again from the full length while running ("Opnieuw", the next card).
    expect(timerChanged(a, timerWire(start(timerFor(5), T0 + 10_000), T0 + 10_000), 10_000)).toBe(true);
    expect(timerChanged(TIMER_OFF, TIMER_OFF, 5)).toBe(false);
  });
});

describe('the countdown on a phone', () => {
  it('counts from its own clock at receipt, whatever the presenter’s clock said', () => {
    // The phone's clock is anything (performance.now()): only the difference counts.
    const t = phoneTimer({ run: 'running', leftMs: 90_000, totalMs: 300_000 }, 5_000);
    expect(phoneLeft(t, 5_000)).toBe(90_000);
    expect(formatClock(phoneLeft(t, 35_000))).toBe('1:00');
    expect(phoneLeft(t, 95_000)).toBe(0);
    expect(phoneLeft(t, 1_000_000)).toBe(0);
    // A clock that went backwards does not add time.
    expect(phoneLeft(t, 0)).toBe(90_000);
  });

  it('stands still when paused, and is done only at zero', () => {
    const p = phoneTimer({ run: 'paused', leftMs: 42_000, totalMs: 60_000 }, 0);
    expect(phoneLeft(p, 999_999)).toBe(42_000);
    expect(phoneDone(p, 999_999)).toBe(false);
    const r = phoneTimer({ run: 'running', leftMs: 1_000, totalMs: 60_000 }, 0);
    expect(phoneDone(r, 999)).toBe(false);
    expect(phoneDone(r, 1_000)).toBe(true);
    expect(phoneDone(phoneTimer({ run: 'paused', leftMs: 0, totalMs: 60_000 }, 0), 0)).toBe(true);
    expect(phoneDone(phoneTimer(TIMER_OFF, 0), 0)).toBe(false);
  });

  it('wakes when the shown second changes, and not after the end', () => {
    const t = phoneTimer({ run: 'running', leftMs: 4_500, totalMs: 60_000 }, 0);
    expect(formatClock(phoneLeft(t, 0))).toBe('0:05');
    expect(nextTickMs(t, 0)).toBe(500);
    expect(formatClock(phoneLeft(t, 500))).toBe('0:04');
    expect(nextTickMs(t, 500)).toBe(1000);
    expect(nextTickMs(t, 4_500)).toBeNull();
    expect(nextTickMs(phoneTimer({ run: 'paused', leftMs: 4_500, totalMs: 60_000 }, 0), 0)).toBeNull();
  });
});
