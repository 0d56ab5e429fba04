/**
 * One bad actor against the relay, over real sockets on loopback: clients that stop reading,
 * a flood of rooms from one address, and one socket that plays many phones. After each, honest
 * rooms must still work.
 */
import { randomBytes } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { RELAY_NODE_FLAGS } from '../../relay/node-flags.mjs';
import { hashPresenterSecret, newParticipantId, newPresenterSecret, newRoomId } from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { initialRoom, roomCounts, roomReducer } from '../../src/lib/room/reducer';
import { start } from './processes';
import { connected, health, ORIGIN, phone, presenter, request, sleep, testRelay, until } from './support';

const CARD = 'eigen-kracht-of-veiligheid';
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** A socket.io client from a given local address (127.0.0.x), optionally with a proxy header. */
function clientFrom(url: string, localAddress: string, headers: Record<string, string> = {}): Socket {
  const s = connect(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 5000,
    extraHeaders: { origin: ORIGIN, ...headers },
    localAddress,
  } as Parameters<typeof connect>[1]);
  cleanup.push(() => s.disconnect());
  return s;
}

async function createRoom(s: Socket): Promise<string> {
  try {
    await connected(s);
  } catch {
    return 'refused';
  }
  const reply = await request(s, 'create', {
    room: newRoomId(),
    proof: await hashPresenterSecret(newPresenterSecret()),
  }).catch(() => ({ ok: false as const, error: 'timeout' }));
  return reply.ok ? 'ok' : reply.error;
}

/** A frame of the largest size with a fresh IV: the relay checks its shape and IV, never its content. */
const BODY = 'A'.repeat(ROOM_LIMITS.frameMaxChars - 16);
const bigFrame = () => randomBytes(12).toString('base64url') + BODY;

/**
 * The relay in a process of its own (so its RSS is its own), with the presenter's rate raised so
 * the test fills the kernel's loopback buffers in seconds instead of minutes.
 */
async function relayProcess(overrides: Record<string, unknown>) {
  const script = `
    import { DEFAULTS } from './relay/config.ts';
    import { startRelay } from './relay/relay.ts';
    const r = await startRelay({ ...DEFAULTS, port: 0, origins: [${JSON.stringify(ORIGIN)}], ...${JSON.stringify(overrides)} });
    console.log('listening on ' + r.url + ' ');`;
  const child = await start(
    process.execPath,
    [...RELAY_NODE_FLAGS, '--input-type=module', '-e', script],
    /listening on (http:\/\/\S+) /,
  );
  cleanup.push(() => child.stop());
  return child.match[1]!;
}

