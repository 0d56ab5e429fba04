/**
 * The two ends of a room over the relay, without DOM: the presenter's room (which owns the vote
 * state) and a phone's membership. The socket.io client is passed in (`connect`), so this module
 * does not pull it into a page: the islands import socket.io-client only when a room is opened.
 *
 * Both ends decrypt in arrival order (a join that finishes decrypting after its vote would lose
 * the vote), check every decrypted message with the schemas, and drop what fails.
 */
import {
  exportRoomKey,
  hashPresenterSecret,
  importRoomKey,
  joinToken,
  joinTokenHash,
  newPresenterSecret,
  newRoomId,
  newRoomKey,
  openHostFrame,
  openPhoneFrame,
  sealFrame,
  sealHostFrame,
} from './crypto.ts';
import { formatRoomFragment, type RoomLink } from './fragment.ts';
import { ROOM_LIMITS } from './limits.ts';
import { inOrder } from './ordered.ts';
import { exportVerifyKey, importVerifyKey, newSigningKeys } from './sign.ts';
import { nextPhoneStatus, type PhoneEvent, refusalStatus, type RoomStatus } from './phone-status.ts';
import {
  initialRoom,
  nextSeq,
  peerOf,
  roomReducer,
  stateMessage,
  youMessage,
  type RoomEvent,
  type RoomState,
} from './reducer.ts';
import type { HostMessage, Phase } from './schema.ts';
import { phoneTimer, type PhoneTimer, TIMER_OFF, timerChanged, timerWire, type TimerWire } from './timer.ts';
import type { TimerState } from '../deck/timer.ts';
import { askMessage, type AnswersEvent } from './answers.ts';
import { type AskView, askView } from './answers-schema.ts';
import { nextPhoneScan, type PhoneScan, type ScanAction, scanSpread } from './room-scan.ts';
import { createTablesSync, type TablesAction } from './tables.ts';
import type { TableInfo } from './schema.ts';
import { ask, type Connect, type RelayAddress, type Reply, socketFor } from './relay-socket.ts';

export type { RoomStatus } from './phone-status.ts';
export type { Connect, RelayAddress, Reply } from './relay-socket.ts';

/** A refused presenter: a wrong secret means the relay no longer holds this room. */
function presenterStatus(error: Extract<Reply, { ok: false }>['error']): RoomStatus {
  return error === 'denied' ? 'gone' : refusalStatus(error);
}

/** A serial queue: each task starts after the previous one ended. */
function serial() {
  let tail = Promise.resolve();
  return (task: () => Promise<void>) => {
    tail = tail.then(task, task).catch(() => undefined);
    return tail;
  };
}

export interface PresenterRoom {
  link: RoomLink;
  /** `#room=<id>,<key>,<pub>` for the join page's address and the QR code. */
  fragment: string;
  state(): RoomState;
  status(): RoomStatus;
  setCard(card: string | null): void;
  reveal(): void;
  /** "Stem opnieuw": the next round on the current card, after its reveal (rounds.ts). */
  again(): void;
  /** The presenter's timer, shown on every phone (null: no timer); phones that join later get it too. */
  setTimer(timer: TimerState | null): void;
  /** Asks a question or moderates its answers; the phones get what changed for them. */
  answers(event: AnswersEvent): void;
  /** Starts, reveals or ends the room scan (room-scan.ts); the reveal sends each card's spread. */
  scan(action: ScanAction): void;
  /** Splits the room into tables, steers them, ends them (tables.ts); each phone hears of its own table only. */
  tables(action: TablesAction): void;
  /** Ends the room: phones are told, the relay forgets it. */
  close(): Promise<void>;
  /**
   * Lets the relay admit one more join token, by its hash (joinTokenHash): a phone that joined by
   * a typed code gets its token from the presenter after the key exchange. False when refused.
   */
  grant(proof: string): Promise<boolean>;
  /**
   * Opens the typed code's channel at the relay under `nameplate` (the code's public part),
   * replacing the one before; "taken" means another room holds it: draw another code.
   */
  openCode(nameplate: string): Promise<Reply>;
  /** Closes the code's channel: the relay forwards nothing more for it. */
  closeCode(): Promise<void>;
  /** Where the phones' handshake messages go (JSON text, unchecked: the code host checks them). */
  onCode(handlers: CodeHandlers): void;
  /** A handshake message for the phone on socket `peer`. */
  sendCode(peer: string, message: object): void;
  /** Leaves without closing (the relay waits its grace period for a comeback). */
  stop(): void;
  /** Where an "up" frame that is no phone message goes (a co-facilitator's command, cofac-host.ts). */
  onOther(handler: (peer: string, frame: unknown) => Promise<void> | void): void;
  /** A signed message to one socket outside the phones' schemas (the co-facilitator's, cofac.ts). */
  sendTo(peer: string, message: object): Promise<void>;
  /** A socket left the room (a phone or the co-facilitator's device). */
  onPeerLeft(handler: (peer: string) => void): void;
}

