/** Calendar days as people choose them: "YYYY-MM-DD" strings, checked without time zones. */

/** The shape only; isIsoDate also checks that the day exists. */
export const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

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
