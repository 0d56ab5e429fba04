/**
 * The control view and the audience window of one room, in step over a BroadcastChannel (same
 * origin, same browser; nothing leaves the device). One channel name per room, so two presenter
 * tabs never cross. Every message is checked on receipt (another tab of the site could post on
 * the same name); where BroadcastChannel is missing everything here is a no-op and the presenter
 * keeps its one-window view.
 */
import { type AudienceSnapshot, parseViewsMessage, VIEWS_VERSION, type ViewsMessage } from './audience.ts';
import { isRoomId } from './wire.ts';

const PREFIX = 'kjk-views:';

export function viewsChannelName(room: string): string {
  if (!isRoomId(room)) throw new Error('not a room id');
  return `${PREFIX}${room}`;
}

/** The audience page's address fragment: `#scherm=<roomId>` (the room id only, never its key). */
export function audienceFragment(room: string): string {
  if (!isRoomId(room)) throw new Error('not a room id');
  return `#scherm=${room}`;
}

/** The room id in the audience page's fragment, or null. */
export function parseAudienceFragment(hash: string): string | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > 100) return null;
  const part = text.split('&').find((p) => p.startsWith('scherm='));
  const room = part?.slice('scherm='.length);
  return room && isRoomId(room) ? room : null;
}

export type ViewsListener = (message: ViewsMessage) => void;

export interface ViewsChannel {
  /** False where BroadcastChannel does not exist: posts go nowhere and nothing arrives. */
  readonly available: boolean;
  post(message: ViewsMessage): void;
  /** Only checked messages reach the listener. Returns the unsubscribe function. */
  subscribe(listener: ViewsListener): () => void;
  close(): void;
}

const noop: ViewsChannel = { available: false, post() {}, subscribe: () => () => {}, close() {} };

export function openViewsChannel(room: string): ViewsChannel {
  if (typeof BroadcastChannel !== 'function') return noop;
  let channel: BroadcastChannel | null = new BroadcastChannel(viewsChannelName(room));
  const listeners = new Set<ViewsListener>();
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = parseViewsMessage(event.data);
    if (message) for (const listener of listeners) listener(message);
  };
  return {
    available: true,
    post(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // A closed or failing channel: the audience keeps what it shows and asks again on reload.
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel?.close();
      channel = null;
    },
  };
}

export const hello = (): ViewsMessage => ({ k: 'hello', v: VIEWS_VERSION });
export const bye = (): ViewsMessage => ({ k: 'bye', v: VIEWS_VERSION });
export const snapshotMessage = (snapshot: AudienceSnapshot): ViewsMessage => ({
  k: 'snapshot',
  v: VIEWS_VERSION,
  snapshot,
});

type Schedule = (run: () => void) => () => void;

/**
 * The next animation frame, or a short timer if that comes first: a browser stops frames in a
 * window it thinks is hidden (the laptop behind another window), and the projector must still follow.
 */
const nextFrame: Schedule = (run) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    stop();
    run();
  };
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(once) : null;
  const timer = setTimeout(once, 100);
  const stop = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
  return () => {
    done = true;
    stop();
  };
};

/**
 * At most one send per frame, always of the newest value: a burst of votes makes one message.
 * `flush` sends a pending value now (before the window closes).
 */
export function coalesce<T>(send: (value: T) => void, schedule: Schedule = nextFrame) {
  let pending: { value: T } | null = null;
  let cancel: (() => void) | null = null;
  const flush = () => {
    cancel?.();
    cancel = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    send(value);
  };
  return {
    push(value: T) {
      pending = { value };
      if (!cancel) cancel = schedule(flush);
    },
    flush,
    cancel() {
      cancel?.();
      cancel = null;
      pending = null;
    },
  };
}
