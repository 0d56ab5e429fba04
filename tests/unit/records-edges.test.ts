/** Ids and dates at the edges: what a file may hold, and that what is shown is what is stored. */
import { describe, expect, it } from 'vitest';
import { parseExport, serialize } from '../../src/lib/exchange/format';
import { routeSearch, parseRoute } from '../../src/lib/sessions/route';
import { dateProblem, isIsoDate } from '../../src/lib/records/dates';
import { isWellFormedId } from '../../src/lib/records/limits';
import { formatDay } from '../../src/lib/sessions/format';
import type { Dataset } from '../../src/lib/store/types';
import { openKjk } from '../../src/lib/store/schema';
import { createRepo } from '../../src/lib/store/repo';
import { expectStoreError } from '../support/store';

function data(sessionId = 's1', cardId = 'k1'): Dataset {
  return {
    sessions: [
      {
        id: sessionId,
        kind: 'workshop',
        title: 'W',
        team: '',
        date: '2024-05-01',
        lang: 'nl',
        deck: {},
        createdAt: 1,
        updatedAt: 1,
      },
    ],
    notes: [{ id: 'n1', sessionId, cardId, text: 'x', updatedAt: 1 }],
    positions: [],
    actions: [],
  };
}

/** The file text with one id replaced as raw JSON (so a lone surrogate can be written as \\uD800). */
function withRawId(jsonId: string): string {
  return serialize(data('PLACEHOLDER'), 'all').replaceAll('"PLACEHOLDER"', jsonId);
}

describe('ids from files', () => {
  const bad: [string, string][] = [
    ['a lone high surrogate', '"a\\ud800b"'],
    ['a lone low surrogate', '"\\udc00"'],
    ['a space', '"a b"'],
    ['a leading space (trimmed by the address bar)', '" s1"'],
    ['a tab', '"a\\tb"'],
    ['a newline', '"a\\nb"'],
    ['a NUL', '"a\\u0000b"'],
    ['DEL', '"a\\u007fb"'],
    ['a C1 control', '"a\\u0085b"'],
    ['a zero-width joiner (a format character)', '"a\\u200db"'],
    ['a right-to-left override', '"\\u202eab"'],
    ['a no-break space', '"a\\u00a0b"'],
    ['a replacement character', '"a\\ufffdb"'],
    ['a private-use character', '"\\ue000"'],
  ];
  for (const [name, json] of bad) {
    it(`refuses a file whose session id has ${name}, naming the record`, () => {
      const result = parseExport(withRawId(json));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid');
      expect(result.error.details.join('\n')).toMatch(/data\.sessions\[0\]\.id: an id may hold only/);
    });
  }

  it('accepts the ids the app makes and the ids of cards, and they survive the address bar', () => {
    for (const id of [
      crypto.randomUUID(),
      'i0123456789abcdef0123456789abcdef',
      'belangen-bij-eigen-kracht',
      'kaart_3.v2~x',
      'ü-ø-文字-🙂',
      'a+b&c=d#e%f/g?h',
    ]) {
      expect(isWellFormedId(id), id).toBe(true);
      const result = parseExport(serialize(data(id), 'all'));
      expect(result.ok, id).toBe(true);
      const route = { view: 'session', id, card: 0 } as const;
      const search = routeSearch(route);
      expect(parseRoute(search)).toEqual(route);
      // The address bar shows the URL parsed again: the id comes back unchanged.
      expect(parseRoute(new URL(`https://example.org/sessies/${search}`).search)).toEqual(route);
    }
  });

  it('the repository refuses such an id too (one rule for writer and reader)', async () => {
    const db = await openKjk({ name: `ids-${crypto.randomUUID()}` });
    const repo = createRepo(db);
    const s = await repo.sessions.create({ kind: 'workshop', title: 'W', team: '', date: '2024-05-01', lang: 'nl' });
    await expectStoreError(
      repo.notes.save({ sessionId: s.id, cardId: 'a b', text: 'x', baseUpdatedAt: null }),
      'invalid',
    );
    db.close();
  });
});

describe('dates at the edges', () => {
  it('takes years 1000 to 9999 only', () => {
    expect(isIsoDate('1000-01-01')).toBe(true);
    expect(isIsoDate('9999-12-31')).toBe(true);
    expect(isIsoDate('0999-12-31')).toBe(false);
    expect(isIsoDate('0024-03-01')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('10000-01-01')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });

  it('says why a typed date cannot be saved', () => {
    expect(dateProblem('')).toBe('empty');
    expect(dateProblem(undefined)).toBe('empty');
    expect(dateProblem('0024-03-01')).toBe('short-year');
    expect(dateProblem('24-03-01')).toBe('short-year');
    expect(dateProblem('0999-03-01')).toBe('year-range');
    expect(dateProblem('20245-03-01')).toBe('year-range');
    expect(dateProblem('275760-09-13')).toBe('year-range');
    expect(dateProblem('2024-02-30')).toBe('invalid');
    expect(dateProblem('1-5-2024')).toBe('invalid');
    expect(dateProblem('2024-05-01')).toBeNull();
  });

  it('a file with a two-digit or out-of-range year is refused with the field named', () => {
    for (const date of ['0024-03-01', '0999-12-31', '12024-01-01']) {
      const d = data();
      d.sessions[0]!.date = date;
      const result = parseExport(serialize(d, 'all'));
      expect(result.ok, date).toBe(false);
      if (!result.ok) expect(result.error.details.join('\n')).toContain('data.sessions[0].date: expected a real date');
    }
  });

  it('the repository refuses a due date with a two-digit year before saving', async () => {
    const db = await openKjk({ name: `dates-${crypto.randomUUID()}` });
    const repo = createRepo(db);
    await expectStoreError(
      repo.sessions.create({ kind: 'workshop', title: 'W', team: '', date: '0024-05-01', lang: 'nl' }),
      'invalid',
    );
    const s = await repo.sessions.create({ kind: 'workshop', title: 'W', team: '', date: '2024-05-01', lang: 'nl' });
    await expectStoreError(repo.actions.add({ sessionId: s.id, text: 'doen', due: '0025-01-01' }), 'invalid');
    db.close();
  });

  it('shows what is stored, also for years below 100 (Date.UTC would read them as 19xx)', () => {
    expect(formatDay('0024-03-01', 'en')).toMatch(/\b24$/);
    expect(formatDay('0024-03-01', 'en')).not.toContain('1924');
    expect(formatDay('1000-01-01', 'nl')).toBe('1 januari 1000');
    expect(formatDay('9999-12-31', 'en')).toBe('31 December 9999');
  });
});

describe('date messages', () => {
  it('every problem has a sentence in both languages', async () => {
    const { dictionaries } = await import('../../src/i18n');
    for (const problem of ['empty', 'short-year', 'year-range', 'invalid'] as const) {
      expect(dictionaries.nl.sessions.dates[problem]).toBeTruthy();
      expect(dictionaries.en.sessions.dates[problem]).toBeTruthy();
    }
    expect(dictionaries.nl.sessions.dates['short-year']).toContain('vier cijfers');
  });
});
