/**
 * Two relay processes share rooms through Redis (@socket.io/redis-adapter): the presenter on one,
 * phones on the other, as behind a load balancer with sticky sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPresenterSecret, joinToken, newPresenterSecret, newRoomId, newRoomKey } from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { haveRedis, REDIS, startRedis, startRelayProcess, type Child } from './processes';
import { client, connected, health, ORIGIN, phone, presenter, request, until } from './support';

if (!haveRedis)
  console.warn(
    `Skipping the scale-out test: no redis-server at ${REDIS} (apt-get install redis-server; .ci/run does this).`,
  );

describe.skipIf(!haveRedis)('two relay processes and Redis', () => {
  let redis: Child & { url: string };
  let a: Child & { url: string };
  let b: Child & { url: string };
  beforeAll(async () => {
    redis = await startRedis();
    const env = { KJK_RELAY_REDIS_URL: redis.url, KJK_RELAY_ORIGIN: ORIGIN, KJK_RELAY_GRACE_MS: '20000' };
    [a, b] = await Promise.all([startRelayProcess(env), startRelayProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it('carries votes from phones on B to the presenter on A, and the state back', async () => {
    const p = await presenter(a.url);
    const phones = await Promise.all(Array.from({ length: 5 }, () => phone(b.url, p.room, p.key)));
    const started = performance.now();
    await phones[0]!.send({ t: 'join' });
    await until('the first frame across', () => p.received.length === 1);
    const acrossMs = performance.now() - started;
    await Promise.all(phones.slice(1).map((ph) => ph.send({ t: 'join' })));
    await Promise.all(phones.map((ph, i) => ph.send({ t: 'vote', card: 'doel-of-besparing', position: i * 20 })));
    await until('all frames across', () => p.received.length === 10);
    await until('peers across', () => p.peers.size === 5);
    await p.send({
      t: 'state',
      v: ROOM_LIMITS.version,
      seq: 1,
      card: 'doel-of-besparing',
      phase: 'open',
      chosen: 5,
      joined: 5,
    });
    await until('the state on every phone on B', () => phones.every((ph) => ph.received.length === 1));
    const direct = p.received.find((r) => r.message.pid === phones[2]!.pid)!.peer;
    await p.send(
      { t: 'you', v: ROOM_LIMITS.version, seq: 2, pid: phones[2]!.pid, card: 'doel-of-besparing', position: 40 },
      direct,
    );
    await until('the direct reply across', () => phones[2]!.received.length === 2);
    console.log(`scale-out: first frame B → A in ${acrossMs.toFixed(1)} ms`);
    expect((await health(a.url)).phones).toBe(5);

    // Room accounting and steering rules hold across processes.
    const thief = client(b.url);
    await connected(thief);
    expect(
      await request(thief, 'create', { room: p.room, proof: await hashPresenterSecret(newPresenterSecret()) }),
    ).toEqual({ ok: false, error: 'taken' });
    const spoof = phones[0]!;
    spoof.socket.emit('down', 'A'.repeat(40));
    await until('the spoof dropped on B', async () => (await health(b.url)).dropped.spoofed === 1);
    const stranger = client(b.url);
    await connected(stranger);
    expect(await request(stranger, 'join', { room: newRoomId() })).toEqual({ ok: false, error: 'unknown' });

    for (const ph of phones) ph.socket.disconnect();
    await until('phones released on A', async () => (await health(a.url)).phones === 0);

    // The presenter's device reconnects through the other process: it steers again with its secret.
    const stay = await phone(b.url, p.room, p.key);
    p.socket.disconnect();
    await until('"away" across', () => stay.roomStates.includes('away'));
    const back = client(b.url);
    await connected(back);
    expect(await request(back, 'host', { room: p.room, secret: newPresenterSecret() })).toEqual({
      ok: false,
      error: 'denied',
    });
    const back2 = client(b.url);
    await connected(back2);
    expect(await request(back2, 'host', { room: p.room, secret: p.secret })).toEqual({ ok: true });
    await until('"back" across', () => stay.roomStates.includes('back'));
    back2.emit(
      'down',
      await p.seal({
        t: 'state',
        v: ROOM_LIMITS.version,
        seq: 5,
        card: 'doel-of-besparing',
        phase: 'open',
        chosen: 0,
        joined: 1,
      }),
    );
    await until('the returned presenter heard', () => stay.received.length === 1);
    stay.socket.disconnect();
    back.disconnect();

    // The presenter, now on B, closes: phones on B hear it from A.
    const late = await phone(b.url, p.room, p.key);
    expect(await request(back2, 'close', {})).toEqual({ ok: true });
    await until('"closed" across', () => late.roomStates.includes('closed'));
    await until('the phone on B let go', () => !late.socket.connected);
    await until('the presenter on B let go', () => !back2.connected);
    thief.disconnect();
    stranger.disconnect();
  });

  it('refuses a stranger on B who knows only the id of a room on A, without taking a place there', async () => {
    const p = await presenter(a.url);
    const stranger = client(b.url);
    await connected(stranger);
    expect(await request(stranger, 'join', { room: p.room })).toEqual({ ok: false, error: 'denied' });
    const forged = await joinToken(await newRoomKey(), p.room);
    expect(await request(stranger, 'join', { room: p.room, token: forged })).toEqual({ ok: false, error: 'denied' });
    expect((await health(a.url)).phones).toBe(0);
    expect(p.peers.size).toBe(0);
    // A phone on B with the link takes its place on A.
    const ph = await phone(b.url, p.room, p.key);
    await until('the phone on B counted on A', async () => (await health(a.url)).phones === 1);
    await until('the presenter hears it', () => p.peers.size === 1);
    for (const s of [stranger, ph.socket, p.socket]) s.disconnect();
  });
});
