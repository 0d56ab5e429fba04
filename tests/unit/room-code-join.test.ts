/**
 * The phone's code join (src/lib/room/code-join.ts) against a real code host (pake/handshake.ts)
 * through a fake relay socket: the right code gives the room's link and token; a wrong code, an
 * unknown nameplate, a busy presenter, a silent relay and a failed connection each end in their
 * own error; noise on the socket is ignored.
 */
import { describe, expect, it, vi } from 'vitest';
import { joinByCode } from '../../src/lib/room/code-join';
import { exportRoomKey, newRoomId, newRoomKey } from '../../src/lib/room/crypto';
import { packGrant } from '../../src/lib/room/grant';
import { generateCode, type RoomCode } from '../../src/lib/room/pake/code';
import { createCodeHost } from '../../src/lib/room/pake/handshake';
import type { Connect } from '../../src/lib/room/session';
import { exportVerifyKey, newSigningKeys } from '../../src/lib/room/sign';
import { base64urlToBytes, bytesToBase64url } from '../../src/lib/room/wire';

type Handler = (...args: unknown[]) => void;
interface FakeRelay {
  /** What the relay does with a phone's code-up: the ack, and messages back to the phone. */
  up(args: { nameplate: string; message: string }, toPhone: (m: string) => void): { ok: boolean; error?: string };
  fail?: 'connect' | 'ack';
}

function fakeConnect(relay: FakeRelay): { connect: Connect; sent: string[]; disconnected: () => boolean } {
  const sent: string[] = [];
  let disconnected = false;
  const connect = (() => {
    const handlers = new Map<string, Handler[]>();
    const fire = (event: string, ...args: unknown[]) => {
      for (const h of handlers.get(event) ?? []) h(...args);
    };
    const socket = {
      on(event: string, h: Handler) {
        handlers.set(event, [...(handlers.get(event) ?? []), h]);
        return socket;
      },
      off(event: string) {
        handlers.delete(event);
        return socket;
      },
      timeout: () => ({
        emitWithAck: async (_event: string, args: { nameplate: string; message: string }) => {
          if (relay.fail === 'ack') throw new Error('timeout');
          sent.push(args.message);
          return relay.up(args, (m) => setTimeout(() => fire('code-down', m), 1));
        },
      }),
      disconnect() {
        disconnected = true;
        fire('disconnect', 'io client disconnect');
      },
    };
    setTimeout(() => fire(relay.fail === 'connect' ? 'connect_error' : 'connect', new Error('no')), 1);
    return socket;
  }) as unknown as Connect;
  return { connect, sent, disconnected: () => disconnected };
}

const address = { origin: 'https://relay.test', path: '/socket.io/' };

async function presenter(code: RoomCode, limits = {}, proof?: Uint8Array) {
  const key = await newRoomKey();
  const pub = await exportVerifyKey((await newSigningKeys()).publicKey);
  const link = { room: newRoomId(), key: await exportRoomKey(key), pub };
  const token = bytesToBase64url(crypto.getRandomValues(new Uint8Array(32)));
  const host = createCodeHost({
    code,
    // The join proof carries the token and the presenter's public key (grant.ts).
    secrets: { roomId: link.room, roomKey: base64urlToBytes(link.key)!, joinProof: proof ?? packGrant({ token, pub }) },
    limits,
  });
  const relay: FakeRelay = {
    up({ nameplate, message }, toPhone) {
      if (nameplate !== code.nameplate) return { ok: false, error: 'unknown' };
      const t = (JSON.parse(message) as { t: string }).t;
      if (t === 'code-hello') {
        const reply = host.onHello(message);
        if (reply.ok) toPhone(JSON.stringify(reply.value));
        else if (reply.error === 'busy')
          toPhone(JSON.stringify({ t: 'code-busy', v: 1, sid: JSON.parse(message).sid }));
      } else {
        void host.onConfirm(message).then((r) => r.ok && toPhone(JSON.stringify(r.value)));
      }
      return { ok: true };
    },
  };
  return { link, token, host, relay };
}

describe('joinByCode', () => {
  it('the right code: the room link and the token, and the socket is closed', async () => {
    const code = generateCode();
    const p = await presenter(code);
    const fake = fakeConnect(p.relay);
    const result = await joinByCode({ connect: fake.connect, relay: address, code });
    expect(result).toEqual({ ok: true, link: p.link, token: p.token });
    expect(fake.disconnected()).toBe(true);
    expect(p.host.status().succeeded).toBe(1);
  });

  it('secrets without the public key (a presenter of protocol 1) are "wrong": no link to check its frames', async () => {
    const code = generateCode();
    const p = await presenter(code, {}, crypto.getRandomValues(new Uint8Array(32)));
    const result = await joinByCode({ connect: fakeConnect(p.relay).connect, relay: address, code });
    expect(result).toEqual({ ok: false, error: 'wrong' });
  });

  it('a wrong code: "wrong", and the presenter hears of the failure at once', async () => {
    const code = generateCode();
    const p = await presenter(code);
    const fake = fakeConnect(p.relay);
    const wrong = { ...code, password: code.password === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA' };
    expect(await joinByCode({ connect: fake.connect, relay: address, code: wrong })).toEqual({
      ok: false,
      error: 'wrong',
    });
    await vi.waitFor(() => expect(p.host.status().failures).toBe(1));
    expect(p.host.status().pending).toBe(0);
  });

  it('an unknown nameplate is "wrong"; a relay that does not answer, or no connection, is "unreachable"', async () => {
    const code = generateCode();
    const p = await presenter(code);
    let other = generateCode();
    while (other.nameplate === code.nameplate) other = generateCode();
    expect(await joinByCode({ connect: fakeConnect(p.relay).connect, relay: address, code: other })).toEqual({
      ok: false,
      error: 'wrong',
    });
    for (const fail of ['ack', 'connect'] as const)
      expect(await joinByCode({ connect: fakeConnect({ ...p.relay, fail }).connect, relay: address, code })).toEqual({
        ok: false,
        error: 'unreachable',
      });
    const silent = fakeConnect({ up: () => ({ ok: true }) });
    expect(await joinByCode({ connect: silent.connect, relay: address, code, timeoutMs: 50 })).toEqual({
      ok: false,
      error: 'unreachable',
    });
  });

  it('a busy presenter: tries again with a new handshake, then gives up as "busy"', async () => {
    const code = generateCode();
    const p = await presenter(code, { maxConcurrent: 0 });
    const fake = fakeConnect(p.relay);
    expect(await joinByCode({ connect: fake.connect, relay: address, code, tries: 2 })).toEqual({
      ok: false,
      error: 'busy',
    });
    // Two hellos, each with a session id of its own.
    expect(new Set(fake.sent.map((m) => JSON.parse(m).sid)).size).toBe(2);
  });

  it("ignores noise and another handshake's messages on the socket", async () => {
    const code = generateCode();
    const p = await presenter(code);
    const noisy: FakeRelay = {
      up(args, toPhone) {
        toPhone('not json');
        toPhone(5 as unknown as string);
        toPhone(JSON.stringify({ t: 'code-busy', v: 1, sid: bytesToBase64url(new Uint8Array(16)) }));
        toPhone(
          JSON.stringify({ t: 'code-reply', v: 1, sid: bytesToBase64url(new Uint8Array(16)), yb: 'A', tag: 'B' }),
        );
        return p.relay.up(args, toPhone);
      },
    };
    const result = await joinByCode({ connect: fakeConnect(noisy).connect, relay: address, code });
    expect(result.ok).toBe(true);
  });
});
