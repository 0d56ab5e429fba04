import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ENCRYPTED_TYPE,
  IV_BYTES,
  MAX_PBKDF2_ITERATIONS,
  MIN_PBKDF2_ITERATIONS,
  PBKDF2_ITERATIONS,
  SALT_BYTES,
  base64ToBytes,
  bytesToBase64,
  decryptExport,
  encryptExport,
  isEncryptedExport,
  type EncryptedFile,
} from '../../src/lib/exchange/crypto';
import { parseExport, serialize } from '../../src/lib/exchange/format';
import type { Dataset } from '../../src/lib/store/types';

const PASSPHRASE = 'correct horse battery staple 🐎';
const WRONG = { ok: false, error: { code: 'wrong-passphrase-or-damaged' } };

const dataset: Dataset = {
  sessions: [
    {
      id: 's1',
      kind: 'teamoverleg',
      title: 'Overleg 世界 \ud800',
      team: 'Team',
      date: '2024-05-01',
      lang: 'nl',
      deck: {},
      createdAt: 1,
      updatedAt: 1,
    },
  ],
  notes: [{ id: 'n1', sessionId: 's1', cardId: 'k', text: 'vertrouwelijk: שלום 🌱', updatedAt: 2 }],
  positions: [],
  actions: [],
};

let plaintext: string;
let encrypted: string;
let file: EncryptedFile;

beforeAll(async () => {
  plaintext = serialize(dataset, 'all');
  encrypted = await encryptExport(plaintext, PASSPHRASE);
  file = JSON.parse(encrypted) as EncryptedFile;
});

/** Re-serialises the file after `change`, as someone editing it by hand would. */
function tamper(change: (f: Record<string, unknown> & EncryptedFile) => void): string {
  const copy = JSON.parse(encrypted) as Record<string, unknown> & EncryptedFile;
  change(copy);
  return JSON.stringify(copy);
}

function flipBase64(text: string, byteIndex: number): string {
  const bytes = base64ToBytes(text)!;
  bytes[byteIndex] = bytes[byteIndex]! ^ 0x01;
  return bytesToBase64(bytes);
}

