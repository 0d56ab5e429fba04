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
 * Wire events (typed in src/lib/room/wire.ts; client → relay):
 *   create({ room, proof, join? }, ack)  proof = base64url SHA-256 of the presenter's secret,
 *                                 join = SHA-256 of the link's join token (no phone is admitted without one)
 *   host({ room, secret }, ack)   the presenter again, after a reconnect
 *   grant({ proof }, ack)         the presenter admits one more join token (a code joiner's), by its SHA-256
 *   join({ room, token }, ack)    a phone, with the join token derived from the room key
 *   up(frame)                     phone → presenter
 *   down(frame, to?)              presenter → all phones, or the phone with socket id `to`
 *   close(ack?)                   the presenter ends the room
 *   code-open({ nameplate }, ack) the presenter opens its typed code's channel (docs/room-code.md)
 *   code-close(ack?)              … and closes it
 *   code-up({ nameplate, message }, ack)  a phone's handshake message, to the presenter of that nameplate
 *   code-down(peer, message)      the presenter's handshake message, to that phone
 * relay → client:
 *   up(peer, frame)               to the presenter; peer = the phone's socket id
 *   peer(peer, present)           to the presenter: a phone came or went
 *   down(frame)                   to phones
 *   room(state)                   to phones: 'away' | 'back' | 'closed' | 'gone'
 *   code-up(peer, message)        to the presenter;  code-down(message)  to a phone in a handshake
 * acks: { ok: true, host?: boolean } | { ok: false, error: 'invalid' | 'unknown' | 'full' | 'closed' | 'taken' | 'limit' | 'denied' | 'busy' }
 *
 * This file holds the HTTP server and the connection bounds; socket.ts the wire events; local.ts
 * the rooms created here; redis.ts the rooms shared with other processes.
 */
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { RelayConfig } from './config.ts';
import {
  AddressCounts,
  clientAddress,
  droppedTotal,
  isAllowedRequest,
  type Metrics,
  newMetrics,
  Registry,
  UnsentBytes,
} from './core.ts';
import type { RelayServer } from './events.ts';
import { PAKE_LIMITS } from '../src/lib/room/limits.ts';
import { localRooms } from './local.ts';
import { Nameplates } from './nameplates.ts';
import { answerPeers, connectRedis, remoteRooms } from './redis.ts';
import { handleSocket } from './socket.ts';

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
  io: RelayServer;
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

export async function startRelay(config: RelayConfig): Promise<Relay> {
  const metrics = newMetrics();
  const registry = new Registry(config);
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

  const io: RelayServer = new Server(http, {
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
  // One such socket is cut at sendBufferBytes; many together at unsentBudgetBytes, largest first.
  const unsent = new UnsentBytes<EngineConn>(config.unsentBudgetBytes);
  /** Bytes of the packets made for each connection since its last flush. */
  const queued = new Map<EngineConn, { bytes: number; cut: boolean }>();
  const waiting = (conn: EngineConn) => (queued.get(conn)?.bytes ?? 0) + bufferedBytes(conn);
  const cutOff = (conn: EngineConn) => {
    const q = queued.get(conn);
    if (q) q.cut = true;
    unsent.delete(conn);
    // close() would wait for the queue to drain, which a stalled client never lets happen.
    conn.transport.socket?.terminate?.();
    conn.close(true);
  };
  io.engine.on('connection', (conn: EngineConn) => {
    const address = addressOfRequest(conn.request);
    addresses.set(conn, address);
    perAddress.add(address);
    const q = { bytes: 0, cut: false };
    queued.set(conn, q);
    conn.on('packetCreate', (packet: { data?: unknown }) => {
      if (q.cut) return;
      q.bytes += typeof packet.data === 'string' ? packet.data.length : 64;
      const bytes = q.bytes + bufferedBytes(conn);
      if (bytes > config.sendBufferBytes) {
        metrics.cutSlow++;
        return cutOff(conn);
      }
      // A figure left from before a socket drained is stale; set() measures all before it cuts any.
      for (const other of unsent.set(conn, bytes, waiting)) {
        metrics.cutBudget++;
        cutOff(other);
      }
    });
    conn.on('flush', () => {
      q.bytes = 0;
    });
    conn.once('close', () => {
      perAddress.remove(address);
      queued.delete(conn);
      unsent.delete(conn);
    });
  });

  if (config.redisUrl) redisClients = await connectRedis(io, config.redisUrl);
  const local = localRooms(io, registry, metrics);
  const remote = remoteRooms(io, Boolean(config.redisUrl), config.replayWindow);
  const nameplates = new Nameplates(PAKE_LIMITS.nameplatesPerRelay);
  if (config.redisUrl) answerPeers(io, local, nameplates);

  const sweeper = setInterval(() => local.sweep(Date.now()), config.sweepMs);
  sweeper.unref();

  const context = {
    io,
    config,
    metrics,
    local,
    remote,
    nameplates,
    addressOf: (conn: object) => addresses.get(conn) ?? '',
  };
  io.on('connection', (socket) => handleSocket(socket, context));

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
