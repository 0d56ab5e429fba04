/** Notes: one text per card per session, saved with an optimistic concurrency check. */
import type { CardNote } from '../records/schemas';
import { inputs } from './checks';
import { mustGetSession, sessionCardRange } from './lookup';
import type { SessionCardKey } from './schema';
import { mutate, read, type StoreContext } from './write';

export interface SaveNoteInput {
  sessionId: string;
  cardId: string;
  text: string;
  /**
   * The `updatedAt` of the note as the editor last loaded or saved it; null when the editor
   * started from "no note yet". A different stored value means another tab saved since.
   */
  baseUpdatedAt: number | null;
}

export type SaveNoteResult =
  | { ok: true; note: CardNote }
  /** Nothing was written; `stored` is the newer note another tab saved. Show both, let the user choose. */
  | { ok: false; reason: 'conflict'; stored: CardNote };

export function createNotes(ctx: StoreContext) {
  return {
    async get(sessionId: string, cardId: string): Promise<CardNote | undefined> {
      const key: SessionCardKey = [sessionId, cardId];
      return read(ctx, ['notes'], async (tx) => tx.objectStore('notes').index('bySessionCard').get(key));
    },

    async list(sessionId: string): Promise<CardNote[]> {
      return read(ctx, ['notes'], async (tx) =>
        tx.objectStore('notes').index('bySessionCard').getAll(sessionCardRange(sessionId)),
      );
    },

    /**
     * Saves the text unless another tab saved a newer version since the editor loaded
     * `baseUpdatedAt`; then nothing is written and the stored note comes back as a conflict.
     * Saving the text that is already stored is never a conflict.
     */
    async save(input: SaveNoteInput): Promise<SaveNoteResult> {
      const c = await inputs();
      const { sessionId, cardId, text } = c.checked(c.NoteInputSchema, {
        sessionId: input.sessionId,
        cardId: input.cardId,
        text: input.text,
      });
      return mutate(ctx, ['sessions', 'notes'], async (w): Promise<SaveNoteResult> => {
        await mustGetSession(w.tx, sessionId);
        const key: SessionCardKey = [sessionId, cardId];
        const stored = await w.tx.objectStore('notes').index('bySessionCard').get(key);
        if (stored) {
          if (stored.text === text) return { ok: true, note: stored };
          if (stored.updatedAt !== input.baseUpdatedAt) return { ok: false, reason: 'conflict', stored };
        }
        const note: CardNote = {
          id: stored?.id ?? ctx.newId(),
          sessionId,
          cardId,
          text,
          updatedAt: w.stamp(stored?.updatedAt),
        };
        await w.tx.objectStore('notes').put(note);
        w.changed('notes', note.id, note.updatedAt);
        return { ok: true, note };
      });
    },
  };
}
