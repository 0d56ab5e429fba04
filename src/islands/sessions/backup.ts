/**
 * Writing backup files: loaded on first use (the export code is not needed to show the list).
 * Nothing leaves the device: the file is offered as a download. Exports go through
 * lib/exchange/export (read once, privacy check, serialise, encrypt, download).
 */
import { checkedExport, type CheckedExportInput } from '../../lib/exchange/export';
import { exportFileName, serialize } from '../../lib/exchange/format';
import { salvage, type SalvageResult } from '../../lib/store/bulk';
import type { Repo } from '../../lib/store/repo';
import type { KjkDb } from '../../lib/store/schema';

import { download } from '../download';

export { download };

type Lang = 'nl' | 'en';

/** Refuses when the privacy check finds something: these helpers have no way to ask. */
const refuse = () => false;

/**
 * Downloads a backup of everything (optionally encrypted) through the checked export and
 * records the export; returns the file name, or null when the check stopped it. The islands
 * use useCheckedExport (PrivacyGate.tsx), which asks the person instead of refusing.
 */
export async function exportBackup(
  repo: Repo,
  lang: Lang,
  passphrase?: string,
  confirm: CheckedExportInput['confirm'] = refuse,
): Promise<string | null> {
  const result = await checkedExport({
    read: () => repo.exportAll(),
    scope: 'all',
    lang,
    passphrase,
    confirm,
    download,
  });
  if (!result.done) return null;
  // The file is out; not being able to note that (a full disk) must not hide it.
  await repo.meta.markExported(result.at).catch(() => undefined);
  return result.file;
}

/** One session with its notes, positions and actions, as exportBackup (no markExported). */
export async function exportSession(
  repo: Repo,
  id: string,
  lang: Lang,
  passphrase?: string,
  confirm: CheckedExportInput['confirm'] = refuse,
): Promise<string | null> {
  const read = () => repo.exportSession(id);
  const result = await checkedExport({ read, scope: 'session', lang, passphrase, confirm, download });
  return result.done ? result.file : null;
}

/** After a backing-store error: downloads whatever is still readable. */
export async function exportReadable(db: KjkDb, lang: Lang = 'nl'): Promise<SalvageResult> {
  const result = await salvage(db);
  const at = Date.now();
  download(serialize(result.data, 'all', { exportedAt: at }), exportFileName({ scope: 'all', lang, at: new Date(at) }));
  return result;
}
