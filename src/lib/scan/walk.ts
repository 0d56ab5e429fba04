/**
 * Where the self-scan page is, kept in the query string so a reload, the back button or a
 * card page opened in between brings the person back to the same card:
 *   /zelfscan/                        choose the spanningsvelden
 *   /zelfscan/?scan=<id>&kaart=3      the third card of a scan (a session of kind zelfreflectie)
 *   /zelfscan/?scan=<id>&profiel=1    the profile
 */
import { MAX_ID_CHARS } from '../records/limits';
import type { Theme } from '../../vocab';

export const SCAN_PARAMS = { scan: 'scan', card: 'kaart', profile: 'profiel' } as const;

export type ScanRoute =
  | { view: 'start' }
  | { view: 'card'; id: string; index: number }
  | { view: 'profile'; id: string };

/** Anything malformed falls back to the start, or to the first card. */
export function parseScanRoute(search: string): ScanRoute {
  const params = new URLSearchParams(search);
  const id = params.get(SCAN_PARAMS.scan);
  if (id === null || id === '' || id.length > MAX_ID_CHARS) return { view: 'start' };
  if (params.has(SCAN_PARAMS.profile)) return { view: 'profile', id };
  const raw = params.get(SCAN_PARAMS.card) ?? '';
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : 1;
  return { view: 'card', id, index: Math.max(0, n - 1) };
}

/** The query string of a route; the card number is 1-based for people. */
export function scanSearch(route: ScanRoute): string {
  if (route.view === 'start') return '';
  const params = new URLSearchParams({ [SCAN_PARAMS.scan]: route.id });
  if (route.view === 'profile') params.set(SCAN_PARAMS.profile, '1');
  else params.set(SCAN_PARAMS.card, String(route.index + 1));
  return `?${params.toString()}`;
}

/** The dilemmas of the chosen spanningsvelden, in the order of the fan. */
export function scanOrder<C extends { id: string; number: number; theme: Theme }>(
  cards: readonly C[],
  themes: ReadonlySet<Theme>,
): C[] {
  return cards.filter((c) => themes.has(c.theme)).sort((a, b) => a.number - b.number);
}

/** The first card without an answer at or after `from`, wrapping round; -1 when all are answered. */
export function nextOpen(order: readonly string[], answered: ReadonlySet<string>, from = 0): number {
  for (let step = 0; step < order.length; step++) {
    const i = (from + step) % order.length;
    if (!answered.has(order[i] as string)) return i;
  }
  return -1;
}

/** Clamp a card index into the scan (a hand-edited URL may point past the end). */
export function clampIndex(index: number, length: number): number {
  if (length === 0) return 0;
  return Math.min(Math.max(0, Math.floor(index)), length - 1);
}

/** "kjk-zelfscan-anna-2026-12-01.json": the file says what it is and whose it is. */
export function scanFileName(label: string, day: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `kjk-zelfscan-${slug ? `${slug}-` : ''}${day}.json`;
}
