/**
 * A room opened with the real presenter code (src/lib/room/session.ts) on a test relay, for the
 * relay tests of what phones and the presenter do together: one set-up instead of one per file.
 */
import { io } from 'socket.io-client';
import { afterEach } from 'vitest';
import { parseRoomFragment } from '../../src/lib/room/fragment';
import { type Connect, openPresenterRoom, type PresenterOptions } from '../../src/lib/room/session';
import { ORIGIN, testRelay } from './support';

/** socket.io-client with the site's Origin, a fresh connection each time (as separate phones). */
export const connect: Connect = (url, options) =>
  io(url, { ...options, forceNew: true, extraHeaders: { origin: ORIGIN } });

/** What each test leaves to close: closed after it, the last opened first (phones, presenter, relay). */
export function cleanups(): (() => unknown)[] {
  const list: (() => unknown)[] = [];
  afterEach(async () => {
    for (const f of list.splice(0).reverse()) await f();
  });
  return list;
}

/** A relay, and a presenter on it with the room's link; both closed after the test. */
export async function hostedRoom(cleanup: (() => unknown)[], card: string, more: Partial<PresenterOptions> = {}) {
  const relay = await testRelay();
  cleanup.push(() => relay.close());
  const address = { origin: relay.url, path: '/socket.io/' };
  const presenter = await openPresenterRoom({ connect, relay: address, card, broadcastMs: 20, ...more });
  cleanup.push(() => presenter.stop());
  const link = parseRoomFragment(presenter.fragment);
  if (!link.ok) throw new Error('no link');
  return { relay, address, presenter, link };
}
