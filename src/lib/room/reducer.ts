/**
 * The presenter's room state, as a pure reducer: phones join, vote, change, leave and come back;
 * the presenter moves to a card, reveals and closes. The presenter's device is the only store:
 * `positionsOn` is what it saves into the session. What leaves this state for the phones goes
 * through `stateMessage`, which shows no one's position before the reveal, and `youMessage`, which
 * shows one phone its own position only (so a reload gets it back), before the reveal too.
 */
import { LeftPhones } from './left.ts';
import { ROOM_LIMITS } from './limits.ts';
import {
  answersOnCard,
  answersReducer,
  initialAnswers,
  receiveAnswer,
  type AnswersEvent,
  type AnswersState,
} from './answers.ts';
import type { Phase, PhoneMessage, StateMessage, YouMessage } from './schema.ts';
import { isCurrentRound, roundField, voteAgain } from './rounds.ts';
import { acceptsScanVote, type RoomScan, type ScanAction, scanCards, scanReducer } from './room-scan.ts';
import {
  seatJoiner,
  type Tables,
  type TablesAction,
  tableSummary,
  tablesReducer,
  tableVote,
  unseat,
} from './tables.ts';

export interface Participant {
  /** The relay's id for the phone's current socket; null while it is away (locked, offline, reloading). */
  peer: string | null;
  name?: string;
  /** Highest seq seen from this phone: anything at or below it is stale or replayed. */
  seq: number;
}

export interface RoomState {
  card: string | null;
  phase: Phase;
  participants: Record<string, Participant>;
  /** card id → participant id → position. Kept per card, so going back to a card keeps its votes. */
  votes: Record<string, Record<string, number>>;
  /** Cards whose positions were shown. A revealed card stays revealed: no voting after the reveal. */
  revealed: string[];
  /** The presenter's own counter for what it sends. */
  seq: number;
  /**
   * Phones that left: their last seq and socket. A relay that replays a phone's old join and vote
   * must not bring it back, so a leave keeps the counter (bounded: the oldest go first). A
   * persistent set (left.ts): a leave costs O(1), not a copy of everyone who left before.
   */
  left: LeftPhones;
  /** Phones this room takes: the relay's configured cap is the one that admits them. */
  capacity: number;
  /** card id → its finished rounds' votes, round one first (rounds.ts); absent until "Stem opnieuw". */
  earlier?: Record<string, Record<string, number>[]>;
  /** Questions, answers from the phones and their moderation (answers.ts). */
  answers: AnswersState;
  /** The room scan, while one runs (room-scan.ts). */
  scan?: RoomScan;
  /** The room at tables, while it is split (tables.ts). */
  tables?: Tables;
}

export type RoomEvent =
  /** A decrypted, schema-checked message from the phone on socket `peer`. */
  | { type: 'phone'; peer: string; message: PhoneMessage }
  /** The relay says the phone's socket is gone (it may come back with a new one). */
  | { type: 'peer-left'; peer: string }
  | { type: 'card'; card: string | null }
  | { type: 'reveal' }
  | { type: 'close' }
  /** "Stem opnieuw": the next round on the current card (rounds.ts). */
  | { type: 'again' }
  /** The presenter asks a question or moderates its answers. */
  | { type: 'answers'; event: AnswersEvent }

  /** The room scan: start, reveal, end (room-scan.ts). */
  | { type: 'scan'; action: ScanAction }
  /** Tables: split, cards, reveal all, scribe, call, end (tables.ts). */
  | { type: 'tables'; action: TablesAction };

export function initialRoom(card: string | null = null, capacity: number = ROOM_LIMITS.phonesPerRoom): RoomState {
  const cap = Math.max(1, Math.min(capacity, ROOM_LIMITS.phonesPerRoomMax));
  return {
    card,
    phase: 'open',
    participants: {},
    votes: {},
    revealed: [],
    seq: 0,
    left: LeftPhones.empty(cap * LEFT_PER_PLACE),
    capacity: cap,
    answers: initialAnswers(),
  };
}

