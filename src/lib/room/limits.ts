/**
 * The room's bounds, in one place: the phones, the presenter and the relay all read them, so a
 * frame the client may send is never one the relay drops.
 */
export const ROOM_LIMITS = {
  /** Protocol version inside every decrypted message (2: signed presenter frames, padded plaintext). */
  version: 2,
  /** Random bytes in a room id (128 bits: unguessable, so a room cannot be found by trying). */
  roomIdBytes: 16,
  /** Random bytes in the presenter's secret. */
  secretBytes: 32,
  /** Bytes of a join token (derived from the room key; the relay keeps its hash). */
  joinTokenBytes: 32,
  /** Join-token hashes one room accepts: the link's, and one per code joiner. */
  joinProofsPerRoom: 256,
  /** Random bytes in a phone's participant id. */
  participantIdBytes: 16,
  /** Phones in one room unless the relay is configured for more (KJK_RELAY_PHONES_PER_ROOM). */
  phonesPerRoom: 200,
  /**
   * The most phones any room holds: a plenary of a national congress. The relay's configured cap
   * is at most this; the presenter and the phones accept counts and spreads up to it, so a room
   * is as large as its relay lets it be.
   */
  phonesPerRoomMax: 1000,
  /** Characters of an optional display name. */
  nameMaxChars: 40,
  /**
   * Characters of one encrypted frame on the wire (base64url of IV, ciphertext, tag and, from the
   * presenter, its signature): 5,214 bytes, just room for IV 12 + a padded plaintext of 5,120
   * (pad.ts) + tag 16 + signature 64, which holds a revealed spread of 1,000 positions (about
   * 4,250 bytes of JSON). No more: the relay's memory under a flood of the largest frames grows
   * with this size.
   */
  frameMaxChars: 6952,
  /** Characters of a card id (the card's file name). */
  cardIdMaxChars: 80,
  /** Rounds on one card ("Stem opnieuw"): before, after, and once more at most. */
  roundsPerCard: 3,
  /** The longest countdown a phone is told about: the presenter's timer goes to 60 minutes. */
  timerMaxMs: 60 * 60_000,
  /** Cards in one room scan (room-scan.ts): more tires a room before the talk begins. */
  scanCardsMax: 6,
  /** Tables (tables.ts): 2-20 tables, or tables of 4-8 phones; a scribe's summary of 500 characters. */
  tablesMin: 2,
  tablesMax: 20,
  tableSizeMin: 4,
  tableSizeMax: 8,
  summaryMaxChars: 500,
  /** A table's own timer: whole minutes, as the presenter's timer (1-60). */
  tableTimerMinutesMin: 1,
  tableTimerMinutesMax: 60,
} as const;

/** A position between the two poles of a dilemma. */
export const POSITION_MIN = 0;
export const POSITION_MAX = 100;

/**
 * The typed code's bounds (docs/room-code.md), read by the phone, the presenter and the relay. They
 * are defined in a module of their own and only passed on here: this module is in the join page's
 * start-up JavaScript, and the code's bounds are needed only by the code's lazy chunks.
 */
export { PAKE_LIMITS } from './code-limits.ts';
