/**
 * What "Wis alle gegevens" removes besides the database: every key of this app in
 * localStorage and sessionStorage (the draft journal "kjk:draft:…", settings such as
 * "kjk.timer.minutes", a room's per-tab state). All the app's keys start with "kjk", so a
 * key added later is wiped too without a change here. Caches hold only the app's own files
 * (no notes), so they stay: the app keeps working offline after a wipe.
 */
import type { DraftStorage } from './drafts';

export const APP_KEY_PREFIX = 'kjk';

/** Removes every key starting with APP_KEY_PREFIX; returns how many went. Never throws. */
export function clearAppKeys(storage: DraftStorage | null): number {
  if (!storage) return 0;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(APP_KEY_PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
    return keys.length;
  } catch {
    // A blocked storage holds nothing we could remove.
    return 0;
  }
}

/** The page's sessionStorage, or null where it is missing or blocked. */
export function browserSessionStorage(): DraftStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}
