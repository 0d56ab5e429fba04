/** What a phone sends, as the relay hands it to the presenter's reducer: for the room's unit tests. */
import type { RoomEvent } from '../../src/lib/room/reducer';
import { ROOM_LIMITS } from '../../src/lib/room/limits';

/** The card the events are about unless told. */
export const A = 'eigen-kracht-of-veiligheid';

let seq = 0;
/** Each message a higher sequence number than the last, as a phone counts. */
export const nextSeq = () => ++seq;

export const join = (pid: string, peer: string, name?: string): RoomEvent => ({
  type: 'phone',
  peer,
  message: { t: 'join', v: ROOM_LIMITS.version, pid, seq: nextSeq(), ...(name ? { name } : {}) },
});

export const vote = (pid: string, peer: string, position: number, card = A): RoomEvent => ({
  type: 'phone',
  peer,
  message: { t: 'vote', v: ROOM_LIMITS.version, pid, seq: nextSeq(), card, position },
});

export const leave = (pid: string, peer: string): RoomEvent => ({
  type: 'phone',
  peer,
  message: { t: 'leave', v: ROOM_LIMITS.version, pid, seq: nextSeq() },
});
