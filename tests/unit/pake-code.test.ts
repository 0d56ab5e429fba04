import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_CHARS,
  formatCode,
  generateCode,
  NAMEPLATE_CHARS,
  PASSWORD_CHARS,
  parseCode,
} from '../../src/lib/room/pake/code.ts';

describe('the room code', () => {
  it('has no look-alikes in its alphabet and no repeats', () => {
    for (const ch of '0OQ1IL2Z5S8B6') expect(CODE_ALPHABET).not.toContain(ch);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    expect(CODE_ALPHABET.length).toBe(23);
    expect(CODE_CHARS).toBe(NAMEPLATE_CHARS + PASSWORD_CHARS);
  });

  it('generates 8 characters from the alphabet, split into nameplate and password', () => {
    for (let i = 0; i < 200; i++) {
      const c = generateCode();
      expect(c.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
      expect(c.nameplate + c.password).toBe(c.code);
      expect(c.nameplate).toHaveLength(2);
    }
  });

  it('redraws bytes at or above 253, so every symbol is equally likely', () => {
    // 253, 254 and 255 would map to symbols 0, 1 and 2 a 12th time; they must be skipped.
    const feed = [253, 254, 255, 0, 22, 23, 45, 46, 252, 1, 2, 3];
    let at = 0;
    const random = (bytes: Uint8Array) => {
      bytes.set(bytes.map(() => feed[at++ % feed.length] ?? 0));
      return bytes;
    };
    const code = generateCode(random).code;
    const a = CODE_ALPHABET;
    expect(code).toBe(`${a[0]}${a[22]}${a[0]}${a[22]}${a[0]}${a[22]}${a[1]}${a[2]}`);
  });

  it('is close to uniform over many draws', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) for (const ch of generateCode().code) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const expected = (3000 * 8) / 23;
    for (const ch of CODE_ALPHABET) expect(Math.abs((counts.get(ch) ?? 0) - expected)).toBeLessThan(expected * 0.2);
  });

  it('formats as two groups of four and reads back what it shows', () => {
    const c = generateCode();
    expect(formatCode(c)).toBe(`${c.code.slice(0, 4)} ${c.code.slice(4)}`);
    expect(parseCode(formatCode(c))).toEqual({ ok: true, ...c });
  });

  it('normalises what people type: case, spaces, dashes, full-width and Cyrillic look-alikes', () => {
    const want = { ok: true, code: 'KM7R4XDA', nameplate: 'KM', password: '7R4XDA' };
    expect(parseCode('km7r4xda')).toEqual(want);
    expect(parseCode(' km7r - 4xda ')).toEqual(want);
    expect(parseCode('KM7R–4XDA')).toEqual(want);
    expect(parseCode('km.7r_4x.da')).toEqual(want);
    expect(parseCode('ＫＭ７Ｒ４ＸＤＡ')).toEqual(want);
    // Cyrillic К, М, Х and А, as a phone with a Cyrillic keyboard types them.
    expect(parseCode('\u041a\u041c7R4\u0425D\u0410')).toEqual(want);
    expect(parseCode('\u043a\u043c7r4\u0445d\u0430')).toEqual(want);
  });

  it('gives a clear error for an impossible code', () => {
    expect(parseCode('')).toEqual({ ok: false, error: 'empty' });
    expect(parseCode('  - ')).toEqual({ ok: false, error: 'empty' });
    expect(parseCode('KM7R')).toEqual({ ok: false, error: 'too-short', length: 4 });
    expect(parseCode('KM7R4XDAA')).toEqual({ ok: false, error: 'too-long', length: 9 });
    expect(parseCode('x'.repeat(65))).toEqual({ ok: false, error: 'too-long', length: 65 });
    expect(parseCode('KM7R4XD0')).toEqual({ ok: false, error: 'excluded', char: '0' });
    expect(parseCode('kmor4xda')).toEqual({ ok: false, error: 'excluded', char: 'O' });
    expect(parseCode('KM7R4XD!')).toEqual({ ok: false, error: 'invalid', char: '!' });
    expect(parseCode('KM7R4XDé')).toEqual({ ok: false, error: 'invalid', char: 'É' });
    expect(parseCode(42 as unknown as string)).toMatchObject({ ok: false, error: 'too-long' });
  });
});
