/**
 * What the socket handlers need from a room, whichever process holds its record: this one
 * (local.ts) or the one that created it, asked through Redis (redis.ts).
 */
import type { AdmitResult } from './core.ts';

/** socket.io room names: the presenter's socket, and the room's phones. */
export const hostRoom = (room: string) => `h:${room}`;
export const phoneRoom = (room: string) => `p:${room}`;

export type HostResult = 'ok' | 'unknown' | 'denied' | 'closed';
export type GrantResult = 'ok' | 'unknown' | 'denied' | 'limit';

export interface RoomPath {
  /** The presenter comes back: `proof` is the SHA-256 of its secret; `id` its new socket. */
  host(room: string, proof: string, id: string): Promise<HostResult>;
  /** After the returned presenter's socket joined the room: phones hear "back". */
  hosted(room: string): void;
  /** A phone asks for a place; `proof` is the SHA-256 of its join token (null: none sent). */
  admit(room: string, proof: string | null): Promise<{ result: AdmitResult; host: boolean }>;
  release(room: string): void;
  /** The presenter's socket `id` is gone. */
  hostLeft(room: string, id: string): void;
  close(room: string, id: string): void;
  /** The presenter on socket `id` lets one more join token in. */
  grant(room: string, id: string, proof: string): Promise<GrantResult>;
  /** A socket of this process is in the room through this path (enter), or no longer (leave). */
  enter(room: string): void;
  leave(room: string): void;
  /** The replay check: false when the frame's IV was seen in the room. */
  fresh(room: string, frame: string): boolean;
  /** A frame passed through the room. */
  touch(room: string): void;
}
