import { describe, expect, it } from 'vitest';
import { mostDivergent, profileOf, spreadOf, strengthOf, type ScanCard } from '../../src/lib/scan/profile';
import { THEMES } from '../../src/vocab';

const cards: ScanCard[] = [
  { id: 'a1', number: 2, theme: 'visies' },
  { id: 'a2', number: 3, theme: 'visies' },
  { id: 'b1', number: 7, theme: 'grenzen' },
  { id: 'c1', number: 12, theme: 'regie' },
  { id: 'c2', number: 13, theme: 'regie' },
  { id: 'c3', number: 14, theme: 'regie' },
];
const answers = (o: Record<string, number>) => new Map(Object.entries(o));

describe('one person’s profile', () => {
  it('measures how far from the middle someone stands, not a direction', () => {
    expect(strengthOf(50)).toBe(0);
    expect(strengthOf(0)).toBe(100);
    expect(strengthOf(100)).toBe(100);
    expect(strengthOf(75)).toBe(50);
    expect(strengthOf(25)).toBe(50);
  });

  it('groups answers per spanningsveld in the fan’s order and averages the strength', () => {
    const p = profileOf(cards, answers({ a1: 0, a2: 100, b1: 50, c1: 48, c2: 60, c3: 90 }), THEMES);
    expect(p.themes.map((t) => t.theme)).toEqual(['visies', 'grenzen', 'regie']);
    const [visies, grenzen, regie] = p.themes;
    // Opposite poles on two cards are both strong convictions: no averaging to "neutral".
    expect(visies?.strength).toBe(100);
    expect(visies?.answered.map((a) => a.leaning)).toEqual(['a', 'b']);
    expect(grenzen?.strength).toBe(0);
    expect(grenzen?.middle).toBe(1);
    expect(regie?.strength).toBe(Math.round((4 + 20 + 80) / 3));
    expect(regie?.decided).toBe(2);
    expect(regie?.middle).toBe(1);
    expect(p.answered).toBe(6);
    expect(p.skipped).toEqual([]);
  });

  it('lists skipped cards and leaves a spanningsveld without answers without a strength', () => {
    const p = profileOf(cards, answers({ a1: 10 }), THEMES);
    expect(p.answered).toBe(1);
    expect(p.total).toBe(6);
    expect(p.skipped.map((c) => c.id)).toEqual(['a2', 'b1', 'c1', 'c2', 'c3']);
    expect(p.themes.find((t) => t.theme === 'regie')?.strength).toBeNull();
    expect(p.themes.find((t) => t.theme === 'visies')?.total).toBe(2);
  });

  it('ignores answers it cannot trust: unknown cards and values outside 0-100', () => {
    const p = profileOf(cards, answers({ a1: -1, a2: 101, b1: Number.NaN, zz: 50 }), THEMES);
    expect(p.answered).toBe(0);
    expect(p.skipped).toHaveLength(6);
  });

  it('leaves out spanningsvelden that have no cards in the scan', () => {
    const p = profileOf(cards.slice(0, 2), answers({ a1: 30 }), THEMES);
    expect(p.themes.map((t) => t.theme)).toEqual(['visies']);
  });
});

