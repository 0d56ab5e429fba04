/**
 * The gate for a passphrase the person types: zxcvbn-ts estimates how many guesses an attacker
 * who knows common passwords, Dutch and English words and names, keyboard patterns and dates
 * needs, and a passphrase below MIN_GUESSES is refused. Loaded only in the export dialog, when
 * someone chooses to type their own (the dictionaries are about 1 MB gzip).
 *
 * Why 10^12: an encrypted file costs an attacker one PBKDF2 derivation (600,000 rounds, about
 * 72 ms on one core) per guess. 10^12 guesses × 72 ms = 7.2 × 10^10 s ≈ 2,300 core-years for the
 * whole space (half on average). A GPU is faster (about 15,000 guesses a second at 600,000
 * rounds on a current high-end card: 10^12 take about two GPU-years, a farm of 100 about a week),
 * so this is the floor for a typed passphrase, not a wall; the generated one (66 bits,
 * ≈ 7.4 × 10^19) is far above it, and is the default for that reason.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as common } from '@zxcvbn-ts/language-common';
import { dictionary as english } from '@zxcvbn-ts/language-en';
import { dictionary as dutch } from '@zxcvbn-ts/language-nl-be';

export const MIN_GUESSES = 1e12;
/** Seconds per guess per core for one PBKDF2-SHA-256 derivation at 600,000 rounds. */
export const SECONDS_PER_GUESS = 0.072;

let estimator: ZxcvbnFactory | null = null;

function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    graphs: adjacencyGraphs,
    dictionary: { ...common, ...english, ...dutch },
  });
  return estimator;
}

export interface Strength {
  /** zxcvbn's estimate of the guesses needed. */
  guesses: number;
  /** Years one core needs to try that many guesses. */
  coreYears: number;
  ok: boolean;
}

/**
 * Words anyone who finds the file can guess: the app's own name and field. "Jeugdzorg2025!"
 * must not pass because the dictionary happens to miss "jeugdzorg".
 */
export const APP_WORDS = ['ken je kracht', 'kjk', 'jeugdzorg', 'eigen kracht', 'spanningsveld'] as const;

/**
 * The forms of `texts` an attacker would try: each word of three letters or more, and each run
 * of neighbouring words written together ("Team Noord" → "teamnoord"). zxcvbn matches user
 * inputs as whole dictionary words and floors each match at 50 guesses, so four title words in
 * a row would score 10^12 as four matches; as one or two runs they score what they are worth.
 */
export function knownWords(texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    // The first 12 words of a text: at most 78 runs each, however long a title is.
    const parts = text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .slice(0, 12);
    for (const w of parts) if (w.length >= 3) words.add(w);
    for (let from = 0; from < parts.length; from++) {
      for (let to = from + 2; to <= parts.length; to++) words.add(parts.slice(from, to).join(''));
    }
  }
  return [...words];
}

/**
 * Judges a typed passphrase. `userInputs` are texts an attacker who holds the file may know or
 * guess (the session's title and team, the team names of a backup); the app's own words are
 * always among them.
 */
export function passphraseStrength(passphrase: string, userInputs: readonly string[] = []): Strength {
  const { guesses } = zxcvbn().check(passphrase, knownWords([...userInputs, ...APP_WORDS]));
  const coreYears = (guesses * SECONDS_PER_GUESS) / (365.25 * 24 * 3600);
  return { guesses, coreYears, ok: guesses >= MIN_GUESSES };
}
