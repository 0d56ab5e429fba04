import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { qrShape } from '../../src/lib/deck/qr';
import {
  formatClock,
  isDone,
  isRunning,
  nextCard,
  pause,
  remainingMs,
  start,
  timerFor,
  toggle,
} from '../../src/lib/deck/timer';

describe('presenter timer', () => {
  it('clamps the length to 1-60 whole minutes', () => {
    expect(timerFor(0).minutes).toBe(1);
    expect(timerFor(600).minutes).toBe(60);
    expect(timerFor(2.4).minutes).toBe(2);
    expect(timerFor(Number.NaN).minutes).toBe(5);
  });

  it('counts down from timestamps, pauses and resumes', () => {
    let t = start(timerFor(2), 1_000);
    expect(isRunning(t)).toBe(true);
    expect(remainingMs(t, 31_000)).toBe(90_000);
    t = pause(t, 31_000);
    expect(remainingMs(t, 500_000)).toBe(90_000);
    t = toggle(t, 600_000);
    expect(remainingMs(t, 630_000)).toBe(60_000);
    expect(isDone(t, 690_000)).toBe(true);
    expect(remainingMs(t, 999_999)).toBe(0);
  });

  it('gives the next card a fresh countdown of the same length', () => {
    const running = start(timerFor(3), 0);
    const next = nextCard(running, 50_000);
    expect(next.minutes).toBe(3);
    expect(remainingMs(next, 50_000)).toBe(180_000);
    expect(isRunning(next)).toBe(true);
    const idle = nextCard(timerFor(3), 0);
    expect(isRunning(idle)).toBe(false);
    const finished = nextCard({ minutes: 3, leftMs: 0 }, 10);
    expect(isRunning(finished)).toBe(true);
  });

  it('formats the clock', () => {
    expect(formatClock(300_000)).toBe('5:00');
    expect(formatClock(61_001)).toBe('1:02');
    expect(formatClock(0)).toBe('0:00');
  });
});

describe('QR code', () => {
  it('encodes a card address as a square of modules, made locally', () => {
    const text = 'https://example.org/kaarten/kind-of-gezin/';
    const { size, d } = qrShape(text);
    expect(size).toBeGreaterThanOrEqual(21 + 4);
    expect(d).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    // The three finder patterns: the top row of each is a run of 7 dark modules.
    expect(d).toContain('M2 2h7v1h-7z');
    expect(d).toContain(`M${size - 9} 2h7v1h-7z`);
    // The path covers exactly the dark modules of the code, no more and no less.
    const drawn = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
    for (const [, x, y, run] of d.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
      for (let i = 0; i < Number(run); i += 1) drawn[Number(y)]![Number(x) + i] = true;
    }
    expect(drawn).toEqual(encode(text, { ecc: 'M', border: 2 }).data);
  });

  it('gives different codes for different cards', () => {
    expect(qrShape('/kaarten/a/').d).not.toBe(qrShape('/kaarten/b/').d);
  });
});
