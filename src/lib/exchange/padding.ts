/**
 * Size buckets for encrypted files: without them a file's size tells anyone who sees it (a mail
 * server, a shared folder) almost exactly how much was written. The plaintext gets one 0x80 byte
 * and then zeros (ISO/IEC 7816-4 padding: unambiguous for any content) up to its bucket:
 *
 * - up to 1 MiB: the next power of two, at least 1 KiB (1, 2, 4, … 1024 KiB: eleven sizes that
 *   hold every session file and most backups);
 * - above 1 MiB: the next multiple of an eighth of the power of two below (1.125, 1.25, … MiB),
 *   so a large backup grows by less than 12.5% and stays within mail limits and the import limit.
 */
const MIN_BUCKET = 1024;
const POWER_OF_TWO_UNTIL = 1024 * 1024;
const MARKER = 0x80;

/** The padded size for `length` bytes of plaintext (the marker byte included). */
export function paddedLength(length: number): number {
  const needed = length + 1;
  if (needed <= MIN_BUCKET) return MIN_BUCKET;
  const power = 2 ** Math.ceil(Math.log2(needed));
  if (power <= POWER_OF_TWO_UNTIL) return power;
  const step = 2 ** (Math.floor(Math.log2(needed)) - 3);
  return Math.ceil(needed / step) * step;
}

export function pad(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(paddedLength(bytes.length));
  out.set(bytes);
  out[bytes.length] = MARKER;
  return out;
}

/** The plaintext without its padding, or null when the padding is not well formed. */
export function unpad(bytes: Uint8Array): Uint8Array | null {
  let end = bytes.length - 1;
  while (end >= 0 && bytes[end] === 0) end--;
  if (end < 0 || bytes[end] !== MARKER) return null;
  return bytes.subarray(0, end);
}
