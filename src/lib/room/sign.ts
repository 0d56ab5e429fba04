/**
 * The presenter's signature on what it sends (ECDSA P-256 with SHA-256, WebCrypto only). Every
 * phone holds the room key, so any phone can seal a valid AES-GCM frame as "down"; only a
 * signature by a key no phone holds tells the presenter's frames apart, without trusting the relay.
 *
 * The presenter makes the key pair when it opens a room; the private key never leaves it (not
 * extractable). The public key travels beside the room key: in the link's fragment, and for a code
 * joiner inside the secrets sealed after the key exchange (grant.ts). It is the uncompressed SEC1
 * point (65 bytes, 87 base64url characters): the one raw form every engine imports. Compressed
 * points (33 bytes) are optional in WebCrypto: Safari does not import them raw, Firefox only since 146.
 */
import { PUBLIC_KEY_BYTES } from './fragment.ts';
import { ROOM_LIMITS } from './limits.ts';
import { base64urlToBytes, bytesToBase64url, isToken } from './wire.ts';

export { PUBLIC_KEY_BYTES };
/** WebCrypto's ECDSA signature: r ‖ s, 32 bytes each (IEEE P1363, not DER). */
export const SIGNATURE_BYTES = 64;

const CURVE = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const encoder = new TextEncoder();

/** The presenter's pair for one room; the private key cannot be exported, the public one always can. */
export function newSigningKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(CURVE, false, ['sign', 'verify']);
}

export async function exportVerifyKey(key: CryptoKey): Promise<string> {
  return bytesToBase64url(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

/** Imports the presenter's public key from a link; null when it is not a point on P-256. */
export async function importVerifyKey(text: string): Promise<CryptoKey | null> {
  if (!isToken(text, PUBLIC_KEY_BYTES)) return null;
  const raw = base64urlToBytes(text);
  if (raw?.[0] !== 0x04) return null;
  try {
    return await crypto.subtle.importKey('raw', raw, CURVE, false, ['verify']);
  } catch {
    return null;
  }
}

/**
 * What is signed: the protocol version, the room and the direction, then the frame's bytes as the
 * relay carries them (IV ‖ ciphertext ‖ tag). Signing the frame rather than the plaintext covers
 * the IV, so a phone cannot decrypt a signed message and pass it on under a fresh IV (past the
 * relay's replay check), and a phone checks the signature before it decrypts anything.
 */
function signedData(roomId: string, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const label = encoder.encode(`kjk-room/${ROOM_LIMITS.version}|${roomId}|down|`);
  const data = new Uint8Array(label.length + body.length);
  data.set(label);
  data.set(body, label.length);
  return data;
}

export async function signBody(privateKey: CryptoKey, roomId: string, body: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign(SIGN, privateKey, signedData(roomId, body)));
}

export async function verifyBody(
  publicKey: CryptoKey,
  roomId: string,
  body: Uint8Array,
  signature: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  if (signature.length !== SIGNATURE_BYTES) return false;
  try {
    return await crypto.subtle.verify(SIGN, publicKey, signature, signedData(roomId, body));
  } catch {
    return false;
  }
}
