import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { fill, placeholders } from '../../src/i18n/fill';

/** Every leaf of a dictionary with its path ("sessions.list.cards"), arrays included. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[path, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe('fill', () => {
  it('fills placeholders and picks singular or plural words (moved from fillText)', () => {
    const t = 'Nieuw: {sessions} {sessions:sessie|sessies}, {notes} {notes:notitie|notities}.';
    expect(fill('nl', t, { sessions: 1, notes: 3 })).toBe('Nieuw: 1 sessie, 3 notities.');
    expect(fill('nl', t, { sessions: 0, notes: 1 })).toBe('Nieuw: 0 sessies, 1 notitie.');
    expect(fill('en', '{n:It is|They are} {x} {missing}', { n: 2, x: '<b>' })).toBe('They are <b> {missing}');
    expect(fill('en', '{a:one|}{b}', { a: 5, b: 'x' })).toBe('x');
  });

  it('counts cards, sessions and positions in Dutch and in English', () => {
    const { nl, en } = dictionaries;
    expect(fill('nl', nl.sessions.list.cards, { n: 1 })).toBe('1 kaart');
    expect(fill('nl', nl.sessions.list.cards, { n: 0 })).toBe('0 kaarten');
    expect(fill('en', en.sessions.list.cards, { n: 1 })).toBe('1 card');
    expect(fill('en', en.sessions.list.cards, { n: 25 })).toBe('25 cards');
    expect(fill('nl', nl.sessions.positions.count, { n: 1 })).toBe('1 positie geplaatst');
    expect(fill('en', en.sessions.positions.count, { n: 2 })).toBe('2 positions placed');
    expect(fill('nl', nl.sessions.exchange.problems, { n: 1 })).toBe(
      'In het bestand klopte 1 ding niet. Dat wordt overgeslagen.',
    );
    expect(fill('nl', nl.sessions.exchange.problems, { n: 4 })).toBe(
      'In het bestand klopten 4 dingen niet. Die worden overgeslagen.',
    );
    expect(fill('en', en.print.sheet, { n: 2, total: 7 })).toBe('Sheet 2 of 7');
    expect(fill('nl', nl.print.cardRange, { from: 5, to: 8 })).toBe('kaart 5 tot en met 8');
  });

  it('asks the language for its plural rule, not for "exactly 1"', () => {
    // 1.5 is plural in both languages; a plain `n === 1` would agree, Intl.PluralRules decides.
    expect(fill('nl', '{n} {n:kaart|kaarten}', { n: 1.5 })).toBe('1.5 kaarten');
    expect(fill('en', '{n} {n:card|cards}', { n: '1' })).toBe('1 card');
  });

  it('leaves an unknown placeholder as it is, also names the values object inherits', () => {
    expect(fill('nl', 'Bestand: {file}', {})).toBe('Bestand: {file}');
    expect(fill('nl', '{constructor} {toString:a|b}', {})).toBe('{constructor} {toString:a|b}');
    expect(fill('nl', 'geen plaats')).toBe('geen plaats');
  });

  it('lists the placeholders of a template once each, plural ones included', () => {
    expect(placeholders('{n} {n:ding|dingen} van {title}')).toEqual(['n', 'title']);
    expect(placeholders('geen')).toEqual([]);
  });
});

describe('UI dictionaries as data', () => {
  it('hold no functions: every text is a template for fill', () => {
    for (const [lang, d] of Object.entries(dictionaries)) {
      const functions = leaves(d)
        .filter(([, v]) => typeof v === 'function')
        .map(([path]) => `${lang}.${path}`);
      expect(functions).toEqual([]);
    }
  });

  it('ask for the same placeholders in Dutch and English, in every template', () => {
    const en = new Map(leaves(dictionaries.en));
    const different: string[] = [];
    let templates = 0;
    for (const [path, nl] of leaves(dictionaries.nl)) {
      const other = en.get(path);
      if (typeof nl !== 'string' || typeof other !== 'string') continue;
      if (placeholders(nl).length > 0) templates++;
      if (placeholders(nl).join() !== placeholders(other).join())
        different.push(`${path}: ${placeholders(nl)} / ${placeholders(other)}`);
    }
    expect(different).toEqual([]);
    // The walk really reaches the templates (a broken walk would pass with nothing compared).
    expect(templates).toBeGreaterThan(50);
  });
});
