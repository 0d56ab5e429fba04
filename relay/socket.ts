/**
 * One client socket on the relay: the checks every packet passes, and the handlers of the wire
 * events (see relay.ts). Room records are reached through a RoomPath: this process's own rooms
 * (local.ts) or, for a room created on another process, the questions of redis.ts.
 */
import { PAKE_LIMITS, ROOM_LIMITS } from '../src/lib/room/limits.ts';
import { isNameplate } from '../src/lib/room/pake/code.ts';
import { isRelayable } from '../src/lib/room/pake/schema.ts';
import { type AckFn, isFrame, isRoomId, type Refusal } from '../src/lib/room/wire.ts';
import type { RelayConfig } from './config.ts';
import { isSecret, isSecretHash, type Metrics, newBucket, secretHash, takeToken } from './core.ts';
import type { RelayServer, RelaySocket } from './events.ts';
import type { LocalRooms } from './local.ts';
import type { Nameplates } from './nameplates.ts';
import { hostRoom, phoneRoom, type RoomPath } from './rooms.ts';

const EVENTS = new Set([
  'create',
  'host',
  'grant',
  'join',
  'up',
  'down',
  'close',
  'code-open',
  'code-close',
  'code-up',
  'code-down',
]);
const SOCKET_ID = /^[A-Za-z0-9_-]{1,32}$/;

export interface SocketContext {
  io: RelayServer;
  config: RelayConfig;
  metrics: Metrics;
  local: LocalRooms;
  remote: RoomPath & {
    exists(room: string): Promise<boolean>;
    /** The socket id of the presenter that holds `nameplate` on another process, or null. */
    nameplateHost(nameplate: string): Promise<string | null>;
  };
  /** The code channels opened on this process. */
  nameplates: Nameplates;
  /** The client address of an engine connection, for the rooms-per-address bound. */
  addressOf(conn: object): string;
}

const reply = (ack: unknown, answer: Parameters<AckFn>[0]) => {
  if (typeof ack === 'function') (ack as AckFn)(answer);
};

