import { describe, expect, it } from 'vitest';
import { AttemptLimiter, LIMITER_DEFAULTS } from '../../src/lib/room/pake/limiter.ts';

function clock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('AttemptLimiter', () => {
  it('retires the code after 10 failed attempts', () => {
    const c = clock();
    const limiter = new AttemptLimiter(c.now);
    expect(LIMITER_DEFAULTS.maxFailures).toBe(10);
    for (let i = 0; i < 9; i++) {
      expect(limiter.begin(`s${i}`)).toEqual({ ok: true });
      limiter.fail(`s${i}`);
    }
    expect(limiter.status()).toMatchObject({ state: 'active', failures: 9 });
    expect(limiter.begin('s9')).toEqual({ ok: true });
    limiter.fail('s9');
    expect(limiter.status()).toEqual({ state: 'retired', reason: 'failures', failures: 10, pending: 0, succeeded: 0 });
    expect(limiter.begin('s10')).toEqual({ ok: false, error: 'retired' });
  });

  it('does not count confirmed attempts, however many', () => {
    const limiter = new AttemptLimiter(clock().now);
    for (let i = 0; i < 50; i++) {
      expect(limiter.begin(`ok${i}`)).toEqual({ ok: true });
      expect(limiter.succeed(`ok${i}`)).toBe(true);
    }
    expect(limiter.status()).toEqual({ state: 'active', failures: 0, pending: 0, succeeded: 50 });
    expect(limiter.succeed('ok0')).toBe(false);
  });

  it('counts a silent attempt as a failure once it times out', () => {
    const c = clock();
    const limiter = new AttemptLimiter(c.now, { attemptTimeoutMs: 1000 });
    limiter.begin('quiet');
    c.advance(999);
    expect(limiter.isPending('quiet')).toBe(true);
    c.advance(1);
    expect(limiter.isPending('quiet')).toBe(false);
    expect(limiter.status()).toMatchObject({ failures: 1, pending: 0 });
    // Too late to confirm: the guess was already counted.
    expect(limiter.succeed('quiet')).toBe(false);
  });

  it('bounds concurrent attempts, and so the guesses one code can give', () => {
    const c = clock();
    const limiter = new AttemptLimiter(c.now);
    const { maxConcurrent, maxFailures } = LIMITER_DEFAULTS;
    for (let i = 0; i < maxConcurrent; i++) expect(limiter.begin(`p${i}`)).toEqual({ ok: true });
    expect(limiter.begin('one-too-many')).toEqual({ ok: false, error: 'busy' });
    limiter.succeed('p0');
    expect(limiter.begin('p-next')).toEqual({ ok: true });
    // An attacker who opens every slot and never confirms: each attempt is one guess.
    const attacker = new AttemptLimiter(c.now);
    let guesses = 0;
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < maxConcurrent; i++) if (attacker.begin(`a${round}-${i}`).ok) guesses++;
      c.advance(LIMITER_DEFAULTS.attemptTimeoutMs);
    }
    expect(guesses).toBeLessThanOrEqual(maxFailures - 1 + maxConcurrent);
    expect(attacker.status()).toMatchObject({ state: 'retired', reason: 'failures' });
    // The worst case: nine failures, then every slot at once: 17 guesses, never an 18th.
    const worst = new AttemptLimiter(c.now);
    let most = 0;
    for (let i = 0; i < maxFailures - 1; i++) {
      if (worst.begin(`f${i}`).ok) most++;
      worst.fail(`f${i}`);
    }
    for (let i = 0; i < 20; i++) if (worst.begin(`w${i}`).ok) most++;
    c.advance(LIMITER_DEFAULTS.attemptTimeoutMs);
    for (let i = 0; i < 20; i++) if (worst.begin(`x${i}`).ok) most++;
    expect(most).toBe(maxFailures - 1 + maxConcurrent);
  });

  it('refuses a session id it has seen (a replayed hello)', () => {
    const limiter = new AttemptLimiter(clock().now);
    expect(limiter.begin('same')).toEqual({ ok: true });
    limiter.succeed('same');
    expect(limiter.begin('same')).toEqual({ ok: false, error: 'replay' });
  });

  it('retires the code at the end of its life and after too many attempts', () => {
    const c = clock();
    const limiter = new AttemptLimiter(c.now, { codeLifetimeMs: 60_000 });
    c.advance(60_000);
    expect(limiter.status()).toMatchObject({ state: 'retired', reason: 'expired' });
    const small = new AttemptLimiter(c.now, { maxAttempts: 3 });
    for (const id of ['a', 'b', 'c']) {
      expect(small.begin(id)).toEqual({ ok: true });
      small.succeed(id);
    }
    expect(small.status()).toMatchObject({ state: 'retired', reason: 'exhausted' });
    expect(small.begin('d')).toEqual({ ok: false, error: 'retired' });
  });

  it('fails only open attempts', () => {
    const limiter = new AttemptLimiter(clock().now);
    limiter.fail('never-begun');
    expect(limiter.status().failures).toBe(0);
  });
});