export interface CodeHandlers {
  message(peer: string, message: string): void;
  /** After a reconnect the relay gave the nameplate to another room: show a new code. */
  lost(): void;
}

export interface PresenterOptions {
  connect: Connect;
  relay: RelayAddress;
  card: string | null;
  /** Called after every change, with the state to save into the session. */
  onChange?: (state: RoomState, status: RoomStatus) => void;
  /** Coalesces the state broadcast after votes; the default suits 200 phones. */
  broadcastMs?: number;
  /** Phones the presenter takes (default: ROOM_LIMITS.phonesPerRoomMax). */
  capacity?: number;
}

export async function openPresenterRoom(options: PresenterOptions): Promise<PresenterRoom> {
  const room = newRoomId();
  const key = await newRoomKey();
  const secret = newPresenterSecret();
  const proof = await hashPresenterSecret(secret);
  // Only the link's holders may take a place: the relay keeps the hash of the token the link gives.
  const join = await joinTokenHash(await joinToken(key, room));
  // What it sends is signed: phones hold the room key, only the presenter holds this private key.
  const signing = await newSigningKeys();
  const link = { room, key: await exportRoomKey(key), pub: await exportVerifyKey(signing.publicKey) };
  // The relay's configured cap admits the phones: the presenter takes as many as any relay may.
  let state = initialRoom(options.card, options.capacity ?? ROOM_LIMITS.phonesPerRoomMax);
  let status: RoomStatus = 'connecting';
  let created = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let nameplate: string | null = null;
  let code: CodeHandlers | null = null;
  let other: ((peer: string, frame: unknown) => Promise<void> | void) | null = null;
  let peerLeft: ((peer: string) => void) | null = null;
  let clock: { timer: TimerState | null; sent: TimerWire | null; at: number } = { timer: null, sent: null, at: 0 };
  const queue = serial();
  const socket = socketFor(options.connect, options.relay);
  const changed = () => options.onChange?.(state, status);

  const ordered = inOrder();
  const send = (message: HostMessage, to?: string) =>
    ordered(sealHostFrame(key, signing.privateKey, room, message), (frame) => {
      if (to) socket.emit('down', frame, to);
      else socket.emit('down', frame);
    });
  const broadcastNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    state = nextSeq(state);
    return send(stateMessage(state));
  };
  const broadcastSoon = () => {
    timer ??= setTimeout(() => void broadcastNow(), options.broadcastMs ?? 150);
  };
  const sendTimer = (to?: string) => {
    const now = Date.now();
    const wire = timerWire(clock.timer, now);
    if (!to) clock = { ...clock, sent: wire, at: now };
    state = nextSeq(state);
    return send({ t: 'timer', v: ROOM_LIMITS.version, seq: state.seq, ...wire }, to);
  };
  const apply = (event: RoomEvent) => {
    state = roomReducer(state, event);
    changed();
  };
  // The question and the shown answers go down only when what the phones see of them changed.
  let asked = JSON.stringify(askMessage(state.answers, 0));
  const syncAsk = async () => {
    const now = JSON.stringify(askMessage(state.answers, 0));
    if (now === asked) return;
    asked = now;
    state = nextSeq(state);
    await send(askMessage(state.answers, state.seq));
  };
  /** Each revealed scan card's spread, one message per card (to one phone that came back, or all). */
  const sendScanSpreads = async (to?: string) => {
    if (state.scan?.phase !== 'revealed') return;
    const { cards } = state.scan;
    // A phone that just came needs the scan itself first: it keeps only spreads of the scan it knows.
    if (to) {
      state = nextSeq(state);
      await send(stateMessage(state), to);
    }
    for (const card of cards) {
      state = nextSeq(state);
      await send(
        { t: 'scan-spread', v: ROOM_LIMITS.version, seq: state.seq, card, spread: scanSpread(state, card) },
        to,
      );
    }
  };

  const seated = createTablesSync();
  const syncTables = async () => {
    for (const change of seated.changes(state, Date.now())) {
      state = nextSeq(state);
      await send({ t: 'table', v: ROOM_LIMITS.version, seq: state.seq, table: change.table }, change.peer);
    }
  };

  const ready = new Promise<void>((resolve, reject) => {
    socket.on('connect', async () => {
      // After a network blip the same device proves its secret; the first time it registers the hash.
      const reply = created
        ? await ask(socket.timeout(10_000).emitWithAck('host', { room, secret }))
        : await ask(socket.timeout(10_000).emitWithAck('create', { room, proof, join }));
      if (reply.ok) {
        const back = created;
        created = true;
        status = 'open';
        changed();
        resolve();
        void broadcastNow();
        // The relay dropped the code's channel with the old socket: open it again, or ask for a new code.
        if (back && nameplate) {
          const again = await ask(socket.timeout(10_000).emitWithAck('code-open', { nameplate }));
          if (!again.ok) code?.lost();
        }
      } else {
        // Refused on a comeback: the relay restarted or forgot the room. What arrived stays in the state.
        status = created ? 'gone' : presenterStatus(reply.error);
        changed();
        socket.disconnect();
        reject(new Error(`the relay refused the room: ${reply.error}`));
      }
    });
    // No relay answers. Never: "unreachable". Not any more (killed, crashed, network gone): the relay
    // keeps no rooms, so this one is gone; what arrived stays in the state. socket.io keeps retrying,
    // and a relay that still knows the room (a short blip) takes the presenter back as "open".
    socket.on('connect_error', () => {
      if (status === 'connecting') {
        status = created ? 'gone' : 'unreachable';
        changed();
      }
    });
  });

  socket.on('up', (peer: unknown, frame: unknown) => {
    if (typeof peer !== 'string') return;
    void queue(async () => {
      const opened = await openPhoneFrame(key, room, frame);
      if (!opened.ok) return void (await other?.(peer, frame));
      apply({ type: 'phone', peer, message: opened.message });
      if (opened.message.t === 'join' && peerOf(state, opened.message.pid) === peer) {
        state = nextSeq(state);
        await send(youMessage(state, opened.message.pid), peer);
        if (timerWire(clock.timer, Date.now()).run !== TIMER_OFF.run) await sendTimer(peer);
        if (state.answers.current) {
          state = nextSeq(state);
          await send(askMessage(state.answers, state.seq), peer);
        }
        await sendScanSpreads(peer);
        seated.forget(opened.message.pid);
      }
      await syncTables();
      broadcastSoon();
    });
  });
  socket.on('code-up', (peer: unknown, message: unknown) => {
    if (typeof peer === 'string' && typeof message === 'string') code?.message(peer, message);
  });
  socket.on('peer', (peer: unknown, present: unknown) => {
    if (typeof peer !== 'string' || present !== false) return;
    void queue(async () => {
      apply({ type: 'peer-left', peer });
      broadcastSoon();
      peerLeft?.(peer);
    });
  });
  socket.on('disconnect', (reason) => {
    if (status === 'closed') return;
    // The relay ended the socket (restart, forgotten room): this room is gone; what arrived is kept.
    status = reason === 'io server disconnect' ? 'gone' : 'connecting';
    changed();
  });

  await ready;
  return {
    link,
    fragment: formatRoomFragment(link),
    state: () => state,
    status: () => status,
    setCard(card) {
      void queue(async () => {
        apply({ type: 'card', card });
        await broadcastNow();
        await syncAsk();
      });
    },
    reveal() {
      void queue(async () => {
        apply({ type: 'reveal' });
        await broadcastNow();
      });
    },
    again() {
      void queue(async () => {
        apply({ type: 'again' });
        await broadcastNow();
      });
    },
    setTimer(timer) {
      void queue(async () => {
        clock = { ...clock, timer };
        const now = Date.now();
        if (timerChanged(clock.sent, timerWire(timer, now), now - clock.at)) await sendTimer();
      });
    },
    answers(event) {
      void queue(async () => {
        apply({ type: 'answers', event });
        await syncAsk();
      });
    },
    scan(action) {
      void queue(async () => {
        apply({ type: 'scan', action });
        await broadcastNow();
        if (action.kind === 'reveal') await sendScanSpreads();
      });
    },
    tables(action) {
      void queue(async () => {
        apply({ type: 'tables', action });
        await syncTables();
      });
    },
    async close() {
      await queue(async () => {
        apply({ type: 'close' });
        await broadcastNow();
        await ask(socket.timeout(10_000).emitWithAck('close', {}));
        status = 'closed';
        changed();
        socket.disconnect();
      });
    },
    async grant(extra) {
      const reply = await ask(socket.timeout(10_000).emitWithAck('grant', { proof: extra }));
      return reply.ok;
    },
    async openCode(next) {
      const reply = await ask(socket.timeout(10_000).emitWithAck('code-open', { nameplate: next }));
      if (reply.ok) nameplate = next;
      return reply;
    },
    async closeCode() {
      nameplate = null;
      await ask(socket.timeout(10_000).emitWithAck('code-close', {}));
    },
    onCode(handlers) {
      code = handlers;
    },
    sendCode(peer, message) {
      socket.emit('code-down', peer, JSON.stringify(message));
    },
    stop() {
      if (timer) clearTimeout(timer);
      socket.disconnect();
    },
    onOther(handler) {
      other = handler;
    },
    onPeerLeft(handler) {
      peerLeft = handler;
    },
    sendTo(peer, message) {
      // Sealed and signed like every presenter frame; phones' schemas refuse it, its own reader checks it.
      return send(message as HostMessage, peer);
    },
  };
}

