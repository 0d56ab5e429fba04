/**
 * What a code joiner gets after the key exchange besides the room id and key: its own join token
 * and the presenter's public key (sign.ts), which a QR joiner reads from the link. The handshake
 * seals one opaque join proof (pake/handshake.ts, at most 256 bytes); this is its layout: the
 * token's 32 bytes, then the 65 of the public key. Both have fixed sizes, so no lengths are needed.
 */
import { ROOM_LIMITS } from './limits.ts';
import { PUBLIC_KEY_BYTES } from './sign.ts';
import { base64urlToBytes, bytesToBase64url, isToken } from './wire.ts';

export interface Grant {
  /** The join token (base64url), whose hash the presenter registered with the relay. */
  token: string;
  /** The presenter's public key (base64url). */
  pub: string;
}

export function packGrant(grant: Grant): Uint8Array {
  const token = isToken(grant.token, ROOM_LIMITS.joinTokenBytes) ? base64urlToBytes(grant.token) : null;
  const pub = isToken(grant.pub, PUBLIC_KEY_BYTES) ? base64urlToBytes(grant.pub) : null;
  if (!token || !pub) throw new Error('not a grant');
  const out = new Uint8Array(token.length + pub.length);
  out.set(token);
  out.set(pub, token.length);
  return out;
}

/** null for anything but exactly a token and a public key. */
export function unpackGrant(bytes: Uint8Array): Grant | null {
  if (bytes.length !== ROOM_LIMITS.joinTokenBytes + PUBLIC_KEY_BYTES) return null;
  return {
    token: bytesToBase64url(bytes.subarray(0, ROOM_LIMITS.joinTokenBytes)),
    pub: bytesToBase64url(bytes.subarray(ROOM_LIMITS.joinTokenBytes)),
  };
}
