/**
 * The join page's cards (src/lib/room/phone-card.ts): a phone shows the same words under a lens
 * as the deck (src/lib/deck/lens.ts), for every card in both languages; a dilemma's two poles
 * are what a position is given between; questions come per lens.
 */
import { describe, expect, it } from 'vitest';
import { lensLabel, lensSummary } from '../../src/lib/deck/lens';
import { lensQuestionsOf, type PhoneCard, phoneFace, voteLabels } from '../../src/lib/room/phone-card';
import { PERSPECTIVES } from '../../src/vocab';
import { readEntries } from '../support/content';

interface Raw {
  title: string;
  summary: string;
  youthSummary?: string;
  number: number;
  poles?: { label: string; protects: string; plain?: string }[];
}

const phone = (id: string, d: Raw): PhoneCard => ({
  id,
  n: d.number,
  cls: 'theme-waaier',
  kind: 'Dilemmakaart',
  title: d.title,
  summary: d.summary,
  ...(d.youthSummary ? { plain: d.youthSummary } : {}),
  ...(d.poles ? { poles: d.poles } : {}),
  q: {},
});

describe('a card on the phone', () => {
  for (const lang of ['nl', 'en'] as const) {
    it(`says what the deck says under every lens (${lang})`, () => {
      const entries = readEntries('cards', lang);
      expect(entries.length).toBeGreaterThan(10);
      for (const e of entries) {
        const d = e.data as unknown as Raw;
        const card = phone(e.slug, d);
        for (const lens of ['', ...PERSPECTIVES] as const) {
          const f = phoneFace(card, lens);
          expect(f.summary).toBe(lensSummary({ summary: d.summary, youthSummary: d.youthSummary }, lens));
          expect(f.poles.map((p) => p.label)).toEqual((d.poles ?? []).map((p) => lensLabel(p, lens)));
          expect(f.poles.map((p) => p.protects)).toEqual((d.poles ?? []).map((p) => p.protects));
        }
      }
    });
  }

  it('gives a position between the regular pole labels, whatever the lens; a kenniskaart has none', () => {
    const dilemma = phone('d', {
      title: 'T',
      summary: 'S',
      number: 2,
      poles: [
        { label: 'Zelfredzaam', protects: 'a', plain: 'Het zelf doen' },
        { label: 'Samenredzaam', protects: 'b' },
      ],
    });
    expect(voteLabels(dilemma)).toEqual(['Zelfredzaam', 'Samenredzaam']);
    expect(phoneFace(dilemma, 'jeugdige').poles.map((p) => p.label)).toEqual(['Het zelf doen', 'Samenredzaam']);
    expect(voteLabels(phone('k', { title: 'K', summary: 'S', number: 1 }))).toEqual([]);
    expect(voteLabels(undefined)).toEqual([]);
  });

  it('has a lens’s questions, and none without a lens or where the lens has none', () => {
    const d = { ...phone('d', { title: 'T', summary: 'S', number: 2 }), q: { professional: ['Q1?', 'Q2?'] } };
    expect(lensQuestionsOf(d, 'professional')).toEqual(['Q1?', 'Q2?']);
    expect(lensQuestionsOf(d, 'ouder')).toEqual([]);
    expect(lensQuestionsOf(d, '')).toEqual([]);
  });
});
