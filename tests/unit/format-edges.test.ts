/** The edges of the export format: writes that derive a value from a stored one stay within the limits. */
import { describe, expect, it } from 'vitest';
import { parseExport, serialize } from '../../src/lib/exchange/format';
import { withSuffix } from '../../src/lib/exchange/merge';
import { MAX_SHORT_TEXT_CHARS, MAX_TIME_MS } from '../../src/lib/records/limits';
import type { Dataset } from '../../src/lib/records/schemas';
import { expectStoreError, freshRepos } from '../support/store';

const repoFor = freshRepos('kjk-format-edges');

function file(title: string, at: number): Dataset {
  return {
    sessions: [
      {
        id: 's1',
        kind: 'workshop',
        title,
        team: '',
        date: '2024-05-01',
        lang: 'nl',
        deck: {},
        createdAt: at,
        updatedAt: at,
      },
    ],
    notes: [{ id: 'n1', sessionId: 's1', cardId: 'k1', text: 'x', updatedAt: at }],
    positions: [],
    actions: [],
  };
}

describe('withSuffix', () => {
  it('appends when there is room', () => {
    expect(withSuffix('Team', ' (kopie)', 20)).toBe('Team (kopie)');
  });

  it('cuts the title, not the suffix, to stay within the limit', () => {
    const out = withSuffix('abcdefghij', ' (x)', 8);
    expect(out).toBe('abcd (x)');
    expect(out.length).toBe(8);
  });

  it('never leaves half of a surrogate pair behind', () => {
    const out = withSuffix('ab🙂cd', '!', 4);
    expect(out).toBe('ab!');
  });

  it('keeps a title of exactly the limit minus the suffix whole', () => {
    const title = 'x'.repeat(MAX_SHORT_TEXT_CHARS - 3);
    expect(withSuffix(title, ' ()')).toBe(`${title} ()`);
  });
});

describe('a record stamped at the latest time the format takes', () => {
  it('stays at that time when edited, and the backup made afterwards imports', async () => {
    const repo = await repoFor();
    await repo.replaceAll(file('t', MAX_TIME_MS));
    const renamed = await repo.sessions.rename('s1', 'u');
    expect(renamed.updatedAt).toBe(MAX_TIME_MS);
    const saved = await repo.notes.save({ sessionId: 's1', cardId: 'k1', text: 'y', baseUpdatedAt: MAX_TIME_MS });
    expect(saved.ok && saved.note.updatedAt).toBe(MAX_TIME_MS);
    expect(parseExport(serialize(await repo.exportAll(), 'all')).ok).toBe(true);
  });
});

describe('duplicating a session whose title is at the limit', () => {
  it('refuses the longer title the list asks for, as too large, and stores nothing', async () => {
    const repo = await repoFor();
    const title = 'x'.repeat(MAX_SHORT_TEXT_CHARS);
    await repo.replaceAll(file(title, 1));
    const before = await repo.exportAll();
    await expectStoreError(repo.sessions.duplicate('s1', { title: `${title} (kopie)` }), 'too-large');
    expect(await repo.exportAll()).toEqual(before);
  });
});
