import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteDB, openDB } from 'idb';
import { forceCloseDatabase } from 'fake-indexeddb';
import {
  DB_VERSION,
  MIGRATIONS,
  closeKjk,
  connectionState,
  openKjk,
  type BlockedInfo,
  type KjkDb,
  type Migration,
} from '../../src/lib/store/schema';
import { createRepo } from '../../src/lib/store/repo';
import type { Action, CardNote, Position, Session } from '../../src/lib/store/types';
import { expectStoreError } from '../support/store';

let counter = 0;
const open: KjkDb[] = [];
const freshName = () => `kjk-schema-${++counter}-${Math.random().toString(36).slice(2)}`;

async function openTracked(opts: Parameters<typeof openKjk>[0]): Promise<KjkDb> {
  const db = await openKjk(opts);
  open.push(db);
  return db;
}

afterEach(() => {
  for (const db of open.splice(0)) db.close();
  vi.unstubAllGlobals();
});

function session(id: string, over: Partial<Session> = {}): Session {
  return {
    id,
    kind: 'teamoverleg',
    title: `Sessie ${id}`,
    team: 'Team Noord',
    date: '2024-03-01',
    lang: 'nl',
    deck: { seed: 'abc' },
    createdAt: 1000,
    updatedAt: 1000,
    ...over,
  };
}

/** Seeds records with the raw API, as an old build of the app would have written them. */
async function seed(db: KjkDb) {
  const s1 = session('s1', { date: '2024-01-10', createdAt: 1000, updatedAt: 1500 });
  const s2 = session('s2', { date: '2024-02-10', createdAt: 2000, updatedAt: 2500 });
  const s3 = session('s3', { date: '2024-03-10', createdAt: 3000, updatedAt: 3000, deletedAt: 3100 });
  const notes: CardNote[] = [
    { id: 'n1', sessionId: 's1', cardId: 'kaart-1', text: 'Eerste 🌱 notitie', updatedAt: 1600 },
    { id: 'n2', sessionId: 's2', cardId: 'kaart-1', text: 'שלום 世界', updatedAt: 2600 },
  ];
  const positions: Position[] = [
    { id: 'p1', sessionId: 's1', cardId: 'kaart-1', participant: 'Anna', value: 20, agreed: false, updatedAt: 1700 },
    { id: 'p2', sessionId: 's2', cardId: 'kaart-1', participant: 'Anna', value: 60, agreed: true, updatedAt: 2700 },
  ];
  const actions: Action[] = [
    { id: 'a1', sessionId: 's1', text: 'Bel de school', done: false, createdAt: 1100, updatedAt: 1100 },
    { id: 'a2', sessionId: 's1', text: 'Al gedaan', done: true, createdAt: 1200, updatedAt: 1200 },
  ];
  const tx = db.transaction(['sessions', 'notes', 'positions', 'actions'], 'readwrite');
  await Promise.all([
    ...[s1, s2, s3].map((s) => tx.objectStore('sessions').put(s)),
    ...notes.map((n) => tx.objectStore('notes').put(n)),
    ...positions.map((p) => tx.objectStore('positions').put(p)),
    ...actions.map((a) => tx.objectStore('actions').put(a)),
  ]);
  await tx.done;
  return { sessions: [s1, s2, s3], notes, positions, actions };
}

