/**
 * The note editor of one card in one session, without a framework or a DOM: the view
 * (islands/sessions/CardNotes) renders `getState()` and forwards input, blur, page events and
 * button presses; everything that decides when and what to save lives here.
 *
 * States (`status`):
 * - idle: nothing to save (no note yet, or loading failed and nothing was typed since)
 * - pending: typed text waits for its save (SAVE_DELAY_MS after the last keystroke, and at
 *   most SAVE_MAX_WAIT_MS while typing goes on)
 * - saving: a save is running
 * - saved: the text on screen is the stored note
 * - error: the last save (or the load) failed; the text stays on screen and in the draft journal
 * - conflict: another writer saved a newer version since this editor loaded; nothing is saved
 *   until the user keeps theirs or takes the other one
 *
 * Every save goes through the store with the `updatedAt` the editor started from, so text
 * another tab saved in the meantime is never overwritten. When the page goes away, the
 * unsaved text is also written to the draft journal (./drafts): an IndexedDB save cannot
 * finish in a closing page.
 */
import { detectClientData, type FindingKind } from '../privacy/detect';
import { isStoreError, type StoreErrorCode } from '../store/errors';
import type { SaveNoteInput, SaveNoteResult } from '../store/repo';
import type { CardNote } from '../store/types';
import { readDraft, removeDraft, writeDraft, type DraftStorage } from './drafts';

/** A save starts this long after the last keystroke. */
export const SAVE_DELAY_MS = 400;
/**
 * While typing goes on (no pause of SAVE_DELAY_MS ever comes), a save still starts at least
 * this often, so a crash or a dead battery loses at most about this much typing.
 */
export const SAVE_MAX_WAIT_MS = 2000;

export type NoteStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

/** A store error code, or 'other' for anything that is not a StoreError. */
export type NoteErrorCode = StoreErrorCode | 'other';

export interface NoteEditorState {
  /** False until the first load finished (the view keeps the field disabled until then). */
  readonly loaded: boolean;
  /** The text on screen. */
  readonly text: string;
  readonly status: NoteStatus;
  /** Why the last save or load failed; stays until a save succeeds, also while a retry runs. */
  readonly error: NoteErrorCode | null;
  /** The stored version another writer saved, while the user chooses (status 'conflict'). */
  readonly conflict: CardNote | null;
  /** Kinds of client data the privacy guard found, as of the last check. */
  readonly findings: readonly FindingKind[];
  /** The findings the user closed the warning for (joined with ','). */
  readonly dismissed: string;
}

/** The two note functions of the repository the editor needs. */
export interface NoteStore {
  get(sessionId: string, cardId: string): Promise<CardNote | undefined>;
  save(input: SaveNoteInput): Promise<SaveNoteResult>;
}

export type TimerHandle = ReturnType<typeof setTimeout>;

export interface NoteTimers {
  set(fn: () => void, ms: number): TimerHandle;
  clear(handle: TimerHandle | undefined): void;
}

export interface NoteEditorOptions {
  sessionId: string;
  cardId: string;
  /** The draft journal; null where localStorage is missing or blocked. */
  drafts: DraftStorage | null;
  /** Identifies this page in the draft journal. */
  tab: string;
  /** Clock (epoch ms); default Date.now. */
  now?: () => number;
  /** Timers; default the global setTimeout/clearTimeout, looked up at each call (fake timers work). */
  timers?: NoteTimers;
  saveDelayMs?: number;
  maxWaitMs?: number;
}

export interface NoteEditor {
  getState(): NoteEditorState;
  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /**
   * Loads the stored note and merges a draft the journal holds for this card. Called again with
   * a new store when the database was reopened: unsaved text on screen then stays and is saved.
   * `onSaved` runs after every successful save.
   */
  load(store: NoteStore, onSaved?: () => void): Promise<void>;
  /** The user typed: the text is now `value`. */
  input(value: string): void;
  /** Saves now unless the text is already stored (blur, retry); waits for a save in flight first. */
  flush(): Promise<void>;
  /** The page is hidden or closed: journal the unsaved text and start its save. */
  leave(): void;
  /** Before an app update: saves, and rejects when text is still unsaved (the update then waits). */
  flushForUpdate(): Promise<void>;
  /** Another tab or an import changed notes: take the stored text, or report a conflict. */
  refresh(): Promise<void>;
  /** Conflict: save my text over the newer stored one. */
  keepMine(): Promise<void>;
  /** Conflict: show the newer stored text and drop mine. */
  takeTheirs(): void;
  /** Closes the privacy warning for the current findings (it comes back for other findings). */
  dismissPrivacy(): void;
  /** The editor goes away: like leave(), then no more notices, and input is ignored. */
  dispose(): void;
}

