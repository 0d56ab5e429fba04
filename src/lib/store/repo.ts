/**
 * The only storage API components use: `createRepo(db)` puts the store's parts together.
 *
 * Where things are:
 * - tx.ts: transactions, and how their failures become StoreErrors;
 * - write.ts: THE write recipe (`mutate`): stamp, write, touch meta, notify after commit;
 * - checks.ts: input checks, from the record schemas in src/lib/records;
 * - sessions.ts, notes.ts, positions.ts, actions.ts, meta.ts: one file per record kind;
 * - bulk.ts: import, replace-all, read-all, salvage, wipe and the one-session export. It loads
 *   with its first use, not with the sessions list (importers of the plain functions take them
 *   from ./bulk).
 */
import type { ImportPlan } from '../exchange/merge';
import type { Dataset } from '../records/schemas';
import type { createActions } from './actions';
import type { ImportResult } from './bulk';
import { createMeta } from './meta';
import type { createNotes } from './notes';
import type { createPositions, PositionHistoryEntry } from './positions';
import type { KjkDb } from './schema';
import { createSessions } from './sessions';
import type { SyncChannel } from './sync';
import { createContext } from './write';

export type { ImportResult, SalvageResult } from './bulk';
export type { ActionPatch, NewAction, PreviousSessionActions } from './actions';
export type { BackupStatus } from './meta';
export type { SaveNoteInput, SaveNoteResult } from './notes';
export type { PositionHistoryEntry, SetPositionInput } from './positions';
export type { NewSession, SessionCursor, SessionPage, SessionPatch } from './sessions';

export interface RepoOptions {
  /** Cross-tab notices; omit or null in tests and where BroadcastChannel is missing. */
  sync?: SyncChannel | null;
  /** Clock, injectable for tests. */
  now?: () => number;
  /** Id factory, injectable for tests. */
  newId?: () => string;
  /**
   * Opens a new connection when the browser dropped this one (Safari). Default: openKjk
   * again with the options `db` was opened with; null: never reopen.
   */
  reopen?: (() => Promise<KjkDb> | null) | null;
}

export type Repo = ReturnType<typeof createRepo>;

const bulk = () => import('./bulk');
const actions = () => import('./actions');
const positions = () => import('./positions');

/**
 * A part of the store whose code loads with its first call: the sessions list uses none of
 * notes, positions and actions, so the list's first view does not carry them. Every member of
 * these parts is an async function, so a call through the stand-in looks the same to callers.
 */
function onFirstCall<T extends object>(load: () => Promise<T>): T {
  let part: Promise<T> | undefined;
  return new Proxy({} as T, {
    get(_, key) {
      // Not a thenable, and no symbol members: only the part's named methods exist.
      if (typeof key !== 'string' || key === 'then') return undefined;
      return async (...args: unknown[]) => {
        part ??= load().catch((error: unknown) => {
          part = undefined;
          throw error;
        });
        const member = (await part)[key as keyof T];
        if (typeof member !== 'function') throw new TypeError(`The store has no method ${key}`);
        return member(...args);
      };
    },
  });
}

export function createRepo(db: KjkDb, options: RepoOptions = {}) {
  const ctx = createContext(db, options);
  const meta = createMeta(ctx);
  return {
    /** The current connection (a new one after the browser dropped the first). */
    get db(): KjkDb {
      return ctx.conn.db;
    },
    sessions: createSessions(ctx),
    notes: onFirstCall<ReturnType<typeof createNotes>>(() => import('./notes').then((m) => m.createNotes(ctx))),
    positions: onFirstCall<ReturnType<typeof createPositions>>(() => positions().then((m) => m.createPositions(ctx))),
    actions: onFirstCall<ReturnType<typeof createActions>>(() => actions().then((m) => m.createActions(ctx))),
    meta,
    openActionsOfPreviousSession: async (team: string, beforeSessionId?: string) =>
      (await actions()).openActionsOfPreviousSession(ctx, team, beforeSessionId),
    positionHistory: async (cardId: string, opts?: { team?: string }): Promise<PositionHistoryEntry[]> =>
      (await positions()).positionHistory(ctx, cardId, opts),
    /** True when some change has waited at least `days` (default 7) days without being exported. */
    needsBackupReminder: async (at: number = ctx.now(), days?: number): Promise<boolean> =>
      (await meta.backupStatus(at, days)).needsReminder,
    /** Removes every record and setting, in one strict transaction. Only after explicit confirmation. */
    wipeAll: async (): Promise<void> => (await bulk()).wipeAll(ctx),
    /** One session with its notes, positions and actions, for a single-session export. */
    exportSession: async (id: string): Promise<Dataset> => (await bulk()).exportSession(ctx, id),
    /**
     * Everything, including soft-deleted sessions: planImport's `existing` and the wipe's counts.
     * serialize() leaves the deleted sessions out of every file.
     */
    exportAll: async (): Promise<Dataset> => (await bulk()).readAll(ctx.conn),
    applyImport: async (plan: ImportPlan): Promise<ImportResult> => (await bulk()).importPlan(ctx, plan),
    replaceAll: async (data: Dataset): Promise<void> => (await bulk()).replaceWith(ctx, data),
  };
}