describe('schema', () => {
  it('has cumulative steps 1..DB_VERSION, at least two of them', () => {
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it('creates every store and index on a fresh database', async () => {
    const db = await openTracked({ name: freshName() });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['actions', 'meta', 'notes', 'positions', 'sessions']);
    const tx = db.transaction(['sessions', 'notes', 'positions', 'actions'], 'readonly');
    expect([...tx.objectStore('sessions').indexNames].sort()).toEqual(['byDate', 'byTeam', 'deletedAt']);
    expect([...tx.objectStore('notes').indexNames]).toEqual(['bySessionCard']);
    expect(tx.objectStore('notes').index('bySessionCard').unique).toBe(true);
    expect([...tx.objectStore('positions').indexNames].sort()).toEqual(['bySessionCard', 'cardId', 'sessionId']);
    expect([...tx.objectStore('actions').indexNames]).toEqual(['sessionId']);
    await tx.done;
  });

  for (let from = 1; from < DB_VERSION; from++) {
    it(`upgrades from version ${from} with data present: data intact, new indexes work`, async () => {
      const name = freshName();
      const old = await openKjk({ name, version: from });
      expect(old.version).toBe(from);
      const seeded = await seed(old);
      old.close();

      const db = await openTracked({ name });
      expect(db.version).toBe(DB_VERSION);
      const repo = createRepo(db);
      const all = await repo.exportAll();
      const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(all.sessions)).toEqual(byId(seeded.sessions));
      expect(byId(all.notes)).toEqual(byId(seeded.notes));
      expect(byId(all.positions)).toEqual(byId(seeded.positions));
      expect(byId(all.actions)).toEqual(byId(seeded.actions));

      // v2: previous session of the same team, trash can.
      const previous = await repo.openActionsOfPreviousSession('Team Noord', 's2');
      expect(previous?.session.id).toBe('s1');
      expect(previous?.actions.map((a) => a.id)).toEqual(['a1']);
      expect((await repo.sessions.listDeleted()).map((s) => s.id)).toEqual(['s3']);
      // v3: history of one card across sessions.
      const history = await repo.positionHistory('kaart-1');
      expect(history.map((h) => h.session.id)).toEqual(['s1', 's2']);
      expect(history[1]?.agreed?.id).toBe('p2');
      // v2 backfilled the change time, so the backup reminder has something to go on.
      if (from < 2) expect(await repo.meta.get('lastChangeAt')).toBe(3000);
      // The unique note index still holds after the upgrade.
      const dup = db.transaction('notes', 'readwrite');
      await expect(
        dup.store.add({ id: 'n9', sessionId: 's1', cardId: 'kaart-1', text: 'x', updatedAt: 1 }),
      ).rejects.toThrow();
      await dup.done.catch(() => undefined);
    });
  }

  it('a step that throws leaves the database on the old version with its data', async () => {
    const name = freshName();
    const v2 = await openKjk({ name, version: 2 });
    await seed(v2);
    v2.close();

    const broken: Migration = {
      version: 3,
      run() {
        throw new Error('step 3 broke');
      },
    };
    const err = await expectStoreError(
      openKjk({ name, migrations: [...MIGRATIONS.slice(0, 2), broken] }),
      'upgrade-failed',
    );
    expect(err.message).toContain('step 3 broke');

    const again = await openTracked({ name, version: 2 });
    expect(again.version).toBe(2);
    expect(await createRepo(again).sessions.get('s1')).toMatchObject({ id: 's1', title: 'Sessie s1' });
    expect([...again.transaction('positions').store.indexNames]).not.toContain('cardId');
  });

  it('an async step that writes and then throws rolls its writes back', async () => {
    const name = freshName();
    const v1 = await openKjk({ name, version: 1 });
    await seed(v1);
    v1.close();

    const halfway: Migration = {
      version: 2,
      async run(_db, tx) {
        const s = await tx.objectStore('sessions').get('s1');
        if (s) await tx.objectStore('sessions').put({ ...s, title: 'half-migrated' });
        await tx.objectStore('notes').delete('n1');
        throw new Error('async step failed');
      },
    };
    await expectStoreError(openKjk({ name, migrations: [MIGRATIONS[0]!, halfway] }), 'upgrade-failed');

    const db = await openTracked({ name, version: 1 });
    expect(db.version).toBe(1);
    expect((await db.get('sessions', 's1'))?.title).toBe('Sessie s1');
    expect(await db.get('notes', 'n1')).toBeDefined();

    // And the real migrations still succeed afterwards.
    db.close();
    const fixed = await openTracked({ name });
    expect(fixed.version).toBe(DB_VERSION);
  });

  it('a stale tab meeting a newer database gets "version", and nothing is deleted', async () => {
    const name = freshName();
    const current = await openKjk({ name });
    await seed(current);
    current.close();
    await expectStoreError(openKjk({ name, version: DB_VERSION - 1, migrations: MIGRATIONS.slice(0, -1) }), 'version');
    const db = await openTracked({ name });
    expect((await createRepo(db).exportAll()).sessions).toHaveLength(3);
  });

  it('an old tab closes on versionchange and asks for a reload; the new tab upgrades', async () => {
    const name = freshName();
    const onVersionChange = vi.fn();
    const old = await openKjk({ name, version: 2, migrations: MIGRATIONS.slice(0, 2), onVersionChange });
    await seed(old);
    const onBlocked = vi.fn();
    const fresh = await openTracked({ name, onBlocked });
    expect(fresh.version).toBe(DB_VERSION);
    expect(onVersionChange).toHaveBeenCalledTimes(1);
    expect(onBlocked).not.toHaveBeenCalled();
    expect(connectionState(old)).toBe('closed-for-upgrade');
    await expectStoreError(createRepo(old).sessions.list(), 'version');
    expect((await createRepo(fresh).exportAll()).sessions).toHaveLength(3);
  });

  it("an old tab that does not let go is reported from the browser's own event, and the open never hangs", async () => {
    const name = freshName();
    await (await openKjk({ name, version: 2, migrations: MIGRATIONS.slice(0, 2) })).close();
    // A connection without a versionchange handler: an old build, or a tab frozen in the background.
    const stubborn = await openDB(name, 2);

    let info: BlockedInfo | undefined;
    const opening = openKjk({
      name,
      timeoutMs: 60_000,
      // Far off: a notice that arrives must come from the browser's blocked event, not from this
      // timer (a clock bound here would flake on a busy machine; the reason proves the path).
      blockedNoticeMs: 60_000,
      onBlocked: (i) => {
        info = i;
      },
    });
    await vi.waitFor(() => expect(info).toBeDefined(), { timeout: 4000, interval: 10 });
    expect(info?.reason).toBe('event');

    // Once the other tab goes away, the upgrade proceeds.
    stubborn.close();
    const db = await opening;
    open.push(db);
    expect(db.version).toBe(DB_VERSION);
  });

  it('gives up with "blocked" after timeoutMs instead of hanging', async () => {
    const name = freshName();
    await (await openKjk({ name, version: 1, migrations: MIGRATIONS.slice(0, 1) })).close();
    const stubborn = await openDB(name, 1);
    const onBlocked = vi.fn();
    await expectStoreError(openKjk({ name, timeoutMs: 200, onBlocked }), 'blocked');
    expect(onBlocked).toHaveBeenCalledTimes(1);
    stubborn.close();
    // The abandoned request finishes in the background and must not keep a connection open.
    await vi.waitFor(async () => {
      const db = await openKjk({ name, timeoutMs: 500 });
      expect(db.version).toBe(DB_VERSION);
      db.close();
    });
    await deleteDB(name);
  });

  it('reports "slow" through onBlocked when the browser stays silent past blockedNoticeMs', async () => {
    // An open request that never answers: no success, no blocked event (a stalled browser).
    const Request = (globalThis as unknown as { IDBOpenDBRequest: new () => IDBOpenDBRequest }).IDBOpenDBRequest;
    vi.stubGlobal('indexedDB', { open: () => new Request() });
    const onBlocked = vi.fn();
    // timeoutMs, not the 60-s default: a hang would fail the test by its own timeout.
    await expectStoreError(openKjk({ name: freshName(), blockedNoticeMs: 50, timeoutMs: 300, onBlocked }), 'blocked');
    expect(onBlocked).toHaveBeenCalledTimes(1);
    expect(onBlocked.mock.calls[0]?.[0]).toMatchObject({ reason: 'slow' });
  });

  it('IndexedDB missing (private window, blocked storage) is a typed "unavailable" error', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await expectStoreError(openKjk({ name: freshName() }), 'unavailable');
  });

  it('indexedDB.open throwing (SecurityError) is a typed "unavailable" error', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    await expectStoreError(openKjk({ name: freshName() }), 'unavailable');
  });

  it('a connection closed by the browser (storage cleared) reports terminated; calls fail cleanly', async () => {
    const onTerminated = vi.fn();
    const db = await openKjk({ name: freshName(), onTerminated });
    // fake-indexeddb's typing names the class where it means an instance.
    forceCloseDatabase(db as unknown as Parameters<typeof forceCloseDatabase>[0]);
    await vi.waitFor(() => expect(onTerminated).toHaveBeenCalled());
    expect(connectionState(db)).toBe('terminated');
    await expectStoreError(createRepo(db).sessions.list(), 'unavailable');
  });

  it('closeKjk marks the connection closed', async () => {
    const db = await openKjk({ name: freshName() });
    closeKjk(db);
    expect(connectionState(db)).toBe('closed');
    await expectStoreError(createRepo(db).notes.get('s', 'c'), 'unavailable');
  });
});
