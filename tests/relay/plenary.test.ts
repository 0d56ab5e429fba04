/**
 * A plenary at a smaller scale (issue #25 item 6; the 1,000 phones are in scripts/bench-plenary.mjs):
 * 100 phones running the site's own room code, half on each of two relay processes that share
 * the room through Redis, and the presenter's own code on the first. Every vote reaches the
 * presenter, the presenter's state broadcasts are coalesced while the votes pour in (the last
 * state always sent), the count and the reveal reach every phone, and the relay's configured cap
 * holds across the processes.
 */
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv, DEFAULTS, hostRateFor } from '../../relay/config';
import { importRoomKey, joinToken, newParticipantId } from '../../src/lib/room/crypto';
import { parseRoomFragment } from '../../src/lib/room/fragment';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { roomCounts } from '../../src/lib/room/reducer';
import { type Connect, joinPresenterRoom, openPresenterRoom, type PhoneRoom } from '../../src/lib/room/session';
import { type Child, haveRedis, REDIS, startRedis, startRelayProcess } from './processes';
import { client, connected, health, ORIGIN, request, until } from './support';

const CARD = 'eigen-kracht-of-veiligheid';
const PHONES = 100;
const BROADCAST_MS = 150;

describe('the room cap from the environment', () => {
  it('takes up to 1,000 phones per room, never more, and gives the presenter a burst for each', () => {
    expect(configFromEnv({}).phonesPerRoom).toBe(ROOM_LIMITS.phonesPerRoom);
    expect(configFromEnv({ KJK_RELAY_PHONES_PER_ROOM: '1000' }).phonesPerRoom).toBe(1000);
    expect(() => configFromEnv({ KJK_RELAY_PHONES_PER_ROOM: '1001' })).toThrow(/KJK_RELAY_PHONES_PER_ROOM="1001"/);
    expect(configFromEnv({}).hostRate).toEqual(DEFAULTS.hostRate);
    expect(configFromEnv({ KJK_RELAY_PHONES_PER_ROOM: '1000' }).hostRate.burst).toBe(2000);
    expect(hostRateFor(10)).toEqual(DEFAULTS.hostRate);
  });
});

if (!haveRedis) console.warn(`Skipping the plenary test: no redis-server at ${REDIS} (apt-get install redis-server).`);

describe.skipIf(!haveRedis)('100 phones over two relay processes and Redis', () => {
  let redis: Child & { url: string };
  let a: Child & { url: string };
  let b: Child & { url: string };
  const sockets: { url: string; socket: Socket }[] = [];
  const connect: Connect = (url, options) => {
    const socket = io(url, { ...options, forceNew: true, reconnection: false, extraHeaders: { origin: ORIGIN } });
    sockets.push({ url, socket });
    return socket;
  };
  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      KJK_RELAY_REDIS_URL: redis.url,
      KJK_RELAY_ORIGIN: ORIGIN,
      KJK_RELAY_PHONES_PER_ROOM: String(PHONES),
    };
    [a, b] = await Promise.all([startRelayProcess(env), startRelayProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.socket.disconnect();
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it('brings every vote to the presenter, coalesces its broadcasts, and the count and reveal to every phone', async () => {
    const relayOf = (url: string) => ({ origin: url, path: '/socket.io/' });
    const presenter = await openPresenterRoom({
      connect,
      relay: relayOf(a.url),
      card: CARD,
      broadcastMs: BROADCAST_MS,
    });
    const link = parseRoomFragment(presenter.fragment);
    if (!link.ok) throw new Error('no link');

    // Half the phones on each process, joining in waves as a hall scans the QR code.
    const phones: PhoneRoom[] = [];
    for (let i = 0; i < PHONES; i += 25) {
      const wave = await Promise.all(
        Array.from({ length: 25 }, (_, j) =>
          joinPresenterRoom({
            connect,
            relay: relayOf((i + j) % 2 ? b.url : a.url),
            link,
            pid: newParticipantId(),
          }),
        ),
      );
      phones.push(...wave);
    }
    await until('every phone counted everywhere', () =>
      phones.every((p) => p.view().joined === PHONES && p.view().card === CARD),
    );
    expect((await health(a.url)).phones).toBe(PHONES);

    // The relay's cap holds for a phone on the other process too: the room's owner counts.
    const late = client(b.url);
    await connected(late);
    const key = await importRoomKey(link.key);
    expect(await request(late, 'join', { room: link.room, token: await joinToken(key!, link.room) })).toEqual({
      ok: false,
      error: 'full',
    });
    late.disconnect();

    // Count the presenter's frames one phone on B receives while every phone votes at once.
    const watched = sockets.find((s) => s.url === b.url && s.socket.connected)!.socket;
    let frames = 0;
    watched.on('down', () => frames++);
    const started = performance.now();
    await Promise.all(phones.map((p, i) => p.vote(CARD, i % 101)));
    await until('every vote at the presenter', () => roomCounts(presenter.state()).chosen === PHONES);
    await until('the last state on every phone', () => phones.every((p) => p.view().chosen === PHONES));
    const elapsed = performance.now() - started;
    // One state frame per BROADCAST_MS at most (and one more for the timer's edges), never one per vote.
    expect(frames).toBeGreaterThanOrEqual(1);
    expect(frames).toBeLessThanOrEqual(Math.ceil(elapsed / BROADCAST_MS) + 1);
    expect(frames).toBeLessThan(PHONES / 4);

    presenter.reveal();
    await until('the spread on every phone', () => phones.every((p) => p.view().spread?.length === PHONES));
    const spread = phones[PHONES - 1]!.view().spread!;
    expect(spread).toEqual(phones.map((_, i) => i % 101).sort((x, y) => x - y));
    const [ha, hb] = await Promise.all([health(a.url), health(b.url)]);
    expect(ha.droppedTotal + hb.droppedTotal).toBe(0);
    console.log(
      `plenary test: ${PHONES} votes to the presenter and the last state to every phone in ${elapsed.toFixed(0)} ms, ${frames} state frames`,
    );
    for (const p of phones) p.stop();
    await presenter.close();
  }, 60_000);
});
