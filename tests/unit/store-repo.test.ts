import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openKjk, type KjkDb } from '../../src/lib/store/schema';
import { createRepo, type NewSession, type Repo } from '../../src/lib/store/repo';
import { StoreError, STORE_ERROR_CODES, toStoreError } from '../../src/lib/store/errors';
import { dictionaries } from '../../src/i18n';
import { MAX_NOTE_CHARS } from '../../src/lib/records/limits';
import { createSync, isChangeMessage, type ChangeMessage } from '../../src/lib/store/sync';
import type { Session } from '../../src/lib/store/types';
import { expectStoreError } from '../support/store';

const DAY = 24 * 60 * 60 * 1000;
let counter = 0;
const connections: KjkDb[] = [];

async function freshDb(name = `kjk-repo-${++counter}-${Math.random().toString(36).slice(2)}`): Promise<KjkDb> {
  const db = await openKjk({ name });
  connections.push(db);
  return db;
}

/** A repo with a controllable clock and readable ids. */
function makeRepo(db: KjkDb, start = 1_700_000_000_000, sync: ReturnType<typeof createSync> | null = null) {
  let time = start;
  let ids = 0;
  const repo = createRepo(db, { now: () => time, newId: () => `id-${++ids}`, sync });
  return {
    repo,
    setTime: (t: number) => {
      time = t;
    },
    advance: (ms: number) => {
      time += ms;
    },
    time: () => time,
  };
}

const base: NewSession = { kind: 'teamoverleg', title: 'Overleg', team: 'Team Noord', date: '2024-05-01', lang: 'nl' };

