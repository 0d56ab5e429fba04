/**
 * The word cloud's counting: short answers (one to three words) folded to one form each, with the
 * little words that say nothing on their own ("de", "het", "the", "a") left out, and counted. A
 * long answer stays out of the cloud: the list of answers shows it whole.
 */
import { ANSWER_LIMITS } from './answers-schema.ts';

/** Dutch and English words that carry no meaning in a cloud: articles, pronouns, linking words. */
const STOP_WORDS = new Set(
  (
    'de het een en of maar dat die dit deze er is zijn was waren wordt worden te van in op aan met voor bij ' +
    'door om tot uit over naar als dan ook niet geen wel nog al zo je jij u ik wij we ze zij hij mijn jouw ' +
    'ons onze hun hem haar me mij men wat wie waar hoe heel erg meer veel ' +
    'the a an and or but that this these those is are was were be been to of in on at with for by from ' +
    'as than also not no so you i we they he she it my your our their its very more much'
  ).split(' '),
);

/** The words of a text, case-folded; letters, digits and inner hyphens or apostrophes hold a word together. */
function wordsOf(text: string): string[] {
  return text.toLocaleLowerCase('nl').match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** The cloud's form of an answer ("De veiligheid!" → "veiligheid"); null when it is too long or says nothing. */
export function cloudKey(text: string): string | null {
  const words = wordsOf(text);
  if (words.length === 0 || words.length > ANSWER_LIMITS.cloudMaxWords) return null;
  const kept = words.filter((w) => !STOP_WORDS.has(w));
  return kept.length === 0 ? null : kept.join(' ');
}

export interface CloudWord {
  word: string;
  count: number;
}

/** The short answers counted, most frequent first (ties in the order they first came). */
export function countWords(answers: readonly string[]): CloudWord[] {
  const counts = new Map<string, number>();
  for (const text of answers) {
    const key = cloudKey(text);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count);
}

/** How many of the answers can go into the cloud: the panel offers the cloud only when some can. */
export function cloudable(answers: readonly string[]): number {
  return answers.filter((a) => cloudKey(a) !== null).length;
}
