/**
 * The room code people type: 8 characters, shown as two groups of four ("KM7R 4XDA").
 *
 * - The first 2 characters are the nameplate: public, sent to the relay, which uses it only to
 *   route the phone to the presenter that registered it (as Magic Wormhole's nameplate).
 * - The last 6 are the password: never sent anywhere; it is CPace's PRS (see handshake.ts).
 *
 * Alphabet: 23 symbols, ACDEFGHJKMNPRTUVWXY3479. Whole look-alike groups are left out, so a
 * code read from the back of a room never holds a glyph that could be another: 0/O/Q, 1/I/L,
 * 2/Z, 5/S, 8/B, 6/G (G stays, 6 goes). A typed character from one of those groups is refused
 * locally with its own error, before any online attempt is spent on a typo.
 *
 * Entropy: password 6·log2(23) ≈ 27.1 bits (1 in 148,035,889); nameplate ≈ 9.0 bits (529 values,
 * not secret). Each online attempt tests exactly one password (CPace); the presenter's limiter
 * (limiter.ts) retires a code after 10 failed attempts, so one code gives an attacker a chance of
 * at most 17 in 148 million (10 failures plus up to 8 in flight, minus one).
 *
 * Normalising: Unicode NFKC (full-width forms), upper case, spaces, dashes, dots and underscores
 * dropped, Cyrillic and Greek capitals that look like Latin letters mapped to them.
 */

export const CODE_ALPHABET = 'ACDEFGHJKMNPRTUVWXY3479';
export const NAMEPLATE_CHARS = 2;
export const PASSWORD_CHARS = 6;
export const CODE_CHARS = NAMEPLATE_CHARS + PASSWORD_CHARS;
/** What the code field takes: room for spaces and dashes a person types between the characters. */
export const CODE_INPUT_MAX = 32;
/** What a person may paste before we stop reading (a code with generous spacing fits). */
const INPUT_MAX_CHARS = 64;
/** Look-alike groups left out of the alphabet: a typed member gets a clear error. */
const EXCLUDED = '0OQ1IL2Z5S8B6';
/** Cyrillic and Greek capitals that render like a Latin letter of the alphabet. */
const HOMOGLYPHS: Record<string, string> = {
  А: 'A',
  С: 'C',
  Е: 'E',
  Н: 'H',
  К: 'K',
  М: 'M',
  Р: 'P',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Α: 'A',
  Ε: 'E',
  Η: 'H',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ρ: 'P',
  Τ: 'T',
  Χ: 'X',
  Υ: 'Y',
};
const SEPARATORS = /[\s\-‐-―−._·]/gu;

export interface RoomCode {
  /** The 8 canonical characters, e.g. "KM7R4XDA". */
  code: string;
  /** Public routing part for the relay, e.g. "KM". */
  nameplate: string;
  /** Secret part, only ever input to CPace, e.g. "7R4XDA". */
  password: string;
}

export type CodeError =
  | { error: 'empty' }
  | { error: 'too-short'; length: number }
  | { error: 'too-long'; length: number }
  /** A character from a look-alike group, e.g. "O": the code never contains it. */
  | { error: 'excluded'; char: string }
  /** Any other character outside the alphabet. */
  | { error: 'invalid'; char: string };

export type ParsedCode = ({ ok: true } & RoomCode) | ({ ok: false } & CodeError);

/** A fresh code, uniform over the alphabet: bytes at or above 253 (= 11·23) are redrawn, so no modulo bias. */
export function generateCode(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = fillRandom): RoomCode {
  const n = CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let code = '';
  while (code.length < CODE_CHARS) {
    for (const byte of random(new Uint8Array(16))) {
      if (byte < limit && code.length < CODE_CHARS) code += CODE_ALPHABET[byte % n];
    }
  }
  return split(code);
}

/** "KM7R4XDA" → "KM7R 4XDA", as the big screen shows it. */
export function formatCode(code: RoomCode | string): string {
  const text = typeof code === 'string' ? code : code.code;
  return `${text.slice(0, 4)} ${text.slice(4)}`;
}

/** Reads what a person typed; a typed error, never a throw. */
export function parseCode(input: string): ParsedCode {
  if (typeof input !== 'string' || input.length > INPUT_MAX_CHARS) {
    return { ok: false, error: 'too-long', length: typeof input === 'string' ? input.length : 0 };
  }
  let text = '';
  for (const ch of input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '')) {
    text += HOMOGLYPHS[ch] ?? ch;
  }
  if (text.length === 0) return { ok: false, error: 'empty' };
  for (const ch of text) {
    if (EXCLUDED.includes(ch)) return { ok: false, error: 'excluded', char: ch };
    if (!CODE_ALPHABET.includes(ch)) return { ok: false, error: 'invalid', char: ch };
  }
  if (text.length < CODE_CHARS) return { ok: false, error: 'too-short', length: text.length };
  if (text.length > CODE_CHARS) return { ok: false, error: 'too-long', length: text.length };
  return { ok: true, ...split(text) };
}

function split(code: string): RoomCode {
  return { code, nameplate: code.slice(0, NAMEPLATE_CHARS), password: code.slice(NAMEPLATE_CHARS) };
}

function fillRandom(bytes: Uint8Array<ArrayBuffer>): Uint8Array {
  return crypto.getRandomValues(bytes);
}

/** A nameplate as the relay takes it: exactly the code's first two characters, canonical. */
export function isNameplate(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length === NAMEPLATE_CHARS && [...value].every((c) => CODE_ALPHABET.includes(c))
  );
}
