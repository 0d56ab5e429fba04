/**
 * CPace (CFRG draft-irtf-cfrg-cpace-21, §7-§8.3) with the cipher suite CPACE-RISTR255-SHA512:
 * the group ristretto255 and the hash SHA-512, both from the audited noble libraries. Nothing
 * here is a primitive of its own: scalar multiplication, point encoding and decoding, the
 * element derivation (RFC 9496 §4.3.4) and SHA-512 all come from @noble/curves and @noble/hashes;
 * this file only strings them together as the draft's pseudocode does.
 *
 * Use:
 *   const g = calculateGenerator(prs, ci, sid);            // both sides, from the shared password
 *   const a = sampleScalar(); const Ya = scalarMult(a, g); // initiator sends Ya (+ ADa)
 *   const b = sampleScalar(); const Yb = scalarMult(b, g); // responder sends Yb (+ ADb)
 *   const K = scalarMultVfy(b, Ya);                        // null: abort (identity or not a point)
 *   const isk = intermediateSessionKey(sid, K, transcriptIr(Ya, ADa, Yb, ADb));
 *
 * ISK is not a key to use as is (draft §10.3): derive keys from it (see handshake.ts). K must
 * never leave this module's caller: it alone would allow an offline guess of the password.
 * The message flow, the key confirmation and the limits around it are in handshake.ts.
 */
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { bytesToNumberLE } from '@noble/curves/utils.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

const Point = ristretto255.Point;
type RistrettoPoint = InstanceType<typeof Point>;

/** G_Ristretto255.DSI (§8.3). */
export const DSI = utf8ToBytes('CPaceRistretto255');
const DSI_ISK = utf8ToBytes('CPaceRistretto255_ISK');
/** SHA-512's input block size, H.s_in_bytes: the zero padding fills the first block (§8.1). */
const S_IN_BYTES = 128;
/** G_Ristretto255.field_size_bytes; the generator hash is twice as long. */
const FIELD_SIZE_BYTES = 32;
/** Scalars are 32 random bytes with the bits above group_size_bits (252) cleared (§8.3). */
const GROUP_SIZE_BITS = 252n;
/** The encoding of the identity, G.I. */
export const IDENTITY = Point.ZERO.toBytes();

/** prepend_len (Appendix A.1.1): the length in LEB128, then the bytes. */
export function prependLen(data: Uint8Array): Uint8Array {
  const length: number[] = [];
  let n = data.length;
  do {
    length.push((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
    n >>>= 7;
  } while (n > 0);
  return concatBytes(Uint8Array.from(length), data);
}

/** lv_cat (Appendix A.1.3): each argument with its length prepended, so no two inputs collide. */
export function lvCat(...parts: Uint8Array[]): Uint8Array {
  return concatBytes(...parts.map(prependLen));
}

/** generator_string (§8.1, Appendix A.2). */
export function generatorString(prs: Uint8Array, ci: Uint8Array, sid: Uint8Array): Uint8Array {
  const zpad = Math.max(0, S_IN_BYTES - 1 - prependLen(prs).length - prependLen(DSI).length);
  return lvCat(DSI, prs, new Uint8Array(zpad), ci, sid);
}

/** G.calculate_generator (§8.3): the password-derived generator, an internal point. */
export function calculateGenerator(prs: Uint8Array, ci: Uint8Array, sid: Uint8Array): RistrettoPoint {
  const hash = sha512(generatorString(prs, ci, sid)).subarray(0, 2 * FIELD_SIZE_BYTES);
  // RFC 9496 §4.3.4 element derivation (noble types it optional; ristretto255 always has it).
  return ristretto255_hasher.deriveToCurve!(hash);
}

/** G.sample_scalar (§8.3): 32 random bytes, bits above 252 cleared, zero refused (noble rejects it). */
export function sampleScalar(random: (n: number) => Uint8Array = randomBytes): bigint {
  for (;;) {
    const y = bytesToNumberLE(random(32)) & ((1n << GROUP_SIZE_BITS) - 1n);
    if (y !== 0n) return y;
  }
}

/** Little-endian scalar bytes as the draft's vectors give them. */
export function scalarFromBytes(bytes: Uint8Array): bigint {
  return bytesToNumberLE(bytes);
}

/** G.scalar_mult: y·g, encoded. */
export function scalarMult(y: bigint, g: RistrettoPoint): Uint8Array {
  return g.multiply(y).toBytes();
}

/**
 * G.scalar_mult_vfy: y·X for a peer's encoded point X, or null (the draft's G.I) when X does not
 * decode to a ristretto255 element or the result is the identity. The caller MUST abort on null.
 * ristretto255 has prime order, so the identity is the only low-order element to refuse.
 */
export function scalarMultVfy(y: bigint, encoded: Uint8Array): Uint8Array | null {
  let x: RistrettoPoint;
  try {
    x = Point.fromBytes(encoded);
  } catch {
    return null;
  }
  if (x.is0()) return null;
  const k = x.multiply(y);
  return k.is0() ? null : k.toBytes();
}

/** transcript_ir (§6.3): the initiator's message first. */
export function transcriptIr(ya: Uint8Array, ada: Uint8Array, yb: Uint8Array, adb: Uint8Array): Uint8Array {
  return concatBytes(lvCat(ya, ada), lvCat(yb, adb));
}

/** o_cat (Appendix A.3.2): "oc", then the lexicographically larger string first. */
export function oCat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const oc = utf8ToBytes('oc');
  return lexicographicallyLarger(a, b) ? concatBytes(oc, a, b) : concatBytes(oc, b, a);
}

function lexicographicallyLarger(a: Uint8Array, b: Uint8Array): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return a.length > b.length;
}

/** transcript_oc (§6.3): for the symmetric setting without roles (not used by the room). */
export function transcriptOc(ya: Uint8Array, ada: Uint8Array, yb: Uint8Array, adb: Uint8Array): Uint8Array {
  return oCat(lvCat(ya, ada), lvCat(yb, adb));
}

/** ISK = H.hash(lv_cat(DSI || "_ISK", sid, K) || transcript) (§7.2). */
export function intermediateSessionKey(sid: Uint8Array, k: Uint8Array, transcript: Uint8Array): Uint8Array {
  return sha512(concatBytes(lvCat(DSI_ISK, sid, k), transcript));
}

function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}
