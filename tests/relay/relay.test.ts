/**
 * The relay against well-behaved and hostile clients, over real sockets. After every attack the
 * relay must still answer /healthz, count what it dropped, and carry an honest phone's vote.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Relay } from '../../relay/relay';
import { hashPresenterSecret, joinToken, newPresenterSecret, newRoomId, sealFrame } from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { initialRoom, roomCounts, roomReducer, stateMessage } from '../../src/lib/room/reducer';
import {
  client,
  connected,
  health,
  phone,
  presenter,
  request,
  sleep,
  testRelay,
  until,
  type Phone,
  type Presenter,
} from './support';

const CARD = 'eigen-kracht-of-veiligheid';
const open: { close(): unknown; disconnect?: () => unknown }[] = [];
const track = <T extends { socket: { disconnect(): unknown } }>(x: T): T => {
  open.push({ close: () => x.socket.disconnect() });
  return x;
};
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** An honest phone votes and the presenter must get it: the check that ends every attack. */
async function honestVoteArrives(relay: Relay, p: Presenter) {
  const ph = track(await phone(relay.url, p.room, p.key));
  await ph.send({ t: 'join' });
  await ph.send({ t: 'vote', card: CARD, position: 63 });
  await until('the honest vote', () => p.received.find((r) => r.message.t === 'vote' && r.message.pid === ph.pid));
  expect((await health(relay.url)).ok).toBe(1);
}

describe('a room of 50 phones', () => {
  let relay: Relay;
  beforeAll(async () => {
    relay = await testRelay();
  });
  afterAll(() => relay.close());

  it('carries every vote to the presenter, and the presenter state to every phone', async () => {
    const p = track(await presenter(relay.url));
    const phones = await Promise.all(Array.from({ length: 50 }, () => phone(relay.url, p.room, p.key)));
    phones.forEach(track);
    await Promise.all(phones.map((ph) => ph.send({ t: 'join' })));
    await Promise.all(phones.map((ph, i) => ph.send({ t: 'vote', card: CARD, position: i * 2 })));
    await until('50 joins and 50 votes', () => p.received.length === 100);
    expect(p.rejected).toBe(0);
    expect(p.peers.size).toBe(50);

    // The presenter's reducer sees 50 of 50, and its broadcast reaches everyone.
    let state = initialRoom(CARD);
    for (const r of p.received) state = roomReducer(state, { type: 'phone', peer: r.peer, message: r.message });
    expect(roomCounts(state)).toEqual({ chosen: 50, joined: 50, online: 50 });
    await p.send({ ...stateMessage(state), seq: 1 });
    await until('the state on every phone', () => phones.every((ph) => ph.received.length === 1));
    expect(phones[7]!.received[0]).toMatchObject({ t: 'state', chosen: 50, joined: 50, phase: 'open' });

    // A direct reply reaches one phone only.
    const target = p.received.find((r) => r.message.pid === phones[3]!.pid)!.peer;
    await p.send({ t: 'you', v: ROOM_LIMITS.version, seq: 2, pid: phones[3]!.pid, card: CARD, position: 6 }, target);
    await until('the direct reply', () => phones[3]!.received.length === 2);
    // A later broadcast reaches each phone after whatever was sent to it before (one socket, in
    // order): once every phone has it, a stray copy of the reply would have arrived too.
    await p.send({ ...stateMessage(state), seq: 3 });
    await until('the next state on every phone', () => phones.every((ph) => ph.received.some((m) => m.seq === 3)));
    expect(phones.filter((ph) => ph.received.some((m) => m.t === 'you'))).toEqual([phones[3]]);

    // The relay saw frames, not content.
    const h = await health(relay.url);
    expect(h.framesUp).toBeGreaterThanOrEqual(100);
    expect(h.droppedTotal).toBe(0);
  });

  it('tells the presenter when a phone leaves, and phones when the presenter is away and back', async () => {
    const p = track(await presenter(relay.url));
    const ph = track(await phone(relay.url, p.room, p.key));
    await until('peer present', () => p.peers.size === 1);
    const peer = [...p.peers.keys()][0]!;
    ph.socket.disconnect();
    await until('peer gone', () => p.peers.get(peer) === false);

    const ph2 = track(await phone(relay.url, p.room, p.key));
    p.socket.disconnect();
    await until('"away" on the phone', () => ph2.roomStates.includes('away'));
    // The presenter comes back with its secret and steers again.
    const again = track({ socket: client(relay.url) });
    await connected(again.socket);
    expect(await request(again.socket, 'host', { room: p.room, secret: p.secret })).toEqual({ ok: true });
    await until('"back" on the phone', () => ph2.roomStates.includes('back'));
    again.socket.emit(
      'down',
      await p.seal({
        t: 'state',
        v: ROOM_LIMITS.version,
        seq: 9,
        card: CARD,
        phase: 'open',
        chosen: 0,
        joined: 1,
      }),
    );
    await until('the state from the returned presenter', () => ph2.received.length === 1);
  });
});

