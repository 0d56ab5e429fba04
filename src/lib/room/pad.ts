/**
 * Padding of room plaintext before encryption. AES-GCM keeps the length, so without padding a
 * frame's size told the relay the position (195/196/198 characters for 5/50/100), the length of a
 * name and often the card. Every message is padded to a bucket: the phone's join, vote and leave
 * all fit the small one, so they look alike; larger messages (an answer of 280 characters, a
 * revealed spread) take the next multiple of a block, which says only roughly how large they are.
 *
 * The scheme is ISO/IEC 7816-4's: one 0x80 byte, then zeros. It is unambiguous for any content
 * and costs at least one byte, so every message is padded, also one that ends on a bucket's edge.
 */

/**
 * The small bucket: a vote with the longest card id (80 characters), a join with a name of 40
 * characters of any script (4 UTF-8 bytes each), a leave, and the presenter's "state" and "you"
 * before a reveal.
 */
export const PAD_SMALL = 256;
/**
 * Anything larger, to the next multiple of this: an answer of 280 characters (up to 3 UTF-8 bytes
 * each in the Latin, Greek, Cyrillic and Arabic scripts) with its question id fits one block.
 */
export const PAD_BLOCK = 1024;

/** The padded length for `length` bytes of plaintext. */
export function paddedLength(length: number): number {
  const least = length + 1;
  return least <= PAD_SMALL ? PAD_SMALL : Math.ceil(least / PAD_BLOCK) * PAD_BLOCK;
}

export function pad(plain: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(paddedLength(plain.length));
  out.set(plain);
  out[plain.length] = 0x80;
  return out;
}

/** The plaintext without its padding; null when the padding is missing or the length is no bucket. */
export function unpad(padded: Uint8Array): Uint8Array | null {
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== 0x80 || paddedLength(end) !== padded.length) return null;
  return padded.subarray(0, end);
}