/** What a phone shows. */
export interface PhoneView {
  status: RoomStatus;
  card: string | null;
  phase: Phase;
  chosen: number;
  joined: number;
  /** Everyone's positions, after the reveal only. */
  spread: number[] | null;
  /** This phone's own position on the current card, as the presenter has it (or just sent). */
  position: number | null;
  /** The round on the current card ("Stem opnieuw"): 1 until the presenter opens another. */
  round: number;
  /** The presenter's timer, counted down on this phone's clock (timer.ts); null until one arrives. */
  timer: PhoneTimer | null;
  /** The presenter's open question and the answers shown to the room; null when none. */
  ask?: AskView | null;
  /** The room scan, while one runs (room-scan.ts). */
  scan: PhoneScan | null;
  /** This phone's table while the room sits at tables (tables.ts); absent or null otherwise. */
  table?: TableInfo | null;
}

export interface PhoneRoom {
  view(): PhoneView;
  vote(card: string, position: number): Promise<void>;
  /** Sends an answer to question `q`; false when that question takes no answers (any more). */
  answer(q: number, text: string): Promise<boolean>;
  /** A position on one of the open scan's cards. */
  scanVote(card: string, position: number): Promise<void>;
  /** A position at this phone's table, on its table's card, until the table reveals. */
  tableVote(position: number): Promise<void>;
  /** The table's summary (the scribe's phone only); false when this phone does not hold the pen. */
  summary(text: string): Promise<boolean>;
  leave(): Promise<void>;
  stop(): void;
}

