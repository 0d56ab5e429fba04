import { describe, expect, it } from 'vitest';
import { cardSchema, formatSchema, pageSchema, termSchema, THEMES } from '../../src/content.schema';
import { LANGS, match } from '../../src/routes';
import { internalLinks, readEntries, wordCount } from '../support/content';

const cards = Object.fromEntries(LANGS.map((l) => [l, readEntries('cards', l)])) as Record<'nl' | 'en', ReturnType<typeof readEntries>>;
const terms = Object.fromEntries(LANGS.map((l) => [l, readEntries('begrippen', l)])) as typeof cards;
const formats = Object.fromEntries(LANGS.map((l) => [l, readEntries('werkvormen', l)])) as typeof cards;
const pages = Object.fromEntries(LANGS.map((l) => [l, readEntries('pages', l)])) as typeof cards;

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe.each(LANGS)('content in %s', (lang) => {
  it('has cards', () => expect(cards[lang].length).toBeGreaterThan(0));

  it.each(cards[lang].map((c) => [c.slug, c] as const))('card %s matches the schema and its file name', (_slug, c) => {
    expect(issues(cardSchema.safeParse(c.data)), c.file).toEqual([]);
    expect(c.data.id, `${c.file}: id must equal the file name`).toBe(c.slug);
  });

  it('has no duplicate ids or numbers', () => {
    const numbers = cards[lang].map((c) => c.data.number);
    expect(new Set(numbers).size, `duplicate numbers: ${numbers}`).toBe(numbers.length);
  });

  it('has one kenniskaart and at least three dilemmas per spanningsveld', () => {
    for (const theme of THEMES) {
      const inTheme = cards[lang].filter((c) => c.data.theme === theme);
      expect(inTheme.filter((c) => c.data.kind === 'kenniskaart').length, `${lang} ${theme} kenniskaarten`).toBe(1);
      expect(inTheme.filter((c) => c.data.kind === 'dilemma').length, `${lang} ${theme} dilemmas`).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps texts within the word ranges of the content brief', () => {
    const problems: string[] = [];
    for (const c of cards[lang]) {
      const body = wordCount(c.body);
      const [min, max] = c.data.kind === 'kenniskaart' ? [120, 300] : [80, 150];
      if (body < min || body > max) problems.push(`${c.file}: body has ${body} words, expected ${min}-${max}`);
      const example = wordCount(String(c.data.example ?? ''));
      if (example < 60 || example > 120) problems.push(`${c.file}: example has ${example} words, expected 60-120`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every dilemma a plain-language layer for young people (one short sentence, short pole labels)', () => {
    const problems: string[] = [];
    for (const c of cards[lang].filter((e) => e.data.kind === 'dilemma')) {
      const youth = c.data.youthSummary as string | undefined;
      if (!youth) problems.push(`${c.file}: no youthSummary (one sentence for young people, about A2)`);
      else {
        if (/[.!?]\s+\S/.test(youth.trim())) problems.push(`${c.file}: youthSummary has more than one sentence`);
        if (wordCount(youth) > 16) problems.push(`${c.file}: youthSummary has ${wordCount(youth)} words, expected at most 16`);
      }
      for (const [i, pole] of ((c.data.poles as { plain?: string }[] | undefined) ?? []).entries()) {
        if (!pole.plain) problems.push(`${c.file}: pole ${i === 0 ? 'A' : 'B'} has no plain label`);
        else if (wordCount(pole.plain) > 6) problems.push(`${c.file}: plain label of pole ${i === 0 ? 'A' : 'B'} has more than 6 words`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('starts card bodies at ## so the page keeps one h1', () => {
    for (const c of [...cards[lang], ...terms[lang], ...formats[lang], ...pages[lang]]) {
      expect(/^# /m.test(c.body), `${c.file} has a "# " heading`).toBe(false);
    }
  });

  it('has valid glossary terms, formats and pages', () => {
    for (const e of terms[lang]) expect(issues(termSchema.safeParse(e.data)), e.file).toEqual([]);
    for (const e of formats[lang]) expect(issues(formatSchema.safeParse(e.data)), e.file).toEqual([]);
    for (const e of pages[lang]) expect(issues(pageSchema.safeParse(e.data)), e.file).toEqual([]);
    for (const e of [...terms[lang], ...formats[lang], ...pages[lang]]) expect(e.data.id, e.file).toBe(e.slug);
  });

  it('resolves every glossary reference and internal link', () => {
    const termIds = new Set(terms[lang].map((t) => t.slug));
    const cardIds = new Set(cards[lang].map((c) => c.slug));
    const problems: string[] = [];
    for (const c of cards[lang]) {
      for (const term of (c.data.terms as string[] | undefined) ?? []) {
        if (!termIds.has(term)) problems.push(`${c.file}: term "${term}" is not in content/begrippen/${lang}/`);
      }
    }
    for (const e of [...cards[lang], ...terms[lang], ...formats[lang], ...pages[lang]]) {
      for (const link of internalLinks(e.body)) {
        const [p, hash] = link.split('#');
        const route = match(p!);
        if (!route) problems.push(`${e.file}: link ${link} is not a route of this site`);
        else if (route.lang !== lang) problems.push(`${e.file}: link ${link} points at the other language`);
        else if (route.key === 'card' && !cardIds.has(route.id!)) problems.push(`${e.file}: link ${link}: no card "${route.id}"`);
        else if (route.key === 'glossary' && hash && !termIds.has(hash)) problems.push(`${e.file}: link ${link}: no term "${hash}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('nl and en twins', () => {
  it('every card, term and format exists in both languages with the same id', () => {
    for (const set of [cards, terms, formats, pages]) {
      expect(set.en.map((c) => c.slug)).toEqual(set.nl.map((c) => c.slug));
    }
  });

  it('twins share number, theme, kind and glossary terms', () => {
    for (const nl of cards.nl) {
      const en = cards.en.find((c) => c.slug === nl.slug);
      if (!en) continue;
      for (const field of ['number', 'theme', 'kind', 'terms'] as const) {
        expect(en.data[field], `${en.file}: ${field} differs from the Dutch card`).toEqual(nl.data[field]);
      }
    }
  });
});
