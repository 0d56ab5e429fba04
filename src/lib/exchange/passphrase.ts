/**
 * The generated export passphrase: words drawn uniformly from a fixed list with
 * crypto.getRandomValues, joined by "-" (no spaces to lose when copying or typing). Each list
 * has 2,048 common words (wordlist-nl.ts, wordlist-en.ts), so a word carries 11 bits and six
 * words 66 bits: at 72 ms per PBKDF2 guess per core, 2^65 guesses (half the space, on average)
 * take about 8 × 10^10 core-years.
 */
import type { Lang } from '../../routes';

export const PASSPHRASE_WORDS = 6;
export const SEPARATOR = '-';

/** Bits of a passphrase of `count` words drawn uniformly from `listSize` words. */
export function passphraseBits(listSize: number, count = PASSPHRASE_WORDS): number {
  return count * Math.log2(listSize);
}

/** A uniform integer in [0, n): rejection sampling, so no value is likelier (no modulo bias). */
export function uniformIndex(
  n: number,
  random: (buf: Uint32Array<ArrayBuffer>) => void = (b) => void crypto.getRandomValues(b),
): number {
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError('n must be an integer in [1, 2^32]');
  // The largest multiple of n that fits in 32 bits; values at or above it are drawn again.
  const limit = 2 ** 32 - (2 ** 32 % n);
  const buf = new Uint32Array(1);
  for (;;) {
    random(buf);
    const value = buf[0] as number;
    if (value < limit) return value % n;
  }
}

/** Six words from `words`, e.g. "zonnig-kapstok-…". */
export function generatePassphrase(words: readonly string[], count = PASSPHRASE_WORDS): string {
  if (words.length < 2) throw new RangeError('a word list needs at least two words');
  return Array.from({ length: count }, () => words[uniformIndex(words.length)]).join(SEPARATOR);
}

/** The word list of a language, loaded when the export dialog opens (it is not needed before). */
export async function wordList(lang: Lang): Promise<readonly string[]> {
  return lang === 'nl' ? (await import('./wordlist-nl')).WORDS : (await import('./wordlist-en')).WORDS;
}
