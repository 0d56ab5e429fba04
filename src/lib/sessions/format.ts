/** Small formatting helpers for the sessions page. Pure; the language is passed in. */
import { utcDay } from '../records/dates';
import type { Lang } from '../../routes';

/** Today as "YYYY-MM-DD" in local time (a meeting day is a local day, not a UTC one). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "14 maart 2025" / "14 March 2025" for a "YYYY-MM-DD" day; the input itself when it is not one. */
export function formatDay(iso: string, lang: Lang): string {
  // Not Date.UTC: it reads years 0 to 99 as 1900 to 1999, so "0024-03-01" would show as 1924.
  const date = utcDay(iso);
  if (!date) return iso;
  return dayFormat(lang).format(date);
}

// One formatter per language, made on first use: making one costs far more than using it, and a
// list shows a date on every row.
const dayFormats = new Map<Lang, Intl.DateTimeFormat>();
function dayFormat(lang: Lang): Intl.DateTimeFormat {
  let format = dayFormats.get(lang);
  if (!format) {
    // UTC on both sides: the day must not shift with the device's time zone.
    format = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dayFormats.set(lang, format);
  }
  return format;
}

/**
 * "1,2 MB" / "1.2 MB": storage use, for people (powers of 1024, one decimal from KB up). Written
 * out, not with Intl.NumberFormat: the first one a page makes loads the locale's number data,
 * a long task (about 45 ms on a slow phone) in the sessions page's start for one short number.
 */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const [whole = '0', fraction] = value.toFixed(unit === 0 ? 0 : 1).split('.');
  const [group, decimal] = lang === 'nl' ? ['.', ','] : [',', '.'];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  return `${fraction === undefined ? grouped : `${grouped}${decimal}${fraction}`} ${units[unit]}`;
}

/** The middle value (the mean of the two middle ones for an even count), rounded; 50 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 50;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const m =
    sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(m);
}
