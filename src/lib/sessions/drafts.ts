/**
 * A journal of unsaved note text, in localStorage.
 *
 * Why: an IndexedDB save needs several round trips (read the stored note, compare, write),
 * and when a tab closes or navigates away right after typing, Chromium tears the page down
 * before the second round trip: the edit is lost. localStorage writes are synchronous, so
 * `pagehide` can always record the draft; the next start of the app saves it through the
 * normal conflict check (see recoverDrafts in the island) and removes it.
 *
 * A draft never overrides stored text on its own: it carries the `updatedAt` it was based
 * on, and a different stored value turns it into a conflict the user resolves.
 * Everything here tolerates a missing or full localStorage: then the draft is simply not
 * kept (the IndexedDB flush is still attempted).
 */

export interface Draft {
  sessionId: string;
  cardId: string;
  text: string;
  /** The stored note's `updatedAt` the text was based on; null when there was no note yet. */
  base: number | null;
  /** When the draft was written (epoch ms). */
  at: number;
  /** Which page wrote it, so an editor only clears its own drafts after a later save. */
  tab: string;
}

export { browserDraftStorage, DRAFT_PREFIX, type DraftStorage } from './draft-storage';
import { DRAFT_PREFIX, type DraftStorage } from './draft-storage';

export function draftKey(sessionId: string, cardId: string): string {
  return `${DRAFT_PREFIX}${JSON.stringify([sessionId, cardId])}`;
}

function isDraft(v: unknown): v is Draft {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return (
    typeof d.sessionId === 'string' &&
    typeof d.cardId === 'string' &&
    typeof d.text === 'string' &&
    (d.base === null || (typeof d.base === 'number' && Number.isFinite(d.base))) &&
    typeof d.at === 'number' &&
    typeof d.tab === 'string'
  );
}

/** Records the draft; false when it could not be kept (no storage, quota, private mode). */
export function writeDraft(storage: DraftStorage | null, draft: Draft): boolean {
  if (!storage) return false;
  try {
    const value: Draft = {
      sessionId: draft.sessionId,
      cardId: draft.cardId,
      text: draft.text,
      base: draft.base,
      at: draft.at,
      tab: draft.tab,
    };
    storage.setItem(draftKey(draft.sessionId, draft.cardId), JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

function parse(raw: string | null): Draft | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isDraft(value) ? value : null;
  } catch {
    return null;
  }
}

export function readDraft(storage: DraftStorage | null, sessionId: string, cardId: string): Draft | null {
  if (!storage) return null;
  try {
    return parse(storage.getItem(draftKey(sessionId, cardId)));
  } catch {
    return null;
  }
}

/**
 * Removes the draft of a card when `matches` accepts it (default: always). An editor passes
 * a test such as "mine, or the text I just saved", so a draft another tab left is kept.
 */
export function removeDraft(
  storage: DraftStorage | null,
  sessionId: string,
  cardId: string,
  matches: (draft: Draft) => boolean = () => true,
): void {
  if (!storage) return;
  try {
    const key = draftKey(sessionId, cardId);
    const draft = parse(storage.getItem(key));
    if (draft === null || matches(draft)) storage.removeItem(key);
  } catch {
    // Nothing to do: a draft we cannot remove is recovered (and found identical) next time.
  }
}

/** Every readable draft; unreadable entries under our prefix are skipped (and left alone). */
export function listDrafts(storage: DraftStorage | null): Draft[] {
  if (!storage) return [];
  const out: Draft[] = [];
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(DRAFT_PREFIX)) keys.push(key);
    }
    for (const key of keys) {
      const draft = parse(storage.getItem(key));
      if (draft && key === draftKey(draft.sessionId, draft.cardId)) out.push(draft);
    }
  } catch {
    // A blocked storage lists nothing.
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Removes every draft (used by "wipe all data"). */
export function clearDrafts(storage: DraftStorage | null): void {
  if (!storage) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(DRAFT_PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Nothing more we can do.
  }
}

export type RecoverOutcome = 'saved' | 'conflict' | 'gone' | 'error';

/**
 * Saves every draft left by a page that closed before its save finished. `save` is the
 * store's normal conflict-checked save: a draft whose base no longer matches stays in the
 * journal, and the note editor shows it next to the stored text when that card is opened.
 * A draft for a session that no longer exists is dropped.
 */
export async function recoverDrafts(
  storage: DraftStorage | null,
  save: (draft: Draft) => Promise<RecoverOutcome>,
): Promise<Record<RecoverOutcome, number>> {
  const counts: Record<RecoverOutcome, number> = { saved: 0, conflict: 0, gone: 0, error: 0 };
  for (const draft of listDrafts(storage)) {
    const outcome = await save(draft);
    counts[outcome]++;
    if (outcome === 'saved' || outcome === 'gone') {
      removeDraft(storage, draft.sessionId, draft.cardId, (d) => d.at === draft.at && d.text === draft.text);
    }
  }
  return counts;
}
