/**
 * The socket to the relay, as the presenter, a phone and the co-facilitator's device open it, and
 * the one way they ask it something. Small on purpose: the moderator page needs it without the
 * presenter's and phone's session code (session.ts).
 */
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents, Untrusted } from './wire.ts';

export type Connect = (url: string, options: Partial<ManagerOptions & SocketOptions>) => Socket;
/** The relay's events, typed: what we send as meant, what arrives unchecked. */
export type RoomSocket = Socket<Untrusted<ServerToClientEvents>, ClientToServerEvents>;

export interface RelayAddress {
  origin: string;
  path: string;
}

export type Reply = Ack | { ok: false; error: 'timeout' };

export function socketFor(connect: Connect, relay: RelayAddress): RoomSocket {
  // WebSocket first: it always carries Origin; long-polling is the fallback for venue networks.
  return connect(relay.origin, {
    path: relay.path,
    transports: ['websocket', 'polling'],
    reconnectionDelayMax: 5000,
    timeout: 10_000,
  });
}

/** Asks the relay; a relay that does not answer in time is a refusal too. */
export function ask(request: Promise<Ack>): Promise<Reply> {
  return request.catch(() => ({ ok: false, error: 'timeout' }) as const);
}
