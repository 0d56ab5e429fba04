/**
 * Turning the bytes of a backup file into text, strictly. The app writes UTF-8 without a
 * byte-order mark, but a backup opened and saved again in an editor may come back as UTF-8
 * with a BOM, UTF-16 (little or big endian, with or without BOM) or Windows-1252 ("ANSI").
 *
 * The encoding is DETECTED, never guessed silently: a BOM names it; without one, the pattern
 * of NUL bytes gives UTF-16 away (the file starts with ASCII JSON, so every other byte is 0);
 * otherwise the bytes must be valid UTF-8. Only when they are not, and every byte is one that
 * Windows-1252 defines, is the file read as Windows-1252, and the preview says so. Every
 * decoder runs with `fatal: true`, so a byte sequence that does not fit is refused with a
 * message instead of becoming U+FFFD (�) in someone's notes.
 */

export const TEXT_ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName }
  | {
      ok: false;
      /** 'encoding': the bytes fit none of the encodings above; 'binary': not text at all (an image); 'empty': no bytes. */
      code: 'encoding' | 'empty' | 'binary';
      details: string[];
    };

/** Bytes Windows-1252 leaves undefined: a file holding them was not saved as Windows-1252. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the BOM was already recognised and cut off by the caller; a second one is content.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM, told apart by where the NUL bytes sit in the first KB: JSON starts
 * with ASCII, so UTF-16 LE has 0 in every odd byte and BE in every even one. UTF-8 and
 * Windows-1252 text has no NUL bytes at all.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.9 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs * 0.9 && oddNul === 0) return 'utf-16be';
  return null;
}

/** NUL and the C0 controls other than tab, line feed, form feed and carriage return: never in a text file. */
const isBinaryByte = (b: number) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d;

const refuse = (detail: string): DecodeResult => ({ ok: false, code: 'encoding', details: [detail] });

export function decodeBackup(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, code: 'empty', details: ['The file is empty.'] };
  const b0 = bytes[0];
  const b1 = bytes[1];
  let encoding: TextEncodingName;
  let body = bytes;
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    body = bytes.subarray(3);
  } else if (b0 === 0xff && b1 === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (b0 === 0xfe && b1 === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) encoding = utf16;
    else if (bytes.some(isBinaryByte)) {
      return { ok: false, code: 'binary', details: ['The file holds bytes that no text file has (it is not text).'] };
    } else {
      const utf8 = strict('utf-8', bytes);
      if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
      if (bytes.some((b) => UNDEFINED_IN_1252.has(b))) {
        return refuse('The file is not valid UTF-8, UTF-16 or Windows-1252 text.');
      }
      const ansi = strict('windows-1252', bytes);
      if (ansi === null) return refuse('The file is not valid Windows-1252 text.');
      return { ok: true, text: ansi, encoding: 'windows-1252' };
    }
  }
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  if (label !== 'utf-8' && body.length % 2 !== 0)
    return refuse(`The file is not complete ${label.toUpperCase()} text.`);
  const text = strict(label, body);
  if (text === null)
    return refuse(`The file says it is ${label.toUpperCase()} but is not valid ${label.toUpperCase()}.`);
  return { ok: true, text, encoding };
}