export function handleSocket(socket: RelaySocket, ctx: SocketContext): void {
  const { io, config, metrics, local, remote, nameplates } = ctx;
  const pathOf = () => (socket.data.remote ? remote : local);
  metrics.connections++;
  socket.data = {
    role: 'none',
    room: null,
    bucket: newBucket(config.phoneRate, Date.now()),
    drops: 0,
    cut: false,
    remote: false,
    nameplate: null,
    codeMessages: 0,
  };
  const handshake = setTimeout(() => {
    // A code handshake takes well under this too: its socket never stays.
    if (socket.data.role === 'none' || socket.data.role === 'code') {
      metrics.handshakeTimeouts++;
      socket.disconnect(true);
    }
  }, config.handshakeMs);

  function drop(reason: keyof Metrics['dropped']) {
    // A socket cut off still has packets on their way in: they were counted when it was cut.
    if (socket.data.cut) return;
    metrics.dropped[reason]++;
    socket.data.drops++;
    if (socket.data.drops >= config.dropLimit) {
      socket.data.cut = true;
      metrics.disconnectedForAbuse++;
      socket.disconnect(true);
    }
  }

  function refuse(ack: unknown, error: Refusal) {
    if (error !== 'busy') metrics.refused[error]++;
    reply(ack, { ok: false, error });
  }

  /** The socket now speaks for `room`. */
  async function enter(room: string, remoteRoom: boolean, as: string) {
    socket.data.room = room;
    socket.data.remote = remoteRoom;
    if (remoteRoom) remote.enter(room);
    clearTimeout(handshake);
    await socket.join(as);
  }

  // Every incoming packet passes here first: unknown events and floods never reach a handler.
  socket.use(([event], next) => {
    if (typeof event !== 'string' || !EVENTS.has(event)) return drop('unknownEvent');
    const rate = socket.data.role === 'host' ? config.hostRate : config.phoneRate;
    if (!takeToken(socket.data.bucket, rate, Date.now())) return drop('rate');
    next();
  });

  const guard =
    (fn: (...args: unknown[]) => void | Promise<void>) =>
    (...args: unknown[]) => {
      try {
        const done = fn(...args);
        if (done instanceof Promise) done.catch(() => metrics.dropped.handlerError++);
      } catch {
        metrics.dropped.handlerError++;
      }
    };

  socket.on(
    'create',
    guard(async (args, ack) => {
      const { room, proof, join } = (args ?? {}) as { room?: unknown; proof?: unknown; join?: unknown };
      if (socket.data.role !== 'none') return refuse(ack, 'busy');
      if (!isRoomId(room) || !isSecretHash(proof)) return refuse(ack, 'invalid');
      if (join !== undefined && !isSecretHash(join)) return refuse(ack, 'invalid');
      socket.data.role = 'host'; // claimed while the other processes are asked, so a second create waits its turn
      const taken = await remote.exists(room);
      const result = taken ? 'taken' : local.create(room, proof, socket.id, ctx.addressOf(socket.conn), join);
      if (result !== 'ok' || !socket.connected) {
        socket.data.role = 'none';
        if (result === 'ok') local.close(room, socket.id);
        return refuse(ack, result === 'ok' ? 'invalid' : result);
      }
      socket.data.bucket = newBucket(config.hostRate, Date.now());
      metrics.roomsCreated++;
      await enter(room, false, hostRoom(room));
      reply(ack, { ok: true });
    }),
  );

  socket.on(
    'host',
    guard(async (args, ack) => {
      const { room, secret } = (args ?? {}) as { room?: unknown; secret?: unknown };
      if (socket.data.role !== 'none') return refuse(ack, 'busy');
      if (!isRoomId(room) || !isSecret(secret)) return refuse(ack, 'invalid');
      socket.data.role = 'host';
      const path = local.knows(room) ? local : remote;
      // The hash, not the secret: whoever reads Redis must not be able to steer the room.
      const result = await path.host(room, secretHash(secret), socket.id);
      if (result !== 'ok' || !socket.connected) {
        socket.data.role = 'none';
        if (result === 'ok') path.hostLeft(room, socket.id);
        return refuse(ack, result === 'ok' ? 'invalid' : result);
      }
      socket.data.bucket = newBucket(config.hostRate, Date.now());
      await enter(room, path === remote, hostRoom(room));
      reply(ack, { ok: true });
      path.hosted(room);
    }),
  );

  socket.on(
    'grant',
    guard(async (args, ack) => {
      const { proof } = (args ?? {}) as { proof?: unknown };
      const room = socket.data.room;
      if (socket.data.role !== 'host' || !room) return refuse(ack, 'denied');
      if (!isSecretHash(proof)) return refuse(ack, 'invalid');
      const result = await pathOf().grant(room, socket.id, proof);
      if (result === 'ok') reply(ack, { ok: true });
      else refuse(ack, result);
    }),
  );

  socket.on(
    'join',
    guard(async (args, ack) => {
      const { room, token } = (args ?? {}) as { room?: unknown; token?: unknown };
      if (socket.data.role !== 'none') return refuse(ack, 'busy');
      if (!isRoomId(room)) return refuse(ack, 'invalid');
      if (token !== undefined && !isSecret(token)) return refuse(ack, 'invalid');
      socket.data.role = 'phone';
      const path = local.knows(room) ? local : remote;
      // Only the token's hash is compared (in constant time) or sent on to the room's owner.
      const { result, host } = await path.admit(room, token === undefined ? null : secretHash(token));
      if (result !== 'ok') {
        socket.data.role = 'none';
        return refuse(ack, result);
      }
      if (!socket.connected) return path.release(room);
      await enter(room, path === remote, phoneRoom(room));
      reply(ack, { ok: true, host });
      io.to(hostRoom(room)).emit('peer', socket.id, true);
    }),
  );

  socket.on(
    'up',
    guard((frame) => {
      const room = socket.data.room;
      if (socket.data.role !== 'phone' || !room) return drop(socket.data.role === 'host' ? 'spoofed' : 'notInRoom');
      if (typeof frame === 'string' && frame.length > ROOM_LIMITS.frameMaxChars) return drop('oversize');
      if (!isFrame(frame)) return drop('malformed');
      if (!pathOf().fresh(room, frame)) return drop('replay');
      pathOf().touch(room);
      metrics.framesUp++;
      io.to(hostRoom(room)).emit('up', socket.id, frame);
    }),
  );

  socket.on(
    'down',
    guard((frame, to) => {
      const room = socket.data.room;
      // Only the presenter's socket steers: a phone holds the key and could forge a presenter message, so its down frames never go out.
      if (socket.data.role !== 'host' || !room) return drop(socket.data.role === 'phone' ? 'spoofed' : 'notInRoom');
      if (typeof frame === 'string' && frame.length > ROOM_LIMITS.frameMaxChars) return drop('oversize');
      if (!isFrame(frame)) return drop('malformed');
      if (to !== undefined && (typeof to !== 'string' || !SOCKET_ID.test(to))) return drop('malformed');
      if (!pathOf().fresh(room, frame)) return drop('replay');
      pathOf().touch(room);
      metrics.framesDown++;
      if (to === undefined) {
        io.to(phoneRoom(room)).emit('down', frame);
        return;
      }
      const target = io.sockets.sockets.get(to);
      // A local target must be a phone of this room. A remote one cannot read another room's frame anyway (the room id is in the AEAD data).
      if (target && !target.rooms.has(phoneRoom(room))) return drop('spoofed');
      io.to(to).emit('down', frame);
    }),
  );

  socket.on(
    'close',
    guard((first, second) => {
      const ack = typeof first === 'function' ? first : second;
      const room = socket.data.room;
      if (socket.data.role !== 'host' || !room) {
        drop(socket.data.role === 'phone' ? 'spoofed' : 'notInRoom');
        return refuse(ack, 'denied');
      }
      pathOf().close(room, socket.id);
      nameplates.close(room, socket.id);
      reply(ack, { ok: true });
      // The sweep tells the phones "closed" and disconnects them within sweepMs.
    }),
  );

  // The typed code: a phone's handshake messages reach the presenter that opened the nameplate, and
  // the presenter's answers reach that phone. Checked for kind and size, counted, never kept.
  socket.on(
    'code-open',
    guard(async (args, ack) => {
      const { nameplate } = (args ?? {}) as { nameplate?: unknown };
      const room = socket.data.room;
      if (socket.data.role !== 'host' || !room) return refuse(ack, 'denied');
      if (!isNameplate(nameplate)) return refuse(ack, 'invalid');
      if (nameplates.get(nameplate)?.room !== room && (await remote.nameplateHost(nameplate)))
        return refuse(ack, 'taken');
      const result = nameplates.open(nameplate, room, socket.id);
      if (result !== 'ok') return refuse(ack, result);
      metrics.codesOpened++;
      reply(ack, { ok: true });
    }),
  );

  socket.on(
    'code-close',
    guard((first, second) => {
      const ack = typeof first === 'function' ? first : second;
      const room = socket.data.room;
      if (socket.data.role !== 'host' || !room) return refuse(ack, 'denied');
      nameplates.close(room, socket.id);
      reply(ack, { ok: true });
    }),
  );

  socket.on(
    'code-up',
    guard(async (args, ack) => {
      const { nameplate, message } = (args ?? {}) as { nameplate?: unknown; message?: unknown };
      const { role } = socket.data;
      if (role !== 'none' && role !== 'code') {
        drop('spoofed');
        return refuse(ack, 'denied');
      }
      if (typeof message === 'string' && message.length > PAKE_LIMITS.messageMaxChars) {
        drop('oversize');
        return refuse(ack, 'invalid');
      }
      if (!isNameplate(nameplate) || !isRelayable('up', message)) {
        drop('malformed');
        return refuse(ack, 'invalid');
      }
      // One socket, one nameplate, a few attempts: a guesser must reconnect, and its address is bounded.
      if ((socket.data.nameplate ?? nameplate) !== nameplate) {
        drop('spoofed');
        return refuse(ack, 'denied');
      }
      if (++socket.data.codeMessages > PAKE_LIMITS.messagesPerSocket) {
        drop('rate');
        return refuse(ack, 'limit');
      }
      const host = nameplates.get(nameplate)?.host ?? (await remote.nameplateHost(nameplate));
      if (!host) return refuse(ack, 'unknown');
      socket.data.role = 'code';
      socket.data.nameplate = nameplate;
      metrics.codeUp++;
      io.to(host).emit('code-up', socket.id, message);
      reply(ack, { ok: true });
    }),
  );

  socket.on(
    'code-down',
    guard((peer, message) => {
      const room = socket.data.room;
      if (socket.data.role !== 'host' || !room) return drop(socket.data.room ? 'spoofed' : 'notInRoom');
      if (typeof peer !== 'string' || !SOCKET_ID.test(peer)) return drop('malformed');
      if (typeof message === 'string' && message.length > PAKE_LIMITS.messageMaxChars) return drop('oversize');
      if (!isRelayable('down', message)) return drop('malformed');
      const target = io.sockets.sockets.get(peer);
      // A local target must be in a handshake with this room's open channel: once the presenter
      // replaced or closed it, nothing more reaches the phones of the old code.
      const open = nameplates.of(room);
      if (!open || (target && (target.data.role !== 'code' || target.data.nameplate !== open))) return drop('spoofed');
      metrics.codeDown++;
      io.to(peer).emit('code-down', message);
    }),
  );

  socket.on('disconnect', (reason) => {
    clearTimeout(handshake);
    if (reason === 'parse error' || reason === 'transport error') metrics.transportErrors++;
    const { room, role, remote: remoteRoom } = socket.data;
    if (!room) return;
    const path = pathOf();
    if (role === 'phone') {
      path.release(room);
      io.to(hostRoom(room)).emit('peer', socket.id, false);
    } else if (role === 'host') {
      path.hostLeft(room, socket.id);
      // The presenter opens its channel again when it comes back (session.ts).
      nameplates.close(room, socket.id);
    }
    if (remoteRoom) remote.leave(room);
  });
}