describe('clients that stop reading', () => {
  it('are cut once their unsent data passes the bound; RSS stays bounded and honest rooms go on', async () => {
    const url = await relayProcess({ hostRate: { burst: 1e6, perSecond: 1e6 } });
    const rooms = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const p = await presenter(url);
        const honest = await phone(url, p.room, p.key);
        const stalled = await Promise.all(Array.from({ length: 4 }, () => phone(url, p.room, p.key)));
        cleanup.push(
          () => p.socket.disconnect(),
          () => honest.socket.disconnect(),
        );
        for (const s of stalled) {
          cleanup.push(() => s.socket.disconnect());
          // Stop reading at the TCP level: the relay's writes pile up as they would for a script that never reads.
          const ws = (s.socket.io.engine.transport as unknown as { ws: { _socket: { pause(): void } } }).ws;
          ws._socket.pause();
        }
        return { p, honest };
      }),
    );
    await until('all phones in', async () => (await health(url)).phones === 30);
    const rssBefore = (await health(url)).rssBytes;
    let peak = rssBefore;
    let h = await health(url);
    // Each presenter sends the largest frames as fast as its socket takes them, until every stalled
    // phone is cut or 40 s pass (the kernel's loopback buffers absorb many MB first).
    const deadline = Date.now() + 40_000;
    while (h.cutSlow < 24 && Date.now() < deadline) {
      for (const { p } of rooms) for (let i = 0; i < 50; i++) p.socket.emit('down', bigFrame());
      // Wait until the presenters' own sockets have handed the frames over, so the test's side stays small.
      await until('presenters flushed', () =>
        rooms.every(({ p }) => (p.socket.io.engine as unknown as { writeBuffer: unknown[] }).writeBuffer.length === 0),
      );
      h = await health(url);
      peak = Math.max(peak, h.rssBytes);
    }
    const grewMb = (peak - rssBefore) / 2 ** 20;
    console.log(
      `stalled phones: ${h.cutSlow} of 24 cut, relay RSS ${(rssBefore / 2 ** 20).toFixed(0)} → peak ${(peak / 2 ** 20).toFixed(0)} MB (+${grewMb.toFixed(0)})`,
    );
    expect(h.cutSlow).toBe(24);
    expect(grewMb).toBeLessThan(60);
    await until('stalled phones gone', async () => (await health(url)).phones === 6);

    // Every honest room still carries a vote up and the state down.
    for (const { p, honest } of rooms) {
      await honest.send({ t: 'join' });
      await honest.send({ t: 'vote', card: CARD, position: 42 });
      await p.send({ t: 'state', v: ROOM_LIMITS.version, seq: 1, card: CARD, phase: 'open', chosen: 1, joined: 1 });
    }
    for (const { p, honest } of rooms) {
      await until('the honest vote', () => p.received.some((r) => r.message.t === 'vote'));
      await until('the state on the honest phone', () => honest.received.some((m) => m.t === 'state'), 20_000);
      expect(honest.socket.connected).toBe(true);
    }
  }, 120_000);
});

describe('one address against the room table', () => {
  it('gets its share of rooms and connections; another address can still open rooms', async () => {
    const relay = await testRelay({ maxRooms: 30, roomsPerAddress: 10, connectionsPerAddress: 60 });
    cleanup.push(() => relay.close());
    // The flood: one script on 127.0.0.1, one socket per create (a socket may create only once).
    const flood = await Promise.all(Array.from({ length: 40 }, () => createRoom(clientFrom(relay.url, '127.0.0.1'))));
    expect(flood.filter((r) => r === 'ok')).toHaveLength(10);
    expect(flood.filter((r) => r === 'limit')).toHaveLength(30);
    // A presenter on another address still gets rooms.
    const other = await Promise.all(Array.from({ length: 10 }, () => createRoom(clientFrom(relay.url, '127.0.0.2'))));
    expect(other).toEqual(Array(10).fill('ok'));
    expect(relay.snapshot().rooms).toBe(20);

    // Connections: the flooder's address is refused above its share, the other one is not.
    const more = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const s = clientFrom(relay.url, '127.0.0.1');
        return connected(s).then(
          () => 'ok',
          () => 'refused',
        );
      }),
    );
    // The 40 flood sockets are still open: 20 more fit its 60.
    expect(more.filter((r) => r === 'ok')).toHaveLength(20);
    expect(relay.metrics.refusedAddress).toBe(10);
    await connected(clientFrom(relay.url, '127.0.0.3'));
  }, 60_000);

  it('believes X-Forwarded-For only from the configured proxy', async () => {
    // Without a trusted proxy, a forged header changes nothing: every socket counts as 127.0.0.1.
    const plain = await testRelay({ roomsPerAddress: 3 });
    cleanup.push(() => plain.close());
    const forged = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        createRoom(clientFrom(plain.url, '127.0.0.1', { 'x-forwarded-for': `10.0.0.${i}` })),
      ),
    );
    expect(forged.filter((r) => r === 'ok')).toHaveLength(3);

    // Behind a proxy on 127.0.0.1, the address it adds (the last one) is the client's.
    const proxied = await testRelay({ roomsPerAddress: 3, trustedProxies: ['127.0.0.1'] });
    cleanup.push(() => proxied.close());
    const one = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        createRoom(clientFrom(proxied.url, '127.0.0.1', { 'x-forwarded-for': `10.0.0.${i}, 192.0.2.7` })),
      ),
    );
    expect(one.filter((r) => r === 'ok')).toHaveLength(3);
    const another = await createRoom(clientFrom(proxied.url, '127.0.0.1', { 'x-forwarded-for': '192.0.2.8' }));
    expect(another).toBe('ok');
    // A client on another address that writes the header itself is not the proxy: its own address counts.
    const direct = await Promise.all(
      Array.from({ length: 4 }, () =>
        createRoom(clientFrom(proxied.url, '127.0.0.2', { 'x-forwarded-for': '192.0.2.9' })),
      ),
    );
    expect(direct.filter((r) => r === 'ok')).toHaveLength(3);
  }, 60_000);
});