afterEach(() => {
  for (const db of connections.splice(0)) db.close();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('sessions', () => {
  let repo: Repo;
  let clock: ReturnType<typeof makeRepo>;
  beforeEach(async () => {
    clock = makeRepo(await freshDb());
    repo = clock.repo;
  });

  it('create + get: trims the team, keeps the title as typed', async () => {
    const s = await repo.sessions.create({
      ...base,
      title: '  Overleg 🌱 ',
      team: '  Team Noord  ',
      deck: { seed: 'x7', cards: ['a', 'b'] },
    });
    expect(s).toMatchObject({
      id: 'id-1',
      title: '  Overleg 🌱 ',
      team: 'Team Noord',
      deck: { seed: 'x7', cards: ['a', 'b'] },
    });
    expect(s.createdAt).toBe(clock.time());
    expect(await repo.sessions.get(s.id)).toEqual(s);
    expect(await repo.sessions.get('nope')).toBeUndefined();
  });

  it('create rejects bad input as "invalid"', async () => {
    await expectStoreError(repo.sessions.create({ ...base, date: '2024-02-30' }), 'invalid');
    await expectStoreError(repo.sessions.create({ ...base, kind: 'feest' as never }), 'invalid');
    await expectStoreError(repo.sessions.create({ ...base, lang: 'de' as never }), 'invalid');
    await expectStoreError(repo.sessions.create({ ...base, deck: { cards: [''] } }), 'invalid');
    expect((await repo.sessions.list()).items).toHaveLength(0);
  });

  it('list: newest meeting first, soft-deleted left out, paginated without gaps or repeats', async () => {
    const dates = ['2024-01-05', '2024-03-01', '2024-03-01', '2023-12-31', '2024-02-14', '2024-03-02', '2024-01-20'];
    const made: Session[] = [];
    for (const date of dates) {
      clock.advance(10);
      made.push(await repo.sessions.create({ ...base, date }));
    }
    await repo.sessions.softDelete(made[4]!.id);
    const seen: string[] = [];
    let cursor = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<Repo['sessions']['list']>> = await repo.sessions.list({ limit: 2, cursor });
      seen.push(...page.items.map((s) => s.id));
      cursor = page.next;
      pages++;
    } while (cursor && pages < 10);
    const expected = made
      .filter((s) => s.id !== made[4]!.id)
      .sort((a, b) => (a.date === b.date ? b.createdAt - a.createdAt : a.date < b.date ? 1 : -1))
      .map((s) => s.id);
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);
  });

  it('rename and update change updatedAt monotonically; missing ids are "not-found"', async () => {
    const s = await repo.sessions.create(base);
    const renamed = await repo.sessions.rename(s.id, 'Nieuwe naam');
    expect(renamed.title).toBe('Nieuwe naam');
    expect(renamed.updatedAt).toBeGreaterThan(s.updatedAt); // same clock tick, still later
    const updated = await repo.sessions.update(s.id, { team: ' Team Zuid ', date: '2024-06-01', kind: 'workshop' });
    expect(updated).toMatchObject({ team: 'Team Zuid', date: '2024-06-01', kind: 'workshop', title: 'Nieuwe naam' });
    await expectStoreError(repo.sessions.rename('missing', 'x'), 'not-found');
    await expectStoreError(repo.sessions.update(s.id, { date: 'morgen' }), 'invalid');
  });

  it('duplicate copies notes, positions and actions under new ids, leaving the original alone', async () => {
    const s = await repo.sessions.create(base);
    await repo.notes.save({ sessionId: s.id, cardId: 'k1', text: 'notitie', baseUpdatedAt: null });
    const p = await repo.positions.set({ sessionId: s.id, cardId: 'k1', participant: 'Anna', value: 30 });
    await repo.positions.setAgreed(s.id, 'k1', p.id);
    await repo.actions.add({ sessionId: s.id, text: 'Bellen', owner: 'Piet', due: '2024-05-10', cardId: 'k1' });
    clock.advance(1000);
    const copy = await repo.sessions.duplicate(s.id, { title: 'Kopie' });
    expect(copy.id).not.toBe(s.id);
    expect(copy).toMatchObject({ title: 'Kopie', team: s.team, date: s.date, createdAt: clock.time() });

    const [origNotes, copyNotes] = await Promise.all([repo.notes.list(s.id), repo.notes.list(copy.id)]);
    expect(copyNotes).toHaveLength(1);
    expect(copyNotes[0]).toMatchObject({ sessionId: copy.id, cardId: 'k1', text: 'notitie' });
    expect(copyNotes[0]!.id).not.toBe(origNotes[0]!.id);
    const copyPositions = await repo.positions.list(copy.id);
    expect(copyPositions).toEqual([
      expect.objectContaining({ participant: 'Anna', value: 30, agreed: true, sessionId: copy.id }),
    ]);
    expect(copyPositions[0]!.id).not.toBe(p.id);
    const copyActions = await repo.actions.list(copy.id);
    expect(copyActions).toEqual([
      expect.objectContaining({ text: 'Bellen', owner: 'Piet', due: '2024-05-10', cardId: 'k1' }),
    ]);
    expect(await repo.notes.list(s.id)).toEqual(origNotes);
    await expectStoreError(repo.sessions.duplicate('missing'), 'not-found');
  });

  it('softDelete hides, undoDelete restores, purgeDeleted removes the session and its records', async () => {
    const keep = await repo.sessions.create(base);
    const gone = await repo.sessions.create({ ...base, title: 'Weg' });
    await repo.notes.save({ sessionId: gone.id, cardId: 'k1', text: 'weg', baseUpdatedAt: null });
    await repo.positions.set({ sessionId: gone.id, cardId: 'k1', participant: '', value: 50 });
    await repo.actions.add({ sessionId: gone.id, text: 'weg' });
    await repo.notes.save({ sessionId: keep.id, cardId: 'k1', text: 'blijft', baseUpdatedAt: null });

    const deleted = await repo.sessions.softDelete(gone.id);
    expect(deleted.deletedAt).toBe(deleted.updatedAt);
    expect(deleted.deletedAt).toBeGreaterThanOrEqual(clock.time());
    expect((await repo.sessions.list()).items.map((s) => s.id)).toEqual([keep.id]);
    expect((await repo.sessions.listDeleted()).map((s) => s.id)).toEqual([gone.id]);

    const restored = await repo.sessions.undoDelete(gone.id);
    expect(restored.deletedAt).toBeUndefined();
    expect('deletedAt' in restored).toBe(false);
    expect((await repo.sessions.list()).items).toHaveLength(2);

    await repo.sessions.softDelete(gone.id);
    // A purge limited to older deletions leaves this one.
    expect(await repo.sessions.purgeDeleted(clock.time() - 1)).toBe(0);
    expect(await repo.sessions.purgeDeleted()).toBe(1);
    expect(await repo.sessions.get(gone.id)).toBeUndefined();
    expect(await repo.notes.list(gone.id)).toEqual([]);
    expect(await repo.positions.list(gone.id)).toEqual([]);
    expect(await repo.actions.list(gone.id)).toEqual([]);
    expect((await repo.notes.list(keep.id))[0]?.text).toBe('blijft');
  });
});

