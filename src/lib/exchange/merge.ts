/**
 * Import planning: decides, without touching the database, what an import would add.
 * The preview shows the plan; repo.applyImport writes it in one transaction.
 *
 * THE RULE (also in docs/export-format.md)
 * 1. A session is the unit: the session record together with its notes, positions and
 *    actions. Sessions are matched by id.
 * 2. Not stored yet → added as it is.
 * 3. Stored with identical content (the session's fields and the same notes, positions
 *    and actions, compared without their record ids) → skipped. Importing a file twice
 *    therefore adds nothing.
 * 4. Stored but different → never overwritten. The incoming session and its records are
 *    added as a copy under ids derived from (original id, content hash), with the title
 *    suffix " (geïmporteerd)" / " (imported)" (a title at the length limit is cut to make room
 *    for it, see withSuffix). Importing the same file again derives the
 *    same ids, finds the copy and skips it; if that copy was edited since, a further copy
 *    is made (round 1, 2, …), so nothing is overwritten then either.
 * 5. Inside the file the first record with an id wins; later ones are reported. The same
 *    goes for a second note on the same card of a session, and for a second "agreed"
 *    position on a card (it is kept, unmarked). Records whose session is not in the file
 *    are reported and left out. A new session's record whose id is already used by a
 *    stored record gets a derived id instead of replacing it.
 * 6. A session the file marks as deleted (older files carried them) is left out with its
 *    records and reported: it would not appear in the list, so it is not counted as new.
 *    The counts of the plan are exactly what will appear.
 */
import type { Action, CardNote, Dataset, Position, Session } from '../records/schemas';
import { withSuffix } from '../records/text';
import { canonicalJson, hash128 } from './canonical';
import type { RecordCounts } from '../records/schemas';

export const COPY_SUFFIX = { nl: ' (geïmporteerd)', en: ' (imported)' } as const;

export type SessionDecision = 'add' | 'skip' | 'copy';

export interface SessionPlan {
  /** Id in the file. */
  sourceId: string;
  /** Id in the database after the import (the derived id for a copy, the stored copy's id when skipped as already imported). */
  targetId: string;
  /** Title as it will be stored (with the suffix for a copy). */
  title: string;
  decision: SessionDecision;
  /** Why: 'new', 'identical', 'already-imported-copy', 'differs'. */
  reason: 'new' | 'identical' | 'already-imported-copy' | 'differs';
  records: RecordCounts;
}

export type ImportProblemCode =
  | 'duplicate-id'
  | 'orphan'
  | 'duplicate-note'
  | 'extra-agreed'
  | 'id-in-use'
  | 'note-exists'
  | 'deleted';

export interface ImportProblem {
  code: ImportProblemCode;
  /** Where in the file, e.g. "data.notes[3]". */
  path: string;
  message: string;
}

export interface ImportPlan {
  /** Exactly what applyImport will add, with final ids. */
  write: Dataset;
  sessions: SessionPlan[];
  counts: {
    /** Written under their own ids. */
    add: RecordCounts;
    /** Written as copies under derived ids. */
    copy: RecordCounts;
    /** Already stored with the same content. */
    skip: RecordCounts;
    problems: number;
  };
  problems: ImportProblem[];
}

export interface PlanOptions {
  /** Appended to the title of a copied session. Default COPY_SUFFIX.nl; pass COPY_SUFFIX[lang]. */
  copyTitleSuffix?: string;
}

interface Children {
  notes: CardNote[];
  positions: Position[];
  actions: Action[];
}

type Kind = 'sessions' | 'notes' | 'positions' | 'actions';
type ChildKind = Exclude<Kind, 'sessions'>;

const zero = (): RecordCounts => ({ sessions: 0, notes: 0, positions: 0, actions: 0 });

function countOf(c: Children): RecordCounts {
  return { sessions: 1, notes: c.notes.length, positions: c.positions.length, actions: c.actions.length };
}

function addCounts(into: RecordCounts, c: RecordCounts): void {
  into.sessions += c.sessions;
  into.notes += c.notes;
  into.positions += c.positions;
  into.actions += c.actions;
}

export { withSuffix };

/** Deterministic id for a record copied because its session differs: same inputs, same id, on every device. */
export function deriveId(originalId: string, contentHash: string, round: number): string {
  return `i${hash128(`${originalId}\u0000${contentHash}\u0000${round}`)}`;
}

/** A child's content without its own id and session id (they are implied by where it sits). */
function childContent(record: CardNote | Position | Action): string {
  const { id: _id, sessionId: _sessionId, ...rest } = record;
  return canonicalJson(rest);
}

/**
 * The comparable content of a session and its records. Record ids are left out so that a
 * session whose records had to be re-id'd on an earlier import still counts as identical.
 */
