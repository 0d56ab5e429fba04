/**
 * The rooms this process created: their records live in its Registry, and every answer is given
 * here. Also the sweep that forgets rooms whose presenter left, closed them or went idle.
 */
import type { AdmitResult, CreateResult, Metrics, Registry } from './core.ts';
import type { RelayServer } from './events.ts';
import { hostRoom, phoneRoom, type RoomPath } from './rooms.ts';

export interface LocalRooms extends RoomPath {
  /** The record (or its tombstone) is here. */
  knows(room: string): boolean;
  create(room: string, proof: string, host: string, owner: string, join?: string): CreateResult;
  /** Answers for another process, without taking a place. */
  admitHere(room: string, proof: string | null): AdmitResult;
  /** Forgets the rooms whose time is up, and tells their phones why. */
  sweep(now: number): void;
}

export function localRooms(io: RelayServer, registry: Registry, metrics: Metrics): LocalRooms {
  const sayToPhones = (room: string, state: 'away' | 'back' | 'closed' | 'gone') =>
    io.to(phoneRoom(room)).emit('room', state);

  return {
    knows: (room) => registry.rooms.has(room) || registry.tombstones.has(room),
    create: (room, proof, host, owner, join) => registry.create(room, proof, host, Date.now(), owner, join),
    admitHere: (room, proof) => registry.admit(room, proof),
    async host(room, proof, id) {
      const previous = registry.rooms.get(room)?.host ?? null;
      const result = registry.rehostWithHash(room, proof, id);
      // The old socket of the same presenter (not yet timed out) no longer steers, wherever it is.
      if (result === 'ok' && previous && previous !== id) io.in(previous).disconnectSockets(true);
      return result;
    },
    hosted: (room) => sayToPhones(room, 'back'),
    async admit(room, proof) {
      const result = registry.admit(room, proof);
      return { result, host: registry.rooms.get(room)?.host != null };
    },
    release: (room) => registry.release(room),
    hostLeft(room, id) {
      if (registry.hostLeft(room, id, Date.now())) sayToPhones(room, 'away');
    },
    close(room, id) {
      if (registry.rooms.get(room)?.host === id) registry.close(room, Date.now());
    },
    async grant(room, id, proof) {
      return registry.grant(room, id, proof);
    },
    enter() {},
    leave() {},
    /** The window keeps the IV only, never the frame (see frameIv): it outlives every frame it saw. */
    fresh: (room, frame) => registry.rooms.get(room)?.ivs.fresh(frame) ?? true,
    touch(room) {
      const record = registry.rooms.get(room);
      if (record) record.activeAt = Date.now();
    },
    sweep(now) {
      for (const { id, reason } of registry.sweep(now)) {
        metrics.roomsForgotten++;
        sayToPhones(id, reason === 'closed' ? 'closed' : 'gone');
        io.in(phoneRoom(id)).disconnectSockets(true);
        io.in(hostRoom(id)).disconnectSockets(true);
      }
    },
  };
}
