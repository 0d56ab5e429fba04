/**
 * The room's end is final (issue #24, item 7): after "closed" no phone shows "away" (or anything
 * else), also when the presenter's socket drops as it closes, or drops without telling the relay.
 */
import { io } from 'socket.io-client';
import { afterEach, expect, it } from 'vitest';
import { newParticipantId } from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { parseRoomFragment } from '../../src/lib/room/fragment';
import { joinPresenterRoom, openPresenterRoom, type Connect, type RoomStatus } from '../../src/lib/room/session';
import { ORIGIN, phone, presenter, request, sleep, testRelay, until } from './support';

const A = 'eigen-kracht-of-veiligheid';
const connect: Connect = (url, options) => io(url, { ...options, forceNew: true, extraHeaders: { origin: ORIGIN } });
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});

/** What a phone showed from its first "closed" on. */
const afterClosed = (statuses: RoomStatus[]) => statuses.slice(statuses.indexOf('closed'));

it('the relay tells no phone "away" when the presenter’s socket drops right after it closed the room', async () => {
  const relay = await testRelay({ sweepMs: 500 });
  cleanup.push(() => relay.close());
  const p = await presenter(relay.url);
  const ph = await phone(relay.url, p.room, p.key);
  cleanup.push(() => ph.socket.disconnect());
  expect(await request(p.socket, 'close', {})).toEqual({ ok: true });
  p.socket.disconnect(); // at once, as the presenter's page does after "Sluit de zaal"
  await until('the phone let go', () => !ph.socket.connected);
  expect(ph.roomStates).toEqual(['closed']);
});

it('"Sluit de zaal": every phone shows "closed" and nothing after it', async () => {
  const relay = await testRelay({ sweepMs: 500 });
  cleanup.push(() => relay.close());
  const address = { origin: relay.url, path: '/socket.io/' };
  const presenterRoom = await openPresenterRoom({ connect, relay: address, card: A, broadcastMs: 20 });
  cleanup.push(() => presenterRoom.stop());
  const link = parseRoomFragment(presenterRoom.fragment);
  if (!link.ok) throw new Error('bad link');
  const seen: RoomStatus[][] = [[], []];
  const phones = await Promise.all(
    seen.map((statuses) =>
      joinPresenterRoom({
        connect,
        relay: address,
        link,
        pid: newParticipantId(),
        onChange: (v) => statuses.push(v.status),
      }),
    ),
  );
  for (const p of phones) cleanup.push(() => p.stop());
  await until('both joined', () => phones.every((p) => p.view().joined === 2));
  await presenterRoom.close();
  await until('closed on both', () => phones.every((p) => p.view().status === 'closed'));
  await sleep(800); // past the relay's sweep, which says "closed" again and lets the phones go
  for (const statuses of seen) expect(afterClosed(statuses)).toEqual(['closed']);
  expect(phones.map((p) => p.view().card)).toEqual([A, A]);
});

it('a presenter whose socket drops as it sends "closed" (no close for the relay): phones stay closed through "away" and "gone"', async () => {
  const relay = await testRelay({ graceMs: 300 });
  cleanup.push(() => relay.close());
  const p = await presenter(relay.url);
  const statuses: RoomStatus[] = [];
  const ph = await joinPresenterRoom({
    connect,
    relay: { origin: relay.url, path: '/socket.io/' },
    link: { room: p.room, key: p.keyText, pub: p.pub },
    pid: newParticipantId(),
    onChange: (v) => statuses.push(v.status),
  });
  cleanup.push(() => ph.stop());
  await until('joined', () => ph.view().status === 'open');
  await p.send({ t: 'state', v: ROOM_LIMITS.version, seq: 1, card: A, phase: 'open', chosen: 0, joined: 1 });
  await until('the card', () => ph.view().card === A);
  await p.send({ t: 'state', v: ROOM_LIMITS.version, seq: 2, card: A, phase: 'closed', chosen: 0, joined: 1 });
  // Its socket drops the moment the frame is through (a client's disconnect can overtake its last
  // emit): the relay hears "the presenter left", never "closed", and says "away" to the phones.
  await until('the last frame through the relay', () => relay.metrics.framesDown === 2);
  p.socket.disconnect();
  await until('closed', () => ph.view().status === 'closed');
  await sleep(800); // "away" at once, "gone" after the grace period
  expect(afterClosed(statuses)).toEqual(['closed']);
  expect(ph.view().status).toBe('closed');
});
