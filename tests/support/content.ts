/** Reads content/ the way Astro's glob loader does (front matter + body), for tests without a build. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import yaml from 'js-yaml';

export const CONTENT_DIR = process.env.KJK_CONTENT_DIR ?? join(import.meta.dirname, '..', '..', 'content');

export interface RawEntry {
  file: string;
  lang: 'nl' | 'en';
  slug: string;
  data: Record<string, unknown>;
  body: string;
}

export function readEntries(collection: string, lang: 'nl' | 'en', root = CONTENT_DIR): RawEntry[] {
  const dir = join(root, collection, lang);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const src = readFileSync(file, 'utf8');
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(src);
      if (!m) throw new Error(`${file}: no front matter block (--- ... ---)`);
      return {
        file,
        lang,
        slug: basename(f, '.md'),
        data: (yaml.load(m[1]!) ?? {}) as Record<string, unknown>,
        body: m[2]!,
      };
    });
}

/** Words as a reader counts them: runs of letters/digits, Markdown syntax ignored. */
export function wordCount(text: string): number {
  const plain = text
    .replace(/^#+\s.*$/gm, '') // headings are not body text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#-]/g, ' ');
  return (plain.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu) ?? []).length;
}

/** Internal Markdown links ("](/...)") in a text. */
export function internalLinks(text: string): string[] {
  return [...text.matchAll(/\]\((\/[^)\s]*)\)/g)].map((m) => m[1]!);
}

/**
 * Plain-language signals shared by the content test and `npm run content:report`. A sentence is
 * what ends in . ! or ?, or a paragraph. List items and quotes are left out on purpose: a list
 * item is read on its own, and a quote (a law text, someone in an example speaking) keeps its words.
 */
export function prose(text: string): string {
  return (
    text
      .replace(/^#+\s.*$/gm, '') // headings
      .replace(/^\s*(?:[-*]|\d+\.)\s.*(?:\n(?!\s*\n)(?!\s*(?:[-*]|\d+\.)\s).*)*/gm, '') // list items, with their wrapped lines
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: keep the text
      .replace(/"[^"]*?([.!?]?)"|“[^”]*?([.!?]?)”|«[^»]*»/g, (_m, a = '', b = '') => `…${a}${b}`) // quotes, keeping a final . ! ?
      // Single-quoted speech; an apostrophe between letters ("zo'n", "doesn't") belongs to its word.
      .replace(/(^|[\s(])'(?:[^']|(?<=\p{L})'(?=\p{L}))*?([.!?]?)'(?=[\s.,:;!?)]|$)/gu, '$1…$2')
      .replace(/[*_`]/g, '')
  );
}

export function sentences(text: string): string[] {
  return prose(text)
    .split(/(?<=[.!?])\s+|\n\s*\n/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /\p{L}/u.test(s));
}

const words = (s: string) => s.match(/\p{L}[\p{L}'’-]*/gu) ?? [];

/** Sentences of more than `max` words (B1 aim: 15). */
export function longSentences(text: string, max = 15): string[] {
  return sentences(text).filter((s) => words(s).length > max);
}

/**
 * Words of more than `max` letters (13), where Dutch compounds get hard. Names (a capital inside a
 * sentence) and the words in `known` (glossary terms, explained on the site) are left out.
 */
export function longWords(text: string, known: ReadonlySet<string> = new Set(), max = 13): string[] {
  const out: string[] = [];
  for (const s of sentences(text)) {
    words(s).forEach((w, i) => {
      const bare = w.replace(/['’-]+$/, '');
      const letters = bare.replace(/[^\p{L}]/gu, '').length;
      if (letters <= max) return;
      if (i > 0 && /^\p{Lu}/u.test(bare)) return; // a name or a proper noun
      if ([...known].some((k) => bare.toLowerCase().includes(k))) return;
      out.push(bare);
    });
  }
  return out;
}

/** Every string in a nested object (a UI dictionary), for lookups. */
export function allStrings(o: unknown): string[] {
  if (typeof o === 'string') return [o];
  if (Array.isArray(o)) return o.flatMap(allStrings);
  if (o && typeof o === 'object') return Object.values(o).flatMap(allStrings);
  return [];
}

/**
 * The people named in a practice example: capitalised words inside a sentence, minus words that
 * are capitalised for another reason (places of help, languages, the programme's names).
 */
export const NOT_NAMES = new Set([
  'Nederlands',
  'Nederland',
  'Veilig',
  'Thuis',
  'Mr',
  'Grandad',
  'Grandma',
  'JIM',
  'NJi',
  'Wednesdays',
  'Saturday',
  'Fridays',
  'Fridays.',
  'Limits',
  'Grenzen',
  'Ken',
  'Kracht',
  'I',
  "I'll",
  "I've",
  "I'm",
  'Youth',
  'Act',
  'English',
]);
export function exampleNames(example: string): string[] {
  const found = new Set<string>();
  for (const s of example.split(/(?<=[.!?:'])\s+/)) {
    const ws = s.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
    ws.forEach((w, i) => {
      const bare = w.replace(/(?:['’]s|['’])$/u, '');
      if (i > 0 && /^\p{Lu}\p{Ll}+$/u.test(bare) && !NOT_NAMES.has(bare)) found.add(bare);
    });
  }
  return [...found];
}
