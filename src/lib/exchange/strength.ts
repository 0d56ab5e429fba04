/**
 * The gate for a passphrase the person types: zxcvbn-ts estimates how many guesses an attacker
 * who knows common passwords, Dutch and English words and names, keyboard patterns and dates
 * needs, and a passphrase below MIN_GUESSES is refused. Loaded only in the export dialog, when
 * someone chooses to type their own (the dictionaries are about 1 MB gzip).
 *
 * Why 10^12: an encrypted file costs an attacker one PBKDF2 derivation (600,000 rounds, about
 * 72 ms on one core) per guess. 10^12 guesses × 72 ms = 7.2 × 10^10 s ≈ 2,300 core-years for the
 * whole space (half on average). A GPU is faster (about 15,000 guesses a second at 600,000
 * rounds on a current high-end card: 10^12 take about two GPU-years), so this is the floor for a
 * typed passphrase; the generated one (66 bits, ≈ 7.4 × 10^19) is far above it.
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

/** Judges a typed passphrase; `userInputs` are words an attacker may know (the app's name, a team). */
export function passphraseStrength(passphrase: string, userInputs: string[] = []): Strength {
  const { guesses } = zxcvbn().check(passphrase, ['kenjekracht', 'ken je kracht', 'kjk', ...userInputs]);
  const coreYears = (guesses * SECONDS_PER_GUESS) / (365.25 * 24 * 3600);
  return { guesses, coreYears, ok: guesses >= MIN_GUESSES };
}
