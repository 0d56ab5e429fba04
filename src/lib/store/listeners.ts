/** A set of listeners, told in turn; one that throws does not stop the others. */
export interface Listeners<T> {
  /** Returns the function that removes the listener again. */
  add(listener: (value: T) => void): () => void;
  emit(value: T): void;
  clear(): void;
}

export function createListeners<T>(): Listeners<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    add(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit(value) {
      // A copy: a listener may unsubscribe (itself or another) while we go round.
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch {
          // One view failing to refresh must not stop the others.
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
