/**
 * A phone's room status as a pure state machine, so its transitions are tested without sockets.
 * The one rule the events cannot break: the room's end is final. A presenter's socket that drops
 * as it closes the room reaches the relay as "the presenter left", and the "away" that follows
 * must not bring the card back on a phone that already shows "closed".
 */
import type { Phase } from './schema.ts';
import type { Refusal, RoomSignal } from './wire.ts';

/**
 * Where the room stands, as the UI tells it: "open"; "connecting" (also while socket.io retries);
 * "away" (a phone's presenter is gone for now); "closed" by the presenter; "gone" (the relay forgot
 * the room or was restarted); "full"; "unknown" (no such room); "unreachable" (no relay answers).
 */
export type RoomStatus = 'connecting' | 'open' | 'away' | 'closed' | 'gone' | 'full' | 'unknown' | 'unreachable';

export type PhoneEvent =
  /** The relay admitted the phone; `host` says whether the presenter is there now. */
  | { type: 'joined'; host: boolean }
  /** The relay refused the join; `again` when this phone had been in the room before. */
  | { type: 'refused'; error: Refusal | 'timeout'; again: boolean }
  | { type: 'signal'; signal: RoomSignal }
  /** A decrypted state message from the presenter. */
  | { type: 'state'; phase: Phase }
  | { type: 'connect-error' }
  | { type: 'disconnect'; reason: string };

/** A refused request as the phone tells it. A token the room does not know is a link to no room. */
export function refusalStatus(error: Refusal | 'timeout'): RoomStatus {
  if (error === 'full' || error === 'unknown' || error === 'closed') return error;
  if (error === 'denied') return 'unknown';
  return 'unreachable';
}

/** Statuses a dropped socket does not change: the relay already said why it ended. */
const SETTLED: readonly RoomStatus[] = ['closed', 'gone', 'full', 'unknown'];

export function nextPhoneStatus(current: RoomStatus, event: PhoneEvent): RoomStatus {
  if (current === 'closed') return current;
  switch (event.type) {
    case 'joined':
      return event.host ? 'open' : 'away';
    case 'refused':
      // A room this phone was in and the relay no longer knows: it is gone (relay restarted).
      return event.again && event.error === 'unknown' ? 'gone' : refusalStatus(event.error);
    case 'signal':
      return event.signal === 'back' ? 'open' : event.signal;
    case 'state':
      return event.phase === 'closed' ? 'closed' : 'open';
    case 'connect-error':
      return current === 'connecting' || current === 'open' ? 'unreachable' : current;
    case 'disconnect':
      if (SETTLED.includes(current)) return current;
      return event.reason === 'io server disconnect' ? 'gone' : 'connecting';
  }
}
