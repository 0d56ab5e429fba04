/**
 * Phones for scripts/bench-plenary.mjs, in a worker thread of their own: their sockets' traffic
 * (every state broadcast reaches each of them) would otherwise share the event loop that times
 * the presenter. Real encrypted frames; each phone keeps the last frame the presenter sent it.
 * Times are wall-clock (performance.timeOrigin + now), comparable across threads.
 * Messages: { id, op, args } → { id, result } | { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import { io } from 'socket.io-client';
import { importRoomKey, joinToken, newParticipantId, openHostFrame, sealFrame } from '../../src/lib/room/crypto.ts';
import { importVerifyKey } from '../../src/lib/room/sign.ts';
import { ROOM_LIMITS } from '../../src/lib/room/limits.ts';
import { frameIv } from '../../src/lib/room/wire.ts';

const wall = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ANSWER = 'Omdat wij in ons team steeds vaker merken dat ouders zelf de regie willen houden. '.repeat(4);

let phones = [];
let key = null;
let verify = null;
let link = null;
let offset = 0;

function socketTo(url, origin) {
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin },
    timeout: 20_000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const seal = (ph, message) =>
  sealFrame(key, link.room, 'up', { ...message, v: ROOM_LIMITS.version, pid: ph.pid, seq: ++ph.seq });

function message(kind, i, round, card, chars) {
  if (kind === 'vote') return { t: 'vote', card, position: (i * 7 + round) % 101 };
  // An answer-sized frame: the room has no answer message yet, so the presenter's schemas drop it on arrival.
  return { t: 'answer', card, text: ANSWER.slice(0, chars - 4) + String(i % 10000).padStart(4, '0') };
}

const ops = {
  /** `count` phones take their place on `url` in waves of 25 and say "I am here". */
  async join(url, roomLink, origin, count, first) {
    link = roomLink;
    offset = first;
    key = await importRoomKey(link.key);
    // Protocol 2: the presenter signs what it sends; a phone checks it with the link's public key.
    verify = await importVerifyKey(link.pub);
    const token = await joinToken(key, link.room);
    for (let i = 0; i < count; i += 25) {
      const wave = await Promise.all(
        Array.from({ length: Math.min(25, count - i) }, async () => {
          const socket = await socketTo(url, origin);
          const reply = await socket.timeout(20_000).emitWithAck('join', { room: link.room, token });
          if (!reply.ok) throw new Error(`join refused: ${reply.error}`);
          const ph = { socket, pid: newParticipantId(), seq: 0, last: null, frames: 0 };
          socket.on('down', (frame) => {
            ph.last = frame;
            ph.frames++;
          });
          return ph;
        }),
      );
      for (const ph of wave) ph.socket.emit('up', await seal(ph, { t: 'join' }));
      phones.push(...wave);
      await sleep(25);
    }
    return phones.length;
  },
  /** Each phone sends one message at a random moment within a second: [iv, sent at][]. */
  async wave(kind, round, card, chars = 0) {
    const frames = await Promise.all(phones.map((ph, i) => seal(ph, message(kind, offset + i, round, card, chars))));
    const sent = [];
    await Promise.all(
      phones.map(
        (ph, i) =>
          new Promise((resolve) =>
            setTimeout(() => {
              sent.push([frameIv(frames[i]), wall()]);
              ph.socket.emit('up', frames[i]);
              resolve();
            }, Math.random() * 1000),
          ),
      ),
    );
    return { sent, frameChars: frames[0]?.length ?? 0 };
  },
  /** Frames received per phone so far. */
  frames: () => phones.map((ph) => ph.frames),
  /** How many phones hold a state with `n` chosen of `n` joined, and how many a revealed spread of `n`. */
  async see(n) {
    let counted = 0;
    let revealed = 0;
    for (const ph of phones) {
      const opened = ph.last ? await openHostFrame(key, verify, link.room, ph.last) : { ok: false };
      if (!opened.ok || opened.message.t !== 'state') continue;
      if (opened.message.chosen === n && opened.message.joined === n) counted++;
      if (opened.message.spread?.length === n) revealed++;
    }
    return { counted, revealed };
  },
  close() {
    for (const ph of phones) ph.socket.disconnect();
    phones = [];
    return true;
  },
};

parentPort.on('message', async ({ id, op, args }) => {
  try {
    parentPort.postMessage({ id, result: await ops[op](...args) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