describe('hostile clients', () => {
  let relay: Relay;
  let p: Presenter;
  let bystander: Phone;
  beforeAll(async () => {
    relay = await testRelay({ dropLimit: 50 });
    p = await presenter(relay.url);
    bystander = await phone(relay.url, p.room, p.key);
  });
  afterAll(async () => {
    p.socket.disconnect();
    bystander.socket.disconnect();
    await relay.close();
  });

  it('drops oversize frames and keeps the sender connected; cuts a socket off above the transport cap', async () => {
    const ph = track(await phone(relay.url, p.room, p.key));
    const before = (await health(relay.url)).dropped.oversize;
    ph.socket.emit('up', 'A'.repeat(5000));
    await until('oversize counted', async () => (await health(relay.url)).dropped.oversize === before + 1);
    expect(ph.socket.connected).toBe(true);
    const huge = track(await phone(relay.url, p.room, p.key));
    const gone = new Promise((r) => huge.socket.once('disconnect', r));
    huge.socket.emit('up', 'A'.repeat(200_000));
    await gone;
    await honestVoteArrives(relay, p);
  });

  it('rate-limits a flood, then disconnects the flooder; others are unaffected', async () => {
    const flooder = track(await phone(relay.url, p.room, p.key));
    const gone = new Promise((r) => flooder.socket.once('disconnect', r));
    const frame = await sealFrame(p.key, p.room, 'up', { t: 'join', v: ROOM_LIMITS.version, pid: flooder.pid, seq: 1 });
    for (let i = 0; i < 300 && flooder.socket.connected; i++)
      flooder.socket.emit('up', `${frame.slice(0, 16)}${frame.slice(16)}`);
    await gone;
    const h = await health(relay.url);
    expect(h.dropped.rate).toBeGreaterThan(0);
    expect(h.disconnectedForAbuse).toBeGreaterThanOrEqual(1);
    await honestVoteArrives(relay, p);
  });

  it('drops presenter messages from phones, and refuses them the room and the secret', async () => {
    const mallory = track(await phone(relay.url, p.room, p.key));
    let before = bystander.received.length;
    const fake = await sealFrame(p.key, p.room, 'down', {
      t: 'state',
      v: ROOM_LIMITS.version,
      seq: 99,
      card: 'doel-of-besparing',
      phase: 'closed',
      chosen: 0,
      joined: 0,
    });
    mallory.socket.emit('down', fake);
    mallory.socket.emit('close');
    await until('spoofs counted', async () => (await health(relay.url)).dropped.spoofed >= 2);
    // The relay has handled both. A real state sent now reaches the bystander after anything
    // the relay passed on from them (one socket, in order): once it is there, nothing else came.
    await p.send({ t: 'state', v: ROOM_LIMITS.version, seq: 50, card: CARD, phase: 'open', chosen: 0, joined: 0 });
    await until('the real state', () => bystander.received.some((m) => m.seq === 50));
    expect(bystander.received.length).toBe(before + 1);
    expect(bystander.roomStates).toEqual([]);
    before += 1;

    // Another socket cannot become the presenter: not with a guessed secret, not by re-creating the room.
    const thief = track({ socket: client(relay.url) });
    await connected(thief.socket);
    expect(await request(thief.socket, 'host', { room: p.room, secret: newPresenterSecret() })).toEqual({
      ok: false,
      error: 'denied',
    });
    const thief2 = track({ socket: client(relay.url) });
    await connected(thief2.socket);
    expect(
      await request(thief2.socket, 'create', { room: p.room, proof: await hashPresenterSecret(newPresenterSecret()) }),
    ).toEqual({
      ok: false,
      error: 'taken',
    });
    // A phone's up frame re-labelled as down fails on the phones (the direction is in the AEAD data).
    await honestVoteArrives(relay, p);
    expect(bystander.received.length).toBe(before);
  });

  it('drops replayed frames, upwards and downwards', async () => {
    const ph = track(await phone(relay.url, p.room, p.key));
    await ph.send({ t: 'join' });
    const frame = await ph.send({ t: 'vote', card: CARD, position: 10 });
    await until('the vote', () => p.received.some((r) => r.message.pid === ph.pid && r.message.t === 'vote'));
    const before = (await health(relay.url)).dropped.replay;
    ph.socket.emit('up', frame);
    // A phone replays a presenter frame it received, upwards.
    const down = await p.send({
      t: 'state',
      v: ROOM_LIMITS.version,
      seq: 100,
      card: CARD,
      phase: 'open',
      chosen: 0,
      joined: 0,
    });
    await until('the state', () => ph.received.length > 0);
    ph.socket.emit('up', down);
    p.socket.emit('down', down);
    await until('replays counted', async () => (await health(relay.url)).dropped.replay === before + 3);
    // Fresh frames sent now arrive after any replay the relay let through (each socket in order).
    await ph.send({ t: 'leave' });
    await until('the phone’s next frame', () =>
      p.received.some((r) => r.message.pid === ph.pid && r.message.t === 'leave'),
    );
    await p.send({ t: 'state', v: ROOM_LIMITS.version, seq: 101, card: CARD, phase: 'open', chosen: 0, joined: 0 });
    await until('the presenter’s next frame', () => ph.received.some((m) => m.seq === 101));
    expect(p.received.filter((r) => r.message.pid === ph.pid && r.message.t === 'vote')).toHaveLength(1);
    expect(ph.received).toHaveLength(2);
  });

  it('drops garbage: wrong types, huge arrays, unknown events, binary, broken packets', async () => {
    const ph = track(await phone(relay.url, p.room, p.key));
    const sent = p.received.length + p.rejected;
    const before = await health(relay.url);
    // Eight garbage frames and one binary one: within the phone's burst of ten, so each is judged on its shape, not its rate.
    const garbage: unknown[] = [
      42,
      null,
      { frame: 'x' },
      ['A'.repeat(40)],
      Array.from({ length: 1000 }, () => 1),
      'not base64 at all!!!!!!!!!!!!!!!!!!!!!',
      'A'.repeat(37),
      true,
    ];
    for (const g of garbage) ph.socket.emit('up', g);
    ph.socket.emit('up', new Uint8Array(64));
    ph.socket.emit('admin', { all: true });
    ph.socket.emit('__proto__', {});
    ph.socket.emit('join', { room: p.room }); // a second join on the same socket
    await until(
      'garbage counted',
      async () => (await health(relay.url)).dropped.malformed >= before.dropped.malformed + garbage.length + 1,
    );
    const after = await health(relay.url);
    expect(after.dropped.unknownEvent - before.dropped.unknownEvent).toBe(2);
    expect(ph.socket.connected).toBe(true);
    expect(p.received.length + p.rejected).toBe(sent);

    // Well-formed noise that is not a real frame passes the relay (it cannot tell) and fails on the presenter.
    await sleep(400); // the bucket refills
    ph.socket.emit('up', 'B'.repeat(100));
    await until('noise rejected by the presenter', () => p.rejected === 1);

    // Broken socket.io and engine.io packets close that socket only.
    for (const raw of ['4{"broken', '42["up"', '\u0000\u0001\u0002', '4' + '['.repeat(5000)]) {
      const s = track({ socket: client(relay.url) });
      await connected(s.socket);
      const gone = new Promise((r) => s.socket.once('disconnect', r));
      (s.socket.io.engine as unknown as { transport: { ws: { send(d: string): void } } }).transport.ws.send(raw);
      await gone;
    }
    expect((await health(relay.url)).transportErrors).toBeGreaterThanOrEqual(1);
    await honestVoteArrives(relay, p);
  });

  it('refuses unknown rooms and bad ids, and drops frames sent before joining', async () => {
    const s = track({ socket: client(relay.url) });
    await connected(s.socket);
    expect(await request(s.socket, 'join', { room: newRoomId() })).toEqual({ ok: false, error: 'unknown' });
    expect(await request(s.socket, 'join', { room: '../../etc' })).toEqual({ ok: false, error: 'invalid' });
    expect(await request(s.socket, 'join', 'x'.repeat(1000))).toEqual({ ok: false, error: 'invalid' });
    expect(await request(s.socket, 'create', { room: newRoomId(), proof: 'short' })).toEqual({
      ok: false,
      error: 'invalid',
    });
    const before = (await health(relay.url)).dropped.notInRoom;
    s.socket.emit('up', 'A'.repeat(40));
    s.socket.emit('down', 'A'.repeat(40));
    await until('not-in-room counted', async () => (await health(relay.url)).dropped.notInRoom === before + 2);
    await honestVoteArrives(relay, p);
  });

  it('refuses a wrong Origin, a missing one, and a polling client from elsewhere', async () => {
    const before = (await health(relay.url)).refusedOrigin;
    for (const origin of ['http://evil.example', 'null', null]) {
      const s = client(relay.url, origin);
      await expect(connected(s)).rejects.toThrow();
      s.close();
    }
    const polling = client(relay.url, 'https://kenjekracht.example.evil.example', ['polling']);
    await expect(connected(polling)).rejects.toThrow();
    polling.close();
    const res = await fetch(`${relay.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: 'http://evil.example' },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await health(relay.url)).refusedOrigin).toBe(before + 5);
    // The site's own origin works over long-polling too (venue networks that block WebSockets).
    const good = track({ socket: client(relay.url, undefined, ['polling']) });
    await connected(good.socket);
    expect(await request(good.socket, 'join', { room: p.room, token: await joinToken(p.key, p.room) })).toMatchObject({
      ok: true,
    });
    await honestVoteArrives(relay, p);
  });

  it('answers /healthz with numbers only, and 404 elsewhere', async () => {
    const h = await health(relay.url);
    const leaves = (o: unknown): unknown[] => (typeof o === 'object' && o ? Object.values(o).flatMap(leaves) : [o]);
    expect(leaves(h).every((x) => typeof x === 'number')).toBe(true);
    expect((await fetch(`${relay.url}/`)).status).toBe(404);
    expect(JSON.stringify(h)).not.toContain(p.room);
  });
});

describe('bounds and lifetimes', () => {
  it('refuses the phone above the room size and the room above the process limit', async () => {
    const relay = await testRelay({ phonesPerRoom: 3, maxRooms: 2 });
    try {
      const p = track(await presenter(relay.url));
      for (let i = 0; i < 3; i++) track(await phone(relay.url, p.room, p.key));
      await expect(phone(relay.url, p.room, p.key)).rejects.toThrow('join refused: full');
      track(await presenter(relay.url));
      await expect(presenter(relay.url)).rejects.toThrow('create refused: limit');
    } finally {
      await relay.close();
    }
  });

  it('disconnects a socket that joins nothing', async () => {
    const relay = await testRelay({ handshakeMs: 300 });
    try {
      const s = client(relay.url);
      await connected(s);
      await until('disconnected', () => !s.connected, 3000);
      expect((await health(relay.url)).handshakeTimeouts).toBe(1);
    } finally {
      await relay.close();
    }
  });

  it('tells phones "closed" when the presenter closes, and "gone" after the grace period; forgets the room', async () => {
    const relay = await testRelay({ graceMs: 300 });
    try {
      const p = await presenter(relay.url);
      const ph = track(await phone(relay.url, p.room, p.key));
      expect(await request(p.socket, 'close', {})).toEqual({ ok: true });
      await until('"closed"', () => ph.roomStates.includes('closed'));
      await until('the phone is let go', () => !ph.socket.connected);
      await expect(phone(relay.url, p.room, p.key)).rejects.toThrow('join refused: closed');

      const q = await presenter(relay.url);
      const ph2 = track(await phone(relay.url, q.room, q.key));
      q.socket.disconnect();
      await until('"away"', () => ph2.roomStates.includes('away'));
      await until('"gone"', () => ph2.roomStates.includes('gone'), 3000);
      const h = await health(relay.url);
      expect(h.rooms).toBe(0);
      expect(h.roomsForgotten).toBe(2);
      // Nobody can take the forgotten room over with a new secret.
      const s = track({ socket: client(relay.url) });
      await connected(s.socket);
      expect(
        await request(s.socket, 'create', { room: q.room, proof: await hashPresenterSecret(newPresenterSecret()) }),
      ).toEqual({
        ok: false,
        error: 'taken',
      });
    } finally {
      await relay.close();
    }
  });
});

describe('/healthz and a flooding socket', () => {
  let relay: Relay;
  beforeAll(async () => {
    relay = await testRelay({ dropLimit: 50 });
  });
  afterAll(() => relay.close());

  it('counts a socket cut off for abuse once, whatever it sends after it was cut off', async () => {
    const p = track(await presenter(relay.url));
    const flooder = track(await phone(relay.url, p.room, p.key));
    const gone = new Promise((r) => flooder.socket.once('disconnect', r));
    // 600 frames in one go: all on the wire before the relay cuts the socket off at the 50th drop.
    for (let i = 0; i < 600; i++) flooder.socket.emit('up', 'A'.repeat(40));
    await gone;
    await sleep(300); // whatever was still on its way has arrived
    const h = await health(relay.url);
    expect(h.disconnectedForAbuse).toBe(1);
    expect(h.droppedTotal).toBe(50);
    await honestVoteArrives(relay, p);
  });
});
