/** Reads the content collections for one language, in display order. Pages use only these. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { THEMES } from './content.schema';
import type { CardSummary } from './islands/types';
import { href, type Lang } from './routes';

export type CardEntry = CollectionEntry<'cards'>;
export type FormatEntry = CollectionEntry<'formats'>;
export type TermEntry = CollectionEntry<'glossary'>;
export type PageEntry = CollectionEntry<'pages'>;
export type WorksheetEntry = CollectionEntry<'worksheets'>;

const inLang = (lang: Lang) => (e: { id: string }) => e.id.startsWith(`${lang}/`);

/** All cards of a language in fan order (by number). */
export async function cardsFor(lang: Lang): Promise<CardEntry[]> {
  return (await getCollection('cards', inLang(lang))).sort((a, b) => a.data.number - b.data.number);
}

/** Cards grouped per spanningsveld, in the fan's theme order. */
export async function cardsByTheme(lang: Lang) {
  const cards = await cardsFor(lang);
  return THEMES.map((theme) => ({ theme, cards: cards.filter((c) => c.data.theme === theme) }));
}

export async function formatsFor(lang: Lang): Promise<FormatEntry[]> {
  return (await getCollection('formats', inLang(lang))).sort((a, b) => a.data.order - b.data.order);
}

export async function worksheetsFor(lang: Lang): Promise<WorksheetEntry[]> {
  return (await getCollection('worksheets', inLang(lang))).sort((a, b) => a.data.order - b.data.order);
}

export async function termsFor(lang: Lang): Promise<TermEntry[]> {
  return (await getCollection('glossary', inLang(lang))).sort((a, b) => a.data.term.localeCompare(b.data.term, lang));
}

export async function pageFor(lang: Lang, id: string): Promise<PageEntry | undefined> {
  return (await getCollection('pages', (e) => e.id === `${lang}/${id}`))[0];
}

/**
 * The card ids of the deck. Both languages must have the same cards: a missing twin stops the
 * build with the file an author has to write, instead of a page that breaks later.
 */
export async function cardIds(): Promise<string[]> {
  const nl = (await cardsFor('nl')).map((c) => c.data.id);
  const en = new Set((await cardsFor('en')).map((c) => c.data.id));
  const missing = [
    ...nl.filter((id) => !en.has(id)).map((id) => `content/cards/en/${id}.md`),
    ...[...en].filter((id) => !nl.includes(id)).map((id) => `content/cards/nl/${id}.md`),
  ];
  if (missing.length)
    throw new Error(`Every card needs a Dutch and an English file with the same name. Missing: ${missing.join(', ')}`);
  return nl;
}

/** The fields every island gets of a card (each island adds what it shows beyond these). */
export function cardSummary({ data: c }: CardEntry, lang: Lang): CardSummary {
  return {
    id: c.id,
    number: c.number,
    theme: c.theme,
    kind: c.kind,
    title: c.title,
    summary: c.summary,
    questions: c.questions,
    href: href('card', lang, c.id),
  };
}
