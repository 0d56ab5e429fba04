/**
 * The relay's socket.io types: what clients send (untrusted until checked), what the relay sends,
 * what relay processes ask each other through Redis, and what the relay keeps per socket.
 */
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, Untrusted } from '../src/lib/room/wire.ts';
import type { Bucket } from './core.ts';

/** One process's short answer to another's question. */
export type Answer = (answer: string) => void;

/**
 * Questions between relay processes (through Redis, so whoever reads it sees them): room ids,
 * socket ids, SHA-256 hashes and short answers. Never a secret, a token or a key.
 */
export interface InterServerEvents {
  'kjk:exists': (room: string, reply: Answer) => void;
  /** proof = the SHA-256 of the phone's join token, null when it sent none. */
  'kjk:admit': (q: { room: string; proof: string | null }, reply: Answer) => void;
  'kjk:release': (room: string) => void;
  'kjk:host': (q: { room: string; proof: string; id: string }, reply: Answer) => void;
  'kjk:host-left': (q: { room: string; id: string }) => void;
  'kjk:close': (q: { room: string; id: string }) => void;
  'kjk:grant': (q: { room: string; id: string; proof: string }, reply: Answer) => void;
  /** Who holds a code channel's nameplate: the presenter's socket id, or '' (none here). */
  'kjk:nameplate': (nameplate: string, reply: Answer) => void;
}

export interface SocketData {
  /** "code": a phone in a typed-code handshake, bound to one nameplate; it joins later on a new socket. */
  role: 'none' | 'host' | 'phone' | 'code';
  room: string | null;
  bucket: Bucket;
  drops: number;
  /** Disconnected for abuse: counted once, and whatever it still sends is not counted again. */
  cut: boolean;
  /** The room's record lives on another relay process. */
  remote: boolean;
  /** The nameplate a code socket speaks to (its first message chose it). */
  nameplate: string | null;
  /** Handshake messages this socket sent (bounded by PAKE_LIMITS.messagesPerSocket). */
  codeMessages: number;
}

export type RelayServer = Server<Untrusted<ClientToServerEvents>, ServerToClientEvents, InterServerEvents, SocketData>;
export type RelaySocket = Socket<Untrusted<ClientToServerEvents>, ServerToClientEvents, InterServerEvents, SocketData>;
