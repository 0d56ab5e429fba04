/**
 * Joining by typed code through a real relay (issue #24, item 1): the presenter's room and code
 * channel (session.ts, code-host.ts) and a phone's handshake (code-join.ts) over real sockets, and
 * what the relay does with the code's messages: forwards them to the nameplate's presenter only,
 * refuses an unknown nameplate, drops what is malformed or oversized, bounds the attempts.
 */
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Relay } from '../../relay/relay';
import { startCodeChannel } from '../../src/lib/room/code-host';
import { joinByCode } from '../../src/lib/room/code-join';
import { generateCode, parseCode, type RoomCode } from '../../src/lib/room/pake/code';
import { startCodeJoin } from '../../src/lib/room/pake/handshake';
import { type Connect, joinPresenterRoom, openPresenterRoom, type PresenterRoom } from '../../src/lib/room/session';
import { newParticipantId } from '../../src/lib/room/crypto';
import { positionsOn, roomCounts } from '../../src/lib/room/reducer';
import { client, connected, health, ORIGIN, presenter, request, sleep, testRelay, until } from './support';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const connect: Connect = (url, options) => io(url, { ...options, forceNew: true, extraHeaders: { origin: ORIGIN } });

async function openRoom(relay: Relay) {
  const address = { origin: relay.url, path: '/socket.io/' };
  const room = await openPresenterRoom({ connect, relay: address, card: 'doel-of-besparing', broadcastMs: 10 });
  cleanup.push(() => room.close());
  return { room, address };
}

async function openChannel(room: PresenterRoom, over: Partial<Parameters<typeof startCodeChannel>[0]> = {}) {
  const codes: (RoomCode | null)[] = [];
  const channel = startCodeChannel({ room, onCode: (c) => codes.push(c), ...over });
  cleanup.push(() => channel.stop());
  const code = await until('a code on the screen', () => channel.code() ?? undefined);
  return { channel, code, codes };
}

/** A phone's socket that speaks the handshake by hand. */
async function codeSocket(relay: Relay) {
  const s = client(relay.url);
  cleanup.push(() => s.disconnect());
  await connected(s);
  const got: string[] = [];
  s.on('code-down', (m: string) => got.push(m));
  return { s, got };
}

