/**
 * The room relay: socket.io rooms that forward opaque frames and keep nothing.
 *
 * Roles: the presenter's socket `create`s a room (registering the hash of a secret) or comes back
 * with `host` (the secret itself); phones `join`. A phone's `up` frame goes to the presenter only;
 * the presenter's `down` frame goes to every phone of the room, or to one. Frames are never read,
 * stored or logged: the relay checks their size and shape, their rate, and that an IV does not
 * repeat. With KJK_RELAY_REDIS_URL, several processes share rooms through @socket.io/redis-adapter:
 * the process where a room was created owns its record and answers the others.
 *
 * Wire events (client → relay):
 *   create({ room, proof }, ack)  proof = base64url SHA-256 of the presenter's secret
 *   host({ room, secret }, ack)   the presenter again, after a reconnect
 *   join({ room }, ack)           a phone
 *   up(frame)                     phone → presenter
 *   down(frame, to?)              presenter → all phones, or the phone with socket id `to`
 *   close(ack?)                   the presenter ends the room
 * relay → client:
 *   up(peer, frame)               to the presenter; peer = the phone's socket id
 *   peer(peer, present)           to the presenter: a phone came or went
 *   down(frame)                   to phones
 *   room(state)                   to phones: 'away' | 'back' | 'closed' | 'gone'
 * acks: { ok: true, host?: boolean } | { ok: false, error: 'invalid' | 'unknown' | 'full' | 'closed' | 'taken' | 'limit' | 'denied' | 'busy' }
 */
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { ROOM_LIMITS } from '../src/lib/room/limits.ts';
import { isFrame, isRoomId } from '../src/lib/room/wire.ts';
import type { RelayConfig } from './config.ts';
import {
  AddressCounts,
  type AdmitResult,
  type Bucket,
  clientAddress,
  droppedTotal,
  isAllowedRequest,
  isSecret,
  isSecretHash,
  newBucket,
  newMetrics,
  Registry,
  ReplayWindow,
  secretHash,
  takeToken,
  type Metrics,
} from './core.ts';

type Ack = (reply: { ok: true; host?: boolean } | { ok: false; error: string }) => void;

interface SocketData {
  role: 'none' | 'host' | 'phone';
  room: string | null;
  bucket: Bucket;
  drops: number;
  /** The room's record lives on another relay process. */
  remote: boolean;
}

type RelaySocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;

const EVENTS = new Set(['create', 'host', 'join', 'up', 'down', 'close']);
const SOCKET_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** What /healthz shows: gauges and counters, numbers only. */
export type Health = Metrics & {
  ok: number;
  uptimeSeconds: number;
  sockets: number;
  rooms: number;
  phones: number;
  rssBytes: number;
  heapUsedBytes: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  droppedTotal: number;
};

export interface Relay {
  url: string;
  port: number;
  metrics: Metrics;
  io: Server;
  http: HttpServer;
  snapshot(): Health;
  close(): Promise<void>;
}

/** The parts of engine.io's socket the relay reads (its types keep them internal). */
interface EngineConn {
  request: IncomingMessage;
  transport: { name: string; socket?: { bufferedAmount?: number; terminate?: () => void } };
  on(event: string, fn: (...args: never[]) => void): unknown;
  once(event: string, fn: () => void): unknown;
  close(discard?: boolean): unknown;
}

/** Bytes a WebSocket holds that the kernel has not taken yet (0 for long-polling). */
function bufferedBytes(conn: EngineConn): number {
  return conn.transport.socket?.bufferedAmount ?? 0;
}

const hostRoom = (room: string) => `h:${room}`;
const phoneRoom = (room: string) => `p:${room}`;

