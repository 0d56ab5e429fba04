/**
 * Writing backup files: loaded on first use (the export code is not needed to show the list).
 * Nothing leaves the device: the file is offered as a download. The export buttons go
 * through lib/exchange/export (read once, privacy check, serialise, encrypt, download) with
 * useCheckedExport (PrivacyGate.tsx); this module keeps the salvage after a storage failure.
 */
import { checkedExport } from '../../lib/exchange/export';
import { salvage, type SalvageResult } from '../../lib/store/bulk';
import type { KjkDb } from '../../lib/store/schema';
import type { Lang } from '../../routes';
import { download } from '../download';

export { download };

/**
 * After a backing-store error: downloads whatever is still readable, encrypted with `passphrase`
 * unless the person chose a plain file (the rescue is the last copy, and it travels like any
 * backup). No privacy check: it needs the store that just failed, and this must not stop here.
 */
export async function exportReadable(db: KjkDb, lang: Lang = 'nl', passphrase?: string): Promise<SalvageResult> {
  let result: SalvageResult | null = null;
  await checkedExport({
    read: async () => {
      result = await salvage(db);
      return result.data;
    },
    scope: 'all',
    lang,
    ...(passphrase ? { passphrase } : {}),
    skipCheck: true,
    confirm: () => true,
    download,
  });
  return result!;
}
