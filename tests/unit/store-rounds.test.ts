/** Positions with the room's rounds: stored side by side, old data (no `round`) read as round 1, files round-trip. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseExport, serialize } from '../../src/lib/exchange/format';
import { buildReport } from '../../src/lib/report/model';
import { createRepo } from '../../src/lib/store/repo';
import { openKjk } from '../../src/lib/store/schema';
import { expectStoreError, freshRepos } from '../support/store';

const repo = freshRepos('rounds');
const CARD = 'eigen-kracht-of-veiligheid';
const newSession = {
  kind: 'workshop',
  title: 'Workshop',
  team: '',
  date: '2026-12-07',
  lang: 'nl',
} as const;

describe('positions with rounds', () => {
  it('keeps a participant’s round one when round two is saved, and moves each round on its own', async () => {
    const r = await repo();
    const s = await r.sessions.create(newSession);
    await r.positions.set({ sessionId: s.id, cardId: CARD, participant: 'Ann', value: 20, round: 1 });
    await r.positions.set({ sessionId: s.id, cardId: CARD, participant: 'Ann', value: 70, round: 2 });
    await r.positions.set({ sessionId: s.id, cardId: CARD, participant: 'Ann', value: 75, round: 2 });
    const stored = (await r.positions.list(s.id, CARD)).map((p) => [p.round ?? 1, p.value]).sort();
    expect(stored).toEqual([
      [1, 20],
      [2, 75],
    ]);
    // A marker placed by hand (no round) is the round-one marker.
    await r.positions.set({ sessionId: s.id, cardId: CARD, participant: 'Ann', value: 25 });
    const after = (await r.positions.list(s.id, CARD)).map((p) => [p.round ?? 1, p.value]).sort();
    expect(after).toEqual([
      [1, 25],
      [2, 75],
    ]);
  });

  it('stores round one without the field, as all data before rounds', async () => {
    const r = await repo();
    const s = await r.sessions.create(newSession);
    const p = await r.positions.set({ sessionId: s.id, cardId: CARD, participant: 'Bo', value: 40, round: 1 });
    expect(p).not.toHaveProperty('round');
  });

  it('refuses a round beyond the bound', async () => {
    const r = await repo();
    const s = await r.sessions.create(newSession);
    await expectStoreError(
      r.positions.set({ sessionId: s.id, cardId: CARD, participant: 'Bo', value: 40, round: 9 }),
      'invalid',
    );
  });

  it('reads a position saved before rounds existed (no field, no migration) as round one', async () => {
    const name = `rounds-old-${Math.random()}`;
    const db = await openKjk({ name });
    const r = createRepo(db);
    const s = await r.sessions.create(newSession);
    // Written as an older build wrote it: straight into the store, without `round`.
    const old = {
      id: 'p-old',
      sessionId: s.id,
      cardId: CARD,
      participant: 'Ann',
      value: 30,
      agreed: false,
      updatedAt: 1,
    };
    await db.put('positions', old);
    await r.positions.set({ sessionId: s.id, cardId: CARD, participant: 'Ann', value: 60, round: 2 });
    await r.positions.set({ sessionId: s.id, cardId: CARD, participant: 'Ann', value: 35 });
    const list = await r.positions.list(s.id, CARD);
    expect(list.find((p) => p.id === 'p-old')).toMatchObject({ value: 35 });
    expect(list.find((p) => p.id === 'p-old')).not.toHaveProperty('round');
    expect(list.find((p) => p.round === 2)?.value).toBe(60);
    db.close();
  });

  it('round-trips a file with rounds, and still imports a file without them', async () => {
    const r = await repo();
    const s = await r.sessions.create(newSession);
    await r.positions.set({ sessionId: s.id, cardId: CARD, participant: 'Ann', value: 20 });
    await r.positions.set({ sessionId: s.id, cardId: CARD, participant: 'Ann', value: 70, round: 2 });
    const data = await r.exportAll();
    const parsed = parseExport(serialize(data, 'all'));
    if (!parsed.ok) throw new Error(parsed.error.details.join());
    expect(parsed.dataset.positions.map((p) => p.round ?? 1).sort()).toEqual([1, 2]);
    expect(parsed.dataset).toEqual(data);

    const oldFile = serialize({ ...data, positions: data.positions.filter((p) => p.round === undefined) }, 'all');
    expect(oldFile).not.toContain('"round"');
    const old = parseExport(oldFile);
    expect(old.ok).toBe(true);
    const bad = parseExport(oldFile.replace(/"agreed": false/, '"agreed": false, "round": 0'));
    expect(bad).toMatchObject({
      ok: false,
      error: { details: ['data.positions[0].round: expected a whole number from 1 to 3'] },
    });
  });

  it('gives the report round one with names and each round as a nameless spread', async () => {
    const r = await repo();
    const s = await r.sessions.create(newSession);
    for (const [participant, v1, v2] of [
      ['Ann', 20, 60],
      ['Bo', 80, 70],
    ] as const) {
      await r.positions.set({ sessionId: s.id, cardId: CARD, participant, value: v1 });
      await r.positions.set({ sessionId: s.id, cardId: CARD, participant, value: v2, round: 2 });
    }
    // The agreed position is the group's, not a participant's: it is in no round's spread.
    await r.positions.agree({ sessionId: s.id, cardId: CARD, participant: '', value: 55 });
    const report = buildReport(s, { notes: [], positions: await r.positions.list(s.id), actions: [] }, []);
    const section = report.sections[0]!;
    // Markers placed within one millisecond come in any order.
    expect(section.markers.map((m) => [m.participant, m.value]).sort()).toEqual([
      ['Ann', 20],
      ['Bo', 80],
    ]);
    expect(section.rounds).toEqual([
      { round: 1, spread: [20, 80], median: 50 },
      { round: 2, spread: [60, 70], median: 65 },
    ]);
    expect(JSON.stringify(section.rounds)).not.toContain('Ann');
    expect(section.own).toBe(55);
  });
});
