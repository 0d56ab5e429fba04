import { describe, expect, it } from 'vitest';
import { configFromEnv, DEFAULTS } from '../../relay/config';
import { UnsentBytes } from '../../relay/core';

describe("the relay's budget for unsent bytes", () => {
  it('keeps a running total and cuts nothing under the budget', () => {
    const u = new UnsentBytes<string>(1000);
    const measure = () => {
      throw new Error('no scan under the budget');
    };
    expect(u.set('a', 400, measure)).toEqual([]);
    expect(u.set('b', 500, measure)).toEqual([]);
    expect(u.set('a', 100, measure)).toEqual([]);
    expect(u.total).toBe(600);
    u.delete('b');
    u.delete('nobody');
    expect(u.total).toBe(100);
  });

  it('over the budget: measures every socket again, then cuts the largest first to three quarters', () => {
    const now = new Map([
      ['s1', 400],
      ['s2', 500],
      ['honest', 0],
      ['s3', 10],
      ['s4', 350],
    ]);
    const measure = (k: string) => now.get(k)!;
    const u = new UnsentBytes<string>(1000);
    expect(u.set('s1', 400, measure)).toEqual([]);
    expect(u.set('s2', 500, measure)).toEqual([]);
    // Reported at 90 when it last sent; it has drained since, which only the scan finds.
    expect(u.set('honest', 90, measure)).toEqual([]);
    expect(u.set('s3', 10, measure)).toEqual([]);
    // 1,350 reported, 1,260 measured: s2 goes (760 is still over 750), then s1.
    expect(u.set('s4', 350, measure)).toEqual(['s2', 's1']);
    expect(u.total).toBe(360);
  });

  it('cuts nothing when the figures were only stale', () => {
    const u = new UnsentBytes<string>(1000);
    u.set('a', 900, () => 0);
    expect(u.set('b', 200, (k) => (k === 'a' ? 0 : 200))).toEqual([]);
    expect(u.total).toBe(200);
  });
});

describe('KJK_RELAY_UNSENT_BUDGET_BYTES', () => {
  it('defaults to 96 MiB, well under the systemd unit MemoryMax=512M', () => {
    expect(DEFAULTS.unsentBudgetBytes).toBe(96 * 2 ** 20);
    expect(configFromEnv({}).unsentBudgetBytes).toBe(96 * 2 ** 20);
    expect(configFromEnv({ KJK_RELAY_UNSENT_BUDGET_BYTES: '8388608' }).unsentBudgetBytes).toBe(8 * 2 ** 20);
  });

  it('refuses a value that is not a whole number of at least 64 KiB', () => {
    for (const bad of ['96M', '-1', '1.5', '1000'])
      expect(() => configFromEnv({ KJK_RELAY_UNSENT_BUDGET_BYTES: bad })).toThrow('KJK_RELAY_UNSENT_BUDGET_BYTES');
  });
});