describe('joining by typed code', () => {
  let relay: Relay;
  beforeAll(async () => {
    relay = await testRelay();
  });
  afterAll(() => relay.close());

  it('passes the handshake through: the phone gets the room and a granted token, joins and votes', async () => {
    const { room, address } = await openRoom(relay);
    const { code } = await openChannel(room);
    // Typed as people type it: lower case, with a space.
    const typed = parseCode(`${code.code.slice(0, 4).toLowerCase()} ${code.code.slice(4).toLowerCase()}`);
    if (!typed.ok) throw new Error('the shown code does not parse');
    const joined = await joinByCode({ connect, relay: address, code: typed });
    if (!joined.ok) throw new Error(`code join failed: ${joined.error}`);
    expect(joined.link).toEqual(room.link);
    // Not the link's token: one of its own, which the presenter granted.
    expect(joined.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const phone = await joinPresenterRoom({
      connect,
      relay: address,
      link: joined.link,
      token: joined.token,
      pid: newParticipantId(),
    });
    cleanup.push(() => phone.stop());
    await until('the card on the phone', () => phone.view().card === 'doel-of-besparing');
    await phone.vote('doel-of-besparing', 70);
    await until('the vote at the presenter', () => positionsOn(room.state(), 'doel-of-besparing')[0]);
    expect(positionsOn(room.state(), 'doel-of-besparing').map((p) => p.position)).toEqual([70]);
    const h = await health(relay.url);
    expect(h.codesOpened).toBeGreaterThanOrEqual(1);
    expect(h.codeUp).toBeGreaterThanOrEqual(2);
    expect(h.codeDown).toBeGreaterThanOrEqual(2);
  });

  it('refuses a wrong code and an unknown nameplate; nothing joins', async () => {
    const { room, address } = await openRoom(relay);
    const { code } = await openChannel(room);
    const wrongPassword = { ...code, password: code.password === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA' };
    expect(await joinByCode({ connect, relay: address, code: wrongPassword })).toEqual({ ok: false, error: 'wrong' });
    let other = generateCode();
    while (other.nameplate === code.nameplate) other = generateCode();
    expect(await joinByCode({ connect, relay: address, code: other })).toEqual({ ok: false, error: 'wrong' });
    const { s } = await codeSocket(relay);
    expect(
      await request(s, 'code-up', { nameplate: other.nameplate, message: JSON.stringify(startCodeJoin(other).hello) }),
    ).toEqual({ ok: false, error: 'unknown' });
    expect(roomCounts(room.state()).joined).toBe(0);
    expect((await health(relay.url)).phones).toBe(0);
  });

  it('bounds the attempts: the limiter retires the code, the relay stops forwarding to the old nameplate', async () => {
    const { room, address } = await openRoom(relay);
    const { code, codes } = await openChannel(room, { limits: { maxFailures: 3 } });
    for (let i = 0; i < 3; i++) {
      const wrong = { ...code, password: `${'ACDEFG'.slice(i)}${'HJKMNP'.slice(0, i)}` };
      expect(await joinByCode({ connect, relay: address, code: wrong })).toEqual({ ok: false, error: 'wrong' });
    }
    const next = await until('a new code', () => (codes.length >= 2 && codes.at(-1)) || undefined);
    expect(next.code).not.toBe(code.code);
    // The right old code is refused now: its nameplate is closed (unless the new one drew the same).
    if (next.nameplate !== code.nameplate) {
      const { s } = await codeSocket(relay);
      expect(
        await request(s, 'code-up', { nameplate: code.nameplate, message: JSON.stringify(startCodeJoin(code).hello) }),
      ).toEqual({ ok: false, error: 'unknown' });
    }
    const joined = await joinByCode({ connect, relay: address, code: next });
    expect(joined.ok).toBe(true);
  });

  it('keeps nameplates unique, lets only the presenter open one, and only its channel answer', async () => {
    const a = await presenter(relay.url);
    const b = await presenter(relay.url);
    cleanup.push(
      () => a.socket.disconnect(),
      () => b.socket.disconnect(),
    );
    expect(await request(a.socket, 'code-open', { nameplate: 'KM' })).toEqual({ ok: true });
    expect(await request(b.socket, 'code-open', { nameplate: 'KM' })).toEqual({ ok: false, error: 'taken' });
    expect(await request(b.socket, 'code-open', { nameplate: 'ko' })).toEqual({ ok: false, error: 'invalid' });
    expect(await request(b.socket, 'code-open', { nameplate: 'O0' })).toEqual({ ok: false, error: 'invalid' });
    const { s, got } = await codeSocket(relay);
    expect(await request(s, 'code-open', { nameplate: 'XY' })).toEqual({ ok: false, error: 'denied' });

    const received: [string, string][] = [];
    a.socket.on('code-up', (peer: string, m: string) => received.push([peer, m]));
    const hello = JSON.stringify(startCodeJoin(parseCode('KM7R4XDA') as RoomCode).hello);
    expect(await request(s, 'code-up', { nameplate: 'KM', message: hello })).toEqual({ ok: true });
    const [peer] = await until('the hello at the presenter', () => received[0]);
    expect(received[0]?.[1]).toBe(hello);

    // The other presenter cannot answer a phone that is not in its channel; the right one can.
    const busy = JSON.stringify({ t: 'code-busy', v: 1, sid: JSON.parse(hello).sid });
    b.socket.emit('code-down', peer, busy);
    a.socket.emit('code-down', peer, busy);
    await until('the answer at the phone', () => got.length === 1);
    await sleep(50);
    expect(got).toEqual([busy]);

    // Once the presenter closed the channel, nothing more passes either way.
    expect(await request(a.socket, 'code-close', {})).toEqual({ ok: true });
    a.socket.emit('code-down', peer, busy);
    expect(await request(s, 'code-up', { nameplate: 'KM', message: hello })).toEqual({ ok: false, error: 'unknown' });
    await sleep(50);
    expect(got).toHaveLength(1);
    // Free for another room now.
    expect(await request(b.socket, 'code-open', { nameplate: 'KM' })).toEqual({ ok: true });
  });

  it('drops malformed and oversized handshake messages, and bounds them per socket', async () => {
    const p = await presenter(relay.url);
    cleanup.push(() => p.socket.disconnect());
    expect(await request(p.socket, 'code-open', { nameplate: 'TU' })).toEqual({ ok: true });
    const received: string[] = [];
    p.socket.on('code-up', (_peer: string, m: string) => received.push(m));
    const before = await health(relay.url);
    const { s } = await codeSocket(relay);
    const code = parseCode('TU7R4XDA') as RoomCode;
    const hello = startCodeJoin(code).hello;
    const bad = [
      { nameplate: 'TU', message: 'x'.repeat(2000) },
      { nameplate: 'TU', message: '{"t":"code-hello"' },
      { nameplate: 'TU', message: JSON.stringify({ ...hello, ya: 'AAAA' }) },
      { nameplate: 'TU', message: JSON.stringify({ ...hello, extra: 1 }) },
      // The presenter's kinds do not go up.
      { nameplate: 'TU', message: JSON.stringify({ t: 'code-busy', v: 1, sid: hello.sid }) },
      { nameplate: 'TU', message: hello },
    ];
    for (const args of bad) expect(await request(s, 'code-up', args)).toEqual({ ok: false, error: 'invalid' });
    await sleep(50);
    expect(received).toEqual([]);
    const after = await health(relay.url);
    expect(after.dropped.oversize - before.dropped.oversize).toBe(1);
    expect(after.dropped.malformed - before.dropped.malformed).toBe(5);

    // A socket has a few handshake messages, then it must reconnect (and its address is bounded).
    const { s: t } = await codeSocket(relay);
    const replies = [];
    for (let i = 0; i < 14; i++) {
      replies.push(
        await request(t, 'code-up', { nameplate: 'TU', message: JSON.stringify(startCodeJoin(code).hello) }),
      );
      await sleep(210); // within the phone's rate
    }
    expect(replies.filter((r) => r.ok)).toHaveLength(12);
    expect(replies.at(-1)).toEqual({ ok: false, error: 'limit' });
    // One socket, one nameplate.
    expect(
      await request(t, 'code-up', { nameplate: 'XY', message: JSON.stringify(startCodeJoin(code).hello) }),
    ).toEqual({ ok: false, error: 'denied' });
  }, 20_000);
});
