/**
 * The presenter's bound on online guesses against one room code. Pure: the clock is injected.
 *
 * Every handshake the presenter answers gives the other side exactly one password guess (it can
 * check its guess against the presenter's confirmation tag), whether or not it ever confirms.
 * So an attempt counts as failed from the moment it starts until it confirms correctly: a wrong
 * tag fails it at once, silence fails it after `attemptTimeoutMs`. Only a correct confirmation
 * takes it off the count.
 *
 * - `maxFailures` failed attempts retire the code (reason "failures"); the presenter shows a new one.
 * - At most `maxConcurrent` attempts are open at once (others get "busy" and may retry), so a flood
 *   of hellos cannot run ahead of the count: one code yields at most maxFailures - 1 + maxConcurrent
 *   guesses (17 with the defaults).
 * - A code lives `codeLifetimeMs` (reason "expired") and accepts at most `maxAttempts` session ids
 *   (reason "exhausted"), which bounds the memory kept for spotting replays.
 * - A session id is accepted once per code: a replayed hello is refused ("replay").
 */

export interface LimiterOptions {
  maxFailures: number;
  maxConcurrent: number;
  attemptTimeoutMs: number;
  codeLifetimeMs: number;
  maxAttempts: number;
}

export const LIMITER_DEFAULTS: LimiterOptions = {
  // 10, not 5: an honest typo with valid characters also fails, and thirty people type.
  maxFailures: 10,
  maxConcurrent: 8,
  attemptTimeoutMs: 10_000,
  codeLifetimeMs: 4 * 60 * 60 * 1000,
  maxAttempts: 1024,
};

export type RetiredReason = 'failures' | 'expired' | 'exhausted';

export interface LimiterStatus {
  state: 'active' | 'retired';
  reason?: RetiredReason;
  failures: number;
  pending: number;
  succeeded: number;
}

export type BeginResult = { ok: true } | { ok: false; error: 'retired' | 'busy' | 'replay' };

export class AttemptLimiter {
  readonly #options: LimiterOptions;
  readonly #now: () => number;
  readonly #born: number;
  readonly #pending = new Map<string, number>();
  readonly #seen = new Set<string>();
  #failures = 0;
  #succeeded = 0;
  #retired: RetiredReason | undefined;

  constructor(now: () => number, options: Partial<LimiterOptions> = {}) {
    this.#options = { ...LIMITER_DEFAULTS, ...options };
    this.#now = now;
    this.#born = now();
  }

  /** Opens an attempt for a session id, or says why not. */
  begin(id: string): BeginResult {
    this.sweep();
    if (this.#retired) return { ok: false, error: 'retired' };
    if (this.#seen.has(id)) return { ok: false, error: 'replay' };
    if (this.#pending.size >= this.#options.maxConcurrent) return { ok: false, error: 'busy' };
    this.#seen.add(id);
    this.#pending.set(id, this.#now());
    if (this.#seen.size >= this.#options.maxAttempts) this.#retired ??= 'exhausted';
    return { ok: true };
  }

  /** True while the attempt is open (not confirmed, failed or timed out). */
  isPending(id: string): boolean {
    this.sweep();
    return this.#pending.has(id);
  }

  /** A correct confirmation: the attempt leaves the count. False if it was not open. */
  succeed(id: string): boolean {
    this.sweep();
    if (!this.#pending.delete(id)) return false;
    this.#succeeded++;
    return true;
  }

  /** A wrong confirmation or a broken message: the attempt counts as a failed guess. */
  fail(id: string): void {
    this.sweep();
    if (this.#pending.delete(id)) this.#countFailure();
  }

  /** Times out silent attempts and ends the code's life; called by every other method. */
  sweep(): void {
    const now = this.#now();
    for (const [id, started] of this.#pending) {
      if (now - started >= this.#options.attemptTimeoutMs) {
        this.#pending.delete(id);
        this.#countFailure();
      }
    }
    if (now - this.#born >= this.#options.codeLifetimeMs) this.#retired ??= 'expired';
  }

  status(): LimiterStatus {
    this.sweep();
    const base = { failures: this.#failures, pending: this.#pending.size, succeeded: this.#succeeded };
    return this.#retired ? { state: 'retired', reason: this.#retired, ...base } : { state: 'active', ...base };
  }

  #countFailure(): void {
    this.#failures++;
    if (this.#failures >= this.#options.maxFailures) this.#retired ??= 'failures';
  }
}