describe('one socket, many phones', () => {
  it('joins once; fresh participant ids from it are one participant, and a replayed join does not bring a phone back', async () => {
    const relay = await testRelay();
    cleanup.push(() => relay.close());
    const p = await presenter(relay.url);
    cleanup.push(() => p.socket.disconnect());
    const mallory = await phone(relay.url, p.room, p.key);
    cleanup.push(() => mallory.socket.disconnect());
    // The relay lets a socket join (or create) only once.
    expect(await request(mallory.socket, 'join', { room: p.room })).toEqual({ ok: false, error: 'busy' });
    const other = await presenter(relay.url);
    cleanup.push(() => other.socket.disconnect());
    expect(await request(mallory.socket, 'join', { room: other.room })).toEqual({ ok: false, error: 'busy' });
    // Nine joins with fresh ids, paced under the phone rate.
    for (let i = 0; i < 9; i++) {
      mallory.pid = newParticipantId();
      await mallory.send({ t: 'join' });
      await sleep(220);
    }
    await until('nine joins at the presenter', () => p.received.length === 9);
    expect(new Set(p.received.map((r) => r.peer)).size).toBe(1);
    let state = initialRoom(CARD);
    for (const r of p.received) state = roomReducer(state, { type: 'phone', peer: r.peer, message: r.message });
    expect(roomCounts(state).joined).toBe(1);

    // An honest phone joins, votes and leaves; its old frames sent again are dropped by the relay,
    // and even a relay that passed them on would not bring it back.
    const ann = await phone(relay.url, p.room, p.key);
    cleanup.push(() => ann.socket.disconnect());
    const oldJoin = await ann.send({ t: 'join' });
    const oldVote = await ann.send({ t: 'vote', card: CARD, position: 70 });
    await ann.send({ t: 'leave' });
    await until('join, vote and leave', () => p.received.filter((r) => r.message.pid === ann.pid).length === 3);
    const replayer = await phone(relay.url, p.room, p.key);
    cleanup.push(() => replayer.socket.disconnect());
    const before = relay.metrics.dropped.replay;
    replayer.socket.emit('up', oldJoin);
    replayer.socket.emit('up', oldVote);
    await until('the replays dropped', () => relay.metrics.dropped.replay === before + 2);
    for (const r of p.received) state = roomReducer(state, { type: 'phone', peer: r.peer, message: r.message });
    const annFrames = p.received.filter((r) => r.message.pid === ann.pid);
    for (const r of annFrames.slice(0, 2))
      state = roomReducer(state, { type: 'phone', peer: 'replayed-by-a-relay', message: r.message });
    expect(roomCounts(state)).toEqual({ chosen: 0, joined: 1, online: 1 });
    expect(state.participants[ann.pid]).toBeUndefined();
    // The room still takes an honest vote.
    const bob = await phone(relay.url, p.room, p.key);
    cleanup.push(() => bob.socket.disconnect());
    await bob.send({ t: 'join' });
    await until('bob', () => p.received.some((r) => r.message.pid === bob.pid));
  }, 60_000);
});