/** The kinds the privacy warning shows now (empty: no warning). */
export function privacyWarning(state: NoteEditorState): readonly FindingKind[] {
  return state.findings.length > 0 && state.findings.join(',') !== state.dismissed ? state.findings : [];
}

const globalTimers: NoteTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle),
};

function findingsOf(text: string): FindingKind[] {
  return [...new Set(detectClientData(text).map((f) => f.kind))];
}

export function createNoteEditor(options: NoteEditorOptions): NoteEditor {
  const { sessionId, cardId, drafts, tab } = options;
  const now = options.now ?? (() => Date.now());
  const timers = options.timers ?? globalTimers;
  const saveDelay = options.saveDelayMs ?? SAVE_DELAY_MS;
  const maxWait = options.maxWaitMs ?? SAVE_MAX_WAIT_MS;

  let state: NoteEditorState = {
    loaded: false,
    text: '',
    status: 'idle',
    error: null,
    conflict: null,
    findings: [],
    dismissed: '',
  };
  const listeners = new Set<() => void>();
  let store: NoteStore | null = null;
  let onSaved: () => void = () => undefined;
  // The stored note as this editor last loaded or saved it: the base of the next save.
  let savedText = '';
  let base: number | null = null;
  let loads = 0;
  let debounce: TimerHandle | undefined;
  let deadline: TimerHandle | undefined;
  /** When the latest save took its text. */
  let lastTakenAt: number | null = null;
  let inFlight: Promise<void> | null = null;
  let disposed = false;

  const set = (patch: Partial<NoteEditorState>) => {
    state = { ...state, ...patch };
    for (const listener of [...listeners]) listener();
  };
  const dirty = () => state.text !== savedText;
  const errorOf = (err: unknown): NoteErrorCode => (isStoreError(err) ? err.code : 'other');

  const journal = () => {
    if (!dirty()) return;
    writeDraft(drafts, { sessionId, cardId, text: state.text, base, at: now(), tab });
  };

  const clearTimers = () => {
    timers.clear(debounce);
    timers.clear(deadline);
    debounce = undefined;
    deadline = undefined;
  };

  const fire = () => {
    clearTimers();
    set({ findings: findingsOf(state.text) });
    void flush();
  };

  /**
   * The debounce restarts with every keystroke; the max-wait timer does not. It runs from the
   * previous save's start while typing goes on (so saves start at most maxWait apart), and
   * from the first unsaved keystroke after a longer quiet spell.
   */
  const schedule = () => {
    timers.clear(debounce);
    debounce = timers.set(fire, saveDelay);
    if (deadline === undefined) {
      const at = now();
      const from = lastTakenAt !== null && at - lastTakenAt < maxWait ? lastTakenAt : at;
      deadline = timers.set(fire, from + maxWait - at);
    }
  };

  const showConflict = (stored: CardNote) => {
    clearTimers();
    set({ conflict: stored, status: 'conflict' });
  };

  /** Saves the current text unless it is already stored; one save at a time. */
  const flush = async (): Promise<void> => {
    clearTimers();
    while (inFlight) await inFlight;
    // Timers set while waiting are covered too: this save takes the latest text.
    clearTimers();
    const target = store;
    if (!target || state.conflict) return;
    if (!dirty()) {
      // Typed and then undone back to the stored text: nothing to save, and nothing pending.
      if (state.status === 'pending') set({ status: base === null ? 'idle' : 'saved' });
      return;
    }
    const sending = state.text;
    lastTakenAt = now();
    const work = (async () => {
      set({ status: 'saving' });
      try {
        const result = await target.save({ sessionId, cardId, text: sending, baseUpdatedAt: base });
        if (!result.ok) {
          showConflict(result.stored);
          return;
        }
        base = result.note.updatedAt;
        savedText = sending;
        // Our own draft is now covered by the store; another tab's draft is left for its owner.
        removeDraft(drafts, sessionId, cardId, (d) => d.tab === tab || d.text === sending);
        // Text typed during the save has its own timers (input() set them).
        set({ status: state.text === sending ? 'saved' : 'pending', error: null });
        onSaved();
      } catch (err) {
        // The text stays where it is; the journal keeps it across a reload too.
        set({ status: 'error', error: errorOf(err) });
        journal();
      }
    })();
    inFlight = work;
    try {
      await work;
    } finally {
      if (inFlight === work) inFlight = null;
    }
  };

  const load = async (next: NoteStore, saved?: () => void): Promise<void> => {
    store = next;
    if (saved) onSaved = saved;
    const run = ++loads;
    // Loaded before (the database was reopened): unsaved text on screen stays.
    const keep = state.loaded && dirty() ? state.text : null;
    const keptBase = base;
    let note: CardNote | undefined;
    try {
      note = await next.get(sessionId, cardId);
    } catch (err) {
      if (run !== loads || disposed) return;
      set({ loaded: true, status: 'error', error: errorOf(err) });
      return;
    }
    if (run !== loads || disposed) return;
    base = note?.updatedAt ?? null;
    savedText = note?.text ?? '';
    let text = savedText;
    let conflict: CardNote | null = null;
    let due = false;
    const draft = readDraft(drafts, sessionId, cardId);
    if (draft && draft.text !== savedText) {
      text = draft.text;
      // Based on an older version than the stored one: the user chooses, as with two tabs.
      if (note && draft.base !== note.updatedAt) conflict = note;
      else due = true;
    } else if (draft) {
      removeDraft(drafts, sessionId, cardId);
    }
    if (keep !== null && keep !== savedText) {
      text = keep;
      // The same rule for text kept on screen: a stored note that changed since is never overwritten.
      if (note && note.updatedAt !== keptBase) conflict = note;
      else due = true;
    }
    clearTimers();
    const status: NoteStatus = conflict
      ? 'conflict'
      : due
        ? 'pending'
        : text !== '' && text === savedText
          ? 'saved'
          : 'idle';
    set({ loaded: true, text, status, conflict, findings: findingsOf(text) });
    if (status === 'pending') schedule();
  };

  const input = (value: string) => {
    if (disposed) return;
    if (state.conflict) {
      set({ text: value });
      return;
    }
    set({ text: value, status: 'pending' });
    schedule();
  };

  const leave = () => {
    if (!dirty()) return;
    journal();
    void flush();
  };

  const refresh = async (): Promise<void> => {
    while (inFlight) await inFlight;
    const target = store;
    if (!target || !state.loaded || disposed) return;
    let note: CardNote | undefined;
    try {
      note = await target.get(sessionId, cardId);
    } catch {
      return;
    }
    if (disposed || !note || note.updatedAt === base) return;
    if (state.conflict) {
      showConflict(note);
      return;
    }
    if (note.text === state.text || !dirty()) {
      clearTimers();
      base = note.updatedAt;
      savedText = note.text;
      set({ text: note.text, status: 'saved', findings: findingsOf(note.text) });
      return;
    }
    // Unsaved text here and a newer note there: the save reports the conflict.
    await flush();
  };

  /** Either choice starts from the stored (newer) version: it becomes the base of the next save. */
  const settle = (): CardNote | null => {
    const stored = state.conflict;
    if (!stored) return null;
    base = stored.updatedAt;
    savedText = stored.text;
    return stored;
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    load,
    input,
    flush,
    leave,
    async flushForUpdate() {
      await flush();
      // A reload now would drop what is not stored: make the update wait (lifecycle.ts).
      if (dirty()) throw new Error('note not saved');
    },
    refresh,
    async keepMine() {
      if (!settle()) return;
      set({ conflict: null, status: 'pending' });
      await flush();
    },
    takeTheirs() {
      const stored = settle();
      if (!stored) return;
      removeDraft(drafts, sessionId, cardId);
      set({ conflict: null, text: stored.text, status: 'saved', findings: findingsOf(stored.text) });
    },
    dismissPrivacy() {
      set({ dismissed: state.findings.join(',') });
    },
    dispose() {
      if (disposed) return;
      leave();
      disposed = true;
      clearTimers();
      listeners.clear();
    },
  };
}
