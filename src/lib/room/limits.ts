/**
 * The room's bounds, in one place: the phones, the presenter and the relay all read them, so a
 * frame the client may send is never one the relay drops.
 */
export const ROOM_LIMITS = {
  /** Protocol version inside every decrypted message. */
  version: 1,
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
  /** Phones in one room. */
  phonesPerRoom: 200,
  /** Characters of an optional display name. */
  nameMaxChars: 40,
  /** Characters of one encrypted frame on the wire (base64url of IV, ciphertext and tag). */
  frameMaxChars: 4096,
  /** Characters of a card id (the card's file name). */
  cardIdMaxChars: 80,
} as const;

/** A position between the two poles of a dilemma. */
export const POSITION_MIN = 0;
export const POSITION_MAX = 100;

/**
 * The bounds of the typed-code handshake (src/lib/room/pake/, docs/room-code.md): the phone, the
 * presenter and the relay check its four messages against the same numbers.
 */
export const PAKE_LIMITS = {
  /** Protocol version inside every handshake message. */
  version: 1,
  /** Random bytes in the phone's session id. */
  sidBytes: 16,
  /** An encoded ristretto255 element. */
  pointBytes: 32,
  /** HMAC-SHA-512 confirmation tags. */
  tagBytes: 64,
  /** The join proof the presenter hands over (opaque to the handshake). */
  joinProofMaxBytes: 256,
  /** The room key (AES-256). */
  roomKeyBytes: 32,
  /** A handshake message as JSON text: what the relay forwards, at most. */
  messageMaxChars: 1024,
  /** Handshake messages one phone socket may send through the relay (a few attempts, then it reconnects). */
  messagesPerSocket: 12,
  /** Nameplates one relay process holds at once (there are 23² = 529). */
  nameplatesPerRelay: 529,
} as const;
