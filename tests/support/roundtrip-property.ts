/**
 * The round-trip property of issue 12: for random sessions, notes, positions and actions
 * within the limits, made AND edited through the repository (rename, update, notes saved
 * again, positions moved and agreed, actions patched and ticked, sessions deleted, restored
 * and duplicated), export → import into an empty database gives the same data, and the file
 * this version wrote is never refused by this version. Used by tests/unit/exchange-property
 * (fixed seed, few runs) and by `npm run bench` (scripts/bench-property.mjs, many runs).
 * Needs an IndexedDB (fake-indexeddb in Node).
 */
import fc from 'fast-check';
import { canonicalJson } from '../../src/lib/exchange/canonical';
import { parseExport, serialize, withoutDeleted } from '../../src/lib/exchange/format';
import { planImport } from '../../src/lib/exchange/merge';
import { MAX_YEAR, MIN_YEAR } from '../../src/lib/records/limits';
import { SESSION_KINDS, SESSION_ORIGINS, type Dataset } from '../../src/lib/records/schemas';
import { applyImport, readAll } from '../../src/lib/store/bulk';
import { createRepo } from '../../src/lib/store/repo';
import { openKjk } from '../../src/lib/store/schema';
import { PERSPECTIVES } from '../../src/vocab';

/** Characters that have broken round trips elsewhere: surrogate halves, NUL, BOM, RTL marks, CRLF, U+FFFD. */
const AWKWARD = ['\ud800', '\udfff', '\u0000', '\ufeff', '\u202e', '\u200d', '\r\n', '\ufffd', '"', '\\', '</script>'];

const text = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
      { weight: 1, arbitrary: fc.constantFrom(...AWKWARD) },
    ),
    maxLength,
  });

