/**
 * The presenter's end of the co-facilitator (cofac.ts): makes a hand-over (a new moderation key and
 * the link for the QR), checks every command that reaches the presenter, applies accepted ones
 * through the room's own moderation (`room.answers`, the reducer the presenter's clicks use), and
 * sends the answer queue to the one device that holds the permission, sealed under its box key and
 * addressed to its socket only. No DOM: the control view's island drives it.
 */
import { importRoomKey, openFrame } from './crypto.ts';
import {
  type CoFacHostState,
  type CoFacKeys,
  type CoFacNotice,
  checkCommand,
  deriveCoFacKeys,
  formatCoFacFragment,
  handOver,
  NO_COFAC,
  newModerationKey,
  queueNotice,
  sealNotice,
  withdraw,
} from './cofac.ts';
import type { AnswersState } from './answers.ts';
import type { PresenterRoom } from './session.ts';

/** What the control view shows of the hand-over. */
export interface CoFacStatus {
  /** none: never handed over; waiting: a link exists, no device said hello; here: a device moderates. */
  kind: 'none' | 'waiting' | 'here' | 'withdrawn';
  /** The moderation link's fragment while a hand-over stands. */
  fragment: string | null;
}

export interface CoFacHost {
  status(): CoFacStatus;
  /** A new hand-over: a new key replaces the old one, whose device is told. Returns the fragment. */
  handOver(): Promise<string>;
  /** Takes the permission back: the device is told, its commands are dropped. */
  withdraw(): Promise<void>;
  /** Sends the queue again when what the device sees of the answers changed. */
  sync(answers: AnswersState): Promise<void>;
  stop(): void;
}

export interface CoFacHostOptions {
  room: PresenterRoom;
  onStatus?: (status: CoFacStatus) => void;
  /** Counts what was dropped and why (tests, metrics). */
  onDrop?: (reason: string) => void;
}

export function startCoFacHost(options: CoFacHostOptions): CoFacHost {
  const { room } = options;
  const id = room.link.room;
  let state: CoFacHostState = NO_COFAC;
  let status: CoFacStatus = { kind: 'none', fragment: null };
  let n = 0;
  let sent = '';
  let stopped = false;
  const setStatus = (next: CoFacStatus) => {
    status = next;
    options.onStatus?.(status);
  };
  const notify = async (keys: CoFacKeys, peer: string, notice: CoFacNotice) => {
    await room.sendTo(peer, await sealNotice(keys, id, notice));
  };
  const sendQueue = async (answers: AnswersState) => {
    const grant = state.current;
    if (!grant?.peer) return;
    const notice = queueNotice(answers, ++n);
    sent = JSON.stringify({ ...notice, n: 0 });
    await notify(grant.keys, grant.peer, notice);
  };
  const tellGone = async (from: CoFacHostState) => {
    const old = from.current;
    if (old?.peer) await notify(old.keys, old.peer, { k: 'withdrawn', n: ++n });
  };

  const roomKey = importRoomKey(room.link.key);
  room.onOther(async (peer, frame) => {
    const key = await roomKey;
    if (stopped || !key) return;
    // The frame failed the phones' schemas; a co-facilitator's command is sealed the same way.
    const opened = await openFrame(key, id, 'up', frame);
    if (!opened.ok) return options.onDrop?.('decrypt');
    const verdict = await checkCommand(state, id, peer, opened.value, room.state().answers);
    if (verdict.kind === 'drop') return options.onDrop?.(verdict.reason);
    if (verdict.kind === 'withdrawn') return notify(verdict.grant.keys, peer, { k: 'withdrawn', n: ++n });
    const before = state.current;
    state = verdict.state;
    if (verdict.kind === 'hello') {
      if (verdict.replaced && before) await notify(before.keys, verdict.replaced, { k: 'replaced', n: ++n });
      setStatus({ kind: 'here', fragment: status.fragment });
      await sendQueue(room.state().answers);
      return;
    }
    room.answers(verdict.event);
  });

  // The device went (its phone locked, the relay lost it): waiting again until it says hello anew.
  room.onPeerLeft((peer) => {
    if (!stopped && status.kind === 'here' && state.current?.peer === peer)
      setStatus({ kind: 'waiting', fragment: status.fragment });
  });

  return {
    status: () => status,
    async handOver() {
      const mod = newModerationKey();
      const keys = await deriveCoFacKeys(mod, id);
      const before = state;
      state = handOver(state, keys);
      await tellGone(before);
      const fragment = formatCoFacFragment({ ...room.link, mod });
      setStatus({ kind: 'waiting', fragment });
      return fragment;
    },
    async withdraw() {
      const before = state;
      state = withdraw(state);
      await tellGone(before);
      setStatus({ kind: 'withdrawn', fragment: null });
    },
    async sync(answers) {
      if (!state.current?.peer) return;
      if (JSON.stringify({ ...queueNotice(answers, 0) }) === sent) return;
      await sendQueue(answers);
    },
    stop() {
      stopped = true;
    },
  };
}
