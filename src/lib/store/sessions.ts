/** Sessions: create, list (paged, newest meeting first), change, duplicate, trash and purge. */
import type { Session } from '../records/schemas';
import { defined, inputs } from './checks';
import type { NewSession, SessionPatch } from './inputs';
import { childrenOf, deleteChildren, mustGetSession } from './lookup';
import { ALL_STORES, type SessionDateKey } from './schema';
import { issue } from './tx';
import { mutate, read, type StoreContext } from './write';

/** `team` is trimmed on save, because it is matched exactly to find the previous session of the team. */
export type { NewSession, SessionPatch } from './inputs';

/** Opaque position in the session list; pass `next` back to get the following page. */
export type SessionCursor = SessionDateKey;

export interface SessionPage {
  items: Session[];
  /** Null on the last page. */
  next: SessionCursor | null;
}

export function createSessions(ctx: StoreContext) {
  /** Read, change and put one session; `change` gets the new `updatedAt`. */
  function writeSession(id: string, change: (current: Session, at: number) => Session): Promise<Session> {
    return mutate(ctx, ['sessions'], async (w) => {
      const current = await mustGetSession(w.tx, id);
      const next = change(current, w.stamp(current.updatedAt));
      await w.tx.objectStore('sessions').put(next);
      w.changed('sessions', next.id, next.updatedAt);
      return next;
    });
  }

  return {
    async create(input: NewSession): Promise<Session> {
      const c = await inputs();
      const fields = c.checked(c.NewSessionSchema, defined(input));
      const at = ctx.stamp();
      const session: Session = {
        ...fields,
        id: ctx.newId(),
        team: fields.team.trim(),
        deck: fields.deck ?? {},
        createdAt: at,
        updatedAt: at,
      };
      return mutate(ctx, ['sessions'], async (w) => {
        await w.tx.objectStore('sessions').add(session);
        w.changed('sessions', session.id, session.updatedAt);
        return session;
      });
    },

    /** Newest meeting first, soft-deleted sessions left out. */
    async list(opts: { limit?: number; cursor?: SessionCursor | null } = {}): Promise<SessionPage> {
      const limit = Number.isFinite(opts.limit) ? Math.max(1, Math.floor(opts.limit as number)) : 50;
      return read(ctx, ['sessions'], async (tx) => {
        const range = opts.cursor ? IDBKeyRange.upperBound(opts.cursor, true) : undefined;
        let cursor = await tx.objectStore('sessions').index('byDate').openCursor(range, 'prev');
        const items: Session[] = [];
        let next: SessionCursor | null = null;
        while (cursor) {
          if (cursor.value.deletedAt === undefined) {
            if (items.length === limit) {
              // One more live session exists, so there is a next page; it starts after the last item.
              const last = items[items.length - 1];
              if (last) next = [last.date, last.createdAt, last.id];
              break;
            }
            items.push(cursor.value);
          }
          cursor = await cursor.continue();
        }
        return { items, next };
      });
    },

    /** Soft-deleted sessions, most recently deleted first (for an "undo"/trash view). */
    async listDeleted(): Promise<Session[]> {
      return read(ctx, ['sessions'], async (tx) =>
        (await tx.objectStore('sessions').index('deletedAt').getAll()).reverse(),
      );
    },

    /** Includes soft-deleted sessions (check `deletedAt`). */
    async get(id: string): Promise<Session | undefined> {
      return read(ctx, ['sessions'], async (tx) => tx.objectStore('sessions').get(id));
    },

    async rename(id: string, title: string): Promise<Session> {
      const c = await inputs();
      const checkedTitle = c.checked(c.ShortText, title, 'title');
      return writeSession(id, (s, at) => ({ ...s, title: checkedTitle, updatedAt: at }));
    },

    async update(id: string, patch: SessionPatch): Promise<Session> {
      const c = await inputs();
      const { lens, ...clean } = c.checked(c.SessionPatchSchema, defined(patch));
      if (clean.team !== undefined) clean.team = clean.team.trim();
      return writeSession(id, (s, at) => {
        const next: Session = { ...s, ...clean, updatedAt: at };
        if (lens === null) delete next.lens;
        else if (lens !== undefined) next.lens = lens;
        return next;
      });
    },

    /** A new live session with copies of all notes, positions and actions under new ids. */
    async duplicate(id: string, overrides: { title?: string; date?: string } = {}): Promise<Session> {
      const c = await inputs();
      const title = overrides.title === undefined ? undefined : c.checked(c.ShortText, overrides.title, 'title');
      const date = overrides.date === undefined ? undefined : c.checked(c.IsoDate, overrides.date, 'date');
      return mutate(ctx, ALL_STORES, async (w) => {
        const source = await mustGetSession(w.tx, id);
        const children = await childrenOf(w.tx, id);
        const at = w.stamp();
        const session: Session = {
          ...source,
          id: ctx.newId(),
          title: title ?? source.title,
          date: date ?? source.date,
          deck: c.checked(c.DeckRefSchema, source.deck, 'deck'),
          createdAt: at,
          updatedAt: at,
        };
        delete session.deletedAt;
        const copy = { sessionId: session.id, updatedAt: at };
        await issue([
          () => w.tx.objectStore('sessions').add(session),
          ...children.notes.map((n) => () => w.tx.objectStore('notes').add({ ...n, ...copy, id: ctx.newId() })),
          ...children.positions.map((p) => () => w.tx.objectStore('positions').add({ ...p, ...copy, id: ctx.newId() })),
          ...children.actions.map(
            (a) => () => w.tx.objectStore('actions').add({ ...a, ...copy, id: ctx.newId(), createdAt: at }),
          ),
        ]);
        w.changed('sessions', session.id, session.updatedAt);
        return session;
      });
    },

    /** Hides the session (and keeps everything) until purgeDeleted; undoDelete brings it back. */
    async softDelete(id: string): Promise<Session> {
      return writeSession(id, (s, at) => ({ ...s, deletedAt: s.deletedAt ?? at, updatedAt: at }));
    },

    async undoDelete(id: string): Promise<Session> {
      return writeSession(id, (s, at) => {
        const restored: Session = { ...s, updatedAt: at };
        delete restored.deletedAt;
        return restored;
      });
    },

    /**
     * Removes soft-deleted sessions (deleted at or before `deletedBefore`, default: all) with
     * their notes, positions and actions, in one transaction. Returns how many sessions went.
     */
    async purgeDeleted(deletedBefore: number = Number.MAX_SAFE_INTEGER): Promise<number> {
      return mutate(ctx, ALL_STORES, async (w) => {
        const keys = await w.tx
          .objectStore('sessions')
          .index('deletedAt')
          .getAllKeys(IDBKeyRange.upperBound(deletedBefore));
        const at = w.stamp();
        for (const key of keys) {
          await deleteChildren(w.tx, key);
          await w.tx.objectStore('sessions').delete(key);
          w.changed('sessions', key, at);
        }
        return keys.length;
      });
    },
  };
}
