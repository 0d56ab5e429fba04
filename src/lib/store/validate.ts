/**
 * Value checks shared by the repository (what the UI may save) and the import parser
 * (what a file may bring in), so both accept exactly the same records.
 */
import { SESSION_KINDS, type SessionKind } from './types';

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Latest time ECMAScript can represent; anything larger is not a real timestamp. */
const MAX_TIME_MS = 8.64e15;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" naming a real calendar day (rejects 2023-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Epoch milliseconds: finite, not negative, representable as a Date. */
export function isTimestamp(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_TIME_MS;
}

/** A position between the poles: 0 = pole A, 100 = pole B. */
export function isPositionValue(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
}

export function isSessionKind(value: unknown): value is SessionKind {
  return typeof value === 'string' && (SESSION_KINDS as readonly string[]).includes(value);
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function isId(value: unknown, maxChars: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxChars;
}
