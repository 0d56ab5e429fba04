/**
 * Rooms shared between relay processes through Redis (KJK_RELAY_REDIS_URL, @socket.io/redis-adapter):
 * the process where a room was created owns its record and answers the others' questions; a
 * process with a presenter or phones of a room owned elsewhere reaches it with those questions.
 *
 * What crosses Redis (so anyone who can read it sees): the adapter's broadcasts, which are the
 * encrypted frames ('up', 'down'; opaque without the room key, which never reaches the relay),
 * socket ids ('peer', 'up', direct 'down'), room states ('room') and room names (h:/p: + room id);
 * and the questions in events.ts. Never a secret, a join token, a key or anything in clear.
 */
import { ReplayWindow } from './core.ts';
import type { RelayServer } from './events.ts';
import type { LocalRooms } from './local.ts';
import type { Nameplates } from './nameplates.ts';
import type { GrantResult, HostResult, RoomPath } from './rooms.ts';

/** Attaches the Redis adapter; returns the clients, to quit on close. */
export async function connectRedis(io: RelayServer, url: string): Promise<{ quit(): Promise<unknown> }[]> {
  const [{ createClient }, { createAdapter }] = await Promise.all([
    import('redis'),
    import('@socket.io/redis-adapter'),
  ]);
  const pub = createClient({ url });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (err: Error) => console.error(`relay: redis: ${err.message}`));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, { key: 'kjk-relay', requestsTimeout: 2000 }));
  return [pub, sub];
}

const str = (value: unknown): value is string => typeof value === 'string';

/** The owner's side: answers the other processes about the rooms whose records are here. */
export function answerPeers(io: RelayServer, local: LocalRooms, nameplates: Nameplates): void {
  io.on('kjk:nameplate', (nameplate, reply) => reply(str(nameplate) ? (nameplates.get(nameplate)?.host ?? '') : ''));
  io.on('kjk:exists', (room, reply) => reply(local.knows(room) ? 'taken' : 'no'));
  io.on('kjk:admit', (q, reply) => reply(local.knows(q.room) ? local.admitHere(q.room, q.proof ?? null) : 'unknown'));
  io.on('kjk:release', (room) => local.release(room));
  // The presenter came back on another process: the owner checks the secret's hash and takes the new socket.
  io.on('kjk:host', async (q, reply) => {
    if (!local.knows(q.room)) return reply('unknown');
    if (!str(q.proof) || !str(q.id)) return reply('denied');
    const result = await local.host(q.room, q.proof, q.id);
    if (result === 'ok') local.hosted(q.room);
    reply(result);
  });
  io.on('kjk:host-left', (q) => local.hostLeft(q.room, q.id));
  io.on('kjk:close', (q) => local.close(q.room, q.id));
  io.on('kjk:grant', async (q, reply) => {
    if (!local.knows(q.room)) return reply('unknown');
    if (!str(q.proof) || !str(q.id)) return reply('denied');
    reply(await local.grant(q.room, q.id, q.proof));
  });
}

/**
 * The asking side: rooms owned by another process. Without Redis there is no other process and
 * every question finds nothing, so a room unknown here is unknown.
 */
export function remoteRooms(
  io: RelayServer,
  shared: boolean,
  replayWindow: number,
): RoomPath & { exists(room: string): Promise<boolean>; nameplateHost(nameplate: string): Promise<string | null> } {
  /** Replay windows for rooms owned elsewhere that have sockets on this process. */
  const windows = new Map<string, { ivs: ReplayWindow; sockets: number }>();

  /** The answers that came; the adapter's requestsTimeout bounds the wait. */
  const answers = (send: (cb: (err: Error, answers: string[]) => void) => void): Promise<string[]> =>
    shared
      ? new Promise((resolve) => send((_err, got) => resolve(Array.isArray(got) ? got : [])))
      : Promise.resolve([]);
  const pick = <T extends string>(got: string[], order: readonly T[], fallback: T): T =>
    order.find((a) => got.includes(a)) ?? fallback;

  return {
    async exists(room) {
      return (await answers((cb) => io.serverSideEmit('kjk:exists', room, cb))).includes('taken');
    },
    async nameplateHost(nameplate) {
      const got = await answers((cb) => io.serverSideEmit('kjk:nameplate', nameplate, cb));
      return got.find((id) => str(id) && id !== '') ?? null;
    },
    async host(room, proof, id): Promise<HostResult> {
      const got = await answers((cb) => io.serverSideEmit('kjk:host', { room, proof, id }, cb));
      return pick(got, ['ok', 'denied', 'closed'] as const, 'unknown');
    },
    hosted() {}, // the owner told the phones when it took the socket
    async admit(room, proof) {
      const got = await answers((cb) => io.serverSideEmit('kjk:admit', { room, proof }, cb));
      return { result: pick(got, ['ok', 'full', 'closed', 'denied'] as const, 'unknown'), host: true };
    },
    release: (room) => io.serverSideEmit('kjk:release', room),
    hostLeft: (room, id) => io.serverSideEmit('kjk:host-left', { room, id }),
    close: (room, id) => io.serverSideEmit('kjk:close', { room, id }),
    async grant(room, id, proof): Promise<GrantResult> {
      const got = await answers((cb) => io.serverSideEmit('kjk:grant', { room, id, proof }, cb));
      return pick(got, ['ok', 'denied', 'limit'] as const, 'unknown');
    },
    enter(room) {
      const entry = windows.get(room) ?? { ivs: new ReplayWindow(replayWindow), sockets: 0 };
      entry.sockets++;
      windows.set(room, entry);
    },
    leave(room) {
      const entry = windows.get(room);
      if (entry && --entry.sockets <= 0) windows.delete(room);
    },
    fresh: (room, frame) => windows.get(room)?.ivs.fresh(frame) ?? true,
    touch() {},
  };
}
