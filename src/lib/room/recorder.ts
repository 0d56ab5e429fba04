/**
 * Records a room into the presenter's session as the votes come in: closing the presenter,
 * or a relay that dies, loses nothing that arrived. It owns each phone's label, what was saved
 * already and the queue of writes; a write that fails is tried again with the next change in
 * the room. No DOM: the presenter's island only draws what this reports.
 */
import type { Repo } from '../store/repo';
import { OWN_PARTICIPANT } from '../sessions/positions';
import { assignLabels, joinOrder, positionsToSave, savedKey } from './labels';
import type { RoomState } from './reducer';
import { createAnswerNotes } from './answers-notes';
import { createTableRecords } from './tables-notes';

/** The part of the store the recorder writes through. */
export interface RecorderStore {
  positions: Pick<Repo['positions'], 'list' | 'set' | 'agree'>;
  /** Where answers from the room go (answers-notes.ts); without it they are not saved. */
  notes?: Pick<Repo['notes'], 'get' | 'save'>;
}

export interface RecorderOptions {
  repo: RecorderStore;
  sessionId: string;
  /** The numbered label of a phone without a name ("Telefoon 3"), from the dictionary. */
  anonymous(n: number): string;
  /** A name taken twice, numbered as the dictionary says ("Anna (2)"). */
  numbered?(name: string, n: number): string;
  /** true: a write failed ("not saved"); false: the writes work again. Called on changes only. */
  onSaveFailed?(failed: boolean): void;
  /** The head of a block of answers in a card's note ("Uit de zaal: {question}"), from the dictionary. */
  answersHead?(question: string): string;
  /** A table position's label ("Tafel 2 · Anna") and a table's summary note, from the dictionary (tables-notes.ts). */
  tableLabel?(table: number, name: string): string;
  tableNote?(table: number, text: string): string;
}

export interface RoomRecorder {
  /** Queues the writes this room state needs (new phones get their label first). */
  record(state: RoomState): void;
  /** The label each phone's position is saved under, by pid. */
  labels(): Readonly<Record<string, string>>;
  /** The agreed position per card, as stored. */
  agreed(): Readonly<Record<string, number>>;
  /** Saves the group's agreed position on a card (one write); false when it failed. */
  agree(cardId: string, value: number): Promise<boolean>;
  /** Resolves once every queued write has ended. */
  close(): Promise<void>;
}

/** Reads what the session already holds (labels taken, agreed positions), then records. */
export async function createRecorder(options: RecorderOptions): Promise<RoomRecorder> {
  const { repo, sessionId } = options;
  const existing = await repo.positions.list(sessionId);
  // Labels already on this session stay theirs: a phone never moves someone else's marker.
  const taken = new Set(existing.map((p) => p.participant));
  const agreed: Record<string, number> = {};
  for (const p of existing) if (p.agreed) agreed[p.cardId] = p.value;
  let labels: Record<string, string> = {};
  const saved = new Map<string, number>();
  let writes = Promise.resolve();
  // Per kind of write: a vote saved after an answer failed must not take the answer's alert away.
  const failing = new Set<'positions' | 'answers' | 'tables' | 'agree'>();
  let failed = false;
  const reporter = (kind: 'positions' | 'answers' | 'tables' | 'agree') => (now: boolean) => {
    if (now) failing.add(kind);
    else failing.delete(kind);
    if (failed === failing.size > 0) return;
    failed = failing.size > 0;
    options.onSaveFailed?.(failed);
  };
  const report = reporter('positions');

  // Through the store's getter on every write: after a dropped connection the island hands a new one.
  const notes: RecorderStore['notes'] = repo.notes && {
    get: (id, card) => repo.notes!.get(id, card),
    save: (input) => repo.notes!.save(input),
  };
  const head = options.answersHead;
  const answers =
    notes && head ? createAnswerNotes({ notes, sessionId, head, onSaveFailed: reporter('answers') }) : null;
  const { tableLabel, tableNote } = options;
  const tables =
    tableLabel && tableNote
      ? createTableRecords({
          positions: { set: (input) => repo.positions.set(input) },
          notes,
          sessionId,
          label: tableLabel,
          note: tableNote,
          onSaveFailed: reporter('tables'),
        })
      : null;

  return {
    record(state) {
      answers?.record(state.answers);
      labels = assignLabels(labels, joinOrder(state), taken, options.anonymous, options.numbered);
      tables?.record(state, labels);
      for (const w of positionsToSave(state, labels, saved)) {
        const key = savedKey(w.card, w.pid, w.round);
        const round = w.round ? { round: w.round } : {};
        // Marked at once, so the next change does not queue the same write again.
        saved.set(key, w.value);
        writes = writes.then(() =>
          repo.positions.set({ sessionId, cardId: w.card, participant: w.label, value: w.value, ...round }).then(
            () => report(false),
            () => {
              // Forgotten, so the next change in the room queues it again (unless a newer value is on its way).
              if (saved.get(key) === w.value) saved.delete(key);
              report(true);
            },
          ),
        );
      }
    },
    labels: () => labels,
    agreed: () => agreed,
    async agree(cardId, value) {
      try {
        await repo.positions.agree({ sessionId, cardId, participant: OWN_PARTICIPANT, value });
        agreed[cardId] = value;
        reporter('agree')(false);
        return true;
      } catch {
        reporter('agree')(true);
        return false;
      }
    },
    close: () => Promise.all([writes, answers?.close(), tables?.close()]).then(() => undefined),
  };
}
