import { describe, expect, it } from 'vitest';
import { perFrame } from '../../src/lib/room/per-frame';

/** A frame scheduler the test runs by hand. */
function frames() {
  const queue: (() => void)[] = [];
  return {
    schedule: (tick: () => void) => queue.push(tick),
    next() {
      const due = queue.splice(0);
      for (const tick of due) tick();
    },
    get waiting() {
      return queue.length;
    },
  };
}

describe('perFrame', () => {
  it('applies a lone value at once, then at most one a frame, always the latest', () => {
    const f = frames();
    const seen: number[] = [];
    const draw = perFrame((n: number) => seen.push(n), f.schedule);
    draw.push(1);
    expect(seen).toEqual([1]);
    for (let i = 2; i <= 1000; i++) draw.push(i);
    expect(seen).toEqual([1]);
    f.next();
    expect(seen).toEqual([1, 1000]);
    draw.push(1001);
    draw.push(1002);
    expect(seen).toEqual([1, 1000]);
    f.next();
    expect(seen).toEqual([1, 1000, 1002]);
    // A frame with nothing new ends the wait: the next lone value goes through at once again.
    f.next();
    expect(f.waiting).toBe(0);
    draw.push(7);
    expect(seen).toEqual([1, 1000, 1002, 7]);
  });

  it('flush applies what waits at once, and only once', () => {
    const f = frames();
    const seen: number[] = [];
    const draw = perFrame((n: number) => seen.push(n), f.schedule);
    draw.flush();
    draw.push(1);
    draw.push(2);
    draw.push(3);
    draw.flush();
    expect(seen).toEqual([1, 3]);
    f.next();
    draw.flush();
    expect(seen).toEqual([1, 3]);
  });

  it('applies nothing after cancel', () => {
    const f = frames();
    const seen: number[] = [];
    const draw = perFrame((n: number) => seen.push(n), f.schedule);
    draw.push(1);
    draw.push(2);
    draw.cancel();
    f.next();
    draw.push(3);
    expect(seen).toEqual([1]);
  });
});
