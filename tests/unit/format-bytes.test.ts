/** formatBytes writes numbers out by hand (no Intl at start-up): it must say what Intl would. */
import { expect, it } from 'vitest';
import { formatBytes } from '../../src/lib/sessions/format';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];
function withIntl(bytes: number, lang: 'nl' | 'en'): string {
  let value = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : 1;
  const format = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
  return `${format.format(value)} ${UNITS[unit]}`;
}

const SIZES = [0, 1, 5, 999, 1000, 1023, 1024, 1025, 1536, 10_239, 10_240, 1_048_575, 1_048_576, 1023.96 * 1024];
const HUGE = [123_456_789, 2 ** 40 * 5, 2 ** 40 * 1500, 2 ** 40 * 1_234_567, 1023.95 * 1024 ** 2];

it.each(['nl', 'en'] as const)(
  'formats sizes as Intl.NumberFormat does in %s, rounding and grouping included',
  (lang) => {
    for (const bytes of [...SIZES, ...HUGE, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatBytes(bytes, lang), `${bytes}`).toBe(withIntl(bytes, lang));
    }
  },
);
