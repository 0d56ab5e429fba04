/**
 * `npm run content:report`: per card, the word counts the content test checks, and two plain
 * readability signals for B1 Dutch: average sentence length (aim: at most 15 words) and the
 * share of long words (13+ letters, where Dutch compounds make text hard). Signals, not a verdict:
 * a person still reads every text.
 */
// Plain Node runs this file, and src/ imports omit extensions: so the two languages are listed here.
const LANGS = ['nl', 'en'] as const;
import { readEntries, wordCount } from '../tests/support/content.ts';

const sentences = (text: string) =>
  text
    .replace(/^#+\s.*$/gm, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split(/(?<=[.!?])\s+|\n\s*\n/)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));

function signals(texts: string[]) {
  const all = texts.flatMap(sentences);
  const words = all.flatMap((s) => s.match(/\p{L}[\p{L}'’-]*/gu) ?? []);
  const perSentence = all.map((s) => (s.match(/\p{L}[\p{L}'’-]*/gu) ?? []).length);
  return {
    avg: words.length / Math.max(1, all.length),
    long: perSentence.filter((n) => n > 20).length,
    longWords: words.filter((w) => w.length >= 13).length / Math.max(1, words.length),
  };
}

for (const lang of LANGS) {
  console.log(`\n${lang.toUpperCase()}  id                                        body  example  words/sentence  >20-word sentences  long words`);
  const cards = readEntries('cards', lang).sort((a, b) => Number(a.data.number) - Number(b.data.number));
  let total = 0;
  for (const c of cards) {
    const d = c.data as { number: number; theme: string; kind: string; example: string; summary: string; questions: string[]; poles?: { protects: string; upside: string; overshoot: string }[] };
    const texts = [c.body, d.example, d.summary, ...d.questions, ...(d.poles ?? []).flatMap((p) => [p.protects, p.upside, p.overshoot])];
    const s = signals(texts);
    total += wordCount(c.body);
    console.log(
      `${String(d.number).padStart(2)} ${d.theme.padEnd(11)} ${c.slug.padEnd(40)} ${String(wordCount(c.body)).padStart(4)}  ${String(wordCount(d.example)).padStart(7)}  ${s.avg.toFixed(1).padStart(14)}  ${String(s.long).padStart(18)}  ${(s.longWords * 100).toFixed(1).padStart(9)}%`,
    );
  }
  const all = signals(cards.flatMap((c) => [c.body, String(c.data.example)]));
  console.log(`   ${cards.length} cards, ${total} body words; whole deck: ${all.avg.toFixed(1)} words per sentence, ${all.long} sentences over 20 words, ${(all.longWords * 100).toFixed(1)}% long words`);
}
