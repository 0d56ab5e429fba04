/**
 * The co-facilitator's device (cofac.ts): it joins the relay as a phone does with a link (the join
 * token comes from the room key), never says "join" to the presenter (it takes no place among the
 * voters), announces itself with a hello under its moderation key, and then sends show, hide and
 * highlight commands, each with a higher counter. What it shows comes from the presenter only:
 * frames signed by the presenter's key (the link's), sealed under its own box key. No DOM.
 */
import { importRoomKey, joinToken, openSignedFrame, sealFrame } from './crypto.ts';
import {
  type CoFacKeys,
  type CoFacLink,
  type CoFacVerb,
  deriveCoFacKeys,
  openNotice,
  type QueueNotice,
  signCommand,
} from './cofac.ts';
import { inOrder } from './ordered.ts';
import { parseHostMessage } from './schema.ts';
import { ask, type Connect, type RelayAddress, socketFor } from './relay-socket.ts';
import { importVerifyKey } from './sign.ts';

export type CoFacPhase =
  /** Connecting to the relay, or said hello and waiting for the presenter's queue. */
  | 'connecting'
  | 'ready'
  /** The presenter took the permission back (or made a new hand-over). */
  | 'withdrawn'
  /** Another device opened the same link and moderates now. */
  | 'replaced'
  | 'closed'
  /** The relay refused the room or cannot be reached. */
  | 'unreachable';

export interface CoFacView {
  phase: CoFacPhase;
  queue: QueueNotice | null;
}

export interface CoFacDevice {
  view(): CoFacView;
  /** Show, hide or highlight one answer; false when the permission is gone. */
  command(verb: Exclude<CoFacVerb, 'hello'>, id: number): Promise<boolean>;
  stop(): void;
}

export interface CoFacOptions {
  connect: Connect;
  relay: RelayAddress;
  link: CoFacLink;
  onChange?: (view: CoFacView) => void;
}

const ENDED: readonly CoFacPhase[] = ['withdrawn', 'replaced', 'closed'];

export async function joinAsCoFac(options: CoFacOptions): Promise<CoFacDevice> {
  const { link } = options;
  const key = await importRoomKey(link.key);
  const verify = await importVerifyKey(link.pub);
  if (!key || !verify) throw new Error('not a room link');
  const keys: CoFacKeys = await deriveCoFacKeys(link.mod, link.room);
  const token = await joinToken(key, link.room);
  const socket = socketFor(options.connect, options.relay);
  let view: CoFacView = { phase: 'connecting', queue: null };
  let last = 0;
  let heard = 0;
  const changed = (next: Partial<CoFacView>) => {
    view = { ...view, ...next };
    options.onChange?.(view);
  };
  const ended = () => ENDED.includes(view.phase);
  // A wall-clock counter stays above the last one after a reload, with no storage.
  const counter = () => (last = Math.max(Date.now(), last + 1));
  const ordered = inOrder();
  const send = (verb: CoFacVerb, id?: number) =>
    ordered(
      signCommand(keys, link.room, { n: counter(), c: verb, ...(id === undefined ? {} : { id }) }).then((command) =>
        sealFrame(key, link.room, 'up', command),
      ),
      (frame) => socket.emit('up', frame),
    );

  socket.on('connect', async () => {
    if (ended()) return socket.disconnect();
    const reply = await ask(socket.timeout(10_000).emitWithAck('join', { room: link.room, token }));
    if (!reply.ok) {
      changed({ phase: reply.error === 'closed' || reply.error === 'unknown' ? 'closed' : 'unreachable' });
      socket.disconnect();
      return;
    }
    await send('hello');
  });
  socket.on('connect_error', () => {
    if (view.phase === 'connecting') changed({ phase: 'unreachable' });
  });
  socket.on('room', (signal: unknown) => {
    if (signal === 'closed' || signal === 'gone') changed({ phase: 'closed' });
    // The presenter came back: say hello again, so it knows where this device is.
    else if (signal === 'back' && !ended()) void send('hello');
  });
  let queue = Promise.resolve();
  socket.on('down', (frame: unknown) => {
    queue = queue.then(async () => {
      const opened = await openSignedFrame(key, verify, link.room, frame);
      if (!opened.ok || ended()) return;
      const notice = await openNotice(keys, link.room, opened.value);
      if (!notice) {
        const host = parseHostMessage(opened.value);
        if (host.ok && host.message.t === 'state' && host.message.phase === 'closed') changed({ phase: 'closed' });
        return;
      }
      if (notice.n <= heard) return;
      heard = notice.n;
      if (notice.k === 'queue') changed({ phase: 'ready', queue: notice });
      else changed({ phase: notice.k });
    });
  });

  return {
    view: () => view,
    async command(verb, id) {
      if (view.phase !== 'ready') return false;
      await send(verb, id);
      return true;
    },
    stop() {
      socket.disconnect();
    },
  };
}
