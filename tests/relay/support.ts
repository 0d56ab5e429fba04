/**
 * Helpers for the relay tests: a relay on a free port, presenters and phones that speak the
 * real protocol (encrypted frames), and a wait that fails with a message instead of hanging.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { DEFAULTS, type RelayConfig } from '../../relay/config';
import { startRelay, type Health, type Relay } from '../../relay/relay';
import {
  exportRoomKey,
  hashPresenterSecret,
  joinToken,
  joinTokenHash,
  newParticipantId,
  newPresenterSecret,
  newRoomId,
  newRoomKey,
  openHostFrame,
  openPhoneFrame,
  sealFrame,
  sealHostFrame,
} from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import type { HostMessage, PhoneMessage } from '../../src/lib/room/schema';
import { exportVerifyKey, importVerifyKey, newSigningKeys } from '../../src/lib/room/sign';

export const ORIGIN = 'http://127.0.0.1:4321';

export function testRelay(overrides: Partial<RelayConfig> = {}): Promise<Relay> {
  return startRelay({ ...DEFAULTS, port: 0, origins: [ORIGIN], sweepMs: 50, ...overrides });
}

export function client(
  url: string,
  origin: string | null = ORIGIN,
  transports: ('websocket' | 'polling')[] = ['websocket'],
  path = '/socket.io/',
): Socket {
  return connect(url, {
    path,
    transports,
    reconnection: false,
    forceNew: true,
    timeout: 5000,
    ...(origin ? { extraHeaders: { origin } } : {}),
  });
}

export function until<T>(what: string, check: () => T | undefined | false, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const value = check();
      if (value) return resolve(value);
      if (Date.now() - started > ms) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
}

export type AckReply = { ok: true; host?: boolean } | { ok: false; error: string };
export function request(socket: Socket, event: string, payload: unknown): Promise<AckReply> {
  return socket.timeout(5000).emitWithAck(event, payload);
}

export interface Presenter {
  socket: Socket;
  room: string;
  key: CryptoKey;
  keyText: string;
  /** The presenter's public key, as the link carries it beside the key. */
  pub: string;
  secret: string;
  /** Decrypted, schema-checked phone messages in arrival order, with the sending peer. */
  received: { peer: string; message: PhoneMessage }[];
  /** Frames that did not open or failed the schemas. */
  rejected: number;
  peers: Map<string, boolean>;
  send(message: HostMessage, to?: string): Promise<string>;
  /** A frame as this presenter seals and signs it, to emit from another socket. */
  seal(message: HostMessage): Promise<string>;
}

/**
 * The presenter's public key for a room key made by presenter(): phone() takes the room key, as
 * before, and finds the public key that the link carries with it here.
 */
const verifyKeys = new WeakMap<CryptoKey, CryptoKey>();

export async function presenter(url: string, path?: string): Promise<Presenter> {
  const socket = client(url, ORIGIN, ['websocket'], path);
  await connected(socket);
  const room = newRoomId();
  const key = await newRoomKey();
  const secret = newPresenterSecret();
  const reply = await request(socket, 'create', {
    room,
    proof: await hashPresenterSecret(secret),
    join: await joinTokenHash(await joinToken(key, room)),
  });
  if (!reply.ok) throw new Error(`create refused: ${reply.error}`);
  const signing = await newSigningKeys();
  verifyKeys.set(key, signing.publicKey);
  const p: Presenter = {
    socket,
    room,
    key,
    keyText: await exportRoomKey(key),
    pub: await exportVerifyKey(signing.publicKey),
    secret,
    received: [],
    rejected: 0,
    peers: new Map(),
    async send(message, to) {
      const frame = await sealHostFrame(key, signing.privateKey, room, message);
      if (to) socket.emit('down', frame, to);
      else socket.emit('down', frame);
      return frame;
    },
    seal: (message) => sealHostFrame(key, signing.privateKey, room, message),
  };
  // Decrypt in arrival order, as the presenter island must: a join that finishes decrypting after its vote would lose the vote.
  let queue = Promise.resolve();
  socket.on('up', (peer: string, frame: string) => {
    queue = queue.then(async () => {
      const opened = await openPhoneFrame(key, room, frame);
      if (opened.ok) p.received.push({ peer, message: opened.message });
      else p.rejected++;
    });
  });
  socket.on('peer', (peer: string, present: boolean) => p.peers.set(peer, present));
  return p;
}

/** A phone message without the fields the helper fills in (distributed over the union). */
type Outgoing = PhoneMessage extends infer M ? (M extends PhoneMessage ? Omit<M, 'pid' | 'seq' | 'v'> : never) : never;

export interface Phone {
  socket: Socket;
  pid: string;
  received: HostMessage[];
  rejected: number;
  roomStates: string[];
  seq: number;
  send(message: Outgoing): Promise<string>;
}

/** A room opened with the real presenter code (openPresenterRoom): phone() then checks its frames with the link's `pub`. */
export async function trustPresenter(key: CryptoKey, pub: string): Promise<void> {
  const verify = await importVerifyKey(pub);
  if (!verify) throw new Error('not a public key');
  verifyKeys.set(key, verify);
}

export async function phone(
  url: string,
  room: string,
  key: CryptoKey,
  origin: string = ORIGIN,
  transports: ('websocket' | 'polling')[] = ['websocket'],
  path?: string,
): Promise<Phone> {
  const socket = client(url, origin, transports, path);
  await connected(socket);
  // A phone with the link: it derives the join token from the room key.
  const reply = await request(socket, 'join', { room, token: await joinToken(key, room) });
  if (!reply.ok) throw new Error(`join refused: ${reply.error}`);
  const ph: Phone = {
    socket,
    pid: newParticipantId(),
    received: [],
    rejected: 0,
    roomStates: [],
    seq: 0,
    async send(message) {
      const frame = await sealFrame(key, room, 'up', {
        ...message,
        v: ROOM_LIMITS.version,
        pid: ph.pid,
        seq: ++ph.seq,
      });
      socket.emit('up', frame);
      return frame;
    },
  };
  let queue = Promise.resolve();
  const verify = verifyKeys.get(key);
  socket.on('down', (frame: string) => {
    queue = queue.then(async () => {
      const opened = verify ? await openHostFrame(key, verify, room, frame) : { ok: false as const };
      if (opened.ok) ph.received.push(opened.message);
      else ph.rejected++;
    });
  });
  socket.on('room', (state: string) => ph.roomStates.push(state));
  return ph;
}

export async function health(url: string): Promise<Health> {
  const res = await fetch(`${url}/healthz`);
  if (!res.ok) throw new Error(`healthz ${res.status}`);
  return res.json();
}
