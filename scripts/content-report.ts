/**
 * `npm run content:report`: per card, the word counts the content test checks, and plain
 * readability signals for B1 Dutch: average sentence length, sentences over 15 words and words
 * over 13 letters (where Dutch compounds make text hard). Lists and quotes are left out (a list
 * item is read on its own; a quote keeps its words), and so are names and glossary terms, which
 * the site explains. Signals, not a verdict: a person still reads every text.
 * `--strict` exits with 1 when a card has a long sentence or a long word left.
 */
// Plain Node runs this file, and src/ imports omit extensions: so the two languages are listed here.
const LANGS = ['nl', 'en'] as const;
import { longSentences, longWords, readEntries, sentences, wordCount } from '../tests/support/content.ts';

interface CardData {
  number: number;
  theme?: string;
  kind: string;
  example: string;
  summary: string;
  youthSummary?: string;
  questions: string[];
  perspectives: Record<string, string[]>;
  poles?: { protects: string; upside: string; overshoot: string }[];
}

/** Glossary terms and their aliases, lower case: long words the site explains on /begrippen/. */
function knownTerms(lang: (typeof LANGS)[number]): Set<string> {
  const out = new Set<string>();
  for (const t of readEntries('begrippen', lang)) {
    for (const name of [String(t.data.term), ...((t.data.aliases as string[] | undefined) ?? [])]) {
      for (const w of name.toLowerCase().split(/[\s,]+/)) if (w.length > 13) out.add(w.replace(/-$/, ''));
    }
  }
  return out;
}

const strict = process.argv.includes('--strict');
let left = 0;
for (const lang of LANGS) {
  const known = knownTerms(lang);
  console.log(
    `\n${lang.toUpperCase()}  id                                        body  example  words/sentence  >15-word sentences  >13-letter words`,
  );
  const cards = readEntries('cards', lang).sort((a, b) => Number(a.data.number) - Number(b.data.number));
  let total = 0;
  const details: string[] = [];
  for (const c of cards) {
    const d = c.data as unknown as CardData;
    const texts = [
      c.body,
      d.example,
      d.summary,
      d.youthSummary ?? '',
      ...d.questions,
      ...Object.values(d.perspectives).flat(),
      ...(d.poles ?? []).flatMap((p) => [p.protects, p.upside, p.overshoot]),
    ];
    const all = texts.flatMap((t) => sentences(t));
    const wordsIn = all.reduce((n, s) => n + (s.match(/\p{L}[\p{L}'’-]*/gu) ?? []).length, 0);
    const long = texts.flatMap((t) => longSentences(t));
    const longW = [...new Set(texts.flatMap((t) => longWords(t, known)))];
    left += long.length + longW.length;
    total += wordCount(c.body);
    console.log(
      `${String(d.number).padStart(2)} ${(d.theme ?? '-').padEnd(11)} ${c.slug.padEnd(40)} ${String(wordCount(c.body)).padStart(4)}  ${String(wordCount(d.example)).padStart(7)}  ${(wordsIn / Math.max(1, all.length)).toFixed(1).padStart(14)}  ${String(long.length).padStart(18)}  ${String(longW.length).padStart(16)}`,
    );
    for (const s of long)
      details.push(`   ${c.slug}: sentence of ${(s.match(/\p{L}[\p{L}'’-]*/gu) ?? []).length} words: ${s}`);
    if (longW.length) details.push(`   ${c.slug}: long words: ${longW.join(', ')}`);
  }
  console.log(`   ${cards.length} cards, ${total} body words`);
  if (details.length) console.log(`\n   Left to look at (${lang}):\n${details.join('\n')}`);
  else
    console.log(
      `   No sentences over 15 words and no words over 13 letters outside lists, quotes, names and glossary terms.`,
    );
}
if (strict && left > 0) process.exit(1);
