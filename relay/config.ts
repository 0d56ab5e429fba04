/**
 * The relay's settings from the environment, with defaults that suit one machine. A wrong value
 * stops the start with a message naming the variable, never a silent fallback.
 */
import { ROOM_LIMITS } from '../src/lib/room/limits.ts';
import { parseOrigins, parseProxies, type Rate, type RoomBounds } from './core.ts';

export interface RelayConfig extends RoomBounds {
  host: string;
  port: number;
  /** Allowed Origin values: the site's own origin(s). */
  origins: string[];
  /** Several relay processes share rooms through Redis when set. */
  redisUrl: string | null;
  /** A socket must create, host or join a room within this time. */
  handshakeMs: number;
  maxConnections: number;
  /** Sockets one client address may hold: a classroom behind one router must still fit one room. */
  connectionsPerAddress: number;
  /** Proxies whose X-Forwarded-For / X-Real-IP name the client; nobody else's headers are believed. */
  trustedProxies: string[];
  /**
   * Bytes waiting for one socket (the engine's queue plus the WebSocket's) above which it is cut:
   * a client that stops reading would otherwise hold every frame of its room in our memory.
   */
  sendBufferBytes: number;
  /**
   * Bytes waiting across all sockets above which the largest queues are cut: sendBufferBytes
   * times every socket would be far over the systemd unit's MemoryMax.
   */
  unsentBudgetBytes: number;
  phoneRate: Rate;
  /** The presenter answers every phone that joins, so it may send more. */
  hostRate: Rate;
  /** A socket with this many dropped frames is disconnected. */
  dropLimit: number;
  /** socket.io's cap on one HTTP or WebSocket message; frames above the app cap are dropped below this. */
  maxHttpBufferSize: number;
  /** How often forgotten rooms are swept. */
  sweepMs: number;
}

export const DEFAULTS: RelayConfig = {
  host: '127.0.0.1',
  port: 4322,
  origins: ['http://127.0.0.1:4321', 'http://localhost:4321'],
  redisUrl: null,
  maxRooms: 500,
  phonesPerRoom: ROOM_LIMITS.phonesPerRoom,
  graceMs: 60_000,
  idleMs: 3 * 60 * 60_000,
  replayWindow: 4096,
  handshakeMs: 10_000,
  maxConnections: 5000,
  connectionsPerAddress: 300,
  roomsPerAddress: 10,
  trustedProxies: [],
  sendBufferBytes: 256 * 1024,
  unsentBudgetBytes: 96 * 2 ** 20,
  phoneRate: { burst: 10, perSecond: 5 },
  hostRate: { burst: 400, perSecond: 200 },
  dropLimit: 200,
  maxHttpBufferSize: 16 * 1024,
  sweepMs: 1000,
};

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name}="${text}": expected a whole number from ${min} to ${max}`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  const redisUrl = env.KJK_RELAY_REDIS_URL?.trim() || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl))
    throw new Error(`KJK_RELAY_REDIS_URL="${redisUrl}": expected redis://host:port`);
  const config: RelayConfig = {
    ...DEFAULTS,
    host: env.KJK_RELAY_HOST?.trim() || DEFAULTS.host,
    port: int(env, 'KJK_RELAY_PORT', DEFAULTS.port, 0, 65535),
    origins: env.KJK_RELAY_ORIGIN ? parseOrigins(env.KJK_RELAY_ORIGIN) : DEFAULTS.origins,
    redisUrl,
    graceMs: int(env, 'KJK_RELAY_GRACE_MS', DEFAULTS.graceMs, 0, 3_600_000),
    idleMs: int(env, 'KJK_RELAY_IDLE_MS', DEFAULTS.idleMs, 1000, 24 * 3_600_000),
    maxRooms: int(env, 'KJK_RELAY_MAX_ROOMS', DEFAULTS.maxRooms, 1, 100_000),
    maxConnections: int(env, 'KJK_RELAY_MAX_CONNECTIONS', DEFAULTS.maxConnections, 1, 1_000_000),
    connectionsPerAddress: int(env, 'KJK_RELAY_CONNECTIONS_PER_ADDRESS', DEFAULTS.connectionsPerAddress, 1, 1_000_000),
    roomsPerAddress: int(env, 'KJK_RELAY_ROOMS_PER_ADDRESS', DEFAULTS.roomsPerAddress, 1, 100_000),
    // At least four sockets' own bound: a smaller budget would cut honest phones all the time.
    unsentBudgetBytes: int(
      env,
      'KJK_RELAY_UNSENT_BUDGET_BYTES',
      DEFAULTS.unsentBudgetBytes,
      4 * DEFAULTS.sendBufferBytes,
      2 ** 40,
    ),
    trustedProxies: env.KJK_RELAY_TRUSTED_PROXY?.trim()
      ? parseProxies(env.KJK_RELAY_TRUSTED_PROXY)
      : DEFAULTS.trustedProxies,
  };
  const phonesPerRoom = int(env, 'KJK_RELAY_PHONES_PER_ROOM', DEFAULTS.phonesPerRoom, 1, ROOM_LIMITS.phonesPerRoomMax);
  return { ...config, phonesPerRoom, hostRate: hostRateFor(phonesPerRoom) };
}

/**
 * The presenter answers every phone that joins (its own position, directly): when a plenary's
 * phones all come back at once (a relay restart, the hall's Wi-Fi back), its burst must hold a
 * reply to each, or the relay would drop them and then cut the presenter for dropped frames.
 */
export function hostRateFor(phonesPerRoom: number): Rate {
  return { ...DEFAULTS.hostRate, burst: Math.max(DEFAULTS.hostRate.burst, 2 * phonesPerRoom) };
}