describe('notes', () => {
  it('save, get, list; same text is never a conflict; newer stored text is never overwritten', async () => {
    const { repo, advance } = makeRepo(await freshDb());
    const s = await repo.sessions.create(base);
    const first = await repo.notes.save({ sessionId: s.id, cardId: 'k1', text: 'v1', baseUpdatedAt: null });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(await repo.notes.get(s.id, 'k1')).toEqual(first.note);

    advance(5);
    const second = await repo.notes.save({
      sessionId: s.id,
      cardId: 'k1',
      text: 'v2',
      baseUpdatedAt: first.note.updatedAt,
    });
    expect(second.ok && second.note.id === first.note.id && second.note.text === 'v2').toBe(true);

    // An editor still showing v1 tries to save: refused, and it gets v2 back.
    const stale = await repo.notes.save({
      sessionId: s.id,
      cardId: 'k1',
      text: 'v1-bewerkt',
      baseUpdatedAt: first.note.updatedAt,
    });
    expect(stale).toEqual({ ok: false, reason: 'conflict', stored: expect.objectContaining({ text: 'v2' }) });
    // An editor that started empty while another tab created the note: also a conflict.
    const fromEmpty = await repo.notes.save({ sessionId: s.id, cardId: 'k1', text: 'ander', baseUpdatedAt: null });
    expect(fromEmpty.ok).toBe(false);
    // Saving exactly what is stored is fine whatever the base.
    const same = await repo.notes.save({ sessionId: s.id, cardId: 'k1', text: 'v2', baseUpdatedAt: 1 });
    expect(same.ok).toBe(true);
    expect((await repo.notes.get(s.id, 'k1'))?.text).toBe('v2');
    expect(await repo.notes.list(s.id)).toHaveLength(1);
  });

  it('two saves within one millisecond still get different updatedAt, so a third tab cannot slip through', async () => {
    const { repo } = makeRepo(await freshDb()); // clock never moves
    const s = await repo.sessions.create(base);
    const a = await repo.notes.save({ sessionId: s.id, cardId: 'k', text: 'a', baseUpdatedAt: null });
    if (!a.ok) throw new Error('unexpected conflict');
    const b = await repo.notes.save({ sessionId: s.id, cardId: 'k', text: 'b', baseUpdatedAt: a.note.updatedAt });
    if (!b.ok) throw new Error('unexpected conflict');
    expect(b.note.updatedAt).toBeGreaterThan(a.note.updatedAt);
    const c = await repo.notes.save({ sessionId: s.id, cardId: 'k', text: 'c', baseUpdatedAt: a.note.updatedAt });
    expect(c.ok).toBe(false);
  });

  it('the same note edited in two tabs: the later save gets a conflict, nothing newer is overwritten', async () => {
    const name = `kjk-tabs-${Math.random()}`;
    const tabA = makeRepo(await freshDb(name)).repo;
    const tabB = makeRepo(await freshDb(name), 1_700_000_000_500).repo;
    const s = await tabA.sessions.create(base);
    const loaded = await tabA.notes.save({ sessionId: s.id, cardId: 'k', text: 'start', baseUpdatedAt: null });
    if (!loaded.ok) throw new Error('unexpected');
    const seenByB = await tabB.notes.get(s.id, 'k');
    expect(seenByB?.text).toBe('start');

    // Both tabs save concurrently from the same base.
    const [resA, resB] = await Promise.all([
      tabA.notes.save({ sessionId: s.id, cardId: 'k', text: 'tekst van A', baseUpdatedAt: loaded.note.updatedAt }),
      tabB.notes.save({ sessionId: s.id, cardId: 'k', text: 'tekst van B', baseUpdatedAt: seenByB!.updatedAt }),
    ]);
    const winners = [resA, resB].filter((r) => r.ok);
    const losers = [resA, resB].filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const stored = await tabA.notes.get(s.id, 'k');
    expect(winners[0]!.ok && stored?.text === winners[0]!.note.text).toBe(true);
    expect(!losers[0]!.ok && losers[0]!.stored.text).toBe(stored?.text);
  });

  it('refuses a note for a missing session, bad ids and over-long text', async () => {
    const { repo } = makeRepo(await freshDb());
    await expectStoreError(
      repo.notes.save({ sessionId: 'missing', cardId: 'k', text: 'x', baseUpdatedAt: null }),
      'not-found',
    );
    const s = await repo.sessions.create(base);
    await expectStoreError(repo.notes.save({ sessionId: s.id, cardId: '', text: 'x', baseUpdatedAt: null }), 'invalid');
    await expectStoreError(
      repo.notes.save({ sessionId: s.id, cardId: 'k', text: 'x'.repeat(MAX_NOTE_CHARS + 1), baseUpdatedAt: null }),
      'too-large',
    );
  });

  it('keeps a 5 MB note and text with <script> exactly as typed', async () => {
    const { repo } = makeRepo(await freshDb());
    const s = await repo.sessions.create(base);
    const big = 'Lorem ipsum 🌱 '.repeat((5 * 1024 * 1024) / 16);
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)> [link](javascript:alert(1))';
    await repo.notes.save({ sessionId: s.id, cardId: 'big', text: big, baseUpdatedAt: null });
    await repo.notes.save({ sessionId: s.id, cardId: 'xss', text: hostile, baseUpdatedAt: null });
    expect((await repo.notes.get(s.id, 'big'))?.text).toBe(big);
    expect((await repo.notes.get(s.id, 'xss'))?.text).toBe(hostile);
  });
});

