/**
 * Names of the files the app writes. A name says only what the file is (one session or a backup
 * of everything), when it was made, and whether it is encrypted; never a title:
 *   kjk-sessie-2025-03-14-versleuteld.json           kjk-session-2025-03-14-encrypted.json
 *   kjk-back-up-2025-03-14-versleuteld.json          kjk-backup-2025-03-14-encrypted.json
 *   kjk-sessie-2025-03-14.json                       kjk-backup-2025-03-14.json (plain)
 * A name travels where the contents do not: mail attachment lists, server and DLP logs, recent
 * files. A title like "Casus Jansen, Lisa (14)" must not end up there, so a plain file is named
 * neutrally too (its reader sees the title inside; the browser numbers same-day names).
 * fileSlug stays for callers that name a file after something chosen to be shared (the scan).
 */
import type { ExportScope } from '../records/envelope';
import type { Lang } from '../../routes';

const WORDS = {
  nl: { session: 'sessie', all: 'back-up', encrypted: 'versleuteld' },
  en: { session: 'session', all: 'backup', encrypted: 'encrypted' },
} as const;

export const MAX_SLUG_CHARS = 40;

/** "Teamoverleg: maart (één)" → "teamoverleg-maart-een"; "" when nothing usable is left. */
export function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_CHARS)
    .replace(/-+$/, '');
}

/** The local day as "YYYY-MM-DD" (the day the person made the file). */
function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(at.getFullYear()).padStart(4, '0')}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export interface FileNameInput {
  scope: ExportScope;
  lang: Lang;
  /** When the export was made. */
  at: Date;
  encrypted?: boolean;
}

/** The one place export file names are made (see the examples above). */
export function exportFileName({ scope, lang, at, encrypted = false }: FileNameInput): string {
  const words = WORDS[lang];
  const parts = ['kjk', scope === 'session' ? words.session : words.all];
  parts.push(localDay(at));
  if (encrypted) parts.push(words.encrypted);
  return `${parts.join('-')}.json`;
}
