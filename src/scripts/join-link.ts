/**
 * The room link on the join page, out of the address bar: the fragment is read once, kept in
 * sessionStorage (this tab only: never synced, gone with the tab) and removed from the address
 * with history.replaceState, so it is not in the history, a bookmark, a shared screen or the
 * language switch. A reload, or the language switch in the same tab, finds it in storage.
 */
import {
  formatRoomFragment,
  type ParsedLink,
  parseRoomFragment,
  ROOM_LINK_STORAGE_KEY,
  type RoomLink,
} from '../lib/room/fragment';

export function keepRoomLink(link: RoomLink): void {
  try {
    sessionStorage.setItem(ROOM_LINK_STORAGE_KEY, formatRoomFragment(link));
  } catch {
    // Private mode without storage: a reload then needs the link (or the code) again.
  }
}

/** The room has ended: the next visit in this tab asks for a code again instead of rejoining it. */
export function forgetRoomLink(): void {
  try {
    sessionStorage.removeItem(ROOM_LINK_STORAGE_KEY);
  } catch {
    // Nothing was kept.
  }
}

/** The room link from the address (then taken out of it) or, without one there, the tab's stored link. */
export function takeRoomLink(): ParsedLink {
  if (location.hash) {
    const link = parseRoomFragment(location.hash);
    if (link.ok) {
      keepRoomLink(link);
      history.replaceState(history.state, '', `${location.pathname}${location.search}`);
      return link;
    }
    // A damaged link stays in the address, to be seen and sent again.
    if (link.error !== 'missing') return link;
  }
  let stored: string | null = null;
  try {
    stored = sessionStorage.getItem(ROOM_LINK_STORAGE_KEY);
  } catch {
    // No storage: no link.
  }
  const link = stored ? parseRoomFragment(stored) : null;
  return link?.ok ? link : { ok: false, error: 'missing' };
}
