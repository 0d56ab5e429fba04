/**
 * Ages of people ("Lisa is 14 jaar", "een 15-jarige", "she is 14 years old"). "Jaar" is mostly
 * a duration ("al 3 jaar in zorg", "2 jaar geleden", "over 5 jaar", "vanaf 16 jaar"), so a bare
 * number of years is never enough: it must say "oud"/"old", or be tied to a person (a name, a
 * pronoun, a word like "dochter") by "is"/"van"/brackets, or be "-jarige" used for a person
 * rather than for a course or a project ("een 2-jarige opleiding").
 */
const PERSONS = new Set(
  (
    'jongere jongen meisje meid kind zoon dochter moeder vader broer broertje zus zusje baby peuter kleuter ' +
    'tiener puber pleegkind pleegzoon pleegdochter cliënt cliënte client oma opa tante oom neef nicht ' +
    'stiefvader stiefmoeder stiefzoon stiefdochter man vrouw jeugdige leerling vriend vriendin ' +
    'boy girl child kid son daughter mother mum mom father dad brother sister toddler teenager teen ' +
    'grandmother grandfather aunt uncle nephew niece pupil student woman youngster'
  ).split(' '),
);
const PRONOUNS = new Set('hij zij ze ik jij je u he she i you they'.split(' '));
/** Capitalised words that open a sentence and are no name. */
const NOT_NAMES = new Set(
  'het dat dit die deze er dan nu toen wat hoe zo daar hier dus maar en ook wie waar alles niemand iedereen een één'.split(
    ' ',
  ),
);

/** A name, a pronoun or a person word: whose age a number of years can be. */
export function isPerson(word: string): boolean {
  const lower = word.toLowerCase();
  if (PERSONS.has(lower) || PRONOUNS.has(lower)) return true;
  return /^\p{Lu}\p{Ll}/u.test(word) && !NOT_NAMES.has(lower);
}

const N = String.raw`(?<![\p{N}.,])(?:[1-9]?\d)`;
// "14 jaar oud", "14 years old", "14 years of age": an age whatever comes before it.
const OLD = String.raw`${N}\s+(?:jaar\s+oud|years?\s+old|years?\s+of\s+age)(?![\p{L}])`;
// "Lisa is (nu, bijna) 14 jaar", "mijn dochter wordt 15 jaar", at the end of the clause.
const IS = String.raw`(\p{L}+)\s+(?:is|was|wordt|werd|ben|bent)\s+(?:(?:nu|net|pas|bijna|al|ongeveer|ruim|inmiddels)\s+)?(${N}\s+jaar)(?=\s*(?:$|[\n.,;:!?)]|\s(?:en|maar)(?![\p{L}])(?!\s+\d)))`;
// "een meisje van 14 jaar" (a person word: "een contract van 2 jaar" is no age).
const OF = String.raw`(\p{L}+)\s+van\s+(${N}\s+jaar)(?![\p{L}])(?!\s*(?:tot|t/m|-|–|geleden))`;
// "Lisa (14 jaar)", "Lisa, 14 jaar, woont".
const APPOS = String.raw`(\p{L}+)\s*[(,]\s*(${N}\s*(?:jaar|jr\.?|years?))(?=\s*[),])`;
// "een 15-jarige", "de 15-jarige Lisa", "a 15-year-old girl": then a person, a name, a
// clause word or the end, never a thing ("een 2-jarige opleiding").
const ADJ = String.raw`(${N}\s?-?\s?(?:jarig(?:e|en)?|years?[\s-]old))(?![\p{L}])(?:\s*(?=$|[\n.,;:!?)"'’”])|\s+(\p{L}+))`;
const CLAUSE = new Set(
  'die met uit van in is was heeft had woont zit gaat en who with from in is was has had lives and'.split(' '),
);

export const AGE = new RegExp(`(?<![\\p{L}])(?:(${OLD})|${IS}|${OF}|${APPOS}|${ADJ})`, 'giu');

/** Where the age in an AGE match starts and how long it is, or null when it is no age. */
export function agePart(m: RegExpExecArray): { offset: number; length: number } | null {
  const [whole, old, isWho, isAge, ofWho, ofAge, apWho, apAge, adjAge, adjNext] = m;
  const at = (part: string) => ({ offset: whole.lastIndexOf(part), length: part.length });
  if (old) return at(old);
  if (isAge && isWho) return isPerson(isWho) ? at(isAge) : null;
  if (ofAge && ofWho) return PERSONS.has(ofWho.toLowerCase()) ? at(ofAge) : null;
  if (apAge && apWho) return isPerson(apWho) ? at(apAge) : null;
  if (!adjAge) return null;
  if (adjNext === undefined || isPerson(adjNext) || CLAUSE.has(adjNext.toLowerCase())) {
    return { offset: whole.indexOf(adjAge), length: adjAge.length };
  }
  return null;
}
