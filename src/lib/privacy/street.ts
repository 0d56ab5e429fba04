/**
 * A street and house number without a postcode ("Dorpsstraat 12", "Kerkweg 3a", "Lange
 * Nieuwstraat 140-2"). Many street suffixes are ordinary words too ("weg", "baan", "pad"), so
 * the street must be a compound, most suffixes need a capital (as street names are written),
 * and what follows the number must fit an address: the end of a sentence, a place name, a
 * postcode or a short linking word, never a unit ("Leerweg 2 keer", "Snelweg 3 uur"). A
 * year is no house number ("Arbeidsmarkt 2030").
 */
const SUFFIXES = 'straat|laan|weg|plein|gracht|kade|singel|dijk|hof|steeg|pad|dreef|park|ring|markt|baan|lei';
/** Suffixes that are no ordinary word: a street even when typed in lower case. */
const LOWER_OK = /(?:straat|laan|gracht|singel|steeg|dreef)$/;
/** Compounds that are common words, not streets, also when they open a sentence. */
const NOT_STREETS = new Set([
  'leerweg',
  'loopbaan',
  'zorgpad',
  'leerpad',
  'snelweg',
  'omweg',
  'rijbaan',
  'arbeidsmarkt',
  'woningmarkt',
  'zorgmarkt',
  'kerkhof',
  'gerechtshof',
  'schoolplein',
  'speelplein',
  'blokkade',
]);

export const STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-])(\p{L}[\p{L}'’-]*?(?:${SUFFIXES}))\s+(?!(?:19|20)\d\d(?![\p{N}]))[1-9]\d{0,3}(?:-\d{1,4}|\s?-?\s?[a-zA-Z](?![\p{L}]))?(?![\p{N}]|[.,]\p{N})(?=\s*$|\s*[\n.,;:!?)\]"'’”]|\s+(?:\p{Lu}|(?:te|in|en|bij|op|of)(?![\p{L}])|[1-9]\d{3}\s?[A-Za-z]{2}(?![\p{L}])))`,
  'gu',
);

/** Whether a STREET match's street word (group 1) can be a street name. */
export function isStreetName(word: string): boolean {
  const lower = word.toLowerCase();
  const suffix = new RegExp(`(?:${SUFFIXES})$`).exec(lower)?.[0] ?? '';
  if (lower.length <= suffix.length + 1 || NOT_STREETS.has(lower)) return false;
  return /^\p{Lu}/u.test(word) || LOWER_OK.test(lower);
}
