/**
 * What the storage line on the sessions page says, decided from plain facts so every case
 * is tested without a browser: protected or not (and "cannot tell" where the browser has no
 * navigator.storage, as WebKitGTK), how much the user's own sessions take apart from the
 * app's offline copy, and the 7-day warning on iPhone and iPad. The same facts give the
 * same sentences whether the list is empty or full.
 */
import type { Dataset } from '../records/schemas';
import type { EvictionRisk } from './eviction';
import { backupReminderDays } from './eviction';
import type { PersistStatus, StorageEstimate } from './persist';

export interface StorageFacts {
  persist: PersistStatus;
  /** navigator.storage.estimate(), or null (missing, failed). */
  estimate: StorageEstimate | null;
  /** Size of the user's sessions, notes, positions and actions as stored (measured from the records), or null. */
  dataBytes: number | null;
  /** Size of the app's own offline copy (service worker caches), or null when unknown. */
  appBytes: number | null;
  risk: EvictionRisk;
}

export type Protection =
  /** The browser promised to keep the data. */
  | 'persisted'
  /** The browser may delete the data under storage pressure. */
  | 'not-persisted'
  /** The browser does not say (no navigator.storage): advice as for not protected, worded honestly. */
  | 'unknown';

export interface StorageSummary {
  protection: Protection;
  /** The user's data, in bytes: shown as "Jouw sessies: …"; null when it could not be measured. */
  dataBytes: number | null;
  /** The app's offline copy, in bytes, shown apart; null when unknown (then not shown). */
  appBytes: number | null;
  /** Show the 7-day sentence and how to add the app to the home screen. */
  sevenDays: boolean;
  /** Days of unexported changes before the backup reminder. */
  reminderDays: number;
}

export function summarizeStorage(facts: StorageFacts): StorageSummary {
  const protection: Protection =
    facts.persist === 'persisted' ? 'persisted' : facts.persist === 'not-persisted' ? 'not-persisted' : 'unknown';
  return {
    protection,
    dataBytes: facts.dataBytes,
    // Never derived from estimate() minus the data: Chrome pads the estimate, so the result would be a guess.
    appBytes: facts.appBytes,
    sevenDays: facts.risk === 'seven-days',
    reminderDays: backupReminderDays(facts.risk),
  };
}

/** The user's records as bytes of JSON: what they take, near enough, and 0 when there are none. */
export function datasetBytes(data: Dataset): number {
  // TextEncoder, not exchange/format's utf8Length: this module loads with the list, the export code does not.
  const encoder = new TextEncoder();
  let total = 0;
  for (const records of [data.sessions, data.notes, data.positions, data.actions] as readonly object[][]) {
    for (const record of records) total += encoder.encode(JSON.stringify(record)).length;
  }
  return total;
}
