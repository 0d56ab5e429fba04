/**
 * One stream of change notices for the sessions island: the repo's own writes in this tab
 * and the writes of other tabs (BroadcastChannel) look the same, so every view reloads its
 * data from one rule: "a notice for my store arrived".
 */
import { createListeners } from '../store/listeners';
import { changeMessage, type ChangeListener, type ChangeMessage, type SyncChannel } from '../store/sync';

export interface ChangeBus {
  emit(message: ChangeMessage): void;
  subscribe(listener: ChangeListener): () => void;
}

export function createBus(): ChangeBus {
  const listeners = createListeners<ChangeMessage>();
  return {
    emit: (message) => listeners.emit(message),
    subscribe: (listener) => listeners.add(listener),
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
      const message = changeMessage(change);
      queueMicrotask(() => bus.emit(message));
    },
    subscribe: (listener) => sync.subscribe(listener),
    close: () => sync.close(),
  };
}