describe('positions', () => {
  it('set creates, moves the same participant, updates by id; list per session and per card', async () => {
    const { repo } = makeRepo(await freshDb());
    const s = await repo.sessions.create(base);
    const anna = await repo.positions.set({ sessionId: s.id, cardId: 'k1', participant: 'Anna', value: 10 });
    const moved = await repo.positions.set({ sessionId: s.id, cardId: 'k1', participant: 'Anna', value: 80 });
    expect(moved.id).toBe(anna.id);
    expect(moved.value).toBe(80);
    const bob = await repo.positions.set({ sessionId: s.id, cardId: 'k1', participant: 'Bob', value: 0 });
    await repo.positions.set({ sessionId: s.id, cardId: 'k2', participant: 'Anna', value: 100 });
    const renamed = await repo.positions.set({
      id: bob.id,
      sessionId: s.id,
      cardId: 'k1',
      participant: 'Bob B.',
      value: 5,
    });
    expect(renamed).toMatchObject({ id: bob.id, participant: 'Bob B.', value: 5 });
    expect(await repo.positions.list(s.id, 'k1')).toHaveLength(2);
    expect(await repo.positions.list(s.id)).toHaveLength(3);
    await expectStoreError(
      repo.positions.set({ id: 'nope', sessionId: s.id, cardId: 'k1', participant: 'x', value: 1 }),
      'not-found',
    );
    await expectStoreError(
      repo.positions.set({ id: bob.id, sessionId: s.id, cardId: 'k2', participant: 'x', value: 1 }),
      'invalid',
    );
  });

  it('rejects values outside 0..100 and non-numbers', async () => {
    const { repo } = makeRepo(await freshDb());
    const s = await repo.sessions.create(base);
    for (const value of [-1, 100.5, Number.NaN, Number.POSITIVE_INFINITY, '50' as unknown as number]) {
      await expectStoreError(repo.positions.set({ sessionId: s.id, cardId: 'k', participant: 'A', value }), 'invalid');
    }
    expect(await repo.positions.list(s.id)).toEqual([]);
  });

  it('setAgreed keeps at most one agreed position per card; null clears it; delete removes', async () => {
    const { repo } = makeRepo(await freshDb());
    const s = await repo.sessions.create(base);
    const a = await repo.positions.set({ sessionId: s.id, cardId: 'k', participant: 'A', value: 10 });
    const b = await repo.positions.set({ sessionId: s.id, cardId: 'k', participant: 'B', value: 90 });
    await repo.positions.setAgreed(s.id, 'k', a.id);
    await repo.positions.setAgreed(s.id, 'k', b.id);
    let list = await repo.positions.list(s.id, 'k');
    expect(list.filter((p) => p.agreed).map((p) => p.id)).toEqual([b.id]);
    // Moving the agreed position keeps the flag.
    await repo.positions.set({ sessionId: s.id, cardId: 'k', participant: 'B', value: 70 });
    list = await repo.positions.list(s.id, 'k');
    expect(list.find((p) => p.id === b.id)).toMatchObject({ agreed: true, value: 70 });
    await repo.positions.setAgreed(s.id, 'k', null);
    expect((await repo.positions.list(s.id, 'k')).some((p) => p.agreed)).toBe(false);
    await expectStoreError(repo.positions.setAgreed(s.id, 'k', 'nope'), 'not-found');
    await repo.positions.delete(a.id);
    expect((await repo.positions.list(s.id, 'k')).map((p) => p.id)).toEqual([b.id]);
    await expectStoreError(repo.positions.delete(a.id), 'not-found');
  });

  it('agree moves the participant there and flags it as the only agreed position, in one readwrite transaction', async () => {
    const db = await freshDb();
    const { repo } = makeRepo(db);
    const s = await repo.sessions.create(base);
    const other = await repo.positions.set({ sessionId: s.id, cardId: 'k', participant: 'B', value: 90 });
    await repo.positions.setAgreed(s.id, 'k', other.id);
    const writes: string[] = [];
    const transaction = db.transaction.bind(db);
    db.transaction = ((stores: never, mode?: IDBTransactionMode, ...rest: never[]) => {
      if (mode === 'readwrite') writes.push(String(stores));
      return transaction(stores, mode, ...rest);
    }) as typeof db.transaction;
    const own = await repo.positions.agree({ sessionId: s.id, cardId: 'k', participant: '', value: 40 });
    expect(writes).toHaveLength(1);
    const list = await repo.positions.list(s.id, 'k');
    expect(list.filter((p) => p.agreed)).toEqual([own]);
    expect(own).toMatchObject({ participant: '', value: 40, agreed: true });
    expect(list.find((p) => p.id === other.id)).toMatchObject({ agreed: false, value: 90 });
    // Agreeing again moves the same record; nothing else changes.
    const again = await repo.positions.agree({ sessionId: s.id, cardId: 'k', participant: '', value: 60 });
    expect(again.id).toBe(own.id);
    expect(await repo.positions.list(s.id, 'k')).toHaveLength(2);
  });

  it('agree checks its input and the session like set, and a refused call changes nothing', async () => {
    const { repo } = makeRepo(await freshDb());
    const s = await repo.sessions.create(base);
    const a = await repo.positions.set({ sessionId: s.id, cardId: 'k', participant: 'A', value: 10 });
    await repo.positions.setAgreed(s.id, 'k', a.id);
    const before = await repo.positions.list(s.id, 'k');
    await expectStoreError(
      repo.positions.agree({ sessionId: s.id, cardId: 'k', participant: '', value: 101 }),
      'invalid',
    );
    await expectStoreError(repo.positions.agree({ sessionId: s.id, cardId: '', participant: '', value: 5 }), 'invalid');
    await expectStoreError(
      repo.positions.agree({ sessionId: 'missing', cardId: 'k', participant: '', value: 5 }),
      'not-found',
    );
    expect(await repo.positions.list(s.id, 'k')).toEqual(before);
  });

  it('positionHistory: one entry per live session with positions on the card, oldest meeting first, by team', async () => {
    const { repo, advance } = makeRepo(await freshDb());
    const later = await repo.sessions.create({ ...base, date: '2024-06-01' });
    advance(1);
    const earlier = await repo.sessions.create({ ...base, date: '2024-01-01' });
    const other = await repo.sessions.create({ ...base, team: 'Team Zuid', date: '2024-03-01' });
    const deleted = await repo.sessions.create({ ...base, date: '2024-04-01' });
    for (const s of [later, earlier, other, deleted]) {
      await repo.positions.set({ sessionId: s.id, cardId: 'k', participant: 'A', value: 40 });
    }
    const agreed = await repo.positions.set({ sessionId: later.id, cardId: 'k', participant: 'Team', value: 55 });
    await repo.positions.setAgreed(later.id, 'k', agreed.id);
    await repo.positions.set({ sessionId: earlier.id, cardId: 'andere-kaart', participant: 'A', value: 1 });
    await repo.sessions.softDelete(deleted.id);

    const all = await repo.positionHistory('k');
    expect(all.map((e) => e.session.id)).toEqual([earlier.id, other.id, later.id]);
    expect(all[2]).toMatchObject({ agreed: { id: agreed.id, value: 55 } });
    expect(all[2]!.positions).toHaveLength(2);
    expect(all[0]!.agreed).toBeNull();
    const noord = await repo.positionHistory('k', { team: ' Team Noord ' });
    expect(noord.map((e) => e.session.id)).toEqual([earlier.id, later.id]);
    expect(await repo.positionHistory('onbekend')).toEqual([]);
  });
});

