/**
 * The bounds of the typed-code handshake (src/lib/room/pake/, docs/room-code.md): the phone, the
 * presenter and the relay check its four messages against the same numbers. Import them from
 * limits.ts, beside ROOM_LIMITS.
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
