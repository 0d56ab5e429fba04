import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { cardSchema, formatSchema, pageSchema, termSchema, worksheetSchema } from './content.schema';

/*
 * Content lives outside src/ so authors never touch code. KJK_CONTENT_DIR lets the build
 * test point at a fixture folder with a broken card. Files starting with "_" are drafts.
 * Entry ids are "<lang>/<file name>", e.g. "nl/zelfredzaam-samenredzaam".
 */
const root = process.env.KJK_CONTENT_DIR ?? './content';
const folder = (name: string) => glob({ pattern: '{nl,en}/**/[^_]*.md', base: `${root}/${name}` });

export const collections = {
  cards: defineCollection({ loader: folder('cards'), schema: cardSchema }),
  formats: defineCollection({ loader: folder('werkvormen'), schema: formatSchema }),
  glossary: defineCollection({ loader: folder('begrippen'), schema: termSchema }),
  pages: defineCollection({ loader: folder('pages'), schema: pageSchema }),
  worksheets: defineCollection({ loader: folder('werkbladen'), schema: worksheetSchema }),
};
