/**
 * The update button reloads only after flushAll(): every registered flusher has saved, one
 * failed (then the reload waits), or the timeout passed (a stuck save must not block forever).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushAll, FLUSH_TIMEOUT_MS, registerFlusher } from '../../src/lib/lifecycle';

const cleanups: (() => void)[] = [];
const register = (fn: () => Promise<void> | void) => {
  const off = registerFlusher(fn);
  cleanups.push(off);
  return off;
};
afterEach(() => {
  for (const off of cleanups.splice(0)) off();
  vi.useRealTimers();
});

describe('flushAll', () => {
  it('resolves at once when nothing is registered', async () => {
    await expect(flushAll()).resolves.toBeUndefined();
  });

  it('runs every flusher, sync and async, and waits for the slow ones', async () => {
    const done: string[] = [];
    register(() => {
      done.push('sync');
    });
    register(async () => {
      await new Promise((r) => setTimeout(r, 20));
      done.push('async');
    });
    await flushAll();
    expect(done.sort()).toEqual(['async', 'sync']);
  });

  it('runs the flushers at the same time, not one after another', async () => {
    // Each waits until all three have started: one after another, the first would wait for good
    // (until flushAll's timeout) and the others would never start. No clock is read.
    const started: number[] = [];
    let allStarted!: () => void;
    const gate = new Promise<void>((resolve) => {
      allStarted = resolve;
    });
    for (let i = 0; i < 3; i++) {
      register(async () => {
        started.push(i);
        if (started.length === 3) allStarted();
        await gate;
      });
    }
    await flushAll();
    expect(started).toEqual([0, 1, 2]);
  });

  it('no longer runs a flusher after it is unregistered; unregistering twice is harmless', async () => {
    const fn = vi.fn();
    const off = register(fn);
    off();
    off();
    await flushAll();
    expect(fn).not.toHaveBeenCalled();
  });

  it('runs a flusher registered twice once', async () => {
    const fn = vi.fn();
    register(fn);
    register(fn);
    await flushAll();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('does not let the update go on while a save is still running at the timeout', async () => {
    vi.useFakeTimers();
    const saved = vi.fn();
    register(() => new Promise<void>(() => {}));
    register(saved);
    let outcome: 'pending' | 'resolved' | 'rejected' = 'pending';
    const flushing = flushAll().then(
      () => (outcome = 'resolved'),
      () => (outcome = 'rejected'),
    );
    await vi.advanceTimersByTimeAsync(FLUSH_TIMEOUT_MS - 1);
    expect(outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    await flushing;
    // A reload now would abort the save in flight: the caller must hold the update.
    expect(outcome).toBe('rejected');
    expect(saved).toHaveBeenCalledOnce();
  });

  it('rejects when a flusher fails, after the others have saved', async () => {
    const saved = vi.fn();
    register(() => {
      throw new Error('QuotaExceededError');
    });
    register(async () => {
      await new Promise((r) => setTimeout(r, 10));
      saved();
    });
    const error = await flushAll().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors).toHaveLength(1);
    expect(saved).toHaveBeenCalledOnce();
  });

  it('still reports a failed flusher when another one hangs until the timeout', async () => {
    register(() => Promise.reject(new Error('write failed')));
    register(() => new Promise<void>(() => {}));
    await expect(flushAll(20)).rejects.toBeInstanceOf(AggregateError);
  });
});
