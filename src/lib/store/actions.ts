/** Agreed actions, and the open ones a team carries over from its previous session. */
import type { Action, Session } from '../records/schemas';
import { defined, inputs } from './checks';
import type { ActionPatch, NewAction } from './inputs';
import { StoreError } from './errors';
import { byCreated, mustGetSession } from './lookup';
import type { SessionTeamKey } from './schema';
import { deleteRecord, mutate, read, type StoreContext } from './write';

export type { ActionPatch, NewAction } from './inputs';

export interface PreviousSessionActions {
  session: Session;
  /** Not done, oldest first. */
  actions: Action[];
}

function applyPatch(current: Action, patch: ActionPatch, at: number): Action {
  const next: Record<string, unknown> = { ...current, updatedAt: at };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as Action;
}

export function createActions(ctx: StoreContext) {
  /** Read, change and put one action; `change` gets the new `updatedAt`. */
  function writeAction(id: string, change: (current: Action, at: number) => Action): Promise<Action> {
    return mutate(ctx, ['actions'], async (w) => {
      const current = await w.tx.objectStore('actions').get(id);
      if (!current) throw new StoreError('not-found', `Action ${id} not found`);
      const next = change(current, w.stamp(current.updatedAt));
      await w.tx.objectStore('actions').put(next);
      w.changed('actions', next.id, next.updatedAt);
      return next;
    });
  }

  return {
    /** Oldest first. */
    async list(sessionId: string): Promise<Action[]> {
      return read(ctx, ['actions'], async (tx) =>
        (await tx.objectStore('actions').index('sessionId').getAll(sessionId)).sort(byCreated),
      );
    },

    async add(input: NewAction): Promise<Action> {
      const c = await inputs();
      const fields = c.checked(c.NewActionSchema, defined(input));
      const at = ctx.stamp();
      const action: Action = { id: ctx.newId(), ...fields, done: false, createdAt: at, updatedAt: at };
      return mutate(ctx, ['sessions', 'actions'], async (w) => {
        await mustGetSession(w.tx, action.sessionId);
        await w.tx.objectStore('actions').add(action);
        w.changed('actions', action.id, action.updatedAt);
        return action;
      });
    },

    async update(id: string, patch: ActionPatch): Promise<Action> {
      // Checked before the transaction opens, so bad input never starts a write.
      const c = await inputs();
      const clean = c.checked(c.ActionPatchSchema, patch);
      return writeAction(id, (current, at) => applyPatch(current, clean, at));
    },

    async toggle(id: string): Promise<Action> {
      return writeAction(id, (current, at) => ({ ...current, done: !current.done, updatedAt: at }));
    },

    delete: (id: string): Promise<void> => deleteRecord(ctx, 'actions', id),
  };
}

/**
 * The team's live session just before `beforeSessionId` (by meeting day, then creation
 * time) and its open actions; null if there is none. Without `beforeSessionId`: the
 * team's latest session.
 */
export async function openActionsOfPreviousSession(
  ctx: StoreContext,
  team: string,
  beforeSessionId?: string,
): Promise<PreviousSessionActions | null> {
  const teamKey = team.trim();
  return read(ctx, ['sessions', 'actions'], async (tx) => {
    let upper: SessionTeamKey | [string, never[]] = [teamKey, []];
    if (beforeSessionId !== undefined) {
      const before = await mustGetSession(tx, beforeSessionId);
      upper = [teamKey, before.date, before.createdAt, before.id];
    }
    const range = IDBKeyRange.bound([teamKey], upper, false, true);
    let cursor = await tx.objectStore('sessions').index('byTeam').openCursor(range, 'prev');
    while (cursor && cursor.value.deletedAt !== undefined) cursor = await cursor.continue();
    if (!cursor) return null;
    const session = cursor.value;
    const all = await tx.objectStore('actions').index('sessionId').getAll(session.id);
    return { session, actions: all.filter((a) => !a.done).sort(byCreated) };
  });
}