describe('actions', () => {
  it('add, update (set and clear optional fields), toggle, delete, list oldest first', async () => {
    const { repo, advance } = makeRepo(await freshDb());
    const s = await repo.sessions.create(base);
    const a = await repo.actions.add({
      sessionId: s.id,
      text: 'Bel school',
      owner: 'Piet',
      due: '2024-05-08',
      cardId: 'k1',
    });
    advance(1);
    const b = await repo.actions.add({ sessionId: s.id, text: 'Mail ouders' });
    expect(a).toMatchObject({ done: false, owner: 'Piet', due: '2024-05-08', cardId: 'k1' });
    const updated = await repo.actions.update(a.id, {
      text: 'Bel de school',
      owner: null,
      due: '2024-05-09',
      cardId: null,
    });
    expect(updated).toMatchObject({ text: 'Bel de school', due: '2024-05-09' });
    expect('owner' in updated || 'cardId' in updated).toBe(false);
    expect((await repo.actions.toggle(a.id)).done).toBe(true);
    expect((await repo.actions.toggle(a.id)).done).toBe(false);
    expect((await repo.actions.list(s.id)).map((x) => x.id)).toEqual([a.id, b.id]);
    await repo.actions.delete(b.id);
    expect((await repo.actions.list(s.id)).map((x) => x.id)).toEqual([a.id]);

    await expectStoreError(repo.actions.update(a.id, { due: '31-12-2024' }), 'invalid');
    await expectStoreError(repo.actions.update('nope', { done: true }), 'not-found');
    await expectStoreError(repo.actions.toggle('nope'), 'not-found');
    await expectStoreError(repo.actions.delete('nope'), 'not-found');
    await expectStoreError(repo.actions.add({ sessionId: 'nope', text: 'x' }), 'not-found');
    expect((await repo.actions.list(s.id))[0]?.due).toBe('2024-05-09');
  });

  it('openActionsOfPreviousSession: the same team, the meeting just before, not deleted, only open actions', async () => {
    const { repo, advance } = makeRepo(await freshDb());
    const jan = await repo.sessions.create({ ...base, date: '2024-01-10' });
    advance(1);
    const feb = await repo.sessions.create({ ...base, date: '2024-02-10' });
    advance(1);
    const febLater = await repo.sessions.create({ ...base, date: '2024-02-10' }); // same day, created later
    advance(1);
    const mar = await repo.sessions.create({ ...base, date: '2024-03-10' });
    const zuid = await repo.sessions.create({ ...base, team: 'Team Zuid', date: '2024-02-20' });

    await repo.actions.add({ sessionId: jan.id, text: 'jan open' });
    const febOpen = await repo.actions.add({ sessionId: feb.id, text: 'feb open' });
    const febDone = await repo.actions.add({ sessionId: feb.id, text: 'feb klaar' });
    await repo.actions.toggle(febDone.id);
    await repo.actions.add({ sessionId: zuid.id, text: 'zuid' });

    let prev = await repo.openActionsOfPreviousSession('Team Noord', mar.id);
    expect(prev?.session.id).toBe(febLater.id);
    expect(prev?.actions).toEqual([]);

    await repo.sessions.softDelete(febLater.id);
    prev = await repo.openActionsOfPreviousSession('Team Noord', mar.id);
    expect(prev?.session.id).toBe(feb.id);
    expect(prev?.actions.map((a) => a.id)).toEqual([febOpen.id]);

    expect((await repo.openActionsOfPreviousSession('Team Noord', feb.id))?.session.id).toBe(jan.id);
    expect(await repo.openActionsOfPreviousSession('Team Noord', jan.id)).toBeNull();
    expect((await repo.openActionsOfPreviousSession('Team Noord'))?.session.id).toBe(mar.id);
    expect((await repo.openActionsOfPreviousSession('Team Zuid', mar.id))?.session.id).toBe(zuid.id);
    expect(await repo.openActionsOfPreviousSession('Team West')).toBeNull();
    await expectStoreError(repo.openActionsOfPreviousSession('Team Noord', 'nope'), 'not-found');
  });
});

