/**
 * Bank account numbers (IBAN) in free text. Only countries a Dutch or Belgian team is likely
 * to meet are listed: each has a fixed length, so the pattern can tell where the number ends
 * even when the next word is short ("BE68 5390 0754 7034 en"). The mod-97 check then keeps
 * look-alikes (codes, references) out.
 */
const LENGTHS: Record<string, number> = {
  NL: 18,
  BE: 16,
  DE: 22,
  FR: 27,
  LU: 20,
  GB: 22,
  ES: 24,
  IT: 27,
  PT: 25,
  PL: 28,
  TR: 26,
  MA: 28,
};

// Printed IBANs are grouped by four ("NL91 ABNA 0417 1643 00"); typed ones often are not.
const shape = (cc: string, n: number) => {
  const rest = n - 4;
  const tail = rest % 4 ? ` ?[A-Z0-9]{${rest % 4}}` : '';
  return `${cc}\\d\\d(?: ?[A-Z0-9]{4}){${rest >> 2}}${tail}`;
};

export const IBAN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${Object.entries(LENGTHS)
    .map(([cc, n]) => shape(cc, n))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Length per country, the Dutch bank code in letters, and the ISO 13616 check: mod 97 = 1. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s/g, '').toUpperCase();
  if (LENGTHS[iban.slice(0, 2)] !== iban.length || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  if (iban.startsWith('NL') && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(iban)) return false;
  let rest = 0;
  for (const ch of iban.slice(4) + iban.slice(0, 4)) {
    const n = Number.parseInt(ch, 36);
    rest = (n > 9 ? rest * 100 + n : rest * 10 + n) % 97;
  }
  return rest === 1;
}
