/**
 * The co-facilitator's device (src/lib/room/cofac-client.ts) against a fake relay socket: it joins
 * with the link's token, says hello under its moderation key, shows only notices signed by the
 * presenter and sealed under its own key, and ends plainly (withdrawn, replaced, closed, refused).
 */
import { describe, expect, it } from 'vitest';
import { answersReducer, initialAnswers, receiveAnswer } from '../../src/lib/room/answers';
import {
  type CoFacCommand,
  type CoFacLink,
  type CoFacNotice,
  deriveCoFacKeys,
  newModerationKey,
  queueNotice,
  sealNotice,
  verifyCommand,
} from '../../src/lib/room/cofac';
import { joinAsCoFac } from '../../src/lib/room/cofac-client';
import {
  exportRoomKey,
  joinToken,
  newParticipantId,
  newRoomId,
  newRoomKey,
  openFrame,
  sealHostFrame,
} from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import type { Connect } from '../../src/lib/room/session';
import { exportVerifyKey, newSigningKeys } from '../../src/lib/room/sign';

type Handler = (...args: unknown[]) => void;

async function setUp(reply: { ok: boolean; error?: string } = { ok: true }) {
  const room = newRoomId();
  const key = await newRoomKey();
  const signing = await newSigningKeys();
  const link: CoFacLink = {
    room,
    key: await exportRoomKey(key),
    pub: await exportVerifyKey(signing.publicKey),
    mod: newModerationKey(),
  };
  const keys = await deriveCoFacKeys(link.mod, room);
  const handlers = new Map<string, Handler[]>();
  const up: unknown[] = [];
  const joins: unknown[] = [];
  let disconnected = false;
  const fire = (event: string, ...args: unknown[]) => {
    for (const h of handlers.get(event) ?? []) h(...args);
  };
  const socket = {
    on(event: string, h: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), h]);
      return socket;
    },
    timeout: () => ({
      emitWithAck: async (_event: string, args: unknown) => {
        joins.push(args);
        return reply;
      },
    }),
    emit(event: string, frame: string) {
      if (event === 'up') up.push(frame);
    },
    disconnect() {
      disconnected = true;
    },
  };
  const connect = (() => socket) as unknown as Connect;
  /** What the device sent, opened as the presenter opens it. */
  const commands = async () => {
    const out: CoFacCommand[] = [];
    for (const frame of up) {
      const opened = await openFrame(key, room, 'up', frame);
      if (opened.ok) out.push(opened.value as CoFacCommand);
    }
    return out;
  };
  /** The presenter's signed frame with a notice sealed under `under` (the device's keys unless told). */
  const down = async (notice: CoFacNotice, under = keys) =>
    fire('down', await sealHostFrame(key, signing.privateKey, room, await sealNotice(under, room, notice)));
  const settle = () => new Promise((done) => setTimeout(done, 30));
  return {
    room,
    key,
    signing,
    link,
    keys,
    connect,
    fire,
    up,
    joins,
    commands,
    down,
    settle,
    disconnected: () => disconnected,
  };
}

const relay = { origin: 'https://relay.test', path: '/socket.io/' };

function answers() {
  const s = answersReducer(initialAnswers(), { type: 'ask', card: 'a-b', text: 'Wat heb je nodig?' });
  return receiveAnswer(s, newParticipantId(), 1, 'Meer tijd');
}

describe('the co-facilitator device', () => {
  it('joins with the link token, says hello, shows the queue and sends authenticated commands', async () => {
    const f = await setUp();
    const device = await joinAsCoFac({ connect: f.connect, relay, link: f.link });
    expect(device.view().phase).toBe('connecting');
    expect(await device.command('show', 2)).toBe(false);
    f.fire('connect');
    await f.settle();
    expect(f.joins).toEqual([{ room: f.room, token: await joinToken(f.key, f.room) }]);
    const [hello] = await f.commands();
    expect(hello).toMatchObject({ t: 'mod', v: ROOM_LIMITS.version, c: 'hello', kid: f.keys.kid });
    expect(await verifyCommand(f.keys, f.room, hello!)).toBe(true);

    await f.down(queueNotice(answers(), 5));
    await f.settle();
    expect(device.view()).toMatchObject({ phase: 'ready', queue: { answers: [{ id: 2, text: 'Meer tijd' }] } });
    expect(await device.command('show', 2)).toBe(true);
    await f.settle();
    const sent = await f.commands();
    expect(sent[1]).toMatchObject({ c: 'show', id: 2 });
    expect(sent[1]!.n).toBeGreaterThan(hello!.n);
    expect(await verifyCommand(f.keys, f.room, sent[1]!)).toBe(true);

    // An older notice, one under another key and one not signed by the presenter change nothing.
    await f.down(queueNotice(initialAnswers(), 4));
    await f.down(queueNotice(initialAnswers(), 9), await deriveCoFacKeys(newModerationKey(), f.room));
    f.fire('down', 'A'.repeat(200));
    await f.settle();
    expect(device.view().queue?.answers).toHaveLength(1);

    // The presenter came back: hello again.
    f.fire('room', 'back');
    await f.settle();
    expect((await f.commands()).at(-1)).toMatchObject({ c: 'hello' });

    await f.down({ k: 'withdrawn', n: 10 });
    await f.settle();
    expect(device.view().phase).toBe('withdrawn');
    expect(await device.command('show', 2)).toBe(false);
    // After the end nothing brings it back.
    await f.down(queueNotice(answers(), 11));
    await f.settle();
    expect(device.view().phase).toBe('withdrawn');
    device.stop();
    expect(f.disconnected()).toBe(true);
  });

  it('is told when another device took over', async () => {
    const f = await setUp();
    const device = await joinAsCoFac({ connect: f.connect, relay, link: f.link });
    f.fire('connect');
    await f.down({ k: 'replaced', n: 3 });
    await f.settle();
    expect(device.view().phase).toBe('replaced');
  });

  it('sees the room close: by the relay, or by the presenter last state', async () => {
    const f = await setUp();
    const device = await joinAsCoFac({ connect: f.connect, relay, link: f.link });
    f.fire('room', 'closed');
    expect(device.view().phase).toBe('closed');
    const g = await setUp();
    const other = await joinAsCoFac({ connect: g.connect, relay, link: g.link });
    const state = { t: 'state', v: 2, seq: 3, card: null, phase: 'closed', chosen: 0, joined: 0 };
    g.fire('down', await sealHostFrame(g.key, g.signing.privateKey, g.room, state));
    await g.settle();
    expect(other.view().phase).toBe('closed');
  });

  it('says when the relay refuses or cannot be reached', async () => {
    const closed = await setUp({ ok: false, error: 'unknown' });
    const a = await joinAsCoFac({ connect: closed.connect, relay, link: closed.link });
    closed.fire('connect');
    await closed.settle();
    expect(a.view().phase).toBe('closed');
    expect(closed.disconnected()).toBe(true);
    const full = await setUp({ ok: false, error: 'full' });
    const b = await joinAsCoFac({ connect: full.connect, relay, link: full.link });
    full.fire('connect');
    await full.settle();
    expect(b.view().phase).toBe('unreachable');
    const away = await setUp();
    const c = await joinAsCoFac({ connect: away.connect, relay, link: away.link });
    away.fire('connect_error');
    expect(c.view().phase).toBe('unreachable');
  });

  it('refuses a link whose keys do not import', async () => {
    const f = await setUp();
    await expect(
      joinAsCoFac({ connect: f.connect, relay, link: { ...f.link, pub: 'A'.repeat(87) } }),
    ).rejects.toThrow();
  });
});