describe('meta, backup reminder, wipe, export', () => {
  it('every write stamps lastChangeAt; the reminder comes after 7 days without export', async () => {
    const { repo, setTime, time } = makeRepo(await freshDb());
    const t0 = time();
    expect(await repo.needsBackupReminder(t0)).toBe(false);
    const s = await repo.sessions.create(base);
    expect(await repo.meta.get('lastChangeAt')).toBe(s.updatedAt);
    expect(await repo.needsBackupReminder(t0 + 6 * DAY)).toBe(false);
    expect(await repo.needsBackupReminder(t0 + 7 * DAY)).toBe(true);

    setTime(t0 + 8 * DAY);
    await repo.meta.markExported();
    expect(await repo.needsBackupReminder(t0 + 30 * DAY)).toBe(false);
    expect(await repo.meta.backupStatus(t0 + 30 * DAY)).toEqual({
      lastChangeAt: s.updatedAt,
      lastExportAt: t0 + 8 * DAY,
      needsReminder: false,
    });

    // Changes after the export start the clock again.
    setTime(t0 + 9 * DAY);
    await repo.notes.save({ sessionId: s.id, cardId: 'k', text: 'nieuw', baseUpdatedAt: null });
    expect(await repo.needsBackupReminder(t0 + 15 * DAY)).toBe(false);
    expect(await repo.needsBackupReminder(t0 + 16 * DAY)).toBe(true);

    // An export read before the latest change does not clear the reminder.
    await repo.meta.markExported(t0 + 8.5 * DAY);
    expect(await repo.needsBackupReminder(t0 + 16 * DAY)).toBe(true);
  });

  it('meta.set checks types; meta.get ignores values of the wrong type', async () => {
    const db = await freshDb();
    const { repo } = makeRepo(db);
    await repo.meta.set('persistRequested', true);
    expect(await repo.meta.get('persistRequested')).toBe(true);
    await expectStoreError(repo.meta.set('persistGranted', 'yes' as unknown as boolean), 'invalid');
    await db.put('meta', 'not a number' as unknown as number, 'lastExportAt');
    expect(await repo.meta.get('lastExportAt')).toBeUndefined();
  });

  it('exportAll includes soft-deleted sessions; exportSession returns one session with its records', async () => {
    const { repo } = makeRepo(await freshDb());
    const a = await repo.sessions.create(base);
    const b = await repo.sessions.create(base);
    await repo.notes.save({ sessionId: a.id, cardId: 'k', text: 'a', baseUpdatedAt: null });
    await repo.notes.save({ sessionId: b.id, cardId: 'k', text: 'b', baseUpdatedAt: null });
    await repo.actions.add({ sessionId: a.id, text: 'x' });
    await repo.sessions.softDelete(b.id);
    const all = await repo.exportAll();
    expect(all.sessions).toHaveLength(2);
    expect(all.notes).toHaveLength(2);
    const one = await repo.exportSession(a.id);
    expect(one.sessions.map((s) => s.id)).toEqual([a.id]);
    expect(one.notes.map((n) => n.text)).toEqual(['a']);
    expect(one.actions).toHaveLength(1);
    await expectStoreError(repo.exportSession('nope'), 'not-found');
  });

  it('wipeAll empties every store', async () => {
    const { repo } = makeRepo(await freshDb());
    const s = await repo.sessions.create(base);
    await repo.notes.save({ sessionId: s.id, cardId: 'k', text: 'x', baseUpdatedAt: null });
    await repo.meta.set('persistRequested', true);
    await repo.wipeAll();
    expect(await repo.exportAll()).toEqual({ sessions: [], notes: [], positions: [], actions: [] });
    expect(await repo.meta.get('persistRequested')).toBeUndefined();
  });
});

