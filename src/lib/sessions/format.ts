/** Small formatting helpers for the sessions page. Pure; the language is passed in. */

/** Today as "YYYY-MM-DD" in local time (a meeting day is a local day, not a UTC one). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "14 maart 2025" / "14 March 2025" for a "YYYY-MM-DD" day; the input itself when it is not one. */
export function formatDay(iso: string, lang: 'nl' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime())) return iso;
  // UTC on both sides: the day must not shift with the device's time zone.
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** "1,2 MB" / "1.2 MB": storage use, for people (powers of 1024, one decimal from KB up). */
export function formatBytes(bytes: number, lang: 'nl' | 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : 1;
  const text = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
  return `${text} ${units[unit]}`;
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