function subtreeKey(session: Session, children: Children, ignoreTitle: boolean): string {
  const { id: _id, ...fields } = session;
  const head = ignoreTitle ? { ...fields, title: '' } : fields;
  const list = (records: (CardNote | Position | Action)[]) => records.map(childContent).sort();
  return canonicalJson({
    session: head,
    notes: list(children.notes),
    positions: list(children.positions),
    actions: list(children.actions),
  });
}

export function planImport(incoming: Dataset, existing: Dataset, opts: PlanOptions = {}): ImportPlan {
  const suffix = opts.copyTitleSuffix ?? COPY_SUFFIX.nl;
  const problems: ImportProblem[] = [];
  const problem = (code: ImportProblemCode, path: string, message: string) => problems.push({ code, path, message });

  // --- What is stored -----------------------------------------------------------------
  const storedSessions = new Map(existing.sessions.map((s) => [s.id, s]));
  const storedChildren = new Map<string, Children>();
  const childrenFor = (map: Map<string, Children>, sessionId: string): Children => {
    let c = map.get(sessionId);
    if (!c) {
      c = { notes: [], positions: [], actions: [] };
      map.set(sessionId, c);
    }
    return c;
  };
  for (const n of existing.notes) childrenFor(storedChildren, n.sessionId).notes.push(n);
  for (const p of existing.positions) childrenFor(storedChildren, p.sessionId).positions.push(p);
  for (const a of existing.actions) childrenFor(storedChildren, a.sessionId).actions.push(a);
  const emptyChildren: Children = { notes: [], positions: [], actions: [] };

  // Ids in use per store: stored ones, plus everything this plan writes.
  const taken: Record<Kind, Set<string>> = {
    sessions: new Set(existing.sessions.map((r) => r.id)),
    notes: new Set(existing.notes.map((r) => r.id)),
    positions: new Set(existing.positions.map((r) => r.id)),
    actions: new Set(existing.actions.map((r) => r.id)),
  };
  const noteKey = (sessionId: string, cardId: string) => `${sessionId}\u0000${cardId}`;
  const storedNoteKeys = new Set(existing.notes.map((n) => noteKey(n.sessionId, n.cardId)));

  // --- What the file holds, first id wins -------------------------------------------------
  const firstById = <T extends { id: string }>(records: T[], kind: Kind): { record: T; path: string }[] => {
    const seen = new Set<string>();
    const out: { record: T; path: string }[] = [];
    records.forEach((record, i) => {
      const path = `data.${kind}[${i}]`;
      if (seen.has(record.id)) {
        problem('duplicate-id', path, `id "${record.id}" appears earlier in the file; this one is left out`);
        return;
      }
      seen.add(record.id);
      out.push({ record, path });
    });
    return out;
  };
  const sessions = firstById(incoming.sessions, 'sessions').filter(({ record, path }) => {
    if (record.deletedAt === undefined) return true;
    problem('deleted', path, `session "${record.id}" was deleted before the export; left out with its records`);
    return false;
  });
  const deletedInFile = new Set(incoming.sessions.filter((s) => s.deletedAt !== undefined).map((s) => s.id));
  const inFile = new Set(sessions.map((s) => s.record.id));
  const incomingChildren = new Map<string, Children>();
  const childPaths = new Map<object, string>();

  const collect = <K extends ChildKind>(kind: K, records: Children[K]) => {
    for (const { record, path } of firstById(records as { id: string; sessionId: string }[], kind)) {
      // The records of a deleted session go with it (reported once, at the session).
      if (deletedInFile.has(record.sessionId) && !inFile.has(record.sessionId)) continue;
      if (!inFile.has(record.sessionId)) {
        problem('orphan', path, `its session "${record.sessionId}" is not in the file; left out`);
        continue;
      }
      (childrenFor(incomingChildren, record.sessionId)[kind] as unknown[]).push(record);
      childPaths.set(record, path);
    }
  };
  collect('notes', incoming.notes);
  collect('positions', incoming.positions);
  collect('actions', incoming.actions);

  // Repairs inside one session that the database would otherwise refuse (unique note per
  // card) or that break an app rule (one agreed position per card).
  for (const children of incomingChildren.values()) {
    const cards = new Set<string>();
    children.notes = children.notes.filter((n) => {
      if (cards.has(n.cardId)) {
        problem('duplicate-note', childPaths.get(n) ?? 'data.notes', `a second note for card "${n.cardId}"; left out`);
        return false;
      }
      cards.add(n.cardId);
      return true;
    });
    const agreedCards = new Set<string>();
    children.positions = children.positions.map((p) => {
      if (!p.agreed) return p;
      if (agreedCards.has(p.cardId)) {
        const path = childPaths.get(p) ?? 'data.positions';
        problem('extra-agreed', path, `a second agreed position on card "${p.cardId}"; kept, not marked agreed`);
        const unmarked = { ...p, agreed: false };
        childPaths.set(unmarked, path);
        return unmarked;
      }
      agreedCards.add(p.cardId);
      return p;
    });
  }

  // --- Decide per session ---------------------------------------------------------------
  const write: Dataset = { sessions: [], notes: [], positions: [], actions: [] };
  const plans: SessionPlan[] = [];
  const counts = { add: zero(), copy: zero(), skip: zero() };

  const writeSubtree = (session: Session, children: Children) => {
    write.sessions.push(session);
    taken.sessions.add(session.id);
    for (const kind of ['notes', 'positions', 'actions'] as const) {
      for (const r of children[kind]) {
        (write[kind] as unknown[]).push(r);
        taken[kind].add(r.id);
      }
    }
  };

  for (const { record: session } of sessions) {
    const children = incomingChildren.get(session.id) ?? emptyChildren;
    const stored = storedSessions.get(session.id);

    if (!stored) {
      // New session. Its records normally have fresh ids too; one that collides with a
      // stored record (a hand-edited or repeated file) gets a derived id, never a `put`
      // over someone else's record.
      const contentHash = hash128(subtreeKey(session, children, false));
      const reId = <T extends { id: string }>(kind: ChildKind, r: T): T => {
        if (!taken[kind].has(r.id)) return r;
        const newId = deriveId(r.id, contentHash, 0);
        problem(
          'id-in-use',
          childPaths.get(r) ?? `data.${kind}`,
          `id "${r.id}" is already used; stored under "${newId}"`,
        );
        return { ...r, id: newId };
      };
      const notes = children.notes
        .filter((n) => {
          if (!storedNoteKeys.has(noteKey(n.sessionId, n.cardId))) return true;
          problem(
            'note-exists',
            childPaths.get(n) ?? 'data.notes',
            `a note for card "${n.cardId}" in this session is already stored; left out`,
          );
          return false;
        })
        .map((n) => reId('notes', n));
      const final: Children = {
        notes,
        positions: children.positions.map((p) => reId('positions', p)),
        actions: children.actions.map((a) => reId('actions', a)),
      };
      writeSubtree(session, final);
      const c = countOf(final);
      addCounts(counts.add, c);
      plans.push({
        sourceId: session.id,
        targetId: session.id,
        title: session.title,
        decision: 'add',
        reason: 'new',
        records: c,
      });
      continue;
    }

    const wanted = subtreeKey(session, children, false);
    if (subtreeKey(stored, storedChildren.get(stored.id) ?? emptyChildren, false) === wanted) {
      const c = countOf(children);
      addCounts(counts.skip, c);
      plans.push({
        sourceId: session.id,
        targetId: session.id,
        title: stored.title,
        decision: 'skip',
        reason: 'identical',
        records: c,
      });
      continue;
    }

    // Stored and different: add as a copy under derived ids.
    const contentHash = hash128(wanted);
    // The bound only guards against a pathological store; each round needs an edited copy.
    for (let round = 0; round < 10_000; round++) {
      const copyId = deriveId(session.id, contentHash, round);
      const copy: Session = { ...session, id: copyId, title: withSuffix(session.title, suffix) };
      const copyChildren: Children = {
        notes: children.notes.map((n) => ({ ...n, id: deriveId(n.id, contentHash, round), sessionId: copyId })),
        positions: children.positions.map((p) => ({ ...p, id: deriveId(p.id, contentHash, round), sessionId: copyId })),
        actions: children.actions.map((a) => ({ ...a, id: deriveId(a.id, contentHash, round), sessionId: copyId })),
      };
      const storedCopy = storedSessions.get(copyId);
      if (storedCopy) {
        // The title is left out of this comparison: a renamed copy, or one made while the
        // app was in the other language, is still the same import.
        const same =
          subtreeKey(storedCopy, storedChildren.get(copyId) ?? emptyChildren, true) ===
          subtreeKey(copy, copyChildren, true);
        if (same) {
          const c = countOf(copyChildren);
          addCounts(counts.skip, c);
          plans.push({
            sourceId: session.id,
            targetId: copyId,
            title: storedCopy.title,
            decision: 'skip',
            reason: 'already-imported-copy',
            records: c,
          });
          break;
        }
        continue;
      }
      const clash =
        taken.sessions.has(copyId) ||
        (['notes', 'positions', 'actions'] as const).some((k) => copyChildren[k].some((r) => taken[k].has(r.id)));
      if (clash) continue;
      writeSubtree(copy, copyChildren);
      const c = countOf(copyChildren);
      addCounts(counts.copy, c);
      plans.push({
        sourceId: session.id,
        targetId: copyId,
        title: copy.title,
        decision: 'copy',
        reason: 'differs',
        records: c,
      });
      break;
    }
  }

  return { write, sessions: plans, counts: { ...counts, problems: problems.length }, problems };
}

/** True when applying the plan would write nothing (e.g. the same file imported twice). */
export function planIsEmpty(plan: ImportPlan): boolean {
  const w = plan.write;
  return w.sessions.length + w.notes.length + w.positions.length + w.actions.length === 0;
}
