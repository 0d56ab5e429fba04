/**
 * Cross-tab change notices. IndexedDB is shared by all tabs of the origin but tells no
 * one when another tab writes; a BroadcastChannel does. Messages carry ids and times
 * only (never note text), so a listener re-reads from the store and the store stays the
 * single source of truth. Where BroadcastChannel is missing everything here is a no-op:
 * the note editor's optimistic concurrency check still prevents silent overwrites.
 */
import { createListeners } from './listeners';

export const SYNC_CHANNEL_NAME = 'kjk';

export const CHANGE_STORES = ['sessions', 'notes', 'positions', 'actions', 'meta', 'all'] as const;
export type ChangeStore = (typeof CHANGE_STORES)[number];

export interface ChangeMessage {
  type: 'changed';
  /** 'all' after imports and wipes: re-read everything. */
  store: ChangeStore;
  /** Record id, or '*' with store 'all'. */
  id: string;
  updatedAt: number;
}

export type ChangeListener = (message: ChangeMessage) => void;

export interface SyncChannel {
  /** False where BroadcastChannel does not exist; post and subscribe then do nothing. */
  readonly available: boolean;
  post(change: Omit<ChangeMessage, 'type'>): void;
  /** Returns the unsubscribe function. Messages from this same channel object are not echoed. */
  subscribe(listener: ChangeListener): () => void;
  close(): void;
}

/** Another script on the origin could post on the same channel name: accept only our shape. */
export function isChangeMessage(value: unknown): value is ChangeMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.type === 'changed' &&
    typeof v.store === 'string' &&
    (CHANGE_STORES as readonly string[]).includes(v.store) &&
    typeof v.id === 'string' &&
    typeof v.updatedAt === 'number' &&
    Number.isFinite(v.updatedAt)
  );
}

/** A fresh message with exactly our fields (never more: messages carry no note text). */
export function changeMessage(change: Omit<ChangeMessage, 'type'>): ChangeMessage {
  return { type: 'changed', store: change.store, id: change.id, updatedAt: change.updatedAt };
}

export function createSync(name: string = SYNC_CHANNEL_NAME): SyncChannel {
  if (typeof BroadcastChannel === 'undefined') {
    return {
      available: false,
      post() {},
      subscribe() {
        return () => {};
      },
      close() {},
    };
  }

  let channel: BroadcastChannel | null = new BroadcastChannel(name);
  const listeners = createListeners<ChangeMessage>();
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (!isChangeMessage(event.data)) return;
    listeners.emit(changeMessage(event.data));
  };

  return {
    available: true,
    post(change) {
      if (!channel) return;
      try {
        channel.postMessage(changeMessage(change));
      } catch {
        // A notice is a courtesy; the write has already committed.
      }
    },
    subscribe: (listener) => listeners.add(listener),
    close() {
      listeners.clear();
      channel?.close();
      channel = null;
    },
  };
}
