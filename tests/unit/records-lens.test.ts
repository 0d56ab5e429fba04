/**
 * The worked example of "one schema edit": Session's optional `lens` (one of the card
 * perspectives) was added in src/lib/records/schemas.ts only. Types, the repository's
 * checks, import, export and the JSON Schema followed from that edit.
 */
import { describe, expect, it } from 'vitest';
import { PERSPECTIVES } from '../../src/vocab';
import { parseExport, serialize } from '../../src/lib/exchange/format';
import { planImport } from '../../src/lib/exchange/merge';
import { exportJsonSchema } from '../../src/lib/records/json-schema';
import { readAll } from '../../src/lib/store/bulk';
import type { NewSession } from '../../src/lib/store/repo';
import type { Session } from '../../src/lib/store/types';
import { expectStoreError, freshRepos } from '../support/store';

const freshRepo = freshRepos('kjk-lens');

const base: NewSession = { kind: 'workshop', title: 'Met lens', team: 'Team', date: '2024-05-01', lang: 'nl' };

describe('Session.lens (an optional field added by one schema edit)', () => {
  it('a patch with lens null takes the lens away ("all roles"), stored, and leaves the rest', async () => {
    const repo = await freshRepo();
    const s = await repo.sessions.create({ ...base, lens: 'jeugdige' });
    const cleared = await repo.sessions.update(s.id, { lens: null });
    expect('lens' in cleared).toBe(false);
    const stored = await repo.sessions.get(s.id);
    expect(stored && 'lens' in stored).toBe(false);
    expect(stored).toMatchObject({ title: 'Met lens', team: 'Team' });
    // Left out: the lens stays as it is.
    await repo.sessions.update(s.id, { lens: 'ouder' });
    expect((await repo.sessions.update(s.id, { title: 'Nieuw' })).lens).toBe('ouder');
  });

  it('create and update accept a perspective and refuse anything else', async () => {
    const repo = await freshRepo();
    const s = await repo.sessions.create({ ...base, lens: 'ouder' });
    expect(s.lens).toBe('ouder');
    expect((await repo.sessions.get(s.id))?.lens).toBe('ouder');
    expect((await repo.sessions.update(s.id, { lens: 'beleidsmaker' })).lens).toBe('beleidsmaker');
    await expectStoreError(repo.sessions.create({ ...base, lens: 'buurman' as never }), 'invalid');
    await expectStoreError(repo.sessions.update(s.id, { lens: 'buurman' as never }), 'invalid');
    // Optional: sessions without a lens (every session stored before it existed) stay valid.
    const plain = await repo.sessions.create(base);
    expect('lens' in plain).toBe(false);
  });

  it('round-trips through export and import into an empty database, identical', async () => {
    const source = await freshRepo();
    await source.sessions.create({ ...base, lens: 'jeugdige' });
    await source.sessions.create(base);
    const text = serialize(await source.exportAll(), 'all');
    const parsed = parseExport(text);
    if (!parsed.ok) throw new Error(parsed.error.details.join('; '));
    expect(parsed.dataset.sessions.map((s: Session) => s.lens)).toEqual(
      (await source.exportAll()).sessions.map((s) => s.lens),
    );
    const target = await freshRepo();
    await target.applyImport(planImport(parsed.dataset, await readAll(target.db)));
    const byId = (list: Session[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId((await target.exportAll()).sessions)).toEqual(byId((await source.exportAll()).sessions));
  });

  it('an import refuses an unknown lens, per path', () => {
    const session = {
      id: 's1',
      kind: 'workshop',
      title: 't',
      team: '',
      date: '2024-05-01',
      lang: 'nl',
      deck: {},
      lens: 'x',
      createdAt: 1,
      updatedAt: 1,
    };
    const text = serialize({ sessions: [session as Session], notes: [], positions: [], actions: [] }, 'all');
    const parsed = parseExport(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.details).toEqual([
        `data.sessions[0].lens: expected one of ${PERSPECTIVES.map((p) => `"${p}"`).join(', ')}`,
      ]);
    }
  });

  it('the generated JSON Schema lists it as an optional enum of the perspectives', () => {
    const session = (
      exportJsonSchema().$defs as Record<string, { required: string[]; properties: Record<string, { enum?: unknown }> }>
    ).session!;
    expect(session.properties.lens?.enum).toEqual([...PERSPECTIVES]);
    expect(session.required).not.toContain('lens');
  });
});
