/**
 * Spots data that identifies a client in free text, so the note editor can warn before a
 * team writes it down ("this looks like a BSN"). It is a hint, not a filter: nothing is
 * removed or blocked, and the text never leaves the browser.
 *
 * Tuned for few false positives on ordinary meeting notes: times (14:30), years (2020),
 * article and document numbers (artikel 2.1, Kamerstuk 31 839) and amounts are ignored.
 * A BSN must pass the 11-proef; a full date counts as a date of birth only when it lies at
 * least two years back (meeting and due dates are recent) or follows a word like "geboren",
 * and not after a word that dates an event ("sinds 1 januari 2019", "brief van 6 januari 2020").
 * Phone numbers of organisations (088, 0800) are left alone. Streets, ages and IBANs live in
 * their own files (./street, ./age, ./iban). Names are not recognised: the warning says so.
 */
import { daysInMonth } from '../records/dates';
import { AGE, agePart } from './age';
import { IBAN, isValidIban } from './iban';
import { isStreetName, STREET } from './street';

export const FINDING_KINDS = ['bsn', 'birthdate', 'age', 'email', 'phone', 'postcode', 'street', 'iban'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  kind: FindingKind;
  /** Offset in UTF-16 code units, as String#slice expects. */
  index: number;
  length: number;
}

export interface DetectOptions {
  /** "Today", for deciding whether a date can be a date of birth. Default: now. */
  now?: Date;
}

