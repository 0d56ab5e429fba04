/**
 * Names of the files the app writes. A name says what the file is (one session or a backup of
 * everything), and whether it is encrypted, so people can tell their files apart in a
 * downloads folder or a mail attachment:
 *   kjk-sessie-teamoverleg-maart-2025-03-14.json     kjk-session-team-meeting-2025-03-14.json
 *   kjk-back-up-2025-03-14.json                      kjk-backup-2025-03-14.json
 *   kjk-back-up-2025-03-14-versleuteld.json          kjk-backup-2025-03-14-encrypted.json
 * The session title is reduced to a safe slug (a-z, 0-9 and "-", at most 40 characters): no
 * path separators, no characters some file systems refuse, nothing a mail program mangles.
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
  /** The session's title, for a single-session export. */
  title?: string;
  encrypted?: boolean;
}

/** The one place export file names are made (see the examples above). */
export function exportFileName({ scope, lang, at, title = '', encrypted = false }: FileNameInput): string {
  const words = WORDS[lang];
  const slug = scope === 'session' ? fileSlug(title) : '';
  const parts = ['kjk', scope === 'session' ? words.session : words.all];
  if (slug) parts.push(slug);
  parts.push(localDay(at));
  if (encrypted) parts.push(words.encrypted);
  return `${parts.join('-')}.json`;
}
