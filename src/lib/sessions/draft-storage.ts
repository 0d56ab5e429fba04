/**
 * Where the journal of unsaved note text lives (lib/sessions/drafts.ts): apart, so the sessions
 * list can hand the store its storage at start without loading the journal's code, which runs
 * only when drafts are found or a note is typed.
 */

/** The subset of Storage we use; a Map-backed fake fits in tests. */
export interface DraftStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's localStorage, or null where it is missing or blocked (it can throw on access). */
export function browserDraftStorage(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const DRAFT_PREFIX = 'kjk:draft:';

/** Whether any draft waits (a cheap look at the keys; the journal reads and checks them). */
export function hasDrafts(storage: DraftStorage | null): boolean {
  try {
    for (let i = 0; i < (storage?.length ?? 0); i++) if (storage?.key(i)?.startsWith(DRAFT_PREFIX)) return true;
  } catch {
    // Storage that throws holds nothing we can recover.
  }
  return false;
}