/** Card ids as content gives them, plus the odd ones an id may still hold (see ID_PATTERN). */
const cardId = fc.oneof(
  fc.constantFrom('zelfredzaam-samenredzaam', 'visies-op-eigen-kracht', 'kind-of-ouders', 'k1'),
  fc.string({ unit: fc.constantFrom(...Array.from('abcxyz019-_.~üß文🙂+&=#%/?:')), minLength: 1, maxLength: 24 }),
);

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDate = fc
  .record({
    y: fc.integer({ min: MIN_YEAR, max: MAX_YEAR }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

const position = fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const sessionPlan = fc.record({
  kind: fc.constantFrom(...SESSION_KINDS),
  title: text(60),
  team: text(20),
  date: isoDate,
  lang: fc.constantFrom('nl' as const, 'en' as const),
  deck: fc.oneof(
    fc.constant({}),
    fc.record({ seed: text(12) }),
    fc.record({ cards: fc.array(cardId, { maxLength: 5 }) }),
    fc.record({ seed: text(12), cards: fc.array(cardId, { maxLength: 3 }) }),
  ),
  lens: optional(fc.constantFrom(...PERSPECTIVES)),
  origin: optional(fc.constantFrom(...SESSION_ORIGINS)),
  notes: fc.array(fc.record({ cardId, texts: fc.array(text(300), { minLength: 1, maxLength: 3 }) }), { maxLength: 4 }),
  positions: fc.array(
    fc.record({ cardId, participant: text(16), value: position, moveTo: optional(position), agree: fc.boolean() }),
    { maxLength: 4 },
  ),
  actions: fc.array(
    fc.record({
      text: text(80),
      cardId: optional(cardId),
      owner: optional(text(16)),
      due: optional(isoDate),
      patch: optional(
        fc.record({
          text: optional(text(40)),
          owner: optional(fc.oneof(text(10), fc.constant(null))),
          due: optional(fc.oneof(isoDate, fc.constant(null))),
          cardId: optional(fc.oneof(cardId, fc.constant(null))),
        }),
      ),
      toggle: fc.boolean(),
      remove: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  rename: optional(text(40)),
  update: optional(
    fc.record({ team: optional(text(10)), date: optional(isoDate), kind: optional(fc.constantFrom(...SESSION_KINDS)) }),
  ),
  fate: fc.constantFrom('keep', 'keep', 'delete', 'delete-then-restore', 'duplicate'),
});

export const datasetPlan = fc.array(sessionPlan, { minLength: 1, maxLength: 4 });
export type DatasetPlan = typeof datasetPlan extends fc.Arbitrary<infer T> ? T : never;

let dbCount = 0;
const dbName = () => `kjk-property-${process.pid}-${++dbCount}`;

/** Sorted by id, so two reads compare regardless of the order IndexedDB returns. */
export function normalise(d: Dataset): Dataset {
  const byId = <T extends { id: string }>(list: T[]) =>
    [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { sessions: byId(d.sessions), notes: byId(d.notes), positions: byId(d.positions), actions: byId(d.actions) };
}

/** Makes and edits everything through the repository; returns the database. */
async function build(plan: DatasetPlan) {
  let clock = 1_700_000_000_000;
  const db = await openKjk({ name: dbName() });
  const repo = createRepo(db, { now: () => (clock += 7) });
  for (const p of plan) {
    const s = await repo.sessions.create({
      kind: p.kind,
      title: p.title,
      team: p.team,
      date: p.date,
      lang: p.lang,
      deck: p.deck,
      ...(p.lens ? { lens: p.lens } : {}),
      ...(p.origin ? { origin: p.origin } : {}),
    });
    for (const n of p.notes) {
      let base: number | null = (await repo.notes.get(s.id, n.cardId))?.updatedAt ?? null;
      for (const t of n.texts) {
        const r = await repo.notes.save({ sessionId: s.id, cardId: n.cardId, text: t, baseUpdatedAt: base });
        if (!r.ok) throw new Error('unexpected conflict');
        base = r.note.updatedAt;
      }
    }
    for (const q of p.positions) {
      const made = await repo.positions.set({
        sessionId: s.id,
        cardId: q.cardId,
        participant: q.participant,
        value: q.value,
      });
      if (q.moveTo !== undefined) {
        await repo.positions.set({ ...made, id: made.id, value: q.moveTo });
      }
      if (q.agree) await repo.positions.setAgreed(s.id, q.cardId, made.id);
    }
    for (const a of p.actions) {
      const made = await repo.actions.add({
        sessionId: s.id,
        text: a.text,
        ...(a.cardId !== undefined ? { cardId: a.cardId } : {}),
        ...(a.owner !== undefined ? { owner: a.owner } : {}),
        ...(a.due !== undefined ? { due: a.due } : {}),
      });
      if (a.patch) await repo.actions.update(made.id, a.patch);
      if (a.toggle) await repo.actions.toggle(made.id);
      if (a.remove) await repo.actions.delete(made.id);
    }
    if (p.rename !== undefined) await repo.sessions.rename(s.id, p.rename);
    if (p.update) await repo.sessions.update(s.id, p.update);
    if (p.fate === 'delete') await repo.sessions.softDelete(s.id);
    if (p.fate === 'delete-then-restore') {
      await repo.sessions.softDelete(s.id);
      await repo.sessions.undoDelete(s.id);
    }
    if (p.fate === 'duplicate') await repo.sessions.duplicate(s.id, { title: `${p.title} (kopie)` });
  }
  return { db, repo };
}

/** One case: throws (with the reason) when the round trip is not exact or the file is refused. */
export async function checkRoundTrip(plan: DatasetPlan): Promise<void> {
  const { db, repo } = await build(plan);
  const target = await openKjk({ name: dbName() });
  try {
    const text = serialize(await repo.exportAll(), 'all');
    const parsed = parseExport(text);
    if (!parsed.ok) throw new Error(`this version refused its own file: ${parsed.error.details.join('; ')}`);
    if (parsed.report.droppedCount > 0) throw new Error(`fields dropped: ${parsed.report.dropped.join(', ')}`);
    const plan2 = planImport(parsed.dataset, await readAll(target));
    if (plan2.problems.length > 0)
      throw new Error(`import problems: ${plan2.problems.map((p) => p.message).join('; ')}`);
    await applyImport(target, plan2);
    // Same fields and values; the order of an object's keys is not data.
    const want = canonicalJson(normalise(withoutDeleted(await readAll(db))));
    const got = canonicalJson(normalise(await readAll(target)));
    if (want !== got) throw new Error(`round trip differs:\nwant ${want}\ngot  ${got}`);
  } finally {
    db.close();
    target.close();
    indexedDB.deleteDatabase(db.name);
    indexedDB.deleteDatabase(target.name);
  }
}

export const FIXED_SEED = 12_012;

/** Runs the property; returns the number of runs and the time taken. */
export async function runRoundTrip(opts: { numRuns: number; seed?: number }): Promise<{ runs: number; ms: number }> {
  const started = performance.now();
  await fc.assert(fc.asyncProperty(datasetPlan, checkRoundTrip), {
    numRuns: opts.numRuns,
    seed: opts.seed ?? FIXED_SEED,
    endOnFailure: true,
  });
  return { runs: opts.numRuns, ms: performance.now() - started };
}