describe('errors', () => {
  /**
   * fake-indexeddb cannot run out of space. This makes the Nth put/add abort its
   * transaction with QuotaExceededError, as Chrome does: the request never succeeds and
   * only the transaction reports the cause.
   */
  function simulateQuotaOnWrite() {
    const proto = IDBObjectStore.prototype as unknown as Record<'put' | 'add', (...args: unknown[]) => IDBRequest>;
    for (const method of ['put', 'add'] as const) {
      const original = proto[method];
      vi.spyOn(proto, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
        const request = original.apply(this, args);
        (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
        return request;
      });
    }
  }

  it('quota exceeded on save: a "quota" error (no retry loop: a hang fails the test by its timeout), the stored note untouched', async () => {
    const { repo } = makeRepo(await freshDb());
    const s = await repo.sessions.create(base);
    await repo.notes.save({ sessionId: s.id, cardId: 'k', text: 'bewaard', baseUpdatedAt: null });
    const before = await repo.notes.get(s.id, 'k');
    simulateQuotaOnWrite();
    await expectStoreError(
      repo.notes.save({ sessionId: s.id, cardId: 'k', text: 'nieuw maar te groot', baseUpdatedAt: before!.updatedAt }),
      'quota',
    );
    vi.restoreAllMocks();
    expect(await repo.notes.get(s.id, 'k')).toEqual(before);
    expect(await repo.meta.get('lastChangeAt')).toBe(before!.updatedAt);
  });

  it('maps DOMException names to codes, and every code has a sentence in both languages', () => {
    const cases: [string, StoreError['code']][] = [
      ['QuotaExceededError', 'quota'],
      ['ConstraintError', 'conflict'],
      ['VersionError', 'version'],
      ['UnknownError', 'backing-store'],
      ['InvalidStateError', 'unavailable'],
      ['SecurityError', 'unavailable'],
      ['DataCloneError', 'invalid'],
      ['SomethingNew', 'unavailable'],
    ];
    for (const [name, code] of cases) expect(toStoreError(new DOMException('m', name)).code).toBe(code);
    const own = new StoreError('conflict');
    expect(toStoreError(own)).toBe(own);
    for (const code of STORE_ERROR_CODES) {
      expect(dictionaries.nl.sessions.errors[code].length).toBeGreaterThan(10);
      expect(dictionaries.en.sessions.errors[code].length).toBeGreaterThan(10);
    }
  });
});

