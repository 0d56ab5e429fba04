/**
 * The presenter's signature over real sockets (src/lib/room/sign.ts, session.ts): a phone that holds
 * the link (and so the room key) cannot pose as the presenter. Against the real relay, its "down"
 * frames are dropped; against a relay that passes them on anyway (a lying or broken one, played
 * here by a bare socket.io server), the other phones refuse them: only signed frames count.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { expect, it } from 'vitest';
import {
  joinToken,
  newParticipantId,
  newRoomId,
  newRoomKey,
  exportRoomKey,
  importRoomKey,
  sealFrame,
  sealHostFrame,
} from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { joinPresenterRoom, type PhoneRoom } from '../../src/lib/room/session';
import { exportVerifyKey, newSigningKeys } from '../../src/lib/room/sign';
import { base64urlToBytes, bytesToBase64url } from '../../src/lib/room/wire';
import { client, connected, health, ORIGIN, request, until } from './support';
import { cleanups, connect, hostedRoom } from './hosted';

const A = 'eigen-kracht-of-veiligheid';
const B = 'doel-of-besparing';
const v = ROOM_LIMITS.version;
const cleanup = cleanups();

/** A "state" as a hostile phone would like every phone to see: another card, the room closed. */
const hostile = (seq: number) => ({ t: 'state', v, seq, card: B, phase: 'closed', chosen: 0, joined: 0 });

it('a phone with the link that emits presenter frames changes nothing on the other phones', async () => {
  const { relay, address, presenter, link } = await hostedRoom(cleanup, A);
  const phones: PhoneRoom[] = [];
  for (let i = 0; i < 2; i++) {
    const p = await joinPresenterRoom({ connect, relay: address, link, pid: newParticipantId() });
    cleanup.push(() => p.stop());
    phones.push(p);
  }
  await until('both on card A', () => phones.every((p) => p.view().card === A && p.view().joined === 2));

  // Mallory scanned the QR: she has the room key and seals valid AES-GCM "down" frames with it.
  const key = (await importRoomKey(link.key))!;
  const mallory = client(relay.url);
  cleanup.push(() => mallory.disconnect());
  await connected(mallory);
  expect(await request(mallory, 'join', { room: link.room, token: await joinToken(key, link.room) })).toEqual({
    ok: true,
    host: true,
  });
  const forged = await sealFrame(key, link.room, 'down', hostile(Number.MAX_SAFE_INTEGER));
  mallory.emit('down', forged);
  mallory.emit('close', {});
  // Sent up, it reaches only the presenter, which opens phone frames as "up": nothing.
  mallory.emit('up', await sealFrame(key, link.room, 'down', hostile(Number.MAX_SAFE_INTEGER - 1)));
  await until('the relay dropped her presenter frames', async () => (await health(relay.url)).dropped.spoofed >= 2);

  // The presenter goes on; every phone follows it, and only it.
  presenter.setCard(B);
  await until('card B from the presenter', () => phones.every((p) => p.view().card === B));
  presenter.setCard(A);
  await until('card A again', () => phones.every((p) => p.view().card === A));
  for (const p of phones) expect(p.view()).toMatchObject({ status: 'open', phase: 'open', card: A, joined: 2 });
});

it('a relay that passes forged frames on: the phone takes only what the presenter signed', async () => {
  // The presenter's keys, as openPresenterRoom makes them; the phone gets the link.
  const room = newRoomId();
  const key = await newRoomKey();
  const signing = await newSigningKeys();
  const link = { room, key: await exportRoomKey(key), pub: await exportVerifyKey(signing.publicKey) };

  // A bare socket.io server that admits the phone and then delivers whatever it is given.
  const http = createServer();
  const server = new Server(http, { cors: { origin: ORIGIN } });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const joined = new Promise<(frame: string) => void>((resolve) => {
    server.on('connection', (socket) => {
      socket.on('join', (_args: unknown, ack: (reply: unknown) => void) => {
        ack({ ok: true, host: true });
        resolve((frame) => socket.emit('down', frame));
      });
    });
  });
  const phone = await joinPresenterRoom({
    connect,
    relay: { origin: url, path: '/socket.io/' },
    link,
    pid: newParticipantId(),
  });
  cleanup.push(() => phone.stop());
  const deliver = await joined;

  const genuine = (seq: number, card: string, chosen = 0) =>
    sealHostFrame(key, signing.privateKey, room, { t: 'state', v, seq, card, phase: 'open', chosen, joined: 1 });
  deliver(await genuine(1, A));
  await until('the genuine state', () => phone.view().card === A);

  // Sealed with the room key by a phone; signed by a key of its own; signed by the presenter for
  // another room; the presenter's frame with its signature changed.
  const own = await newSigningKeys();
  const other = newRoomId();
  const good = base64urlToBytes(await sealHostFrame(key, signing.privateKey, room, hostile(100)))!;
  good[good.length - 1]! ^= 1;
  const forgeries = [
    await sealFrame(key, room, 'down', hostile(100)),
    await sealHostFrame(key, own.privateKey, room, hostile(101)),
    await sealHostFrame(key, signing.privateKey, other, hostile(102)),
    bytesToBase64url(good),
  ];
  for (const frame of forgeries) deliver(frame);
  deliver(await genuine(2, A, 1));
  // The genuine frame after them arrives in order on the same socket: once it counts, they were judged.
  await until('the second genuine state', () => phone.view().chosen === 1);
  expect(phone.view()).toMatchObject({ status: 'open', phase: 'open', card: A });
  deliver(await genuine(3, B));
  await until('the presenter moves on', () => phone.view().card === B);
});
