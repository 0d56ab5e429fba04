/**
 * Saves the room at tables into the presenter's session as it comes in: each table position under
 * the phone's label with its table ("Tafel 2 · Anna"), and each scribe's summary as a block in the
 * note on the table's card ("Tafel 2 — samenvatting: …"), texts only, never a device id. A table
 * label keeps a table position apart from the same phone's position in the whole room on the
 * same card, and needs no field in the stored records (docs/room-workshop.md, "Tables").
 */
import type { Repo } from '../store/repo';
import { mergeBlock } from './answers-notes.ts';
import type { RoomState } from './reducer.ts';
import { tablePositions } from './tables.ts';

export interface TableRecordsOptions {
  positions: Pick<Repo['positions'], 'set'>;
  notes?: Pick<Repo['notes'], 'get' | 'save'> | undefined;
  sessionId: string;
  /** "Tafel {n} · {name}", from the dictionary. */
  label(table: number, name: string): string;
  /** "Tafel {n} — samenvatting: {text}", from the dictionary. */
  note(table: number, text: string): string;
  /** true: a write failed; false: the writes work again. */
  onSaveFailed?(failed: boolean): void;
}

export interface TableRecords {
  /** Queues the writes this state needs; `labels` are the recorder's labels per phone. */
  record(state: RoomState, labels: Readonly<Record<string, string>>): void;
  close(): Promise<void>;
}

const TRIES = 3;

export function createTableRecords(options: TableRecordsOptions): TableRecords {
  const { sessionId } = options;
  /** Positions saved: "table\ncard\npid" → value. */
  const saved = new Map<string, number>();
  /** Summary blocks as they stand in the note, and the latest queued, per "table\ncard". */
  const written = new Map<string, string>();
  const wanted = new Map<string, string>();
  let writes = Promise.resolve();
  const queue = (write: () => Promise<unknown>, undo: () => void) => {
    writes = writes.then(() =>
      write().then(
        () => options.onSaveFailed?.(false),
        () => {
          undo();
          options.onSaveFailed?.(true);
        },
      ),
    );
  };

  const writeNote = async (key: string, card: string, block: string) => {
    const notes = options.notes!;
    for (let i = 0; i < TRIES; i++) {
      if (wanted.get(key) !== block) return;
      const note = await notes.get(sessionId, card);
      const text = mergeBlock(note?.text ?? '', written.get(key) ?? '', block);
      if (text === (note?.text ?? '')) return void written.set(key, block);
      const result = await notes.save({ sessionId, cardId: card, text, baseUpdatedAt: note?.updatedAt ?? null });
      if (result.ok) return void written.set(key, block);
    }
    throw new Error('the note kept changing');
  };

  return {
    record(state, labels) {
      const tables = state.tables;
      if (!tables) return;
      for (const p of tablePositions(tables)) {
        const name = labels[p.pid];
        const key = `${p.table}\n${p.card}\n${p.pid}`;
        if (name === undefined || saved.get(key) === p.value) continue;
        saved.set(key, p.value);
        const participant = options.label(p.table, name);
        queue(
          () => options.positions.set({ sessionId, cardId: p.card, participant, value: p.value }),
          // Forgotten, so the next change queues it again (unless a newer value is on its way).
          () => saved.get(key) === p.value && saved.delete(key),
        );
      }
      if (!options.notes) return;
      tables.summaries.forEach((text, i) => {
        const card = tables.cards[i];
        if (!text || !card) return;
        const key = `${i + 1}\n${card}`;
        const block = options.note(i + 1, text);
        if (wanted.get(key) === block) return;
        wanted.set(key, block);
        queue(
          () => writeNote(key, card, block),
          () => wanted.get(key) === block && wanted.delete(key),
        );
      });
    },
    close: () => writes,
  };
}
