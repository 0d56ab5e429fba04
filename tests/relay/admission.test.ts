/**
 * Only holders of the link take a place (issue #24, item 2): the presenter registers the hash of a
 * join token derived from the room key; a phone must show the token. Over real sockets.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Relay } from '../../relay/relay';
import { joinToken, joinTokenHash, newRoomKey } from '../../src/lib/room/crypto';
import { randomToken } from '../../src/lib/room/wire';
import { client, connected, health, phone, presenter, request, sleep, testRelay, until } from './support';

const cleanup: (() => unknown)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

async function stranger(url: string) {
  const s = client(url);
  cleanup.push(() => s.disconnect());
  await connected(s);
  return s;
}

describe('admission by join token', () => {
  let relay: Relay;
  beforeAll(async () => {
    relay = await testRelay({ phonesPerRoom: 2 });
  });
  afterAll(() => relay.close());

  it('refuses a stranger who knows only the room id, without taking a place; a phone with the link joins', async () => {
    const p = await presenter(relay.url);
    cleanup.push(() => p.socket.disconnect());
    const before = await health(relay.url);

    const s = await stranger(relay.url);
    expect(await request(s, 'join', { room: p.room })).toEqual({ ok: false, error: 'denied' });
    // A token of the right shape, made from another key, is no better.
    const forged = await joinToken(await newRoomKey(), p.room);
    expect(await request(s, 'join', { room: p.room, token: forged })).toEqual({ ok: false, error: 'denied' });
    // Not a token at all.
    expect(await request(s, 'join', { room: p.room, token: 'not-a-token!' })).toEqual({ ok: false, error: 'invalid' });

    const after = await health(relay.url);
    expect(after.phones).toBe(before.phones);
    expect(after.refused.denied - before.refused.denied).toBe(2);
    expect(p.peers.size).toBe(0);

    // The room holds two: both places are still free for the phones that have the link.
    const a = await phone(relay.url, p.room, p.key);
    const b = await phone(relay.url, p.room, p.key);
    cleanup.push(
      () => a.socket.disconnect(),
      () => b.socket.disconnect(),
    );
    await until('two phones at the presenter', () => p.peers.size === 2);
    expect((await health(relay.url)).phones).toBe(before.phones + 2);
    // The stranger, still connected, is no phone: its frames go nowhere.
    s.emit('up', 'A'.repeat(40));
    await sleep(50);
    expect((await health(relay.url)).framesUp).toBe(after.framesUp);
  });

  it('admits a token the presenter granted (a code joiner), and only the presenter may grant', async () => {
    const p = await presenter(relay.url);
    cleanup.push(() => p.socket.disconnect());
    const extra = randomToken(32);
    const s = await stranger(relay.url);
    expect(await request(s, 'join', { room: p.room, token: extra })).toEqual({ ok: false, error: 'denied' });

    const ph = await phone(relay.url, p.room, p.key);
    cleanup.push(() => ph.socket.disconnect());
    expect(await request(ph.socket, 'grant', { proof: await joinTokenHash(extra) })).toEqual({
      ok: false,
      error: 'denied',
    });
    expect(await request(s, 'join', { room: p.room, token: extra })).toEqual({ ok: false, error: 'denied' });

    expect(await request(p.socket, 'grant', { proof: 'short' })).toEqual({ ok: false, error: 'invalid' });
    expect(await request(p.socket, 'grant', { proof: await joinTokenHash(extra) })).toEqual({ ok: true });
    expect(await request(s, 'join', { room: p.room, token: extra })).toEqual({ ok: true, host: true });
  });

  it('keeps only the token’s hash: the registered hash is not the token', async () => {
    const p = await presenter(relay.url);
    cleanup.push(() => p.socket.disconnect());
    const token = await joinToken(p.key, p.room);
    // The presenter could not have registered the token itself: create takes a hash and nothing else.
    expect(await joinTokenHash(token)).not.toBe(token);
    const s = await stranger(relay.url);
    expect(await request(s, 'join', { room: p.room, token: await joinTokenHash(token) })).toEqual({
      ok: false,
      error: 'denied',
    });
  });
});
