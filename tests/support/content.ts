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
      return { file, lang, slug: basename(f, '.md'), data: (yaml.load(m[1]!) ?? {}) as Record<string, unknown>, body: m[2]! };
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
