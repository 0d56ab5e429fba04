import { describe, expect, it } from 'vitest';
import { decryptExport, encryptExport, type EncryptedFile } from '../../src/lib/exchange/crypto';
import { pad, paddedLength, unpad } from '../../src/lib/exchange/padding';

const KiB = 1024;
const MiB = 1024 * KiB;

describe('padding to size buckets', () => {
  it('powers of two from 1 KiB to 1 MiB, then eighths of a power of two', () => {
    expect(paddedLength(0)).toBe(KiB);
    expect(paddedLength(KiB - 1)).toBe(KiB);
    expect(paddedLength(KiB)).toBe(2 * KiB);
    expect(paddedLength(3000)).toBe(4 * KiB);
    expect(paddedLength(MiB - 1)).toBe(MiB);
    expect(paddedLength(MiB)).toBe(MiB + MiB / 8);
    expect(paddedLength(5 * MiB)).toBe(5 * MiB + MiB / 2);
    for (const n of [1, 999, 4097, 70_000, 2 * MiB + 3, 40 * MiB]) {
      const padded = paddedLength(n);
      expect(padded).toBeGreaterThan(n);
      // Large files grow by less than 12.5%, so a backup stays within mail and import limits.
      if (n > MiB) expect(padded / n).toBeLessThan(1.125);
    }
  });

  it('strips exactly what it added, whatever the content ends with', () => {
    for (const bytes of [
      new Uint8Array(0),
      new Uint8Array([0, 0]),
      new Uint8Array([0x80]),
      new Uint8Array(5000).fill(7),
    ]) {
      expect(unpad(pad(bytes))).toEqual(bytes);
    }
    expect(unpad(new Uint8Array(16))).toBeNull();
    expect(unpad(new Uint8Array([1, 2, 0]))).toBeNull();
  });

  it('two files of different sizes in one bucket have ciphertexts of the same length', async () => {
    const small = await encryptExport(`{"n":"${'a'.repeat(1200)}"}`, 'pw', { unsafeTestIterations: 1 });
    const large = await encryptExport(`{"n":"${'a'.repeat(2000)}"}`, 'pw', { unsafeTestIterations: 1 });
    const a = JSON.parse(small) as EncryptedFile;
    const b = JSON.parse(large) as EncryptedFile;
    expect(a.version).toBe(2);
    expect(a.data.length).toBe(b.data.length);
    expect(small.length).toBe(large.length);
    // 2 KiB of padded plaintext plus the 16-byte tag, in base64.
    expect(atob(a.data).length).toBe(2 * KiB + 16);
  });

  it('round-trips with the real work factor: the padding is gone after decryption', async () => {
    const plaintext = '{"hello":"wereld 🌱"}';
    const file = await encryptExport(plaintext, 'geheim');
    expect(await decryptExport(file, 'geheim')).toEqual({ ok: true, plaintext });
  });
});