function phaseFor(state: RoomState, card: string | null): Phase {
  return card !== null && state.revealed.includes(card) ? 'revealed' : 'open';
}

/**
 * Copies of the per-phone records, which hold up to 1,000 keys. Object.assign, not a spread: once a
 * record lost a key (a leave) V8 keeps it as a hash table, and a spread of that costs 2.5-8 ms at
 * 1,000 phones (a computed-key rest too), Object.assign 0.3 ms: per vote, that is the difference.
 */
function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const rest = Object.assign({}, record);
  delete rest[key];
  return rest;
}

function withKey<T>(record: Record<string, T> | undefined, key: string, value: T): Record<string, T> {
  return Object.assign({}, record, { [key]: value });
}

function withoutVote(votes: RoomState['votes'], card: string, pid: string): RoomState['votes'] {
  const onCard = votes[card];
  if (!onCard || !(pid in onCard)) return votes;
  return { ...votes, [card]: without(onCard, pid) };
}

/** Phones that left remembered per place in the room: far above a room, yet bounded against a phone that churns ids. */
const LEFT_PER_PLACE = 5;

/** Another participant id already speaks from this socket (now, or before it left). */
function peerTaken(state: RoomState, peer: string, pid: string): boolean {
  // A loop without Object.entries: no array of 1,000 pairs per join.
  for (const other in state.participants) if (other !== pid && state.participants[other]!.peer === peer) return true;
  return state.left.peerTaken(peer, pid);
}

function onPhone(state: RoomState, peer: string, message: PhoneMessage): RoomState {
  const known = state.participants[message.pid];
  const gone = state.left.get(message.pid);
  if (known && message.seq <= known.seq) return state;
  if (gone && message.seq <= gone.seq) return state;
  if (message.t === 'join') {
    if (!known && Object.keys(state.participants).length >= state.capacity) return state;
    // One participant per socket: a script cannot fill the room from one connection with fresh ids.
    if (peerTaken(state, peer, message.pid)) return state;
    // A reconnect (same pid, new socket) keeps the votes; the name may change or go.
    const participant: Participant = { peer, seq: message.seq, ...(message.name ? { name: message.name } : {}) };
    const participants = withKey(state.participants, message.pid, participant);
    if (!gone) return seatJoiner({ ...state, participants }, message.pid);
    return seatJoiner({ ...state, participants, left: state.left.remove(message.pid) }, message.pid);
  }
  // Votes and leaves only from a phone that joined, from its current socket.
  if (!known || known.peer !== peer) return state;
  const participants = withKey(state.participants, message.pid, { ...known, seq: message.seq });
  if (message.t === 'leave') {
    const rest = without(participants, message.pid);
    const onCurrent =
      state.card !== null && state.phase === 'open' ? withoutVote(state.votes, state.card, message.pid) : state.votes;
    const votes = scanCards(state).reduce((v, card) => withoutVote(v, card, message.pid), onCurrent);
    const left = state.left.add(message.pid, { seq: message.seq, peer });
    return unseat({ ...state, participants: rest, votes, left }, message.pid);
  }
  if (message.t === 'tvote') return tableVote({ ...state, participants }, message.pid, message.card, message.position);
  if (message.t === 'summary') return tableSummary({ ...state, participants }, message.pid, message.text);
  if (message.t === 'answer')
    return { ...state, participants, answers: receiveAnswer(state.answers, message.pid, message.q, message.text) };
  // A vote on one of the scan's cards counts while the scan is open, whichever card is current.
  if (acceptsScanVote(state, message.card)) {
    const onCard = withKey(state.votes[message.card], message.pid, message.position);
    return { ...state, participants, votes: { ...state.votes, [message.card]: onCard } };
  }
  // A vote counts only on the current card while it is open: a late frame for the previous card is dropped.
  if (state.phase !== 'open' || message.card !== state.card) return { ...state, participants };
  if (!isCurrentRound(state, message.card, message.round)) return { ...state, participants };
  const onCard = withKey(state.votes[message.card], message.pid, message.position);
  return { ...state, participants, votes: { ...state.votes, [message.card]: onCard } };
}