describe('encrypted export', () => {
  it('uses at least 600,000 PBKDF2 iterations in production and caps what a file may ask for', () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(MIN_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(MAX_PBKDF2_ITERATIONS).toBeLessThanOrEqual(10_000_000);
  });

  it('round-trips with the real 600k work factor; the header says so', async () => {
    expect(file).toMatchObject({
      type: ENCRYPTED_TYPE,
      version: 2,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS },
      cipher: { name: 'AES-GCM' },
    });
    expect(file.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(base64ToBytes(file.kdf.salt)).toHaveLength(SALT_BYTES);
    expect(base64ToBytes(file.cipher.iv)).toHaveLength(IV_BYTES);
    expect(encrypted).not.toContain('vertrouwelijk');
    expect(isEncryptedExport(encrypted)).toBe(true);
    expect(isEncryptedExport(plaintext)).toBe(false);
    expect(isEncryptedExport('kapot')).toBe(false);

    const result = await decryptExport(encrypted, PASSPHRASE);
    expect(result).toEqual({ ok: true, plaintext });
    if (!result.ok) return;
    const parsed = parseExport(result.plaintext);
    expect(parsed.ok && parsed.dataset).toEqual(dataset);
    // The importer routes encrypted files to the passphrase prompt.
    const direct = parseExport(encrypted);
    expect(!direct.ok && direct.error.encrypted).toBe(true);
  });

  it('a wrong passphrase gives the one error', async () => {
    expect(await decryptExport(encrypted, 'Correct horse battery staple 🐎')).toEqual(WRONG);
    expect(await decryptExport(encrypted, '')).toEqual(WRONG);
  });

  it('the same passphrase typed as NFD or NFC opens the file', async () => {
    const nfd = 'cafe\u0301';
    const enc = await encryptExport('{"x":1}', nfd);
    expect(await decryptExport(enc, 'caf\u00e9')).toEqual({ ok: true, plaintext: '{"x":1}' });
  });

  it('detects tampering with the ciphertext, the IV, the salt and every header field', async () => {
    const cases: [string, string][] = [
      ['data bit', tamper((f) => (f.data = flipBase64(f.data, 0)))],
      ['tag bit', tamper((f) => (f.data = flipBase64(f.data, base64ToBytes(f.data)!.length - 1)))],
      ['data truncated', tamper((f) => (f.data = bytesToBase64(base64ToBytes(f.data)!.subarray(0, 20))))],
      ['iv', tamper((f) => (f.cipher.iv = flipBase64(f.cipher.iv, 3)))],
      ['salt', tamper((f) => (f.kdf.salt = flipBase64(f.kdf.salt, 5)))],
      ['iterations +1', tamper((f) => (f.kdf.iterations += 1))],
      ['version', tamper((f) => ((f as Record<string, unknown>).version = 3))],
      // A downgrade to the unpadded version 1: the header is authenticated, so it fails too.
      ['version 1', tamper((f) => ((f as Record<string, unknown>).version = 1))],
      ['type', tamper((f) => ((f as Record<string, unknown>).type = 'ken-je-kracht/export'))],
      ['extra header field', tamper((f) => (f.note = 'hallo'))],
      [
        'extra __proto__ field',
        tamper((f) => Object.defineProperty(f, '__proto__', { value: { a: 1 }, enumerable: true })),
      ],
      ['kdf extra field', tamper((f) => ((f.kdf as Record<string, unknown>).memory = 1))],
      ['cipher name', tamper((f) => ((f.cipher as Record<string, unknown>).name = 'AES-CBC'))],
    ];
    for (const [label, text] of cases) {
      expect(await decryptExport(text, PASSPHRASE), label).toEqual(WRONG);
    }
  }, 120_000); // a dozen decryptions at 600,000 PBKDF2 iterations each: slow on a busy machine, by design

  it('refuses out-of-range work factors before deriving anything (a hostile file cannot hang the tab)', async () => {
    // Counted, not timed: no key is derived at all (a clock would flake on a busy machine).
    const derive = vi.spyOn(crypto.subtle, 'deriveKey');
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    try {
      for (const iterations of [1, 599_999, MAX_PBKDF2_ITERATIONS + 1, 1e12, 600_000.5, -600_000]) {
        expect(
          await decryptExport(
            tamper((f) => (f.kdf.iterations = iterations)),
            PASSPHRASE,
          ),
        ).toEqual(WRONG);
      }
      expect(derive).not.toHaveBeenCalled();
      expect(importKey).not.toHaveBeenCalled();
    } finally {
      derive.mockRestore();
      importKey.mockRestore();
    }
  });

  it('damaged files: truncated, not JSON, bad base64, wrong sizes', async () => {
    const damaged = [
      encrypted.slice(0, encrypted.length / 2),
      '',
      'niet versleuteld',
      '[]',
      tamper((f) => (f.data = `${f.data.slice(0, -4)}!!!!`)),
      tamper((f) => (f.cipher.iv = bytesToBase64(new Uint8Array(16)))),
      tamper((f) => (f.kdf.salt = bytesToBase64(new Uint8Array(8)))),
      tamper((f) => (f.kdf.salt = ` ${f.kdf.salt}`)),
      tamper((f) => ((f as Record<string, unknown>).data = 5)),
      tamper((f) => delete (f as Partial<EncryptedFile>).cipher),
    ];
    for (const text of damaged) expect(await decryptExport(text, PASSPHRASE)).toEqual(WRONG);
  });

  it('1,000 encryptions: every IV and every salt is unique (test-only low work factor)', async () => {
    const ivs = new Set<string>();
    const salts = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const f = JSON.parse(await encryptExport('{}', 'pw', { unsafeTestIterations: 1 })) as EncryptedFile;
      expect(f.kdf.iterations).toBe(1);
      ivs.add(f.cipher.iv);
      salts.add(f.kdf.salt);
    }
    expect(ivs.size).toBe(1000);
    expect(salts.size).toBe(1000);
    // Files made with the test-only work factor cannot be opened: decrypt insists on ≥ 600,000.
    expect(await decryptExport(await encryptExport('{}', 'pw', { unsafeTestIterations: 1 }), 'pw')).toEqual(WRONG);
  });

  it('refuses an empty passphrase and plaintext with lone surrogates', async () => {
    await expect(encryptExport('{}', '')).rejects.toThrow(TypeError);
    await expect(encryptExport('\ud800', 'pw', { unsafeTestIterations: 1 })).rejects.toThrow(TypeError);
  });

  it('base64 helpers round-trip every byte value, also for large buffers', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7919) & 0xff);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(base64ToBytes('abc')).toBeNull();
    expect(base64ToBytes('ab=c')).toBeNull();
    expect(base64ToBytes('')).toEqual(new Uint8Array(0));
  });
});
