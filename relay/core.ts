/**
 * The relay's own rules as plain functions and small data structures, without sockets: bounds,
 * the Origin check, the room registry. relay.ts wires them to socket.io; tests/relay/core.test.ts
 * checks them directly.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIPv4, isIPv6, SocketAddress } from 'node:net';
import { ROOM_LIMITS } from '../src/lib/room/limits.ts';
import { base64urlToBytes, frameIv, isToken } from '../src/lib/room/wire.ts';

export interface Rate {
  /** Frames a socket may send at once. */
  burst: number;
  /** Frames per second it earns back. */
  perSecond: number;
}

export interface Bucket {
  tokens: number;
  at: number;
}

export function newBucket(rate: Rate, now: number): Bucket {
  return { tokens: rate.burst, at: now };
}

/** Token bucket: true when the frame may pass (and takes its token). */
export function takeToken(bucket: Bucket, rate: Rate, now: number): boolean {
  const elapsed = Math.max(0, now - bucket.at) / 1000;
  bucket.tokens = Math.min(rate.burst, bucket.tokens + elapsed * rate.perSecond);
  bucket.at = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/**
 * Browsers always send Origin on a WebSocket or cross-origin request, so a page on another site
 * cannot use a visitor's browser to fill our rooms. A client without Origin is not a browser on
 * our site; it is refused too (a script can fake the header, which is why the other bounds exist).
 */
export function isAllowedOrigin(origin: unknown, allowed: readonly string[]): boolean {
  return typeof origin === 'string' && allowed.includes(origin);
}

/**
 * The whole check on a request's headers. Browsers leave Origin off a same-origin GET, which is
 * what socket.io's long-polling sends when the relay sits behind the site's own address
 * (/relay/socket.io/): such a request passes when the browser marks it same-origin
 * (Sec-Fetch-Site) and its Host is the host of an allowed origin. A cross-site request from a
 * browser always carries Origin or "Sec-Fetch-Site: cross-site".
 */
export function isAllowedRequest(
  headers: Record<string, string | string[] | undefined>,
  allowed: readonly string[],
): boolean {
  const origin = headers.origin;
  if (origin !== undefined) return isAllowedOrigin(origin, allowed);
  if (headers['sec-fetch-site'] !== 'same-origin' || typeof headers.host !== 'string') return false;
  const host = headers.host.toLowerCase();
  return allowed.some((o) => new URL(o).host === host);
}

/** Parses KJK_RELAY_ORIGIN: comma-separated origins, each exactly scheme://host[:port]. */
export function parseOrigins(text: string): string[] {
  const origins = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!origins.length) throw new Error('KJK_RELAY_ORIGIN names no origin');
  for (const o of origins) {
    let url: URL;
    try {
      url = new URL(o);
    } catch {
      throw new Error(`KJK_RELAY_ORIGIN: "${o}" is not an origin like https://kenjekracht.example`);
    }
    if (url.origin !== o) throw new Error(`KJK_RELAY_ORIGIN: "${o}" is not an origin; did you mean "${url.origin}"?`);
  }
  return origins;
}

/** The hash a presenter registers at creation: SHA-256 of its secret's bytes, base64url. */
export function secretHash(secret: string): string {
  return createHash('sha256')
    .update(base64urlToBytes(secret) ?? new Uint8Array())
    .digest('base64url');
}

export function isSecret(value: unknown): value is string {
  return isToken(value, ROOM_LIMITS.secretBytes);
}

/** A SHA-256 in base64url: what `create` carries instead of the secret. */
export function isSecretHash(value: unknown): value is string {
  return isToken(value, 32);
}

/** Compares a secret with a registered hash in constant time. */
export function secretMatches(secret: string, hash: string): boolean {
  return hashesMatch(secretHash(secret), hash);
}

/** Compares two secret hashes in constant time. */
export function hashesMatch(hash: string, registered: string): boolean {
  const a = Buffer.from(hash);
  const b = Buffer.from(registered);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** An IP address (one of the bounds' keys' parts) in one spelling, or null when the text is not one. */
export function canonicalAddress(text: string | undefined): string | null {
  let a = (text ?? '').trim();
  // "[v6]" or "[v6]:port" (some proxies write it so), "v4:port"; a zone id ("%eth0") names only the interface.
  const bracketed = /^\[([^\]]*)\](?::\d{1,5})?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  if (isIPv4(a)) return a;
  if (!isIPv6(a)) return null;
  let v6: string;
  try {
    // inet_ntop's spelling: lower case, "::" for the longest run of zeros, no zone id.
    v6 = new SocketAddress({ address: a, family: 'ipv6' }).address;
  } catch {
    return null;
  }
  // An IPv4 client seen on an IPv6 socket is the same client.
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6)?.[1] ?? v6;
}

