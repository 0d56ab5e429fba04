/**
 * The typed code across two relay processes sharing rooms through Redis: the presenter on A, the
 * phone on B. B finds the nameplate's presenter by asking A; the handshake, the grant and the join
 * cross over; a nameplate held on A is refused on B.
 */
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCodeChannel } from '../../src/lib/room/code-host';
import { joinByCode } from '../../src/lib/room/code-join';
import { newParticipantId } from '../../src/lib/room/crypto';
import type { RoomCode } from '../../src/lib/room/pake/code';
import { positionsOn } from '../../src/lib/room/reducer';
import { type Connect, joinPresenterRoom, openPresenterRoom } from '../../src/lib/room/session';
import { type Child, haveRedis, startRedis, startRelayProcess } from './processes';
import { ORIGIN, presenter, request, until } from './support';

const connect: Connect = (url, options) => io(url, { ...options, forceNew: true, extraHeaders: { origin: ORIGIN } });

describe.skipIf(!haveRedis)('the typed code over two relay processes and Redis', () => {
  let redis: Child & { url: string };
  let a: Child & { url: string };
  let b: Child & { url: string };
  beforeAll(async () => {
    redis = await startRedis();
    const env = { KJK_RELAY_REDIS_URL: redis.url, KJK_RELAY_ORIGIN: ORIGIN };
    [a, b] = await Promise.all([startRelayProcess(env), startRelayProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it('a phone on B joins by the code of a presenter on A, and votes', async () => {
    const room = await openPresenterRoom({
      connect,
      relay: { origin: a.url, path: '/socket.io/' },
      card: 'doel-of-besparing',
      broadcastMs: 10,
    });
    let code: RoomCode | null = null;
    const channel = startCodeChannel({ room, onCode: (c) => (code = c) });
    const shown = await until('a code', () => code ?? undefined);
    const onB = { origin: b.url, path: '/socket.io/' };

    // The nameplate is taken on A: B refuses it to another room.
    const other = await presenter(b.url);
    expect(await request(other.socket, 'code-open', { nameplate: shown.nameplate })).toEqual({
      ok: false,
      error: 'taken',
    });
    other.socket.disconnect();

    const joined = await joinByCode({ connect, relay: onB, code: shown });
    if (!joined.ok) throw new Error(`code join failed: ${joined.error}`);
    const phone = await joinPresenterRoom({
      connect,
      relay: onB,
      link: joined.link,
      token: joined.token,
      pid: newParticipantId(),
    });
    await until('the card on the phone', () => phone.view().card === 'doel-of-besparing');
    await phone.vote('doel-of-besparing', 30);
    await until('the vote on A', () => positionsOn(room.state(), 'doel-of-besparing')[0]);
    phone.stop();
    await channel.stop();
    await room.close();
  }, 60_000);
});