export interface PhoneOptions {
  connect: Connect;
  relay: RelayAddress;
  link: RoomLink;
  /** Kept in sessionStorage by the page, so a reload comes back as the same participant. */
  pid: string;
  name?: string;
  onChange?: (view: PhoneView) => void;
  /** The join token when it does not come from the link (a code joiner's, granted by the presenter). */
  token?: string;
}

export async function joinPresenterRoom(options: PhoneOptions): Promise<PhoneRoom> {
  const key = await importRoomKey(options.link.key);
  if (!key) throw new Error('not a room key');
  const verify = await importVerifyKey(options.link.pub);
  if (!verify) throw new Error('not a public key');
  const { room } = options.link;
  const token = options.token ?? (await joinToken(key, room));
  const socket = socketFor(options.connect, options.relay);
  const queue = serial();
  let view: PhoneView = {
    status: 'connecting',
    card: null,
    phase: 'open',
    chosen: 0,
    joined: 0,
    spread: null,
    position: null,
    round: 1,
    timer: null,
    scan: null,
  };
  let lastSeq = 0;
  let hostSeq = -1;
  const changed = (next: Partial<PhoneView>) => {
    view = { ...view, ...next };
    options.onChange?.(view);
  };
  // A wall-clock counter stays above the last one after a reload, with no storage.
  const seq = () => (lastSeq = Math.max(Date.now(), lastSeq + 1));
  const ordered = inOrder();
  const send = (message: Record<string, unknown>) =>
    ordered(sealFrame(key, room, 'up', { ...message, v: ROOM_LIMITS.version, pid: options.pid, seq: seq() }), (frame) =>
      socket.emit('up', frame),
    );
  const hello = () => send({ t: 'join', ...(options.name ? { name: options.name } : {}) });
  /** Moves the status (phone-status.ts owns the rules); tells the page only when it changed. */
  const move = (event: PhoneEvent) => {
    const status = nextPhoneStatus(view.status, event);
    if (status !== view.status) changed({ status });
    return status;
  };

  let joined = false;
  socket.on('connect', async () => {
    if (view.status === 'closed') return socket.disconnect();
    const reply = await ask(socket.timeout(10_000).emitWithAck('join', { room, token }));
    if (!reply.ok) {
      move({ type: 'refused', error: reply.error, again: joined });
      socket.disconnect();
      return;
    }
    joined = true;
    if (move({ type: 'joined', host: reply.host !== false }) !== 'closed') await hello();
  });
  socket.on('connect_error', () => move({ type: 'connect-error' }));
  socket.on('down', (frame: unknown) => {
    void queue(async () => {
      const opened = await openHostFrame(key, verify, room, frame);
      // After the end nothing the relay passes on changes what the phone shows.
      if (!opened.ok || opened.message.seq < hostSeq || view.status === 'closed') return;
      hostSeq = opened.message.seq;
      const m = opened.message;
      if (m.t === 'timer') {
        changed({ timer: phoneTimer(m, performance.now()) });
      } else if (m.t === 'state') {
        // A new round starts with no position: the phone chooses again, not confirms its old one.
        const position = m.card === view.card && (m.round ?? 1) === view.round ? view.position : null;
        changed({
          card: m.card,
          phase: m.phase,
          chosen: m.chosen,
          joined: m.joined,
          spread: m.spread ?? null,
          position,
          round: m.round ?? 1,
          status: nextPhoneStatus(view.status, { type: 'state', phase: m.phase }),
          scan: nextPhoneScan(view.scan, m.scan),
        });
      } else if (m.t === 'ask') {
        changed({ ask: askView(m) });
      } else if (m.t === 'scan-spread') {
        const scan = view.scan;
        if (scan?.phase === 'revealed' && scan.cards.includes(m.card))
          changed({ scan: { ...scan, spreads: { ...scan.spreads, [m.card]: m.spread } } });
      } else if (m.t === 'table') {
        changed({ table: m.table });
      } else if (m.pid === options.pid) {
        changed({ card: m.card, position: m.position, round: m.round ?? 1 });
      }
    });
  });
  socket.on('room', (state: unknown) => {
    if (state !== 'away' && state !== 'back' && state !== 'closed' && state !== 'gone') return;
    // "back" brings the presenter again (never after the end): it needs this phone's join.
    if (move({ type: 'signal', signal: state }) === 'open' && state === 'back') void hello();
  });
  socket.on('disconnect', (reason) => move({ type: 'disconnect', reason }));

  return {
    view: () => view,
    async vote(card, position) {
      if (view.phase !== 'open' || card !== view.card) return;
      changed({ position });
      await send({ t: 'vote', card, position, ...(view.round > 1 ? { round: view.round } : {}) });
    },
    async answer(q, text) {
      if (!view.ask?.open || view.ask.q !== q) return false;
      await send({ t: 'answer', q, text });
      return true;
    },
    async scanVote(card, position) {
      if (view.scan?.phase !== 'open' || !view.scan.cards.includes(card)) return;
      await send({ t: 'vote', card, position });
    },
    async tableVote(position) {
      const table = view.table;
      if (!table || table.revealed) return;
      changed({ table: { ...table, position } });
      await send({ t: 'tvote', card: table.card, position });
    },
    async summary(text) {
      if (!view.table?.scribe) return false;
      await send({ t: 'summary', text });
      return true;
    },
    async leave() {
      await send({ t: 'leave' });
      socket.disconnect();
    },
    stop() {
      socket.disconnect();
    },
  };
}