describe('the spread of several scans', () => {
  it('computes range and standard deviation per card over the people who answered it', () => {
    const s = spreadOf(cards, [answers({ a1: 0, b1: 50 }), answers({ a1: 100, b1: 50 }), answers({ a1: 50 })]);
    const a1 = s.find((x) => x.card.id === 'a1');
    expect(a1?.values).toEqual([0, 100, 50]);
    expect(a1?.range).toBe(100);
    expect(a1?.spread).toBe(40.8);
    expect(s.find((x) => x.card.id === 'b1')?.spread).toBe(0);
  });

  it('needs two answers for a spread: one respondent gives no list at all', () => {
    expect(spreadOf(cards, [answers({ a1: 10, a2: 90 })])).toEqual([]);
    expect(mostDivergent(spreadOf(cards, [answers({ a1: 10 })]))).toEqual([]);
  });

  it('never calls identical answers a difference', () => {
    const same = answers({ a1: 30, a2: 30, b1: 70, c1: 70, c2: 10, c3: 10 });
    const s = spreadOf(cards, [same, same, same]);
    expect(s).toHaveLength(6);
    expect(s.every((x) => x.spread === 0)).toBe(true);
    expect(mostDivergent(s)).toEqual([]);
  });

  it('lists the three to five widest spreads, stable on ties', () => {
    const scans = [
      answers({ a1: 0, a2: 0, b1: 0, c1: 40, c2: 45, c3: 50 }),
      answers({ a1: 100, a2: 80, b1: 60, c1: 60, c2: 55, c3: 50 }),
    ];
    const ids = mostDivergent(spreadOf(cards, scans)).map((x) => x.card.id);
    // a1 (100 apart) > a2 (80) > b1 (60) > c1 (20, spread 10: still a difference); c2 (10 apart) is agreement; c3 none.
    expect(ids).toEqual(['a1', 'a2', 'b1', 'c1']);
  });

  it('fills up to three with smaller differences when few cards divide people, never more than asked', () => {
    const scans = [answers({ a1: 0, a2: 40, b1: 48 }), answers({ a1: 100, a2: 50, b1: 52 })];
    expect(mostDivergent(spreadOf(cards, scans)).map((x) => x.card.id)).toEqual(['a1', 'a2', 'b1']);
    const many = [
      answers({ a1: 0, a2: 0, b1: 0, c1: 0, c2: 0, c3: 0 }),
      answers({ a1: 90, a2: 90, b1: 90, c1: 90, c2: 90, c3: 90 }),
    ];
    const top = mostDivergent(spreadOf(cards, many));
    expect(top.map((x) => x.card.number)).toEqual([2, 3, 7, 12, 13]);
    expect(mostDivergent(spreadOf(cards, many), { most: 2 })).toHaveLength(2);
  });
});

describe('the scan’s place in the address bar', () => {
  it('round-trips every view and falls back on nonsense', async () => {
    const { parseScanRoute, scanSearch } = await import('../../src/lib/scan/walk');
    for (const r of [
      { view: 'start' },
      { view: 'card', id: 'abc', index: 4 },
      { view: 'profile', id: 'abc' },
    ] as const) {
      expect(parseScanRoute(scanSearch(r))).toEqual(r);
    }
    expect(parseScanRoute('?scan=')).toEqual({ view: 'start' });
    expect(parseScanRoute(`?scan=${'x'.repeat(300)}`)).toEqual({ view: 'start' });
    expect(parseScanRoute('?scan=a&kaart=-3')).toEqual({ view: 'card', id: 'a', index: 0 });
    expect(parseScanRoute('?scan=a&kaart=0')).toEqual({ view: 'card', id: 'a', index: 0 });
  });

  it('orders the chosen spanningsvelden’s cards as in the fan and finds the next open card', async () => {
    const { scanOrder, nextOpen, clampIndex } = await import('../../src/lib/scan/walk');
    const order = scanOrder([...cards].reverse(), new Set(['visies', 'regie'] as const)).map((c) => c.id);
    expect(order).toEqual(['a1', 'a2', 'c1', 'c2', 'c3']);
    expect(nextOpen(order, new Set(['a1', 'a2']))).toBe(2);
    expect(nextOpen(order, new Set(['a2']), 4)).toBe(4);
    expect(nextOpen(order, new Set(['c3', 'a2']), 4)).toBe(0);
    expect(nextOpen(order, new Set(order))).toBe(-1);
    expect(clampIndex(99, 5)).toBe(4);
    expect(clampIndex(-1, 5)).toBe(0);
    expect(clampIndex(3, 0)).toBe(0);
  });
});

describe('a scan’s file name', () => {
  it('says what the file is and whose, safely for every file system', async () => {
    const { scanFileName } = await import('../../src/lib/scan/walk');
    expect(scanFileName('Anna', '2026-12-01')).toBe('kjk-zelfscan-anna-2026-12-01.json');
    expect(scanFileName('', '2026-12-01')).toBe('kjk-zelfscan-2026-12-01.json');
    expect(scanFileName('  Zoë / Team ../Noord ', '2026-12-01')).toBe('kjk-zelfscan-zoe-team-noord-2026-12-01.json');
    expect(scanFileName('🙂', '2026-12-01')).toBe('kjk-zelfscan-2026-12-01.json');
    expect(scanFileName('x'.repeat(100), '2026-12-01')).toBe(`kjk-zelfscan-${'x'.repeat(40)}-2026-12-01.json`);
  });
});
