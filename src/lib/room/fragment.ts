/**
 * The join link's fragment: `#room=<roomId>,<key>`, as Excalidraw does. Browsers never send the
 * fragment to a server, so neither the site's host nor the relay learns the key.
 */
import { isRoomId, isToken } from './wire.ts';

export interface RoomLink {
  room: string;
  key: string;
}

export type ParsedLink = ({ ok: true } & RoomLink) | { ok: false; error: 'missing' | 'room' | 'key' };

export function formatRoomFragment(link: RoomLink): string {
  if (!isRoomId(link.room)) throw new Error('not a room id');
  if (!isToken(link.key, 32)) throw new Error('not a room key');
  return `#room=${link.room},${link.key}`;
}

/** Reads `location.hash` (with or without "#"); other fragment parameters are ignored. */
export function parseRoomFragment(hash: string): ParsedLink {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > 200) return { ok: false, error: 'missing' };
  const part = text.split('&').find((p) => p.startsWith('room='));
  if (!part) return { ok: false, error: 'missing' };
  const [room, key, ...rest] = part.slice('room='.length).split(',');
  if (!room || !isRoomId(room)) return { ok: false, error: 'room' };
  if (!key || rest.length || !isToken(key, 32)) return { ok: false, error: 'key' };
  return { ok: true, room, key };
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
