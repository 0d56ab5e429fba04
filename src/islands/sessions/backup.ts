/**
 * Writing backup files: loaded on first use (the export code is not needed to show the list).
 * Nothing leaves the device: the file is offered as a download. The export buttons go
 * through lib/exchange/export (read once, privacy check, serialise, encrypt, download) with
 * useCheckedExport (PrivacyGate.tsx); this module keeps the salvage after a storage failure.
 */
import { exportFileName, serialize } from '../../lib/exchange/format';
import { salvage, type SalvageResult } from '../../lib/store/bulk';
import type { KjkDb } from '../../lib/store/schema';
import type { Lang } from '../../routes';
import { download } from '../download';

export { download };

/** After a backing-store error: downloads whatever is still readable. */
export async function exportReadable(db: KjkDb, lang: Lang = 'nl'): Promise<SalvageResult> {
  const result = await salvage(db);
  const at = Date.now();
  download(serialize(result.data, 'all', { exportedAt: at }), exportFileName({ scope: 'all', lang, at: new Date(at) }));
  return result;
}
