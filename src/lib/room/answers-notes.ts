/**
 * Saves answers from the room into the presenter's session, as part of the card's note: one block
 * per question, "Uit de zaal: <question>" and the answers as a list, texts only (never a phone's id).
 * A session has one note per card, which the team may be editing too: a block this saver wrote is
 * replaced where it stands; one that was edited since is left alone and a fresh block goes below.
 * The note's own concurrency check stays: a save that meets a newer note reads it and tries again.
 */
import type { Repo } from '../store/repo';
import { answersToSave, type AnswersState } from './answers.ts';

/** The block for one question; empty when there is nothing to save. */
export function noteBlock(head: string, answers: readonly string[]): string {
  return answers.length === 0 ? '' : [head, ...answers.map((a) => `- ${a}`)].join('\n');
}

/** Where `block` stands in `text` as whole lines ("- Tijd" is not the start of "- Tijd (bewerkt)"); -1 when not. */
function findBlock(text: string, block: string): number {
  if (!block) return -1;
  for (let at = text.indexOf(block); at >= 0; at = text.indexOf(block, at + 1)) {
    const end = at + block.length;
    if ((at === 0 || text[at - 1] === '\n') && (end === text.length || text[end] === '\n')) return at;
  }
  return -1;
}

/** The note's text with `before` (this saver's last block, if still there) replaced by `after`, or `after` added. */
export function mergeBlock(text: string, before: string, after: string): string {
  const at = findBlock(text, before);
  if (at >= 0) {
    if (after) return text.slice(0, at) + after + text.slice(at + before.length);
    // Removed with the blank line that set it apart.
    const head = text.slice(0, at).replace(/\n*$/u, '');
    const tail = text.slice(at + before.length).replace(/^\n*/u, '');
    return head && tail ? `${head}\n\n${tail}` : head + tail;
  }
  if (!after) return text;
  return text.trim() ? `${text.replace(/\s+$/u, '')}\n\n${after}` : after;
}

export interface AnswerNotesOptions {
  notes: Pick<Repo['notes'], 'get' | 'save'>;
  sessionId: string;
  /** "Uit de zaal: {question}", from the dictionary. */
  head(question: string): string;
  /** true: a write failed; false: the writes work again. */
  onSaveFailed?(failed: boolean): void;
}

export interface AnswerNotes {
  /** Queues the writes this state needs: a block per question whose saved answers changed. */
  record(state: AnswersState): void;
  /** Resolves once every queued write has ended. */
  close(): Promise<void>;
}

const TRIES = 3;

export function createAnswerNotes(options: AnswerNotesOptions): AnswerNotes {
  const { notes, sessionId } = options;
  /** The block as it stands in the note, per question. */
  const written = new Map<number, string>();
  /** The latest block queued, per question: an older queued write gives way to it. */
  const wanted = new Map<number, string>();
  let writes = Promise.resolve();

  const write = async (q: number, card: string, block: string) => {
    for (let i = 0; i < TRIES; i++) {
      if (wanted.get(q) !== block) return;
      const note = await notes.get(sessionId, card);
      const text = mergeBlock(note?.text ?? '', written.get(q) ?? '', block);
      if (text === (note?.text ?? '')) {
        written.set(q, block);
        return;
      }
      const saved = await notes.save({ sessionId, cardId: card, text, baseUpdatedAt: note?.updatedAt ?? null });
      if (saved.ok) {
        written.set(q, block);
        return;
      }
    }
    throw new Error('the note kept changing');
  };

  return {
    record(state) {
      for (const question of state.questions) {
        const block = noteBlock(options.head(question.text), answersToSave(state, question.id));
        if ((wanted.get(question.id) ?? '') === block) continue;
        wanted.set(question.id, block);
        writes = writes.then(() =>
          write(question.id, question.card, block).then(
            () => options.onSaveFailed?.(false),
            () => {
              // Forgotten, so the next change in the room queues it again.
              if (wanted.get(question.id) === block) wanted.delete(question.id);
              options.onSaveFailed?.(true);
            },
          ),
        );
      }
    },
    close: () => writes,
  };
}
