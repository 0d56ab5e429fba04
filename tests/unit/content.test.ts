import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardSchema, formatSchema, pageSchema, PERSPECTIVES, termSchema, THEMES } from '../../src/content.schema';
import { t } from '../../src/i18n';
import { LANGS, match } from '../../src/routes';
import { allStrings, exampleNames, internalLinks, readEntries, wordCount } from '../support/content';

const cards = Object.fromEntries(LANGS.map((l) => [l, readEntries('cards', l)])) as Record<
  'nl' | 'en',
  ReturnType<typeof readEntries>
>;
const terms = Object.fromEntries(LANGS.map((l) => [l, readEntries('begrippen', l)])) as typeof cards;
const formats = Object.fromEntries(LANGS.map((l) => [l, readEntries('werkvormen', l)])) as typeof cards;
const pages = Object.fromEntries(LANGS.map((l) => [l, readEntries('pages', l)])) as typeof cards;
const worksheets = Object.fromEntries(LANGS.map((l) => [l, readEntries('werkbladen', l)])) as typeof cards;

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
      expect(
        inTheme.filter((c) => c.data.kind === 'dilemma').length,
        `${lang} ${theme} dilemmas`,
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it('opens the fan with one uitleg card: number 0, no theme', () => {
    const uitleg = cards[lang].filter((c) => c.data.kind === 'uitleg');
    expect(uitleg.map((c) => c.slug)).toEqual(['zo-werkt-de-waaier']);
    expect(uitleg[0]!.data.number).toBe(0);
    expect(uitleg[0]!.data.theme).toBeUndefined();
    const others = cards[lang].filter((c) => c.data.kind !== 'uitleg');
    expect(
      others.filter((c) => Number(c.data.number) < 1).map((c) => c.file),
      'only the uitleg card may have number 0',
    ).toEqual([]);
  });

  it('keeps texts within the word ranges of the content brief', () => {
    const problems: string[] = [];
    for (const c of cards[lang]) {
      const body = wordCount(c.body);
      // The uitleg card explains the whole fan: it gets the room of a kenniskaart.
      const [min, max] = c.data.kind === 'dilemma' ? [80, 150] : [120, 300];
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
        if (wordCount(youth) > 16)
          problems.push(`${c.file}: youthSummary has ${wordCount(youth)} words, expected at most 16`);
      }
      for (const [i, pole] of ((c.data.poles as { plain?: string }[] | undefined) ?? []).entries()) {
        if (!pole.plain) problems.push(`${c.file}: pole ${i === 0 ? 'A' : 'B'} has no plain label`);
        else if (wordCount(pole.plain) > 6)
          problems.push(`${c.file}: plain label of pole ${i === 0 ? 'A' : 'B'} has more than 6 words`);
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
        else if (route.key === 'card' && !cardIds.has(route.id!))
          problems.push(`${e.file}: link ${link}: no card "${route.id}"`);
        else if (route.key === 'glossary' && hash && !termIds.has(hash))
          problems.push(`${e.file}: link ${link}: no term "${hash}"`);
        else if (route.key === 'worksheets' && hash && !worksheets[lang].some((w) => w.slug === hash))
          problems.push(`${e.file}: link ${link}: no worksheet "${hash}"`);
        else if (route.key === 'formats' && hash && !formats[lang].some((f) => f.slug === hash))
          problems.push(`${e.file}: link ${link}: no werkvorm "${hash}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe.each(LANGS)("the editor's checks in %s", (lang) => {
  it('has questions from all six perspectives on every card', () => {
    const problems: string[] = [];
    for (const c of cards[lang]) {
      const per = (c.data.perspectives ?? {}) as Record<string, string[] | undefined>;
      for (const p of PERSPECTIVES)
        if (!per[p]?.length || per[p]!.some((q) => !q.trim())) problems.push(`${c.file}: no question from "${p}"`);
    }
    expect(PERSPECTIVES).toHaveLength(6);
    expect(problems).toEqual([]);
  });

  it('gives every card at least one source with a public URL', () => {
    const without = cards[lang].filter(
      (c) => !((c.data.sources as { url?: string }[] | undefined) ?? []).some((s) => /^https:\/\//.test(s.url ?? '')),
    );
    expect(without.map((c) => c.file)).toEqual([]);
  });

  it('uses every name in the practice examples on one card only', () => {
    // A name is a word capitalised inside a sentence of some example; once known, it counts wherever it stands.
    const names = new Set(cards[lang].flatMap((c) => exampleNames(String(c.data.example ?? ''))));
    const seen = new Map<string, string[]>();
    for (const c of cards[lang]) {
      const words = new Set((String(c.data.example ?? '').match(/\p{L}+/gu) ?? []).filter((w) => names.has(w)));
      for (const w of words) seen.set(w, [...(seen.get(w) ?? []), c.slug]);
    }
    const repeated = [...seen].filter(([, on]) => on.length > 1).map(([name, on]) => `${name}: ${on.join(', ')}`);
    expect(names.size, 'the name finder finds the names').toBeGreaterThan(40);
    expect(repeated).toEqual([]);
  });

  it('explains at least 24 terms in the glossary', () => {
    expect(terms[lang].length).toBeGreaterThanOrEqual(24);
    for (const id of [
      'zorg-voor-de-jeugd',
      'regie',
      'familienetwerkberaad',
      'jeugdautoriteit',
      'transformatie',
      'maatje',
      'pleegzorg',
      'gesloten-jeugdhulp',
      'jeugdbescherming',
      'eigen-kracht-centrale',
      'jeugdhulpplicht',
      'veilig-thuis',
      'meldcode',
      'ondertoezichtstelling',
      'verlengde-jeugdhulp',
      'sonestra',
      'beroepsgeheim',
      'vertrouwenspersoon',
    ]) {
      expect(
        terms[lang].map((e) => e.slug),
        `glossary term ${id}`,
      ).toContain(id);
    }
  });

  it('gives the helplines in the guide and in the conversation with a young person or parent', () => {
    // A conversation about eigen kracht can bring up danger: the reader must find where to call, in both languages.
    const numbers = [/\b112\b/, /\b0800-2000\b/, /\b0800-0432\b/];
    const texts = [
      ...pages[lang].filter((e) => e.slug === 'begeleiden'),
      ...formats[lang].filter((e) => e.slug === 'gesprek-jongere-ouder'),
    ];
    expect(texts, 'the guide and the werkvorm exist').toHaveLength(2);
    const problems = texts.flatMap((e) => numbers.filter((n) => !n.test(e.body)).map((n) => `${e.file}: no ${n}`));
    expect(problems).toEqual([]);
  });

  it('links every glossary term from a card, a page or a werkvorm', () => {
    // Another term's entry does not count: a reader has to meet the term outside the glossary.
    const linked = new Set<string>();
    for (const c of cards[lang]) for (const id of (c.data.terms as string[] | undefined) ?? []) linked.add(id);
    for (const e of [...cards[lang], ...pages[lang], ...formats[lang]]) {
      for (const link of internalLinks(e.body)) {
        const [p, hash] = link.split('#');
        if (hash && match(p!)?.key === 'glossary') linked.add(hash);
      }
    }
    expect(terms[lang].map((t) => t.slug).filter((id) => !linked.has(id))).toEqual([]);
  });

  it('names at least one worksheet in every werkvorm', () => {
    const sheetIds = new Set(worksheets[lang].map((w) => w.slug));
    expect(sheetIds.size, 'the worksheets are read').toBeGreaterThan(0);
    const without = formats[lang].filter(
      (f) =>
        !internalLinks(f.body).some((link) => {
          const [p, hash] = link.split('#');
          return match(p!)?.key === 'worksheets' && sheetIds.has(hash ?? '');
        }),
    );
    expect(without.map((f) => f.file)).toEqual([]);
  });

  it('names the app as the app does: one word per UI thing in the werkvormen and the dictionary', () => {
    const d = t(lang);
    const ui = new Set(allStrings(d));
    // Each pair: the UI's own word (taken from the dictionary, so it cannot drift) and the words that may no longer appear.
    const pairs: { word: string; avoid: string[] }[] =
      lang === 'nl'
        ? [
            { word: d.deck.lens, avoid: ['perspectieflens', 'lens'] },
            { word: d.sessions.positions.chartTitle, avoid: ['stippenplot'] },
            { word: d.deck.present, avoid: ['presentatiemodus'] },
            { word: 'positie', avoid: ['marker'] },
            { word: 'back-up', avoid: ['reservekopie'] },
          ]
        : [
            { word: d.deck.lens, avoid: ['perspective lens'] },
            { word: d.sessions.positions.chartTitle, avoid: ['dot plot'] },
            { word: d.deck.present, avoid: ['presenter mode', 'presentation mode'] },
            { word: 'position', avoid: ['marker'] },
            { word: 'backup', avoid: ['back-up'] },
          ];
    const problems: string[] = [];
    for (const { word, avoid } of pairs) {
      if (![...ui].some((s) => s.toLowerCase().includes(word.toLowerCase())))
        problems.push(`the UI dictionary does not use "${word}"`);
      for (const f of formats[lang]) {
        const text = readFileSync(f.file, 'utf8').toLowerCase();
        for (const a of avoid)
          if (new RegExp(`\\b${a}\\b`).test(text)) problems.push(`${f.file}: says "${a}"; the app says "${word}"`);
      }
    }
    // Every button or label a werkvorm quotes ("Toon alle posities") is a string of the UI.
    const notUi = new Set([
      'jongere',
      'ik',
      'een moeder',
      'een jongere van 15',
      'young person',
      'me',
      'a mother',
      'a young person of 15',
    ]);
    for (const f of formats[lang]) {
      for (const m of readFileSync(f.file, 'utf8').matchAll(
        /"([^"\n]{1,40})"|(?<![\p{L}'])'(\p{Lu}[^'\n]{0,39})'(?![\p{L}])/gu,
      )) {
        const label = (m[1] ?? m[2]!).trim();
        if (notUi.has(label) || label.split(/\s+/).length > 5 || /[.!?]$/.test(label)) continue;
        const lensLabel = PERSPECTIVES.some((p) => label === `${d.deck.lens}: ${d.perspectives[p]}`);
        if (!ui.has(label) && !lensLabel)
          problems.push(`${f.file}: quotes "${label}", which is not a label of the app`);
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
