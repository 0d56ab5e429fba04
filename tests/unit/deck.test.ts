import { describe, expect, it } from 'vitest';
import {
  buildDeck,
  clampIndex,
  createRandom,
  deckSearch,
  hasNext,
  hasPrev,
  isValidSeed,
  KINDS,
  MAX_ITEMS,
  newSeed,
  next,
  openDeck,
  parseDeckParams,
  prev,
  progress,
  shuffle,
  THEMES,
  toDeckParams,
  applyFilter,
  type DeckProblem,
  type DeckState,
} from '../../src/lib/deck';
import { CARDS } from '../support/cards';

const IDS = CARDS.map((c) => c.id);
const parse = (query: string) => parseDeckParams(new URLSearchParams(query), IDS);
const codes = (problems: DeckProblem[]) => problems.map((p) => p.code);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('random and seeds', () => {
  it('gives the same numbers for the same seed, in [0, 1)', () => {
    const a = createRandom('k7f2x');
    const b = createRandom('k7f2x');
    const xs = range(1000).map(() => a());
    expect(range(1000).map(() => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('never changes the order behind a seed (printed links depend on it)', () => {
    // Golden values: if this fails, the PRNG or shuffle changed and every shared link now shows another order.
    expect(shuffle(range(25), 'k7f2x')).toEqual([
      19, 23, 0, 4, 21, 12, 20, 2, 18, 6, 8, 9, 13, 14, 16, 7, 24, 10, 5, 3, 11, 17, 1, 15, 22,
    ]);
    expect(shuffle(['a', 'b', 'c', 'd', 'e'], 'abc')).toEqual(['c', 'a', 'b', 'd', 'e']);
  });

  it('makes short URL-safe seeds that are valid and easy to read', () => {
    const seeds = range(2000).map(() => newSeed());
    for (const s of seeds) {
      expect(s).toMatch(/^[a-z0-9]{5}$/);
      expect(isValidSeed(s)).toBe(true);
      expect(s).not.toMatch(/[01ilo]/);
    }
    expect(new Set(seeds).size).toBeGreaterThan(1990);
    expect(newSeed(8)).toHaveLength(8);
  });

  it('validates seeds', () => {
    for (const s of ['k7f2x', 'a', 'team3', '0123456789abcdef']) expect(isValidSeed(s), s).toBe(true);
    for (const s of ['', '!!', 'K7F2X', 'a b', 'a-b', '../x', 'a'.repeat(17), 'a'.repeat(200)])
      expect(isValidSeed(s), s).toBe(false);
  });
});

describe('shuffle', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(shuffle(CARDS, 'k7f2x')).toEqual(shuffle(CARDS, 'k7f2x'));
    const orders = new Set(range(100).map((i) => shuffle(IDS, newSeedFor(i)).join(',')));
    expect(orders.size).toBeGreaterThanOrEqual(99);
  });

  it('keeps the multiset and does not mutate its input', () => {
    const input = Object.freeze(['a', 'b', 'b', 'c', 'd', 'd', 'd']);
    const out = shuffle(input, 'x1');
    expect(input).toEqual(['a', 'b', 'b', 'c', 'd', 'd', 'd']);
    expect(out).not.toBe(input);
    expect([...out].sort()).toEqual([...input].sort());
    expect(shuffle([], 'x')).toEqual([]);
    expect(shuffle([1], 'x')).toEqual([1]);
  });

  it('gives all 24 orders of 4 cards equally often (chi-square, p = 0.001)', () => {
    const counts = permutationCounts((items, seed) => shuffle(items, seed));
    expect(counts.size).toBe(24);
    expect(chiSquare([...counts.values()])).toBeLessThan(49.73); // df = 23
  });

  it('has a chi-square test that catches a biased shuffle', () => {
    // The classic mistake: swap with any position instead of one at or below i.
    const naive = <T>(items: readonly T[], seed: string): T[] => {
      const out = items.slice();
      const random = createRandom(seed);
      for (let i = 0; i < out.length; i++) {
        const j = Math.floor(random() * out.length);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    };
    expect(chiSquare([...permutationCounts(naive).values()])).toBeGreaterThan(49.73);
  });

  it('puts each of 25 cards in each position equally often (chi-square per card)', () => {
    const runs = 20_000;
    const n = 25;
    const at = range(n).map(() => new Array<number>(n).fill(0));
    const deck = range(n);
    for (let s = 0; s < runs; s++) {
      shuffle(deck, `s${s}`).forEach((card, pos) => {
        const row = at[card] as number[];
        row[pos] = (row[pos] ?? 0) + 1;
      });
    }
    // df = 24 at p = 0.001 / 25 (Bonferroni over the 25 cards): 61.43.
    for (const row of at) expect(chiSquare(row)).toBeLessThan(61.43);
    // And the whole table, df = 24 * 24 = 576 at p = 0.001: 686.61.
    expect(at.reduce((sum, row) => sum + chiSquare(row), 0)).toBeLessThan(686.61);
  });
});

describe('filter', () => {
  it('keeps the input order; empty lists mean all; the perspective removes nothing', () => {
    const reversed = [...CARDS].reverse();
    expect(applyFilter(reversed, { themes: [], kinds: [] })).toEqual(reversed);
    expect(applyFilter(reversed, { themes: [], kinds: [], perspective: 'ouder' })).toEqual(reversed);
    const regie = applyFilter(reversed, { themes: ['regie'], kinds: [] });
    expect(regie.map((c) => c.id)).toEqual(['regie-4', 'regie-3', 'regie-2', 'regie-1', 'regie-0']);
    const k = applyFilter(CARDS, { themes: ['visies', 'grenzen'], kinds: ['kenniskaart'] });
    expect(k.map((c) => c.id)).toEqual(['visies-0', 'grenzen-0']);
  });
});

describe('deck state <-> URL', () => {
  const states: DeckState[] = [
    { filter: { themes: [], kinds: [] }, index: 0 },
    { seed: 'k7f2x', filter: { themes: [], kinds: [] }, index: 0 },
    { seed: 'k7f2x', filter: { themes: ['visies', 'regie'], kinds: ['dilemma'] }, index: 3 },
    { filter: { themes: [], kinds: [], perspective: 'jeugdige' }, index: 24 },
    {
      filter: { themes: [], kinds: [], perspective: 'ouder' },
      selection: ['regie-2', 'visies-0', 'grenzen-3'],
      index: 2,
    },
    {
      seed: 'zz9',
      filter: { themes: [...THEMES], kinds: [...KINDS], perspective: 'beleidsmaker' },
      selection: ['speelruimte-4'],
      index: 0,
    },
  ];

  it.each(states.map((s, i) => [i, s] as const))('round-trips state %i', (_i, state) => {
    const { state: back, problems } = parseDeckParams(toDeckParams(state), IDS);
    expect(problems).toEqual([]);
    expect(back).toEqual(state);
    expect(parse(deckSearch(state)).state).toEqual(state);
  });

  it('writes a canonical, stable query: fixed param order, fan order, defaults left out', () => {
    const state: DeckState = {
      seed: 'k7f2x',
      filter: { themes: ['regie', 'visies', 'regie'], kinds: ['dilemma'], perspective: 'ouder' },
      selection: ['regie-2', 'visies-0', 'regie-2'],
      index: 1,
    };
    expect(deckSearch(state)).toBe(
      '?schud=k7f2x&thema=visies,regie&soort=dilemma&blik=ouder&kaarten=regie-2,visies-0&kaart=2',
    );
    expect(toDeckParams(state).toString()).toBe(
      'schud=k7f2x&thema=visies%2Cregie&soort=dilemma&blik=ouder&kaarten=regie-2%2Cvisies-0&kaart=2',
    );
    const same: DeckState = { ...state, filter: { ...state.filter, themes: ['visies', 'regie'] } };
    expect(deckSearch(same)).toBe(deckSearch(state));
    expect(deckSearch({ filter: { themes: [], kinds: [] }, index: 0 })).toBe('');
    expect(deckSearch({ filter: { themes: [], kinds: [] }, selection: [], index: 0 })).toBe('');
  });

  it('forgives case, spaces and repeated list params (hand-typed links, plain HTML forms)', () => {
    const { state, problems } = parse(
      'schud=K7F2X&thema=Visies&thema=%20regie&soort=DILEMMA&blik=Ouder&kaarten=Regie-1,+visies-0',
    );
    expect(problems).toEqual([]);
    expect(state).toEqual({
      seed: 'k7f2x',
      filter: { themes: ['visies', 'regie'], kinds: ['dilemma'], perspective: 'ouder' },
      selection: ['regie-1', 'visies-0'],
      index: 0,
    });
  });

  it('ignores params it does not own', () => {
    expect(parse('utm_source=x&lang=en')).toEqual({
      state: { filter: { themes: [], kinds: [] }, index: 0 },
      problems: [],
    });
  });
});

describe('bad links: skipped, reported, never thrown', () => {
  it('skips unknown and malformed card ids', () => {
    const q = new URLSearchParams();
    q.set('kaarten', ['regie-1', '../x', '<script>', 'A B', '', 'nope', 'visies-0'].join(','));
    const { state, problems } = parseDeckParams(q, IDS);
    expect(state.selection).toEqual(['regie-1', 'visies-0']);
    expect(problems).toEqual(
      ['../x', '<script>', 'a b', '', 'nope'].map((value) => ({ code: 'unknown-card', param: 'kaarten', value })),
    );
  });

  it('drops duplicate ids, reporting each duplicated id once', () => {
    const { state, problems } = parse('kaarten=regie-1,visies-0,regie-1,regie-1');
    expect(state.selection).toEqual(['regie-1', 'visies-0']);
    expect(problems).toEqual([{ code: 'duplicate-card', param: 'kaarten', value: 'regie-1' }]);
  });

  it('falls back to the whole deck when no id was usable', () => {
    const { state, problems } = parse('kaarten=nope,zzz');
    expect(state.selection).toBeUndefined();
    expect(codes(problems)).toEqual(['unknown-card', 'unknown-card', 'empty-selection']);
    expect(buildDeck(CARDS, state)).toHaveLength(25);
  });

  it('survives absurdly long params quickly, without cutting an id in half', () => {
    const q = new URLSearchParams();
    q.set('kaarten', `regie-1,${'x'.repeat(1_000_000)}`);
    q.set('schud', 'a'.repeat(100_000));
    // How quickly is a figure for `npm run bench` (parse of a 1 MB link), not a timed unit test.
    const { state, problems } = parseDeckParams(q, IDS);
    expect(state.selection).toEqual(['regie-1']);
    expect(codes(problems)).toEqual(['bad-seed', 'too-long']);
    for (const p of problems) expect(p.value.length).toBeLessThanOrEqual(41);

    // The cap falls inside "speelruimte-4": that id must be dropped, not read as "speelruimte".
    const long = `${'regie-1,'.repeat(1022)}xxxxx,speelruimte-4`; // 8176 + 6 chars before "speelruimte-4"
    expect(long.indexOf('speelruimte-4')).toBeLessThan(8192);
    expect(long.length).toBeGreaterThan(8192);
    const cut = parse(`kaarten=${long}`);
    expect(cut.state.selection).toEqual(['regie-1']);
    expect(codes(cut.problems)).toContain('too-long');
    expect(cut.problems.some((p) => p.value === 'speelruimte')).toBe(false);
  });

  it('reads at most MAX_ITEMS ids', () => {
    const many = range(5000).map((i) => `x${i}`);
    const { state, problems } = parse(`kaarten=${[...many, 'regie-1'].join(',')}`);
    expect(state.selection).toBeUndefined(); // regie-1 came after the cap
    expect(problems.filter((p) => p.code === 'unknown-card')).toHaveLength(MAX_ITEMS);
    expect(codes(problems)).toContain('too-many');
    expect(problems.length).toBeLessThanOrEqual(MAX_ITEMS + 3);
  });

  it('skips unknown themes, kinds and perspectives', () => {
    const { state, problems } = parse('thema=visies,foo&soort=kaart&blik=oma');
    expect(state.filter).toEqual({ themes: ['visies'], kinds: [] });
    expect(problems).toEqual([
      { code: 'unknown-theme', param: 'thema', value: 'foo' },
      { code: 'unknown-kind', param: 'soort', value: 'kaart' },
      { code: 'unknown-perspective', param: 'blik', value: 'oma' },
    ]);
  });

  it.each(['', '!!', 'a'.repeat(200), 'a b', '../x'])('skips the bad seed %j', (seed) => {
    const q = new URLSearchParams({ schud: seed });
    const { state, problems } = parseDeckParams(q, IDS);
    expect(state.seed).toBeUndefined();
    expect(problems).toEqual([
      { code: 'bad-seed', param: 'schud', value: seed.length > 40 ? `${seed.slice(0, 40)}…` : seed },
    ]);
  });

  it.each(['-1', 'abc', '999', '0', '1.5', '', '26', '1e1'])('skips the bad index %j', (kaart) => {
    const { state, problems } = parseDeckParams(new URLSearchParams({ kaart }), IDS);
    expect(state.index).toBe(0);
    expect(problems).toEqual([{ code: 'bad-index', param: 'kaart', value: kaart }]);
  });

  it('checks the index against the selection, and openDeck against the built deck', () => {
    expect(codes(parse('kaarten=regie-1,visies-0&kaart=3').problems)).toEqual(['bad-index']);
    expect(parse('kaarten=regie-1,visies-0&kaart=2').state.index).toBe(1);
    const opened = openDeck(CARDS, new URLSearchParams('thema=visies&kaart=20'));
    expect(opened.deck).toHaveLength(5);
    expect(opened.state.index).toBe(0);
    expect(codes(opened.problems)).toEqual(['bad-index']);
    expect(openDeck(CARDS, new URLSearchParams('thema=visies&kaart=5')).state.index).toBe(4);
  });

  it('never throws on random junk, and what it keeps is always valid', () => {
    const random = createRandom('fuzz');
    const alphabet = [
      'schud',
      'thema',
      'soort',
      'blik',
      'kaarten',
      'kaart',
      '=',
      '&',
      ',',
      '%',
      '%2C',
      '%00',
      '+',
      ' ',
      '-',
      'regie-1',
      'visies',
      'ouder',
      'é',
      '😀',
      '<',
      '/',
      '.',
      'a',
      '1',
    ];
    for (let i = 0; i < 2000; i++) {
      const query = range(1 + Math.floor(random() * 30))
        .map(() => alphabet[Math.floor(random() * alphabet.length)])
        .join('');
      const { state } = parse(query);
      if (state.seed !== undefined) expect(isValidSeed(state.seed)).toBe(true);
      for (const t of state.filter.themes) expect(THEMES).toContain(t);
      for (const k of state.filter.kinds) expect(KINDS).toContain(k);
      for (const id of state.selection ?? []) expect(IDS).toContain(id);
      expect(Number.isInteger(state.index) && state.index >= 0 && state.index < 25).toBe(true);
    }
  });
});

describe('buildDeck', () => {
  const shuffledInput = shuffle(CARDS, 'input-order');

  it('keeps the hand-picked order and ignores filter and seed', () => {
    const state: DeckState = {
      seed: 'k7f2x',
      filter: { themes: ['visies'], kinds: [] },
      selection: ['regie-2', 'visies-0', 'grenzen-3'],
      index: 0,
    };
    expect(buildDeck(shuffledInput, state).map((c) => c.id)).toEqual(['regie-2', 'visies-0', 'grenzen-3']);
  });

  it('without a seed, gives the filtered cards in fan order', () => {
    const deck = buildDeck(shuffledInput, { filter: { themes: ['grenzen', 'regie'], kinds: ['dilemma'] }, index: 0 });
    expect(deck.map((c) => c.id)).toEqual([
      'grenzen-1',
      'grenzen-2',
      'grenzen-3',
      'grenzen-4',
      'regie-1',
      'regie-2',
      'regie-3',
      'regie-4',
    ]);
    expect(buildDeck(shuffledInput, { filter: { themes: [], kinds: [] }, index: 0 }).map((c) => c.number)).toEqual(
      range(25).map((i) => i + 1),
    );
  });

  it('with a seed, shuffles the filtered cards the same way however they were loaded', () => {
    const state: DeckState = { seed: 'k7f2x', filter: { themes: ['grenzen', 'regie'], kinds: ['dilemma'] }, index: 0 };
    const deck = buildDeck(shuffledInput, state);
    expect(deck).toHaveLength(8);
    expect(deck.every((c) => (c.theme === 'grenzen' || c.theme === 'regie') && c.kind === 'dilemma')).toBe(true);
    expect(deck.map((c) => c.id)).toEqual(buildDeck([...CARDS].reverse(), state).map((c) => c.id));
    expect(deck.map((c) => c.id)).not.toEqual(buildDeck(CARDS, { filter: state.filter, index: 0 }).map((c) => c.id));
  });
});

describe('cursor', () => {
  it('clamps at both ends and does not wrap', () => {
    expect(next(0, 3)).toBe(1);
    expect(next(2, 3)).toBe(2);
    expect(prev(1, 3)).toBe(0);
    expect(prev(0, 3)).toBe(0);
    expect(next(0, 0)).toBe(0);
    expect(clampIndex(99, 12)).toBe(11);
    expect(clampIndex(-4, 12)).toBe(0);
    expect(clampIndex(Number.NaN, 12)).toBe(0);
    expect([hasPrev(0), hasNext(0, 3), hasNext(2, 3), hasPrev(2)]).toEqual([false, true, false, true]);
  });

  it('shows progress for people, 1-based', () => {
    expect(progress(2, 12)).toBe('3 / 12');
    expect(progress(0, 1)).toBe('1 / 1');
    expect(progress(0, 0)).toBe('0 / 0');
  });
});

/** Deterministic seeds for the statistical tests: the test never flakes. */
function newSeedFor(i: number): string {
  return `s${i}`;
}

/** How often each order of [0, 1, 2, 3] comes out of `shuffleFn` over 60,000 seeds. */
function permutationCounts(shuffleFn: (items: readonly number[], seed: string) => number[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let s = 0; s < 60_000; s++) {
    const key = shuffleFn([0, 1, 2, 3], newSeedFor(s)).join('');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Pearson's chi-square statistic against a uniform expectation. */
function chiSquare(observed: readonly number[]): number {
  const expected = observed.reduce((a, b) => a + b, 0) / observed.length;
  return observed.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
}
