/**
 * A seeded pseudo-random generator: cyrb128 hashes the seed string to 128 bits, which seed
 * sfc32 (from PractRand; tiny, fast, passes its statistical tests).
 *
 * PUBLIC CONTRACT: shared and printed links carry a seed (`?schud=k7f2x`) and must give the
 * same order forever. Never change these functions; a golden test in deck.test.ts guards them.
 * Not for anything secret.
 */

/** cyrb128 by bryc: a string to four 32-bit words. */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A generator of floats in [0, 1), fully determined by `seed`. */
export function createRandom(seed: string): () => number {
  let [a, b, c, d] = cyrb128(seed);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** What a seed in a URL may look like: 1 to 16 lower-case letters and digits. */
const SEED = /^[a-z0-9]{1,16}$/;

export function isValidSeed(s: string): boolean {
  return SEED.test(s);
}

/** No 0/o, 1/l/i: a seed is read from paper and typed by hand. Still a subset of [a-z0-9]. */
const SEED_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** A fresh random seed such as "k7f2x" (5 characters: 31^5 ≈ 29 million decks). */
export function newSeed(length = 5): string {
  let out = '';
  // Rejection sampling: bytes >= 248 (= 8 * 31) are skipped so every letter is equally likely.
  const limit = 256 - (256 % SEED_ALPHABET.length);
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += SEED_ALPHABET[byte % SEED_ALPHABET.length];
    }
  }
  return out;
}