export function roomReducer(state: RoomState, event: RoomEvent): RoomState {
  if (state.phase === 'closed') return state;
  switch (event.type) {
    case 'phone':
      return onPhone(state, event.peer, event.message);
    case 'peer-left': {
      const entry = Object.entries(state.participants).find(([, p]) => p.peer === event.peer);
      if (!entry) return state;
      return { ...state, participants: withKey(state.participants, entry[0], { ...entry[1], peer: null }) };
    }
    case 'card':
      if (event.card === state.card) return state;
      return {
        ...state,
        card: event.card,
        phase: phaseFor(state, event.card),
        answers: answersOnCard(state.answers, event.card),
      };
    case 'reveal':
      if (state.card === null || state.phase !== 'open') return state;
      return { ...state, phase: 'revealed', revealed: [...state.revealed, state.card] };
    case 'close':
      return { ...state, phase: 'closed' };
    case 'again':
      return voteAgain(state);
    case 'answers':
      return { ...state, answers: answersReducer(state.answers, event.event) };
    case 'scan':
      return scanReducer(state, event.action);
    case 'tables':
      return tablesReducer(state, event.action);
  }
}

export interface RoomCounts {
  /** Phones in the room with a position on the current card. */
  chosen: number;
  /** Phones in the room, including those briefly away. */
  joined: number;
  /** Phones connected right now. */
  online: number;
}

export function roomCounts(state: RoomState): RoomCounts {
  const all = Object.values(state.participants);
  const onCard = state.card === null ? {} : (state.votes[state.card] ?? {});
  // Only phones still in the room count as chosen: a vote left behind on an earlier card is kept for
  // the session, but "12 van 20" must never read "21 van 20".
  const chosen = Object.keys(onCard).filter((pid) => pid in state.participants).length;
  return { chosen, joined: all.length, online: all.filter((p) => p.peer !== null).length };
}

/** Positions on a card for the presenter's session, with the optional names; the presenter's eyes only. */
export function positionsOn(state: RoomState, card: string): { pid: string; position: number; name?: string }[] {
  return Object.entries(state.votes[card] ?? {}).map(([pid, position]) => {
    const name = state.participants[pid]?.name;
    return name ? { pid, position, name } : { pid, position };
  });
}

/** The socket of a participant, for a direct reply. */
export function peerOf(state: RoomState, pid: string): string | null {
  return state.participants[pid]?.peer ?? null;
}

/** Bumps the presenter's counter: call once per message sent. */
export function nextSeq(state: RoomState): RoomState {
  return { ...state, seq: state.seq + 1 };
}

/** What every phone may see: counts always, the spread (sorted, nameless) only after the reveal. */
export function stateMessage(state: RoomState): StateMessage {
  const counts = roomCounts(state);
  const base = {
    t: 'state' as const,
    v: ROOM_LIMITS.version,
    seq: state.seq,
    card: state.card,
    phase: state.phase,
    chosen: Math.min(counts.chosen, state.capacity),
    joined: Math.min(counts.joined, state.capacity),
    ...roundField(state),
    ...(state.scan ? { scan: { cards: state.scan.cards, phase: state.scan.phase } } : {}),
  };
  if (state.phase !== 'revealed' || state.card === null) return base;
  const spread = Object.values(state.votes[state.card] ?? {})
    .sort((a, b) => a - b)
    .slice(0, state.capacity);
  return { ...base, spread };
}

/** What one phone may see of itself: its own position on the current card, so a reload shows it again. */
export function youMessage(state: RoomState, pid: string): YouMessage {
  const position = state.card === null ? undefined : state.votes[state.card]?.[pid];
  return {
    t: 'you',
    v: ROOM_LIMITS.version,
    seq: state.seq,
    pid,
    card: state.card,
    position: position ?? null,
    ...roundField(state),
  };
}
