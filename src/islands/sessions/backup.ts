/**
 * Writing backup files: loaded on first use (the export code is not needed to show the list).
 * Nothing leaves the device: the file is offered as a download. serialize() leaves deleted
 * sessions out; exportFileName says what the file is.
 */
import { exportFileName, serialize } from '../../lib/exchange/format';
import { salvage, type SalvageResult } from '../../lib/store/bulk';
import type { Repo } from '../../lib/store/repo';
import type { KjkDb } from '../../lib/store/schema';
import type { Lang } from '../../routes';

import { download } from '../download';

export { download };

async function encrypt(text: string, passphrase: string): Promise<string> {
  // The crypto code loads only when someone protects a file with a passphrase.
  return (await import('../../lib/exchange/crypto')).encryptExport(text, passphrase);
}

/** Downloads a backup of everything (optionally encrypted) and records the export; returns the file name. */
export async function exportBackup(repo: Repo, lang: Lang, passphrase?: string): Promise<string> {
  const at = Date.now();
  const data = await repo.exportAll();
  let text = serialize(data, 'all', { exportedAt: at });
  if (passphrase) text = await encrypt(text, passphrase);
  const name = exportFileName({ scope: 'all', lang, at: new Date(at), encrypted: Boolean(passphrase) });
  download(text, name);
  // The file is out; not being able to note that (a full disk) must not hide it.
  await repo.meta.markExported(at).catch(() => undefined);
  return name;
}

/** Downloads one session with its notes, positions and actions (optionally encrypted); returns the file name. */
export async function exportSession(repo: Repo, id: string, lang: Lang, passphrase?: string): Promise<string> {
  const at = Date.now();
  const data = await repo.exportSession(id);
  let text = serialize(data, 'session', { exportedAt: at });
  if (passphrase) text = await encrypt(text, passphrase);
  const title = data.sessions[0]?.title ?? '';
  const name = exportFileName({ scope: 'session', lang, at: new Date(at), title, encrypted: Boolean(passphrase) });
  download(text, name);
  return name;
}

/** After a backing-store error: downloads whatever is still readable. */
export async function exportReadable(db: KjkDb, lang: Lang = 'nl'): Promise<SalvageResult> {
  const result = await salvage(db);
  const at = Date.now();
  download(serialize(result.data, 'all', { exportedAt: at }), exportFileName({ scope: 'all', lang, at: new Date(at) }));
  return result;
}
