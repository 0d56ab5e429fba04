/**
 * Writing backup files: loaded on first use (the export code is not needed to show the list).
 * Nothing leaves the device: the file is offered as a download.
 */
import { exportFileName, serialize } from '../../lib/exchange/format';
import { salvage, type Repo, type SalvageResult } from '../../lib/store/repo';
import type { KjkDb } from '../../lib/store/schema';

import { download } from '../download';

export { download };

/** Downloads a backup of everything (optionally encrypted) and records the export; returns the file name. */
export async function exportBackup(repo: Repo, passphrase?: string): Promise<string> {
  const at = Date.now();
  const data = await repo.exportAll();
  let text = serialize(data, 'all', { exportedAt: at });
  // The crypto code loads only when someone protects a backup with a passphrase.
  if (passphrase) text = await (await import('../../lib/exchange/crypto')).encryptExport(text, passphrase);
  const name = exportFileName(new Date(at), Boolean(passphrase));
  download(text, name);
  // The file is out; not being able to note that (a full disk) must not hide it.
  await repo.meta.markExported(at).catch(() => undefined);
  return name;
}

/** Downloads one session with its notes, positions and actions; returns the file name. */
export async function exportSession(repo: Repo, id: string): Promise<string> {
  const at = Date.now();
  const text = serialize(await repo.exportSession(id), 'session', { exportedAt: at });
  const name = exportFileName(new Date(at));
  download(text, name);
  return name;
}

/** After a backing-store error: downloads whatever is still readable. */
export async function exportReadable(db: KjkDb): Promise<SalvageResult> {
  const result = await salvage(db);
  const at = Date.now();
  download(serialize(result.data, 'all', { exportedAt: at }), exportFileName(new Date(at)));
  return result;
}