export async function startRelay(config: RelayConfig): Promise<Relay> {
  const metrics = newMetrics();
  const registry = new Registry(config);
  /** Replay windows for rooms owned elsewhere that have phones on this process. */
  const remoteIvs = new Map<string, { ivs: ReplayWindow; sockets: number }>();
  const started = Date.now();
  const cpuAtStart = process.cpuUsage();
  let redisClients: { quit(): Promise<unknown> }[] = [];

  const snapshot = (): Health => {
    const mem = process.memoryUsage();
    const cpu = process.cpuUsage(cpuAtStart);
    let phones = 0;
    for (const r of registry.rooms.values()) phones += r.phones;
    return {
      ok: 1,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      sockets: io.engine.clientsCount,
      rooms: registry.open,
      phones,
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
      cpuUserMs: Math.round(cpu.user / 1000),
      cpuSystemMs: Math.round(cpu.system / 1000),
      droppedTotal: droppedTotal(metrics),
      ...metrics,
    };
  };

  const http = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && (path === '/healthz' || path === '/metrics')) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(snapshot()));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  // A slow or silent HTTP client is cut off instead of holding a socket.
  http.headersTimeout = 10_000;
  http.requestTimeout = 15_000;
  http.on('clientError', (_err, socket) => {
    metrics.transportErrors++;
    socket.destroy();
  });

  const io = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: config.maxHttpBufferSize,
    connectTimeout: config.handshakeMs,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    perMessageDeflate: false,
    httpCompression: false,
    cors: { origin: config.origins, methods: ['GET', 'POST'] },
    allowRequest: (req: IncomingMessage, callback) => {
      if (!isAllowedRequest(req.headers, config.origins)) {
        metrics.refusedOrigin++;
        callback('origin not allowed', false);
        return;
      }
      if (io.engine.clientsCount >= config.maxConnections) {
        metrics.refusedCapacity++;
        callback('relay full', false);
        return;
      }
      if (perAddress.get(addressOfRequest(req)) >= config.connectionsPerAddress) {
        metrics.refusedAddress++;
        callback('too many connections', false);
        return;
      }
      callback(null, true);
    },
  });

  const perAddress = new AddressCounts();
  const addresses = new WeakMap<object, string>();
  const addressOfRequest = (req: IncomingMessage) =>
    clientAddress(req.socket.remoteAddress, req.headers, config.trustedProxies);

  // Every engine connection: counted against its address, and cut when it stops reading. Frames
  // for a socket wait in the engine's queue while its transport is busy, then in the WebSocket's
  // buffer; a client that never reads would keep them all (and the whole room's broadcasts after them).
  io.engine.on('connection', (conn: EngineConn) => {
    const address = addressOfRequest(conn.request);
    addresses.set(conn, address);
    perAddress.add(address);
    let queued = 0;
    let cut = false;
    conn.on('packetCreate', (packet: { data?: unknown }) => {
      queued += typeof packet.data === 'string' ? packet.data.length : 64;
      if (cut || queued + bufferedBytes(conn) <= config.sendBufferBytes) return;
      cut = true;
      metrics.cutSlow++;
      // close() would wait for the queue to drain, which a stalled client never lets happen.
      conn.transport.socket?.terminate?.();
      conn.close(true);
    });
    conn.on('flush', () => {
      queued = 0;
    });
    conn.once('close', () => perAddress.remove(address));
  });

  if (config.redisUrl) {
    const [{ createClient }, { createAdapter }] = await Promise.all([
      import('redis'),
      import('@socket.io/redis-adapter'),
    ]);
    const pub = createClient({ url: config.redisUrl });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on('error', (err: Error) => console.error(`relay: redis: ${err.message}`));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub, { key: 'kjk-relay', requestsTimeout: 2000 }));
    redisClients = [pub, sub];
  }
  const shared = Boolean(config.redisUrl);

  // What crosses Redis (so anyone who can read it sees): the adapter's broadcasts, which are the
  // encrypted frames ('up', 'down'; opaque without the room key, which never reaches the relay),
  // socket ids ('peer', 'up', direct 'down'), room states ('room') and room names (h:/p: + room id);
  // and these questions between processes: room ids, socket ids, the SHA-256 of a returning
  // presenter's secret, and short answers. Never the secret, a key or anything in clear.
  type Reply = (answer: string) => void;
  io.on('kjk:exists' as never, (room: string, reply: Reply) => {
    reply(registry.rooms.has(room) || registry.tombstones.has(room) ? 'taken' : 'no');
  });
  io.on('kjk:admit' as never, (room: string, reply: Reply) => {
    reply(registry.rooms.has(room) || registry.tombstones.has(room) ? registry.admit(room) : 'unknown');
  });
  io.on('kjk:release' as never, (room: string) => registry.release(room));

  // The presenter came back on another process: the owner checks the secret and takes the new socket.
  io.on('kjk:host' as never, (q: { room: string; proof: string; id: string }, reply: Reply) => {
    if (!registry.rooms.has(q.room) && !registry.tombstones.has(q.room)) return reply('unknown');
    if (typeof q.proof !== 'string' || typeof q.id !== 'string') return reply('denied');
    const previous = registry.rooms.get(q.room)?.host ?? null;
    const result = registry.rehostWithHash(q.room, q.proof, q.id);
    if (result === 'ok') {
      if (previous && previous !== q.id) io.in(previous).disconnectSockets(true);
      io.to(phoneRoom(q.room)).emit('room' as never, 'back' as never);
    }
    reply(result);
  });
  io.on('kjk:host-left' as never, (q: { room: string; id: string }) => {
    if (registry.hostLeft(q.room, q.id, Date.now())) io.to(phoneRoom(q.room)).emit('room' as never, 'away' as never);
  });
  io.on('kjk:close' as never, (q: { room: string; id: string }) => {
    if (registry.rooms.get(q.room)?.host === q.id) registry.close(q.room, Date.now());
  });

  /** Asks the other processes; resolves with their answers (none without Redis). */
  function ask(event: string, room: unknown): Promise<string[]> {
    if (!shared) return Promise.resolve([]);
    return new Promise((resolve) => {
      // The adapter's requestsTimeout bounds the wait; on a timeout the answers that came are used.
      const emit = io.serverSideEmit.bind(io) as unknown as (
        e: string,
        room: unknown,
        cb: (err: Error | null, answers: string[]) => void,
      ) => void;
      emit(event, room, (_err, answers) => resolve(Array.isArray(answers) ? answers : []));
    });
  }

  async function admit(room: string): Promise<{ result: AdmitResult; remote: boolean }> {
    if (registry.rooms.has(room) || registry.tombstones.has(room))
      return { result: registry.admit(room), remote: false };
    const answers = await ask('kjk:admit', room);
    for (const pick of ['ok', 'full', 'closed'] as const)
      if (answers.includes(pick)) return { result: pick, remote: true };
    return { result: 'unknown', remote: true };
  }

  function forget(id: string, reason: 'gone' | 'idle' | 'closed') {
    metrics.roomsForgotten++;
    io.to(phoneRoom(id)).emit('room' as never, (reason === 'closed' ? 'closed' : 'gone') as never);
    io.in(phoneRoom(id)).disconnectSockets(true);
    io.in(hostRoom(id)).disconnectSockets(true);
  }

  const sweeper = setInterval(() => {
    for (const { id, reason } of registry.sweep(Date.now())) forget(id, reason);
  }, config.sweepMs);
  sweeper.unref();

  function drop(socket: RelaySocket, reason: keyof Metrics['dropped']) {
    metrics.dropped[reason]++;
    socket.data.drops++;
    if (socket.data.drops >= config.dropLimit) {
      metrics.disconnectedForAbuse++;
      socket.disconnect(true);
    }
  }

  function refuse(ack: unknown, error: keyof Metrics['refused'] | 'busy') {
    if (error !== 'busy') metrics.refused[error]++;
    if (typeof ack === 'function') (ack as Ack)({ ok: false, error });
  }

  /** The window keeps the IV only, never the frame (see frameIv): it outlives every frame it saw. */
  function ivFresh(room: string, frame: string): boolean {
    const seen = registry.rooms.get(room)?.ivs ?? remoteIvs.get(room)?.ivs;
    return seen ? seen.fresh(frame) : true;
  }

  io.on('connection', (raw) => {
    const socket = raw as unknown as RelaySocket;
    metrics.connections++;
    socket.data = {
      role: 'none',
      room: null,
      bucket: newBucket(config.phoneRate, Date.now()),
      drops: 0,
      remote: false,
    };
    const handshake = setTimeout(() => {
      if (socket.data.role === 'none') {
        metrics.handshakeTimeouts++;
        socket.disconnect(true);
      }
    }, config.handshakeMs);

    // Every incoming packet passes here first: unknown events and floods never reach a handler.
    socket.use(([event], next) => {
      if (typeof event !== 'string' || !EVENTS.has(event)) return drop(socket, 'unknownEvent');
      const rate = socket.data.role === 'host' ? config.hostRate : config.phoneRate;
      if (!takeToken(socket.data.bucket, rate, Date.now())) return drop(socket, 'rate');
      next();
    });

    const guard =
      <A extends unknown[]>(fn: (...args: A) => void | Promise<void>) =>
      (...args: A) => {
        try {
          const done = fn(...args);
          if (done instanceof Promise) done.catch(() => metrics.dropped.handlerError++);
        } catch {
          metrics.dropped.handlerError++;
        }
      };
    const on = (event: string, fn: (...args: unknown[]) => void | Promise<void>) =>
      (socket.on as (e: string, f: (...a: unknown[]) => void) => void)(event, guard(fn));

    on('create', async (args, ack) => {
      const { room, proof } = (args ?? {}) as { room?: unknown; proof?: unknown };
      if (socket.data.role !== 'none') return refuse(ack, 'busy');
      if (!isRoomId(room) || !isSecretHash(proof)) return refuse(ack, 'invalid');
      socket.data.role = 'host'; // claimed while the other processes are asked, so a second create waits its turn
      const elsewhere = await ask('kjk:exists', room);
      const owner = addresses.get(socket.conn) ?? '';
      const result = elsewhere.includes('taken') ? 'taken' : registry.create(room, proof, socket.id, Date.now(), owner);
      if (result !== 'ok' || !socket.connected) {
        socket.data.role = 'none';
        if (result === 'ok') registry.close(room, Date.now());
        return refuse(ack, result === 'ok' ? 'invalid' : result);
      }
      socket.data.room = room;
      socket.data.bucket = newBucket(config.hostRate, Date.now());
      metrics.roomsCreated++;
      clearTimeout(handshake);
      await socket.join(hostRoom(room));
      if (typeof ack === 'function') (ack as Ack)({ ok: true });
    });

    on('host', async (args, ack) => {
      const { room, secret } = (args ?? {}) as { room?: unknown; secret?: unknown };
      if (socket.data.role !== 'none') return refuse(ack, 'busy');
      if (!isRoomId(room) || !isSecret(secret)) return refuse(ack, 'invalid');
      socket.data.role = 'host';
      let result: string;
      const local = registry.rooms.has(room) || registry.tombstones.has(room);
      if (local) {
        const previous = registry.rooms.get(room)?.host ?? null;
        result = registry.rehost(room, secret, socket.id);
        // The old socket of the same presenter (not yet timed out) no longer steers, wherever it is.
        if (result === 'ok' && previous && previous !== socket.id) io.in(previous).disconnectSockets(true);
      } else {
        // The hash, not the secret: whoever reads Redis must not be able to steer the room.
        const answers = await ask('kjk:host', { room, proof: secretHash(secret), id: socket.id });
        result = (['ok', 'denied', 'closed'] as const).find((a) => answers.includes(a)) ?? 'unknown';
      }
      if (result !== 'ok' || !socket.connected) {
        socket.data.role = 'none';
        if (result === 'ok') io.serverSideEmit('kjk:host-left', { room, id: socket.id });
        return refuse(ack, result as 'unknown' | 'denied' | 'closed');
      }
      if (!local) {
        socket.data.remote = true;
        const entry = remoteIvs.get(room) ?? { ivs: new ReplayWindow(config.replayWindow), sockets: 0 };
        entry.sockets++;
        remoteIvs.set(room, entry);
      }
      socket.data.room = room;
      socket.data.bucket = newBucket(config.hostRate, Date.now());
      clearTimeout(handshake);
      await socket.join(hostRoom(room));
      if (typeof ack === 'function') (ack as Ack)({ ok: true });
      if (local) io.to(phoneRoom(room)).emit('room' as never, 'back' as never);
    });

    on('join', async (args, ack) => {
      const { room } = (args ?? {}) as { room?: unknown };
      if (socket.data.role !== 'none') return refuse(ack, 'busy');
      if (!isRoomId(room)) return refuse(ack, 'invalid');
      socket.data.role = 'phone';
      const { result, remote } = await admit(room);
      if (result !== 'ok') {
        socket.data.role = 'none';
        return refuse(ack, result);
      }
      if (!socket.connected) {
        if (remote) io.serverSideEmit('kjk:release', room);
        else registry.release(room);
        return;
      }
      socket.data.room = room;
      socket.data.remote = remote;
      if (remote) {
        const entry = remoteIvs.get(room) ?? { ivs: new ReplayWindow(config.replayWindow), sockets: 0 };
        entry.sockets++;
        remoteIvs.set(room, entry);
      }
      clearTimeout(handshake);
      await socket.join(phoneRoom(room));
      const host = remote ? true : registry.rooms.get(room)?.host != null;
      if (typeof ack === 'function') (ack as Ack)({ ok: true, host });
      io.to(hostRoom(room)).emit('peer' as never, socket.id as never, true as never);
    });

    on('up', (frame) => {
      const room = socket.data.room;
      if (socket.data.role !== 'phone' || !room)
        return drop(socket, socket.data.role === 'host' ? 'spoofed' : 'notInRoom');
      if (typeof frame === 'string' && frame.length > ROOM_LIMITS.frameMaxChars) return drop(socket, 'oversize');
      if (!isFrame(frame)) return drop(socket, 'malformed');
      if (!ivFresh(room, frame)) return drop(socket, 'replay');
      const record = registry.rooms.get(room);
      if (record) record.activeAt = Date.now();
      metrics.framesUp++;
      io.to(hostRoom(room)).emit('up' as never, socket.id as never, frame as never);
    });

    on('down', (frame, to) => {
      const room = socket.data.room;
      // Only the presenter's socket steers: a phone holds the key and could forge a presenter message, so its down frames never go out.
      if (socket.data.role !== 'host' || !room)
        return drop(socket, socket.data.role === 'phone' ? 'spoofed' : 'notInRoom');
      if (typeof frame === 'string' && frame.length > ROOM_LIMITS.frameMaxChars) return drop(socket, 'oversize');
      if (!isFrame(frame)) return drop(socket, 'malformed');
      if (to !== undefined && (typeof to !== 'string' || !SOCKET_ID.test(to))) return drop(socket, 'malformed');
      if (!ivFresh(room, frame)) return drop(socket, 'replay');
      const record = registry.rooms.get(room);
      if (record) record.activeAt = Date.now();
      metrics.framesDown++;
      if (to === undefined) {
        io.to(phoneRoom(room)).emit('down' as never, frame as never);
        return;
      }
      const target = io.sockets.sockets.get(to);
      // A local target must be a phone of this room. A remote one cannot read another room's frame anyway (the room id is in the AEAD data).
      if (target && !target.rooms.has(phoneRoom(room))) return drop(socket, 'spoofed');
      io.to(to).emit('down' as never, frame as never);
    });

    on('close', (first, second) => {
      const ack = typeof first === 'function' ? first : second;
      const room = socket.data.room;
      if (socket.data.role !== 'host' || !room) {
        drop(socket, socket.data.role === 'phone' ? 'spoofed' : 'notInRoom');
        return refuse(ack, 'denied');
      }
      if (socket.data.remote) io.serverSideEmit('kjk:close', { room, id: socket.id });
      else registry.close(room, Date.now());
      if (typeof ack === 'function') (ack as Ack)({ ok: true });
      // The sweep tells the phones "closed" and disconnects them within sweepMs.
    });

    socket.on('disconnect', (reason) => {
      clearTimeout(handshake);
      if (reason === 'parse error' || reason === 'transport error') metrics.transportErrors++;
      const { room, role, remote } = socket.data;
      if (!room) return;
      if (role === 'phone') {
        if (remote) {
          io.serverSideEmit('kjk:release', room);
          const entry = remoteIvs.get(room);
          if (entry && --entry.sockets <= 0) remoteIvs.delete(room);
        } else registry.release(room);
        io.to(hostRoom(room)).emit('peer' as never, socket.id as never, false as never);
      } else if (role === 'host') {
        if (remote) {
          io.serverSideEmit('kjk:host-left', { room, id: socket.id });
          const entry = remoteIvs.get(room);
          if (entry && --entry.sockets <= 0) remoteIvs.delete(room);
        } else if (registry.hostLeft(room, socket.id, Date.now()))
          io.to(phoneRoom(room)).emit('room' as never, 'away' as never);
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;

  return {
    url: `http://${shownHost}:${port}`,
    port,
    metrics,
    io,
    http,
    snapshot,
    async close() {
      clearInterval(sweeper);
      // A clean "server disconnect" tells every client the rooms are gone (not a network blip to retry).
      io.disconnectSockets();
      await new Promise((resolve) => setTimeout(resolve, 200)); // let those packets leave before the sockets close
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.allSettled(redisClients.map((c) => c.quit()));
    },
  };
}
