/**
 * What two relay processes tell each other through Redis, watched by a third client (PSUBSCRIBE *
 * and MONITOR): room ids, socket ids, hashes and encrypted frames, never the presenter's secret
 * or the room key, also when the presenter comes back on the other process.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretHash } from '../../relay/core';
import { joinToken } from '../../src/lib/room/crypto';
import { haveRedis, REDIS, startRedis, startRelayProcess, type Child } from './processes';
import { client, connected, ORIGIN, phone, presenter, request, until } from './support';

if (!haveRedis) console.warn(`Skipping the Redis traffic test: no redis-server at ${REDIS}.`);

describe.skipIf(!haveRedis)('the traffic between relay processes', () => {
  let redis: Child & { url: string };
  let a: Child & { url: string };
  let b: Child & { url: string };
  let watcher: ReturnType<typeof createClient>;
  let monitor: ReturnType<typeof createClient>;
  const published: Buffer[] = [];
  const commands: string[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    watcher = createClient({ url: redis.url });
    monitor = createClient({ url: redis.url });
    await Promise.all([watcher.connect(), monitor.connect()]);
    await watcher.pSubscribe('*', (message) => published.push(Buffer.from(message)), true);
    await monitor.monitor((line) => commands.push(String(line)));
    const env = { KJK_RELAY_REDIS_URL: redis.url, KJK_RELAY_ORIGIN: ORIGIN, KJK_RELAY_GRACE_MS: '20000' };
    [a, b] = await Promise.all([startRelayProcess(env), startRelayProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    // A client in MONITOR mode does not answer QUIT: close both sockets.
    watcher?.destroy();
    monitor?.destroy();
    await redis?.stop();
  });

  it('never carries the secret or the key, also when the presenter comes back on the other process', async () => {
    const p = await presenter(a.url);
    const ph = await phone(b.url, p.room, p.key);
    await ph.send({ t: 'join' });
    await until('the join across', () => p.received.length === 1);
    p.socket.disconnect();
    await until('"away" across', () => ph.roomStates.includes('away'));
    const back = client(b.url);
    await connected(back);
    expect(await request(back, 'host', { room: p.room, secret: p.secret })).toEqual({ ok: true });
    await until('"back" across', () => ph.roomStates.includes('back'));
    let up = 0;
    back.on('up', () => up++);
    await ph.send({ t: 'vote', card: 'doel-of-besparing', position: 10 });
    await until('the vote at the returned presenter', () => up === 1);
    back.disconnect();
    ph.socket.disconnect();

    const everything = () => Buffer.concat([...published, Buffer.from(commands.join('\n'))]);
    // The watch works: it saw the room and the hash the owner compares.
    await until('the room id in the traffic', () => everything().includes(p.room));
    expect(everything().includes(secretHash(p.secret))).toBe(true);
    // What must never cross.
    expect(everything().includes(p.secret)).toBe(false);
    expect(everything().includes(p.keyText)).toBe(false);
    // Nor the join token a phone shows: only its hash goes to the room's owner.
    expect(everything().includes(await joinToken(p.key, p.room))).toBe(false);
    console.log(`redis: ${published.length} messages and ${commands.length} commands watched; no secret, no key`);
  }, 60_000);
});
