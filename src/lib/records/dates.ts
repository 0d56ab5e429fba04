/** Calendar days as people choose them: "YYYY-MM-DD" strings, checked without time zones. */
import { MAX_YEAR, MIN_YEAR } from './limits';

/** The shape only; isIsoDate also checks that the day exists. */
export const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/**
 * Why a date field's value cannot be saved, or null when it can. A date input lets people
 * type "0024" for a year meant as 2024, or a six-digit year; both are refused with their
 * own message instead of being stored (and shown) as something else.
 */
export type DateProblem = 'empty' | 'short-year' | 'year-range' | 'invalid';

export function dateProblem(value: unknown): DateProblem | null {
  if (value === undefined || value === null || value === '') return 'empty';
  if (typeof value !== 'string') return 'invalid';
  const loose = /^(\d+)-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (!loose) return 'invalid';
  const yearText = loose[1] as string;
  const year = Number(yearText);
  // "0024", "24" or "024": a year typed with two digits (or padded by the browser).
  if (year < 100) return 'short-year';
  if (yearText.length !== 4 || year < MIN_YEAR || year > MAX_YEAR) return 'year-range';
  return isIsoDate(value) ? null : 'invalid';
}

/** "YYYY-MM-DD" naming a real calendar day with a year from MIN_YEAR to MAX_YEAR (rejects 2023-02-30, 0024-03-01). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises. setUTCFullYear,
  // because Date.UTC reads years 0 to 99 as 1900 to 1999.
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** The Date at UTC midnight of a "YYYY-MM-DD" day, for formatting (any year, also below 100), or null. */
export function utcDay(iso: string): Date | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}
