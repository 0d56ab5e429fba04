/**
 * The only storage API components use: `createRepo(db)` puts the store's parts together.
 *
 * Where things are:
 * - tx.ts: transactions, and how their failures become StoreErrors;
 * - write.ts: THE write recipe (`mutate`): stamp, write, touch meta, notify after commit;
 * - checks.ts: input checks, from the record schemas in src/lib/records;
 * - sessions.ts, notes.ts, positions.ts, actions.ts, meta.ts: one file per record kind;
 * - bulk.ts: import, replace-all, read-all, salvage, wipe and the one-session export.
 */
import type { ImportPlan } from '../exchange/merge';
import type { Dataset } from '../records/schemas';
import { createActions, openActionsOfPreviousSession } from './actions';
import { exportSession, importPlan, readAll, replaceWith, wipeAll, type ImportResult } from './bulk';
import { createMeta } from './meta';
import { createNotes } from './notes';
import { createPositions, positionHistory } from './positions';
import type { KjkDb } from './schema';
import { createSessions } from './sessions';
import type { SyncChannel } from './sync';
import { createContext } from './write';

export { applyImport, readAll, replaceAll, salvage, type ImportResult, type SalvageResult } from './bulk';
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

export function createRepo(db: KjkDb, options: RepoOptions = {}) {
  const ctx = createContext(db, options);
  const meta = createMeta(ctx);
  return {
    /** The current connection (a new one after the browser dropped the first). */
    get db(): KjkDb {
      return ctx.conn.db;
    },
    sessions: createSessions(ctx),
    notes: createNotes(ctx),
    positions: createPositions(ctx),
    actions: createActions(ctx),
    meta,
    openActionsOfPreviousSession: (team: string, beforeSessionId?: string) =>
      openActionsOfPreviousSession(ctx, team, beforeSessionId),
    positionHistory: (cardId: string, opts?: { team?: string }) => positionHistory(ctx, cardId, opts),
    /** True when some change has waited at least 7 days without being exported. */
    needsBackupReminder: async (at: number = ctx.now()): Promise<boolean> =>
      (await meta.backupStatus(at)).needsReminder,
    /** Removes every record and setting, in one strict transaction. Only after explicit confirmation. */
    wipeAll: () => wipeAll(ctx),
    /** One session with its notes, positions and actions, for a single-session export. */
    exportSession: (id: string) => exportSession(ctx, id),
    /** Everything, including soft-deleted sessions: the input for serialize() and for planImport's `existing`. */
    exportAll: () => readAll(ctx.conn),
    applyImport: (plan: ImportPlan): Promise<ImportResult> => importPlan(ctx, plan),
    replaceAll: (data: Dataset): Promise<void> => replaceWith(ctx, data),
  };
}
