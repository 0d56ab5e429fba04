import { describe, expect, it } from 'vitest';
import {
  generatePassphrase,
  PASSPHRASE_WORDS,
  passphraseBits,
  SEPARATOR,
  uniformIndex,
  wordList,
} from '../../src/lib/exchange/passphrase';
import { MIN_GUESSES, passphraseStrength, SECONDS_PER_GUESS } from '../../src/lib/exchange/strength';
import { WORDS as EN } from '../../src/lib/exchange/wordlist-en';
import { WORDS as NL } from '../../src/lib/exchange/wordlist-nl';

describe('the word lists', () => {
  it('2,048 distinct words of 4-8 letters a-z each, Dutch and English apart', () => {
    for (const list of [NL, EN]) {
      expect(list).toHaveLength(2048);
      expect(new Set(list).size).toBe(2048);
      for (const word of list) expect(word).toMatch(/^[a-z]{4,8}$/);
    }
    expect(NL).toContain('aandacht');
    expect(EN).toContain('animal');
  });

  it('leave out words that read badly in a youth-care file', () => {
    for (const word of ['neuken', 'moord', 'dood', 'kanker', 'bloed', 'seks', 'kill', 'dead', 'blood', 'bitch']) {
      expect(NL).not.toContain(word);
      expect(EN).not.toContain(word);
    }
  });

  it('load by language', async () => {
    expect(await wordList('nl')).toBe(NL);
    expect(await wordList('en')).toBe(EN);
  });
});

describe('the generated passphrase', () => {
  it('six words from the list, joined by "-": 66 bits', () => {
    const phrase = generatePassphrase(NL);
    const words = phrase.split(SEPARATOR);
    expect(words).toHaveLength(PASSPHRASE_WORDS);
    for (const word of words) expect(NL).toContain(word);
    expect(passphraseBits(NL.length)).toBe(66);
    expect(passphraseBits(EN.length)).toBeGreaterThanOrEqual(64);
    // Two draws are different (the chance of equal ones is 2^-66).
    expect(generatePassphrase(EN)).not.toBe(generatePassphrase(EN));
  });

  it('draws without modulo bias: values past the last whole multiple are drawn again', () => {
    // n = 3: 2^32 mod 3 = 1, so 2^32 - 1 is the one value to reject.
    const values = [2 ** 32 - 1, 2 ** 32 - 2, 5];
    const random = (buf: Uint32Array<ArrayBuffer>) => {
      buf[0] = values.shift() as number;
    };
    expect(uniformIndex(3, random)).toBe((2 ** 32 - 2) % 3);
    expect(values).toEqual([5]);
    expect(() => uniformIndex(0)).toThrow(RangeError);
    // Every index of a small list comes up (crypto.getRandomValues by default).
    const seen = new Set(Array.from({ length: 400 }, () => uniformIndex(4)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('the strength gate for a typed passphrase', () => {
  it('10^12 guesses at 72 ms each is more than 2,000 core-years', () => {
    expect(MIN_GUESSES).toBe(1e12);
    expect((MIN_GUESSES * SECONDS_PER_GUESS) / (365.25 * 24 * 3600)).toBeGreaterThan(2000);
  });

  it('refuses "Welkom01" and other guessable ones, accepts the generated ones', () => {
    for (const weak of ['Welkom01', 'Welkom2024!', 'wachtwoord123', 'Jeugdzorg2025!', 'kenjekracht2026']) {
      expect(passphraseStrength(weak).ok, weak).toBe(false);
    }
    for (const list of [NL, EN]) {
      for (let i = 0; i < 3; i++) {
        const generated = generatePassphrase(list);
        expect(passphraseStrength(generated).ok, generated).toBe(true);
      }
    }
    expect(passphraseStrength('Ik fiets graag naar Utrecht').ok).toBe(true);
  }, 30_000);
});