describe('sync', () => {
  it('posts { type: "changed", store, id, updatedAt } to other tabs after each committed write', async () => {
    const sender = createSync('kjk-test-1');
    const receiver = createSync('kjk-test-1');
    const received: ChangeMessage[] = [];
    const unsubscribe = receiver.subscribe((m) => received.push(m));
    const { repo } = makeRepo(await freshDb(), 1_700_000_000_000, sender);
    const s = await repo.sessions.create(base);
    const saved = await repo.notes.save({ sessionId: s.id, cardId: 'k', text: 'x', baseUpdatedAt: null });
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received[0]).toEqual({ type: 'changed', store: 'sessions', id: s.id, updatedAt: s.updatedAt });
    expect(received[1]).toEqual({
      type: 'changed',
      store: 'notes',
      id: saved.ok ? saved.note.id : '',
      updatedAt: saved.ok ? saved.note.updatedAt : 0,
    });

    // A conflict writes nothing, so it announces nothing.
    await repo.notes.save({ sessionId: s.id, cardId: 'k', text: 'y', baseUpdatedAt: null });
    await repo.wipeAll();
    await vi.waitFor(() => expect(received).toHaveLength(3));
    expect(received[2]).toMatchObject({ store: 'all', id: '*' });

    unsubscribe();
    sender.close();
    receiver.close();
  });

  it('ignores foreign messages and survives a throwing listener', async () => {
    const raw = new BroadcastChannel('kjk-test-2');
    const receiver = createSync('kjk-test-2');
    const got: ChangeMessage[] = [];
    receiver.subscribe(() => {
      throw new Error('broken listener');
    });
    receiver.subscribe((m) => got.push(m));
    raw.postMessage({ type: 'changed', store: 'notes' });
    raw.postMessage('hallo');
    raw.postMessage({ type: 'changed', store: 'evil', id: 'x', updatedAt: 1 });
    raw.postMessage({ type: 'changed', store: 'notes', id: 'n1', updatedAt: 5, text: 'geheim' });
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(got[0]).toEqual({ type: 'changed', store: 'notes', id: 'n1', updatedAt: 5 });
    expect(isChangeMessage({ type: 'changed', store: 'all', id: '*', updatedAt: 1 })).toBe(true);
    raw.close();
    receiver.close();
  });

  it('is a no-op without BroadcastChannel, and writes still work', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const sync = createSync();
    expect(sync.available).toBe(false);
    const unsubscribe = sync.subscribe(() => {
      throw new Error('never called');
    });
    sync.post({ store: 'notes', id: 'x', updatedAt: 1 });
    unsubscribe();
    sync.close();
    const { repo } = makeRepo(await freshDb(), 1, sync);
    expect((await repo.sessions.create(base)).id).toBe('id-1');
  });
});
