/**
 * The write recipe (store/write.ts) holds for every write: times from stamp(), meta touched
 * in the same transaction, other tabs told only after the commit; and the input checks are
 * the record schemas. Includes the drifts issue 10 named: deletes stamped with now(),
 * setAgreed without id and session checks, actions.update checked on a dummy record.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_SHORT_TEXT_CHARS } from '../../src/lib/records/limits';
import { createRepo, type NewSession } from '../../src/lib/store/repo';
import { openKjk, type KjkDb } from '../../src/lib/store/schema';
import type { ChangeMessage, SyncChannel } from '../../src/lib/store/sync';
import { expectStoreError } from '../support/store';

const connections: KjkDb[] = [];
afterEach(() => {
  for (const db of connections.splice(0)) db.close();
});

const base: NewSession = { kind: 'teamoverleg', title: 'Overleg', team: 'Team', date: '2024-05-01', lang: 'nl' };

/** A repo whose clock never moves (so only stamp() makes times differ) and whose notices are recorded. */
async function frozenRepo() {
  const db = await openKjk({ name: `kjk-write-${Math.random()}` });
  connections.push(db);
  const posted: Omit<ChangeMessage, 'type'>[] = [];
  const sync: SyncChannel = {
    available: true,
    post: (change) => posted.push(change),
    subscribe: () => () => {},
    close() {},
  };
  let ids = 0;
  const repo = createRepo(db, { now: () => 1000, newId: () => `id-${++ids}`, sync });
  return { repo, posted, db };
}

describe('one write recipe', () => {
  it('deletes are stamped later than the deleted record, and count as a change for the backup reminder', async () => {
    const { repo, posted } = await frozenRepo();
    const s = await repo.sessions.create(base);
    const p = await repo.positions.set({ sessionId: s.id, cardId: 'k', participant: 'A', value: 1 });
    const a = await repo.actions.add({ sessionId: s.id, text: 'x' });
    await repo.positions.delete(p.id);
    await repo.actions.delete(a.id);
    const [positionGone, actionGone] = posted.slice(-2);
    expect(positionGone).toEqual({ store: 'positions', id: p.id, updatedAt: p.updatedAt + 1 });
    expect(actionGone).toEqual({ store: 'actions', id: a.id, updatedAt: a.updatedAt + 1 });
    expect(await repo.meta.get('lastChangeAt')).toBe(a.updatedAt + 1);
  });

  it('a failed write tells no one and touches nothing', async () => {
    const { repo, posted } = await frozenRepo();
    const s = await repo.sessions.create(base);
    const before = posted.length;
    const lastChange = await repo.meta.get('lastChangeAt');
    await expectStoreError(repo.actions.delete('nope'), 'not-found');
    await expectStoreError(
      repo.positions.set({ sessionId: 'nope', cardId: 'k', participant: '', value: 1 }),
      'not-found',
    );
    await expectStoreError(repo.sessions.rename(s.id, 5 as unknown as string), 'invalid');
    expect(posted.length).toBe(before);
    expect(await repo.meta.get('lastChangeAt')).toBe(lastChange);
  });

  it('setAgreed checks its ids and that the session exists, like set', async () => {
    const { repo } = await frozenRepo();
    const s = await repo.sessions.create(base);
    await expectStoreError(repo.positions.setAgreed('missing', 'k', null), 'not-found');
    await expectStoreError(repo.positions.setAgreed('', 'k', null), 'invalid');
    await expectStoreError(repo.positions.setAgreed(s.id, '', null), 'invalid');
    await expectStoreError(repo.positions.setAgreed(s.id, 'k', ''), 'invalid');
    await repo.positions.setAgreed(s.id, 'k', null);
  });

  it('actions.update checks the patch with the schema, before any transaction', async () => {
    const { repo, posted } = await frozenRepo();
    const s = await repo.sessions.create(base);
    const a = await repo.actions.add({ sessionId: s.id, text: 'Bel', owner: 'Piet' });
    const before = posted.length;
    await expectStoreError(repo.actions.update(a.id, { text: 5 as unknown as string }), 'invalid');
    await expectStoreError(repo.actions.update(a.id, { done: 'ja' as unknown as boolean }), 'invalid');
    await expectStoreError(repo.actions.update(a.id, { cardId: '' }), 'invalid');
    await expectStoreError(repo.actions.update(a.id, { owner: 'x'.repeat(MAX_SHORT_TEXT_CHARS + 1) }), 'too-large');
    // Bad input is reported as such even for an id that does not exist: no write was started.
    await expectStoreError(repo.actions.update('nope', { due: '2024-02-30' }), 'invalid');
    expect(posted.length).toBe(before);
    expect((await repo.actions.list(s.id))[0]).toEqual(a);
    // `undefined` leaves a field alone, `null` removes it.
    const changed = await repo.actions.update(a.id, { text: undefined, owner: null });
    expect(changed).toMatchObject({ text: 'Bel' });
    expect('owner' in changed).toBe(false);
  });

  it('stores only the fields a record has, whatever else the caller passes', async () => {
    const { repo, db } = await frozenRepo();
    const s = await repo.sessions.create({ ...base, deck: { seed: 'x', extra: 1 } as never, colour: 'red' } as never);
    expect(await db.get('sessions', s.id)).toEqual({
      id: s.id,
      kind: 'teamoverleg',
      title: 'Overleg',
      team: 'Team',
      date: '2024-05-01',
      lang: 'nl',
      deck: { seed: 'x' },
      createdAt: 1000,
      updatedAt: 1000,
    });
    const a = await repo.actions.add({ sessionId: s.id, text: 't', owner: undefined });
    expect('owner' in (await db.get('actions', a.id))!).toBe(false);
  });
});
