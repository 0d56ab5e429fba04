/**
 * One stream of change notices for the sessions island: the repo's own writes in this tab
 * and the writes of other tabs (BroadcastChannel) look the same, so every view reloads its
 * data from one rule: "a notice for my store arrived".
 */
import type { ChangeListener, ChangeMessage, SyncChannel } from '../store/sync';

export interface ChangeBus {
  emit(message: ChangeMessage): void;
  subscribe(listener: ChangeListener): () => void;
}

export function createBus(): ChangeBus {
  const listeners = new Set<ChangeListener>();
  return {
    emit(message) {
      for (const listener of [...listeners]) {
        try {
          listener(message);
        } catch {
          // One view failing to refresh must not stop the others.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * A SyncChannel for createRepo that also tells this tab's own views about each committed
 * write (BroadcastChannel does not echo to its sender), one microtask later so the caller
 * of the write has its result first.
 */
export function echoingSync(sync: SyncChannel, bus: ChangeBus): SyncChannel {
  return {
    available: sync.available,
    post(change) {
      sync.post(change);
      const message: ChangeMessage = { type: 'changed', store: change.store, id: change.id, updatedAt: change.updatedAt };
      queueMicrotask(() => bus.emit(message));
    },
    subscribe: (listener) => sync.subscribe(listener),
    close: () => sync.close(),
  };
}