/** The 11-proef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), nine digits, not all zeros. */
export function isValidBsn(value: string): boolean {
  const digits = value.replace(/[\s.-]/g, '');
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

// Not preceded by a letter or digit, nor by a digit and a separator (part of a longer number).
const START = String.raw`(?<![\p{L}\p{N}]|\p{N}[.,\-/:])`;
// Not followed by a letter or digit, nor by a separator and a digit.
const END = String.raw`(?![\p{L}\p{N}]|[.,\-/:]\p{N})`;

const BSN = new RegExp(String.raw`${START}(?:\d{9}|\d{3}([. \-])\d{3}\1\d{3}|\d{4}([. \-])\d{2}\2\d{3})${END}`, 'gu');

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

// National: 0 + area code (1–3 digits) + optional separator + subscriber digits with single
// spaces; exactly 10 digits in total is checked afterwards. International: +31 / 0031.
const PHONE_NATIONAL =
  /(?<![\p{L}\p{N}+]|\p{N}[.,\-/:])(?:\(0\d{1,3}\)\s?|0[1-9]\d{0,2}[\s-]?)\d(?: ?\d)*(?![\p{N}]|[.,\-/:]\p{N})/gu;
const PHONE_INTERNATIONAL = /(?<![\p{L}\p{N}+])(?:\+|00)31[\s-]?(?:\(0\)[\s-]?)?[1-9](?:[\s-]?\d){8}(?![\p{N}])/gu;
// Numbers of organisations, never of a person (an advice line such as the AKJ's 088 number
// is no client data): NL 088 (companies), 0800 and 090x; BE 070, 078, 0800 and 090x.
const SERVICE_NL = /^0(?:88|800|90[069])/;
const SERVICE_BE = /^0(?:70|78|800|90)/;
/** "+31 (0)88 …" or "0032 78 …" as the number dialled at home: "088…", "078…". */
const nationalDigits = (phone: string) =>
  `0${phone
    .replace('(0)', '')
    .replace(/\D/g, '')
    .replace(/^(?:00)?\d\d/, '')}`;
// Belgian numbers are written in groups with spaces, dots or a slash: mobile 04xx xx xx xx
// (ten digits, as a Dutch number), landline 0x xxx xx xx or 0xx xx xx xx (nine digits, so
// the groups are required: a bare nine-digit number is a reference, not a phone).
const PHONE_BE_NATIONAL =
  /(?<![\p{L}\p{N}+]|\p{N}[.,\-/:])0(?:4\d\d[\s/.-]?\d\d[\s.]?\d\d[\s.]?\d\d|[1-9]\d?[\s/.-]\d{2,3}[\s.]\d\d[\s.]\d\d)(?![\p{N}]|[.,\-/:]\p{N})/gu;
// +32 / 0032, then eight (landline) or nine (mobile) digits.
const PHONE_BE_INTERNATIONAL =
  /(?<![\p{L}\p{N}+])(?:\+|00)32[\s-]?(?:\(0\)[\s-]?)?[1-9](?:[\s./-]?\d){7,8}(?![\p{N}]|[.,\-/:]\p{N})/gu;

// Postcode then house number ("1234 AB 12", "1234AB 12a"): capitals, or lower case only
// when written against the digits, so "2020 is 12" is not an address.
const POSTCODE_THEN_NUMBER = new RegExp(
  String.raw`${START}[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?![\p{L}]),?\s+\d{1,5}(?:\s?[a-zA-Z](?![\p{L}])|-\d{1,4})?(?![\p{N}])`,
  'gu',
);
// House number then postcode, as in "Dorpsstraat 12, 1234 AB Utrecht".
const NUMBER_THEN_POSTCODE = /(?<=\p{L}\s+)\d{1,5}[a-zA-Z]?(?:-\d{1,4})?,?\s+[1-9]\d{3} ?[A-Z]{2}(?![\p{L}])/gu;

const MONTHS: Record<string, number> = {
  januari: 1,
  january: 1,
  jan: 1,
  februari: 2,
  february: 2,
  feb: 2,
  maart: 3,
  march: 3,
  mrt: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  augustus: 8,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

// "12-3-2009", "12/3/11", "12-3-'11": the apostrophe marks a two-digit year.
const DATE_DMY = /(?<![\p{N}]|\p{N}[.\-/])(\d{1,2})([-/.])(\d{1,2})\2(['’‘]?)(\d{4}|\d{2})(?![\p{N}]|[.\-/]\p{N})/gu;
const DATE_ISO = /(?<![\p{N}]|\p{N}[.\-/])(\d{4})-(\d{2})-(\d{2})(?![\p{N}]|[.\-/]\p{N})/gu;
const DATE_TEXT_DMY = new RegExp(
  String.raw`(?<![\p{N}])(\d{1,2})(?:e|ste|de|st|nd|rd|th)?\s+(?:of\s+)?(${MONTH_NAMES})\.?,?\s+(\d{4}|['’‘]\d{2})(?![\p{N}])`,
  'giu',
);
const DATE_TEXT_MDY = new RegExp(
  String.raw`(?<![\p{L}])(${MONTH_NAMES})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}|['’‘]\d{2})(?![\p{N}])`,
  'giu',
);
// "geboren in 2009", "born 2009": a birth year after an explicit word.
const BIRTH_YEAR = /(?<![\p{L}])(?:geboren|born)(?:\s+(?:in|op|on))?\s+(\d{4})(?![\p{N}])/giu;

/** "Geboren" after the date: "op 12 maart 2009 geboren". */
const BIRTH_AFTER = /^[^.\n]{0,15}?(?<![\p{L}])(?:geboren|born)(?![\p{L}])/iu;
/** A date after "sinds", "vanaf", "brief van", "op" marks an event (a law, a letter, a start), not a birth. */
const EVENT_BEFORE =
  /(?<![\p{L}])(?:sinds|sedert|vanaf|per|tot|na|voor|van|op|since|from|until|till|after|before|of|on)\s+$/iu;
/** Words that make the next date a date of birth, whatever its year. */
const BIRTH_WORDS =
  /(?<![\p{L}])(?:geboren|geboortedatum|geb\.?\s?datum|geb\.|born|date of birth|birth date|birthday|d\.o\.b\.?|dob|verjaardag|jarig)(?![\p{L}])[^.\n]{0,25}$/iu;

interface Candidate extends Finding {
  priority: number;
}

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function detectClientData(text: string, opts: DetectOptions = {}): Finding[] {
  const now = opts.now ?? new Date();
  const thisYear = now.getFullYear();
  const today = Date.UTC(thisYear, now.getMonth(), now.getDate());
  const candidates: Candidate[] = [];
  const add = (kind: FindingKind, index: number, length: number, priority: number) =>
    candidates.push({ kind, index, length, priority });

  for (const m of matches(EMAIL, text)) add('email', m.index, m[0].length, 0);

  for (const m of matches(BSN, text)) {
    if (isValidBsn(m[0])) add('bsn', m.index, m[0].length, 1);
  }

  const birthContext = (index: number, length: number) =>
    BIRTH_WORDS.test(text.slice(Math.max(0, index - 40), index)) ||
    BIRTH_AFTER.test(text.slice(index + length, index + length + 25));
  /** `shortYearOk`: a two-digit year is clearly a year here (an apostrophe, or "-" or "/"). */
  const considerDate = (
    index: number,
    length: number,
    day: number,
    month: number,
    yearText: string,
    shortYearOk = false,
  ) => {
    const context = birthContext(index, length);
    if (!context && EVENT_BEFORE.test(text.slice(Math.max(0, index - 8), index))) return;
    const digits = yearText.replace(/\D/g, '');
    let year = Number(digits);
    if (digits.length === 2) {
      // "7.3.11" is an article number: without "geboren", only "12-3-11", "12/3/11" or "'11"
      // count, and then like any date only when it lies two years back ("1-2-24" is a meeting).
      if (!context && !shortYearOk) return;
      year += year <= thisYear % 100 ? 2000 : 1900;
    }
    if (!isRealDate(year, month, day)) return;
    const time = Date.UTC(year, month - 1, day);
    if (time > today || year < thisYear - 100) return;
    const twoYearsAgo = Date.UTC(thisYear - 2, now.getMonth(), now.getDate());
    if (!context && time > twoYearsAgo) return;
    add('birthdate', index, length, 2);
  };
  for (const m of matches(DATE_DMY, text)) {
    considerDate(m.index, m[0].length, Number(m[1]), Number(m[3]), m[5] ?? '', m[2] !== '.' || m[4] !== '');
  }
  for (const m of matches(DATE_ISO, text)) {
    considerDate(m.index, m[0].length, Number(m[3]), Number(m[2]), m[1] ?? '');
  }
  for (const m of matches(DATE_TEXT_DMY, text)) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    if (month !== undefined) considerDate(m.index, m[0].length, Number(m[1]), month, m[3] ?? '', true);
  }
  for (const m of matches(DATE_TEXT_MDY, text)) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()];
    if (month !== undefined) considerDate(m.index, m[0].length, Number(m[2]), month, m[3] ?? '', true);
  }
  for (const m of matches(BIRTH_YEAR, text)) {
    const yearText = m[1] ?? '';
    const year = Number(yearText);
    if (year <= thisYear && year >= thisYear - 100) {
      add('birthdate', m.index + m[0].length - yearText.length, yearText.length, 3);
    }
  }

  for (const m of matches(PHONE_NATIONAL, text)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length === 10 && !SERVICE_NL.test(digits)) add('phone', m.index, m[0].length, 4);
  }
  for (const m of matches(PHONE_INTERNATIONAL, text)) {
    if (!SERVICE_NL.test(nationalDigits(m[0]))) add('phone', m.index, m[0].length, 4);
  }
  for (const m of matches(PHONE_BE_NATIONAL, text)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length === (digits[1] === '4' ? 10 : 9) && !SERVICE_BE.test(digits)) {
      add('phone', m.index, m[0].length, 4);
    }
  }
  for (const m of matches(PHONE_BE_INTERNATIONAL, text)) {
    if (!SERVICE_BE.test(nationalDigits(m[0]))) add('phone', m.index, m[0].length, 4);
  }

  for (const m of matches(IBAN, text)) {
    if (isValidIban(m[0])) add('iban', m.index, m[0].length, 1);
  }

  for (const m of matches(POSTCODE_THEN_NUMBER, text)) {
    if (postcodeLettersAllowed(m[0])) add('postcode', m.index, m[0].length, 5);
  }
  for (const m of matches(NUMBER_THEN_POSTCODE, text)) {
    if (postcodeLettersAllowed(m[0])) add('postcode', m.index, m[0].length, 5);
  }
  // Below the postcode: "Dorpsstraat 12, 1234 AB" is one address, found once.
  for (const m of matches(STREET, text)) {
    if (isStreetName(m[1] ?? '')) add('street', m.index, m[0].length, 6);
  }
  for (const m of matches(AGE, text)) {
    const part = agePart(m);
    if (part) add('age', m.index + part.offset, part.length, 7);
    // A refused match may hide an age inside it ("een tweeling van 14 jaar oud"): look again.
    else AGE.lastIndex = m.index + 1;
  }

  // Overlaps: the more specific kind wins (an e-mail address may contain digits, a BSN
  // is never also a phone number), then the earlier match.
  candidates.sort((a, b) => a.priority - b.priority || a.index - b.index || b.length - a.length);
  // `kept` stays sorted by index and free of overlaps, so only the two neighbours of the
  // insertion point can collide: a long note with thousands of findings stays fast.
  const kept: Finding[] = [];
  for (const c of candidates) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((kept[mid]?.index ?? 0) < c.index) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if (before && before.index + before.length > c.index) continue;
    if (after && c.index + c.length > after.index) continue;
    kept.splice(lo, 0, { kind: c.kind, index: c.index, length: c.length });
  }
  return kept;
}

/** PostNL never issues the letter pairs SA, SD and SS. */
function postcodeLettersAllowed(match: string): boolean {
  const m = /[1-9]\d{3} ?([A-Za-z]{2})/.exec(match);
  const letters = m?.[1]?.toUpperCase();
  return letters !== undefined && letters !== 'SA' && letters !== 'SD' && letters !== 'SS';
}
