/** A backup re-saved in another text encoding: decoded right, or refused; never "�" in the notes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBackup } from '../../src/lib/exchange/decode';
import { parseExport } from '../../src/lib/exchange/format';

const dir = new URL('../fixtures/encodings/', import.meta.url);
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
const expected = readFileSync(new URL('expected.txt', dir), 'utf8');

describe('decodeBackup', () => {
  const good: [string, string][] = [
    ['utf-8.bytes', 'utf-8'],
    ['utf-8-bom.bytes', 'utf-8-bom'],
    ['utf-16le-bom.bytes', 'utf-16le'],
    ['utf-16le.bytes', 'utf-16le'],
    ['utf-16be-bom.bytes', 'utf-16be'],
    ['utf-16be.bytes', 'utf-16be'],
    ['windows-1252.bytes', 'windows-1252'],
  ];
  for (const [file, encoding] of good) {
    it(`reads ${file} as ${encoding}, character for character`, () => {
      const result = decodeBackup(bytes(file));
      expect(result).toMatchObject({ ok: true, encoding });
      if (!result.ok) return;
      expect(result.text).toBe(expected);
      expect(result.text).not.toContain('\uFFFD');
      const parsed = parseExport(result.text);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.dataset.notes[0]?.text).toBe('Naïef, coöperatie, façade… ‘ja’ • ½ ß ÿ Œ');
    });
  }

  const bad = [
    'bad-utf-16le-odd.bytes',
    'bad-undefined-1252.bytes',
    'bad-utf-8-bom-latin.bytes',
    'bad-utf-16le-surrogate.bytes',
  ];
  for (const file of bad) {
    it(`refuses ${file} with a message instead of guessing`, () => {
      const result = decodeBackup(bytes(file));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.code).toBe('encoding');
        expect(result.details[0]).toMatch(/not (valid|complete)/);
      }
    });
  }

  it('an empty file is "empty", and an image is "binary", not an encoding problem', () => {
    expect(decodeBackup(new Uint8Array())).toMatchObject({ ok: false, code: 'empty' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    expect(decodeBackup(png)).toMatchObject({ ok: false, code: 'binary' });
  });

  it('what TextDecoder would have done silently (file.text()) is exactly what is avoided', () => {
    // The old path: UTF-8 with replacement turns every Windows-1252 letter into U+FFFD.
    expect(new TextDecoder().decode(bytes('windows-1252.bytes'))).toContain('\uFFFD');
    expect(new TextDecoder().decode(bytes('utf-16le.bytes'))).not.toBe(expected);
  });
});
