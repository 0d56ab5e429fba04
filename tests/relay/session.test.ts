/**
 * The room's two ends (src/lib/room/session.ts) over a real relay: the presenter's vote state, the
 * phones' view, a reload that keeps a position, and the relay dying mid-vote.
 */
import { io } from 'socket.io-client';
import { afterEach, expect, it } from 'vitest';
import { newParticipantId } from '../../src/lib/room/crypto';
import { parseRoomFragment } from '../../src/lib/room/fragment';
import { positionsOn, roomCounts } from '../../src/lib/room/reducer';
import { exportVerifyKey, newSigningKeys } from '../../src/lib/room/sign';
import {
  joinPresenterRoom,
  openPresenterRoom,
  type Connect,
  type PhoneRoom,
  type RoomStatus,
} from '../../src/lib/room/session';
import { startRelayProcess } from './processes';
import { ORIGIN, testRelay, until } from './support';

const A = 'eigen-kracht-of-veiligheid';
const B = 'doel-of-besparing';
const connect: Connect = (url, options) => io(url, { ...options, forceNew: true, extraHeaders: { origin: ORIGIN } });
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});

it('runs a vote: count before, spread after the reveal, a reload keeps the position, close tells everyone', async () => {
  const relay = await testRelay();
  cleanup.push(() => relay.close());
  const address = { origin: relay.url, path: '/socket.io/' };
  const presenter = await openPresenterRoom({ connect, relay: address, card: A, broadcastMs: 20 });
  cleanup.push(() => presenter.stop());
  const link = parseRoomFragment(presenter.fragment);
  expect(link.ok).toBe(true);
  if (!link.ok) return;

  const pids = [newParticipantId(), newParticipantId(), newParticipantId()];
  const phones: PhoneRoom[] = [];
  for (const pid of pids) {
    const p = await joinPresenterRoom({
      connect,
      relay: address,
      link,
      pid,
      ...(pid === pids[0] ? { name: 'Sam' } : {}),
    });
    cleanup.push(() => p.stop());
    phones.push(p);
  }
  await until('three joined', () => phones.every((p) => p.view().joined === 3 && p.view().card === A));
  await phones[0]!.vote(A, 20);
  await phones[1]!.vote(A, 80);
  await until('"2 van 3"', () => phones.every((p) => p.view().chosen === 2));
  expect(phones[2]!.view().spread).toBeNull();
  expect(roomCounts(presenter.state())).toEqual({ chosen: 2, joined: 3, online: 3 });
  expect(positionsOn(presenter.state(), A)).toContainEqual({ pid: pids[0], position: 20, name: 'Sam' });

  // Phone 2 reloads: the same participant id on a new socket gets its position back.
  phones[1]!.stop();
  await until('phone 2 away', () => roomCounts(presenter.state()).online === 2);
  const reloaded = await joinPresenterRoom({ connect, relay: address, link, pid: pids[1]! });
  cleanup.push(() => reloaded.stop());
  await until('position restored', () => reloaded.view().position === 80);
  expect(roomCounts(presenter.state())).toEqual({ chosen: 2, joined: 3, online: 3 });

  presenter.reveal();
  await until('the spread on the phones', () => phones[0]!.view().spread?.join() === '20,80');
  expect(phones[0]!.view().phase).toBe('revealed');
  await phones[2]!.vote(A, 50); // too late: ignored
  presenter.setCard(B);
  await until('the next card', () => phones[2]!.view().card === B && phones[2]!.view().spread === null);
  expect(positionsOn(presenter.state(), A)).toHaveLength(2);

  await presenter.close();
  await until(
    'closed on the phones',
    () => phones[0]!.view().status === 'closed' && reloaded.view().status === 'closed',
  );
});

it('keeps every vote when the relay dies mid-vote, and says the room is gone', async () => {
  const relay = await testRelay();
  const address = { origin: relay.url, path: '/socket.io/' };
  const statuses: RoomStatus[] = [];
  const presenter = await openPresenterRoom({
    connect,
    relay: address,
    card: A,
    onChange: (_s, status) => statuses.push(status),
  });
  cleanup.push(() => presenter.stop());
  const link = parseRoomFragment(presenter.fragment);
  if (!link.ok) throw new Error('bad link');
  const phone = await joinPresenterRoom({ connect, relay: address, link, pid: newParticipantId() });
  cleanup.push(() => phone.stop());
  await until('joined', () => phone.view().joined === 1);
  await phone.vote(A, 35);
  await until('the vote', () => positionsOn(presenter.state(), A).length === 1);
  await relay.close();
  await until('"gone" on the presenter', () => presenter.status() === 'gone');
  await until('"gone" on the phone', () => phone.view().status === 'gone', 3000).catch((e) => {
    throw new Error(`${e.message}; phone says ${phone.view().status}`);
  });
  expect(positionsOn(presenter.state(), A)).toEqual([{ pid: expect.any(String), position: 35 }]);
});

it('keeps every vote when the relay process is killed: the presenter says the room is gone, the phone that it cannot reach it', async () => {
  const relay = await startRelayProcess({ KJK_RELAY_ORIGIN: ORIGIN });
  cleanup.push(() => relay.stop());
  const address = { origin: relay.url, path: '/socket.io/' };
  const presenter = await openPresenterRoom({ connect, relay: address, card: A });
  cleanup.push(() => presenter.stop());
  const link = parseRoomFragment(presenter.fragment);
  if (!link.ok) throw new Error('bad link');
  const phone = await joinPresenterRoom({ connect, relay: address, link, pid: newParticipantId() });
  cleanup.push(() => phone.stop());
  await until('joined', () => phone.view().joined === 1);
  await phone.vote(A, 90);
  await until('the vote', () => positionsOn(presenter.state(), A).length === 1);
  relay.process.kill('SIGKILL');
  await until('"gone" on the presenter', () => presenter.status() === 'gone', 15_000);
  await until('"unreachable" on the phone', () => phone.view().status === 'unreachable', 15_000);
  expect(positionsOn(presenter.state(), A)).toEqual([{ pid: expect.any(String), position: 90 }]);
}, 90_000); // a process start takes seconds on a busy machine

it('says so plainly when there is no relay or no such room', async () => {
  const relay = await testRelay();
  cleanup.push(() => relay.close());
  const address = { origin: relay.url, path: '/socket.io/' };
  const pub = await exportVerifyKey((await newSigningKeys()).publicKey);
  const views: string[] = [];
  const lost = await joinPresenterRoom({
    connect,
    relay: address,
    link: { room: 'A'.repeat(22), key: 'B'.repeat(43), pub },
    pid: newParticipantId(),
    onChange: (v) => views.push(v.status),
  });
  cleanup.push(() => lost.stop());
  await until('"unknown"', () => lost.view().status === 'unknown');
  const nowhere = await joinPresenterRoom({
    connect: (url, o) => connect(url, { ...o, reconnection: false }),
    relay: { origin: 'http://127.0.0.1:9', path: '/socket.io/' },
    link: { room: 'A'.repeat(22), key: 'B'.repeat(43), pub },
    pid: newParticipantId(),
  });
  cleanup.push(() => nowhere.stop());
  await until('"unreachable"', () => nowhere.view().status === 'unreachable');
});
