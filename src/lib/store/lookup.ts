/** Reads shared by the record files: a session that must exist, its children, list order. */
import type { Action, CardNote, Position, Session } from '../records/schemas';
import { StoreError } from './errors';
import { issue, type Mode, type Tx } from './tx';

/** All keys [sessionId, *] of a [sessionId, cardId] index: arrays sort after every string. */
export function sessionCardRange(sessionId: string): IDBKeyRange {
  return IDBKeyRange.bound([sessionId], [sessionId, []]);
}

export async function mustGetSession(tx: Tx<Mode>, id: string): Promise<Session> {
  const session = await tx.objectStore('sessions').get(id);
  if (!session) throw new StoreError('not-found', `Session ${id} not found`);
  return session;
}

export interface Children {
  notes: CardNote[];
  positions: Position[];
  actions: Action[];
}

export async function childrenOf(tx: Tx<Mode>, sessionId: string): Promise<Children> {
  const [notes, positions, actions] = await Promise.all([
    tx.objectStore('notes').index('bySessionCard').getAll(sessionCardRange(sessionId)),
    tx.objectStore('positions').index('sessionId').getAll(sessionId),
    tx.objectStore('actions').index('sessionId').getAll(sessionId),
  ]);
  return { notes, positions, actions };
}

export async function deleteChildren(tx: Tx<'readwrite'>, sessionId: string): Promise<void> {
  const [noteKeys, positionKeys, actionKeys] = await Promise.all([
    tx.objectStore('notes').index('bySessionCard').getAllKeys(sessionCardRange(sessionId)),
    tx.objectStore('positions').index('sessionId').getAllKeys(sessionId),
    tx.objectStore('actions').index('sessionId').getAllKeys(sessionId),
  ]);
  await issue([
    ...noteKeys.map((k) => () => tx.objectStore('notes').delete(k)),
    ...positionKeys.map((k) => () => tx.objectStore('positions').delete(k)),
    ...actionKeys.map((k) => () => tx.objectStore('actions').delete(k)),
  ]);
}

export function byCreated<T extends { createdAt: number; id: string }>(a: T, b: T): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function bySessionOrder(a: Session, b: Session): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return byCreated(a, b);
}
