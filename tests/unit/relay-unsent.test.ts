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

  it('scans again only after an eighth of the budget was reported anew (a total held just under it)', () => {
    // 40 stalled sockets hold 24 each (960 of 1,000, all real); honest sockets send 2 bytes a
    // time and drain at once. Each scan finds them drained; without a margin every packet past
    // the budget would scan all of them.
    const real = new Map<string, number>();
    let scans = 0;
    const measure = (k: string) => {
      scans += 1;
      return real.get(k) ?? 0;
    };
    const u = new UnsentBytes<string>(1000);
    for (let i = 0; i < 40; i++) {
      real.set(`stalled-${i}`, 24);
      u.set(`stalled-${i}`, 24, measure);
    }
    const cut: string[] = [];
    for (let i = 0; i < 2000; i++) cut.push(...u.set(`honest-${i % 50}`, 2, measure));
    // 960 real bytes are past seven eighths: the first scan cuts down to three quarters.
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.every((k) => k.startsWith('stalled-'))).toBe(true);
    for (const k of cut) real.delete(k);
    // 2,000 packets of 2 bytes are 4,000 bytes: a scan per 125 bytes at most, not one per packet.
    expect(scans / 90).toBeLessThan(4000 / 125 + 2);
  });
});

describe('KJK_RELAY_UNSENT_BUDGET_BYTES', () => {
  it('defaults to 96 MiB, well under the systemd unit MemoryMax=512M', () => {
    expect(DEFAULTS.unsentBudgetBytes).toBe(96 * 2 ** 20);
    expect(configFromEnv({}).unsentBudgetBytes).toBe(96 * 2 ** 20);
    expect(configFromEnv({ KJK_RELAY_UNSENT_BUDGET_BYTES: '8388608' }).unsentBudgetBytes).toBe(8 * 2 ** 20);
  });

  it("refuses a value that is not a whole number of at least four sockets' own bound (1 MiB)", () => {
    expect(
      configFromEnv({ KJK_RELAY_UNSENT_BUDGET_BYTES: String(4 * DEFAULTS.sendBufferBytes) }).unsentBudgetBytes,
    ).toBe(2 ** 20);
    for (const bad of ['96M', '-1', '1.5', '1000', '65536', String(4 * DEFAULTS.sendBufferBytes - 1)])
      expect(() => configFromEnv({ KJK_RELAY_UNSENT_BUDGET_BYTES: bad })).toThrow('KJK_RELAY_UNSENT_BUDGET_BYTES');
  });
});
