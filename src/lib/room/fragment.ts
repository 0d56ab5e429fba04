/**
 * The join link's fragment: `#room=<roomId>,<key>,<pub>`, as Excalidraw does. Browsers never send
 * the fragment to a server, so neither the site's host nor the relay learns the key. The join page
 * reads it once, keeps it in sessionStorage (ROOM_LINK_STORAGE_KEY) and takes it out of the address.
 */
import { isRoomId, isToken } from './wire.ts';

/**
 * The presenter's public key: an uncompressed P-256 point, 0x04 ‖ x ‖ y (sign.ts). Defined here,
 * not in sign.ts, so the join page's start-up code that reads links does not carry the signing code.
 */
export const PUBLIC_KEY_BYTES = 65;

export interface RoomLink {
  room: string;
  /** The room's AES-256 key (32 bytes, base64url). */
  key: string;
  /** The presenter's ECDSA P-256 public key, which checks its frames (65 bytes, base64url; sign.ts). */
  pub: string;
}

export type ParsedLink = ({ ok: true } & RoomLink) | { ok: false; error: 'missing' | 'room' | 'key' | 'pub' };

/** Where the join page keeps the link of the room this tab joined (sessionStorage: this tab only, never synced). */
export const ROOM_LINK_STORAGE_KEY = 'kjk.room.link';

export function formatRoomFragment(link: RoomLink): string {
  if (!isRoomId(link.room)) throw new Error('not a room id');
  if (!isToken(link.key, 32)) throw new Error('not a room key');
  if (!isToken(link.pub, PUBLIC_KEY_BYTES)) throw new Error('not a public key');
  return `#room=${link.room},${link.key},${link.pub}`;
}

/** Reads `location.hash` (with or without "#"); other fragment parameters are ignored. */
export function parseRoomFragment(hash: string): ParsedLink {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > 300) return { ok: false, error: 'missing' };
  const part = text.split('&').find((p) => p.startsWith('room='));
  if (!part) return { ok: false, error: 'missing' };
  const [room, key, pub, ...rest] = part.slice('room='.length).split(',');
  if (!room || !isRoomId(room)) return { ok: false, error: 'room' };
  if (!key || !isToken(key, 32)) return { ok: false, error: 'key' };
  if (!pub || rest.length || !isToken(pub, PUBLIC_KEY_BYTES)) return { ok: false, error: 'pub' };
  return { ok: true, room, key, pub };
}

/** The relay's socket.io endpoint from KJK_RELAY_URL: its origin and the path of socket.io under it. */
export function relayEndpoint(relayUrl: string): { origin: string; path: string } {
  const url = new URL(relayUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('the relay URL must be http(s)');
  const base = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { origin: url.origin, path: `${base}socket.io/` };
}

/**
 * The CSP connect-src sources for a relay at KJK_RELAY_URL: exactly its origin, in the http(s) and
 * the ws(s) form (older WebKit does not let an https source cover wss). Throws a message naming
 * the variable for anything that is not a plain http(s) address.
 */
export function relayConnectSources(text: string): string[] {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`KJK_RELAY_URL="${text}" is not a URL; expected e.g. https://kenjekracht.example/relay/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`KJK_RELAY_URL="${text}": use an http(s) address`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`KJK_RELAY_URL="${text}": no query, fragment or credentials`);
  return [url.origin, url.origin.replace(/^http/, 'ws')];
}
