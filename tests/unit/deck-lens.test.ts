/**
 * The young person's and the parent's lens: a card speaks to them (their own questions, not the
 * professionals' conversation questions); the young person's lens adds the plain words. Other
 * lenses keep adding their questions to the conversation questions.
 */
import { describe, expect, it } from 'vitest';
import { DIRECT_LENSES, PERSPECTIVES, PLAIN_LENS } from '../../src/vocab';
import { joinHrefWithLens, lensLabel, lensQuestions, lensSummary, speaksTo } from '../../src/lib/deck/lens';
import { openDeck } from '../../src/lib/deck/state';
import { presentHref } from '../../src/lib/sessions/present';
import { match, path } from '../../src/routes';

const perspectives = Object.fromEntries(PERSPECTIVES.map((p) => [p, [`${p}?`]])) as Record<
  (typeof PERSPECTIVES)[number],
  string[]
>;
const card = {
  summary: 'Professional summary.',
  youthSummary: 'Plain summary?',
  questions: ['General one?', 'General two?'],
  perspectives,
};

describe('the lenses that speak to young people and parents', () => {
  it('are exactly the young person and the parent', () => {
    expect([...DIRECT_LENSES]).toEqual(['jeugdige', 'ouder']);
    expect(PERSPECTIVES.filter(speaksTo)).toEqual(['jeugdige', 'ouder']);
    for (const none of [undefined, ''] as const) expect(speaksTo(none)).toBe(false);
  });

  it("show only the young person's or parent's own questions", () => {
    expect(lensQuestions(card, 'jeugdige')).toEqual({ role: ['jeugdige?'], general: [] });
    expect(lensQuestions(card, 'ouder')).toEqual({ role: ['ouder?'], general: [] });
  });

  it('keep the conversation questions when a card has none for that lens (the back is never empty)', () => {
    const bare = { ...card, perspectives: { ...perspectives, ouder: [] } };
    expect(lensQuestions(bare, 'ouder')).toEqual({ role: [], general: card.questions });
    expect(lensQuestions({ questions: ['Q?'] }, 'jeugdige')).toEqual({ role: [], general: ['Q?'] });
  });

  it('leave the other lenses as they were: their questions and the conversation questions', () => {
    for (const lens of ['netwerk', 'professional', 'leidinggevende', 'beleidsmaker'] as const) {
      expect(lensQuestions(card, lens)).toEqual({ role: [`${lens}?`], general: card.questions });
    }
    for (const none of [undefined, ''] as const)
      expect(lensQuestions(card, none)).toEqual({ role: [], general: card.questions });
  });

  it('give the young person the plain words, each falling back on its own, and nobody else', () => {
    expect(PLAIN_LENS).toBe('jeugdige');
    expect(lensSummary(card, 'jeugdige')).toBe('Plain summary?');
    expect(lensSummary({ summary: 'S.' }, 'jeugdige')).toBe('S.');
    expect(lensLabel({ label: 'Zelfredzaam', plain: 'Het zelf doen' }, 'jeugdige')).toBe('Het zelf doen');
    expect(lensLabel({ label: 'Samenredzaam' }, 'jeugdige')).toBe('Samenredzaam');
    for (const lens of [undefined, '', 'ouder', 'professional'] as const) {
      expect(lensSummary(card, lens)).toBe('Professional summary.');
      expect(lensLabel({ label: 'Zelfredzaam', plain: 'Het zelf doen' }, lens)).toBe('Zelfredzaam');
    }
  });
});

describe('the lens travels with the cards', () => {
  it("presents a session's cards with the session's lens (and without one as before)", () => {
    const cards = ['a-kaart', 'b-kaart'].map((id, i) => ({ id, number: i + 1, kind: 'dilemma' as const }));
    const link = presentHref('/kaarten/', ['b-kaart', 'a-kaart'], 0, 'sess-1', 'jeugdige');
    expect(link).toBe('/kaarten/?kaarten=b-kaart,a-kaart&kaart=1&blik=jeugdige&presenteer=sess-1');
    const opened = openDeck(cards, new URLSearchParams(link.split('?')[1]));
    expect(opened.problems).toEqual([]);
    expect(opened.state.filter.perspective).toBe('jeugdige');
    expect(presentHref('/kaarten/', ['a-kaart'], 0, 's', '')).toBe('/kaarten/?kaarten=a-kaart&kaart=1&presenteer=s');
  });

  it("gives the room's phones the presenter's lens, as the deck's own lens param", () => {
    expect(joinHrefWithLens('/doe-mee/', 'jeugdige')).toBe('/doe-mee/?blik=jeugdige');
    expect(joinHrefWithLens('/doe-mee/', undefined)).toBe('/doe-mee/');
  });
});

describe('the way in for young people and parents', () => {
  it('has its own page in both languages', () => {
    expect(path('youth', 'nl')).toBe('/jongeren-en-ouders/');
    expect(path('youth', 'en')).toBe('/en/young-people-and-parents/');
    expect(match('/en/young-people-and-parents/')).toEqual({ key: 'youth', lang: 'en' });
  });
});