/** The eight 16-bit groups of an IPv6 address as SocketAddress spells it. */
function ipv6Groups(v6: string): number[] {
  const [head = '', tail] = v6.split('::');
  const part = (s: string) => (s ? s.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const h = part(head);
  const t = part(tail ?? '');
  return tail === undefined ? h : [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
}

/**
 * What the per-address bounds count by: an IPv4 address, or an IPv6 address's /64. A provider
 * gives one machine (one VPS, one home line) a whole /64, so counting each IPv6 address would
 * hand one attacker 2^64 shares. Null when the text is not an address.
 */
export function addressKey(text: string | undefined): string | null {
  const a = canonicalAddress(text);
  if (a === null || isIPv4(a)) return a;
  const groups = ipv6Groups(a);
  // NAT64's well-known prefix (64:ff9b::/96, RFC 6052): an IPv4 client seen by an IPv6-only host,
  // counted by its own IPv4 address (by its /64, all of the IPv4 internet would share one key).
  if (groups.slice(0, 6).join() === [0x64, 0xff9b, 0, 0, 0, 0].join())
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  const prefix = groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':');
  return `${new SocketAddress({ address: `${prefix}::`, family: 'ipv6' }).address}/64`;
}

/**
 * The client's key for the per-address bounds (addressKey). The proxy's headers count only when
 * the connection comes from a configured proxy: anyone else could write any address there. Of
 * X-Forwarded-For the last entry is the one the proxy added (what the client sent comes before
 * it); X-Real-IP is used when there is no X-Forwarded-For. A header that holds no address counts
 * as absent: the connection's own address is used.
 */
export function clientAddress(
  remote: string | undefined,
  headers: Record<string, string | string[] | undefined>,
  trustedProxies: readonly string[],
): string {
  const direct = canonicalAddress(remote);
  const own = addressKey(remote) ?? '';
  if (direct === null || !trustedProxies.includes(direct)) return own;
  const one = (h: string | string[] | undefined) => (Array.isArray(h) ? h.join(',') : h);
  const forwarded = one(headers['x-forwarded-for'])
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  return addressKey(forwarded) ?? addressKey(one(headers['x-real-ip'])) ?? own;
}

/** Parses KJK_RELAY_TRUSTED_PROXY: comma-separated IP addresses (each exact, never a /64). */
export function parseProxies(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((p) => {
      const a = canonicalAddress(p);
      if (a === null) throw new Error(`KJK_RELAY_TRUSTED_PROXY: "${p}" is not an IP address`);
      return a;
    });
}

/** Live counts per client address (connections, rooms); an address at zero is forgotten. */
export class AddressCounts {
  readonly #counts = new Map<string, number>();
  get(address: string): number {
    return this.#counts.get(address) ?? 0;
  }
  add(address: string): void {
    this.#counts.set(address, this.get(address) + 1);
  }
  remove(address: string): void {
    const n = this.get(address) - 1;
    if (n > 0) this.#counts.set(address, n);
    else this.#counts.delete(address);
  }
  get size(): number {
    return this.#counts.size;
  }
}

/**
 * The bytes waiting across all sockets, against one budget for the whole relay: the per-socket
 * bound alone allows sockets × bound (5,000 × 256 KB), far over the memory one process has. Each
 * socket reports what waits for it whenever it sends (O(1)); only when the total passes the budget
 * are all sockets measured again and the largest queues cut, down to three quarters of the budget,
 * so whoever fills it pays a quarter of the budget in new bytes for every such pass (an eighth,
 * when the scan finds the figures were stale).
 */
export class UnsentBytes<K> {
  readonly budget: number;
  readonly #bytes = new Map<K, number>();
  #total = 0;
  constructor(budget: number) {
    this.budget = budget;
  }
  get total(): number {
    return this.#total;
  }
  /**
   * Records what waits for `key` now. Returns the keys to cut, largest first (forgotten here
   * already), when the total passes the budget; `measure` tells what waits for any key now.
   */
  set(key: K, bytes: number, measure: (key: K) => number): K[] {
    this.#put(key, bytes);
    if (this.#total <= this.budget) return [];
    // The figures of sockets that have drained since they last sent are stale: measure them all.
    for (const k of this.#bytes.keys()) this.#put(k, measure(k));
    // Under seven eighths, the next scan waits until an eighth of the budget has been reported
    // anew; between seven eighths and the budget, cut as if over it. Otherwise a client that holds
    // the real total just under the budget would make every packet of every room scan all sockets.
    if (this.#total <= (this.budget * 7) / 8) return [];
    const cut: K[] = [];
    const largest = [...this.#bytes].sort((a, b) => b[1] - a[1]);
    for (const [k] of largest) {
      if (this.#total <= (this.budget * 3) / 4) break;
      this.delete(k);
      cut.push(k);
    }
    return cut;
  }
  delete(key: K): void {
    this.#total -= this.#bytes.get(key) ?? 0;
    this.#bytes.delete(key);
  }
  #put(key: K, bytes: number): void {
    this.#total += bytes - (this.#bytes.get(key) ?? 0);
    this.#bytes.set(key, bytes);
  }
}

/** The last `limit` items seen, for replay detection: a frame's IV is random, so a repeat is a replay. */
export class RecentSet {
  readonly #limit: number;
  #items = new Set<string>();
  constructor(limit: number) {
    this.#limit = limit;
  }
  /** Adds the item; false when it was already there. */
  add(item: string): boolean {
    if (this.#items.has(item)) return false;
    this.#items.add(item);
    if (this.#items.size > this.#limit) this.#items.delete(this.#items.values().next().value as string);
    return true;
  }
  get size(): number {
    return this.#items.size;
  }
}

/**
 * A room's replay check: the IVs of its last `limit` frames. It keeps each IV as a string of its
 * own (frameIv), never a slice of the frame, so a remembered frame costs tens of bytes instead of
 * the frame's kilobytes (tests/relay/replay-memory.test.ts).
 */
export class ReplayWindow {
  readonly #ivs: RecentSet;
  constructor(limit: number) {
    this.#ivs = new RecentSet(limit);
  }
  /** Remembers the frame's IV; false when the window already holds it (a replay). */
  fresh(frame: string): boolean {
    return this.#ivs.add(frameIv(frame));
  }
  get size(): number {
    return this.#ivs.size;
  }
}

export interface RoomRecord {
  /** SHA-256 of the presenter's secret. */
  proof: string;
  /** SHA-256 of each join token a phone may show: the link's, and those the presenter granted. */
  joins: string[];
  /** The presenter's socket id, while it is connected. */
  host: string | null;
  /** Phones admitted (on every relay process). */
  phones: number;
  /** Closed by its presenter: kept only as a tombstone so phones hear "closed", not "unknown". */
  closed: boolean;
  /** When the room is forgotten: set when the presenter leaves or closes it. */
  forgetAt: number | null;
  /** The last frame in either direction, for the idle timeout. */
  activeAt: number;
  ivs: ReplayWindow;
  /** The creating client's address, for the rooms-per-address bound. */
  owner: string;
}

export interface RoomBounds {
  maxRooms: number;
  phonesPerRoom: number;
  /** How long a room waits for its presenter to come back. */
  graceMs: number;
  /** A room with no frame for this long is closed. */
  idleMs: number;
  /** Remembered frame IVs per room. */
  replayWindow: number;
  /** Rooms one client address may hold at once (including rooms waiting for their presenter). */
  roomsPerAddress: number;
}

export type CreateResult = 'ok' | 'taken' | 'limit';
export type AdmitResult = 'ok' | 'unknown' | 'full' | 'closed' | 'denied';

/** The rooms this process owns (created here), and the ids recently forgotten. */
export class Registry {
  readonly rooms = new Map<string, RoomRecord>();
  /** Forgotten room ids → when they may be reused: a phone that knows an old id cannot take the room over. */
  readonly tombstones = new Map<string, number>();
  readonly bounds: RoomBounds;
  readonly #owners = new AddressCounts();
  constructor(bounds: RoomBounds) {
    this.bounds = bounds;
  }

  /** Live rooms (not closed). */
  get open(): number {
    let n = 0;
    for (const r of this.rooms.values()) if (!r.closed) n++;
    return n;
  }

  /** Rooms the address holds now. */
  roomsOf(owner: string): number {
    return this.#owners.get(owner);
  }

  /** `join`: the SHA-256 of the link's join token; without it no phone is admitted until one is granted. */
  create(id: string, proof: string, host: string, now: number, owner = '', join?: string): CreateResult {
    if (this.rooms.has(id) || this.tombstones.has(id)) return 'taken';
    if (this.rooms.size >= this.bounds.maxRooms) return 'limit';
    // One client cannot take the whole table: others can still open a room.
    if (this.#owners.get(owner) >= this.bounds.roomsPerAddress) return 'limit';
    this.#owners.add(owner);
    this.rooms.set(id, {
      owner,
      proof,
      joins: join ? [join] : [],
      host,
      phones: 0,
      closed: false,
      forgetAt: null,
      activeAt: now,
      ivs: new ReplayWindow(this.bounds.replayWindow),
    });
    return 'ok';
  }

  /** A phone with the SHA-256 of its join token: refused without a place unless the room knows the token. */
  admit(id: string, proof: string | null = null): AdmitResult {
    const room = this.rooms.get(id);
    if (!room) return this.tombstones.has(id) ? 'closed' : 'unknown';
    if (room.closed) return 'closed';
    if (proof === null || !room.joins.some((hash) => hashesMatch(proof, hash))) return 'denied';
    if (room.phones >= this.bounds.phonesPerRoom) return 'full';
    room.phones++;
    return 'ok';
  }

  release(id: string): void {
    const room = this.rooms.get(id);
    if (room && room.phones > 0) room.phones--;
  }

  /** The presenter comes back with its secret. */
  rehost(id: string, secret: string, host: string): 'ok' | 'unknown' | 'denied' | 'closed' {
    return this.rehostWithHash(id, secretHash(secret), host);
  }

  /** The same with the secret's hash: what another relay process sends, so the secret never crosses Redis. */
  rehostWithHash(id: string, hash: string, host: string): 'ok' | 'unknown' | 'denied' | 'closed' {
    const room = this.rooms.get(id);
    if (!room) return this.tombstones.has(id) ? 'closed' : 'unknown';
    if (!hashesMatch(hash, room.proof)) return 'denied';
    if (room.closed) return 'closed';
    room.host = host;
    room.forgetAt = null;
    return 'ok';
  }

  /** The current presenter lets one more join token in (a code joiner's); bounded per room. */
  grant(id: string, host: string, proof: string): 'ok' | 'unknown' | 'denied' | 'limit' {
    const room = this.rooms.get(id);
    if (!room || room.closed) return 'unknown';
    if (room.host !== host) return 'denied';
    if (room.joins.some((hash) => hashesMatch(proof, hash))) return 'ok';
    if (room.joins.length >= ROOM_LIMITS.joinProofsPerRoom) return 'limit';
    room.joins.push(proof);
    return 'ok';
  }

  /**
   * The presenter's socket is gone: wait `graceMs` for it to come back. Returns whether its phones
   * should hear "away": not for a closed room, whose end they already heard (its presenter's socket
   * drops right after the close).
   */
  hostLeft(id: string, host: string, now: number): boolean {
    const room = this.rooms.get(id);
    if (!room || room.host !== host) return false;
    room.host = null;
    if (room.closed) return false;
    if (room.forgetAt === null) room.forgetAt = now + this.bounds.graceMs;
    return true;
  }

  close(id: string, now: number): void {
    const room = this.rooms.get(id);
    if (!room) return;
    room.closed = true;
    room.forgetAt = now;
  }

  /** Forgets rooms whose time is up; returns them with whether they had been closed by the presenter. */
  sweep(now: number): { id: string; reason: 'gone' | 'idle' | 'closed' }[] {
    const out: { id: string; reason: 'gone' | 'idle' | 'closed' }[] = [];
    for (const [id, room] of this.rooms) {
      const idle = now - room.activeAt > this.bounds.idleMs;
      if ((room.forgetAt !== null && now >= room.forgetAt) || idle) {
        this.rooms.delete(id);
        this.#owners.remove(room.owner);
        this.tombstones.set(id, now + Math.max(this.bounds.idleMs, this.bounds.graceMs));
        out.push({ id, reason: room.closed ? 'closed' : idle ? 'idle' : 'gone' });
      }
    }
    for (const [id, until] of this.tombstones) if (now >= until) this.tombstones.delete(id);
    // Bounded even under a flood of short-lived rooms: the oldest tombstones go first.
    while (this.tombstones.size > this.bounds.maxRooms * 10)
      this.tombstones.delete(this.tombstones.keys().next().value as string);
    return out;
  }
}

/** Every number the relay exposes on /healthz. Counts only: never a room id, an address or a payload. */
export function newMetrics() {
  return {
    connections: 0,
    refusedOrigin: 0,
    refusedCapacity: 0,
    /** Connections refused because their address holds its share already. */
    refusedAddress: 0,
    /** Sockets cut because they stopped reading and their unsent data passed the bound. */
    cutSlow: 0,
    /** Sockets cut, largest queue first, because the bytes waiting across all sockets passed the relay's budget. */
    cutBudget: 0,
    handshakeTimeouts: 0,
    disconnectedForAbuse: 0,
    transportErrors: 0,
    roomsCreated: 0,
    roomsForgotten: 0,
    framesUp: 0,
    framesDown: 0,
    /** Code channels opened by presenters, and handshake messages passed each way. */
    codesOpened: 0,
    codeUp: 0,
    codeDown: 0,
    dropped: {
      oversize: 0,
      malformed: 0,
      rate: 0,
      spoofed: 0,
      replay: 0,
      notInRoom: 0,
      unknownEvent: 0,
      handlerError: 0,
    },
    refused: { unknown: 0, full: 0, closed: 0, taken: 0, limit: 0, denied: 0, invalid: 0 },
  };
}
export type Metrics = ReturnType<typeof newMetrics>;

export function droppedTotal(m: Metrics): number {
  return Object.values(m.dropped).reduce((a, b) => a + b, 0);
}
