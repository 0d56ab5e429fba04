/**
 * Passphrase encryption of an export file (the default for every export), with WebCrypto only.
 *
 * AES-256-GCM with a fresh random 12-byte IV per file and a random 16-byte salt; the key
 * comes from PBKDF2-HMAC-SHA-256 with 600,000 iterations (OWASP's figure; WebCrypto has
 * no Argon2). Everything except the ciphertext (type, version, KDF settings, salt, IV) is
 * the "header": it is canonicalised and passed to GCM as additional data, so changing a
 * single header byte makes decryption fail just like a wrong passphrase does.
 *
 * Version 2 pads the plaintext to a size bucket before encryption (see padding.ts), so a file's
 * size says little about how much was written; version 1 files (unpadded) still decrypt.
 *
 * Call these before opening an IndexedDB transaction, never inside one: crypto.subtle
 * promises are not IndexedDB requests and would let the transaction commit early.
 */
import { canonicalJson } from './canonical';
import { ENCRYPTED_TYPE } from './format';
import { pad, unpad } from './padding';

export { ENCRYPTED_TYPE };
/** The version written: the plaintext is padded (padding.ts). */
export const ENCRYPTED_VERSION = 2;
/** Every version that decrypts: 1 is the same without padding. */
const READABLE_VERSIONS: readonly unknown[] = [1, 2];

/** Production work factor. Never lowered in app code; tests assert it. */
export const PBKDF2_ITERATIONS = 600_000;
/** Files asking for fewer iterations are refused: a weaker file is likely tampered with. */
export const MIN_PBKDF2_ITERATIONS = 600_000;
/** Files asking for more are refused too, so a hostile file cannot freeze the tab for minutes. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;

export const SALT_BYTES = 16;
export const IV_BYTES = 12;

export interface EncryptedHeader {
  type: typeof ENCRYPTED_TYPE;
  version: 1 | typeof ENCRYPTED_VERSION;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
}

export interface EncryptedFile extends EncryptedHeader {
  /** base64 of ciphertext followed by the 16-byte GCM tag. */
  data: string;
}

export interface EncryptOptions {
  /**
   * TEST ONLY. Lowers the PBKDF2 work factor so that tests can encrypt many files fast.
   * Files made with it cannot be decrypted (decrypt requires ≥ MIN_PBKDF2_ITERATIONS).
   */
  unsafeTestIterations?: number;
}

export type DecryptResult =
  | { ok: true; plaintext: string }
  /** One code for every failure: telling "wrong passphrase" from "damaged" would help an attacker and cannot be done with GCM anyway. */
  | { ok: false; error: { code: 'wrong-passphrase-or-damaged' } };

const encoder = new TextEncoder();

// ---------------------------------------------------------------------------------------

export function bytesToBase64(bytes: Uint8Array): string {
  // Chunks keep String.fromCharCode's argument list within engine limits for 50 MB files.
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict: padding required, no whitespace. Returns null for anything else. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (!BASE64.test(text)) return null;
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The bytes GCM authenticates alongside the ciphertext. */
function additionalData(header: Record<string, unknown>): Uint8Array<ArrayBuffer> {
  return encoder.encode(canonicalJson(header));
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  // NFC so that the same passphrase typed on macOS (often NFD) and Windows gives one key.
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function isWellFormed(text: string): boolean {
  // String#isWellFormed is recent (2023); the regex is the fallback for older engines.
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  if (typeof native === 'function') return native.call(text);
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/**
 * Encrypts an export (the text from serialize()) into the text of an encrypted file.
 * Throws TypeError for an empty passphrase or a plaintext with lone surrogates (UTF-8
 * cannot carry them; serialize() escapes them, so this only catches misuse).
 */
export async function encryptExport(
  plaintext: string,
  passphrase: string,
  options: EncryptOptions = {},
): Promise<string> {
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new TypeError('A passphrase is required');
  if (!isWellFormed(plaintext))
    throw new TypeError('Plaintext contains lone surrogates; pass the output of serialize()');
  const iterations = options.unsafeTestIterations ?? PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1) throw new TypeError('iterations must be a positive integer');

  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const header: EncryptedHeader = {
    type: ENCRYPTED_TYPE,
    version: ENCRYPTED_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) },
    cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) },
  };
  const key = await deriveKey(passphrase, salt, iterations);
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData({ ...header }), tagLength: 128 },
    key,
    pad(encoder.encode(plaintext)),
  );
  const file: EncryptedFile = { ...header, data: bytesToBase64(new Uint8Array(ciphertext)) };
  return JSON.stringify(file, null, 2);
}

/** Cheap check to route a chosen file to the passphrase prompt; decryptExport does the real validation. */
export function isEncryptedExport(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && (parsed as { type?: unknown }).type === ENCRYPTED_TYPE;
  } catch {
    return false;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Decrypts an encrypted export back to the export text. Any failure yields the same error. */
export async function decryptExport(fileText: string, passphrase: string): Promise<DecryptResult> {
  const failed: DecryptResult = { ok: false, error: { code: 'wrong-passphrase-or-damaged' } };
  try {
    if (typeof fileText !== 'string' || typeof passphrase !== 'string' || passphrase.length === 0) return failed;
    const file: unknown = JSON.parse(fileText);
    if (!isRecord(file)) return failed;
    const version = own(file, 'version');
    if (own(file, 'type') !== ENCRYPTED_TYPE || !READABLE_VERSIONS.includes(version)) return failed;

    const kdf = own(file, 'kdf');
    const cipher = own(file, 'cipher');
    const data = own(file, 'data');
    if (!isRecord(kdf) || !isRecord(cipher) || typeof data !== 'string') return failed;
    if (own(kdf, 'name') !== 'PBKDF2' || own(kdf, 'hash') !== 'SHA-256') return failed;
    if (own(cipher, 'name') !== 'AES-GCM') return failed;

    const iterations = own(kdf, 'iterations');
    if (
      typeof iterations !== 'number' ||
      !Number.isInteger(iterations) ||
      iterations < MIN_PBKDF2_ITERATIONS ||
      iterations > MAX_PBKDF2_ITERATIONS
    ) {
      return failed;
    }
    const saltText = own(kdf, 'salt');
    const ivText = own(cipher, 'iv');
    if (typeof saltText !== 'string' || typeof ivText !== 'string') return failed;
    const salt = base64ToBytes(saltText);
    const iv = base64ToBytes(ivText);
    const ciphertext = base64ToBytes(data);
    if (!salt || salt.length !== SALT_BYTES || !iv || iv.length !== IV_BYTES) return failed;
    if (!ciphertext || ciphertext.length < 16) return failed;

    // Authenticate the header exactly as found, unknown members included: adding, removing
    // or changing anything outside `data` must break decryption.
    // fromEntries defines own properties, so even a "__proto__" member is kept and authenticated.
    const header = Object.fromEntries(Object.entries(file).filter(([key]) => key !== 'data'));

    const key = await deriveKey(passphrase, salt, iterations);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(header), tagLength: 128 },
      key,
      ciphertext,
    );
    const bytes = version === 1 ? new Uint8Array(plain) : unpad(new Uint8Array(plain));
    if (!bytes) return failed;
    return { ok: true, plaintext: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return failed;
  }
}
