import { describe, expect, it } from 'vitest';
import { face, type IslandCard } from '../../src/islands/types';

const card: IslandCard = {
  id: 'x',
  number: 2,
  theme: 'visies',
  kind: 'dilemma',
  title: 'T',
  summary: 'Professional summary.',
  questions: ['?'],
  href: '/kaarten/x/',
  youthSummary: 'Plain summary?',
  poles: [
    { label: 'Zelfredzaam', protects: 'a', plain: 'Het zelf doen' },
    { label: 'Samenredzaam', protects: 'b' },
  ],
  perspectives: {
    jeugdige: ['?'],
    ouder: ['?'],
    netwerk: ['?'],
    professional: ['?'],
    leidinggevende: ['?'],
    beleidsmaker: ['?'],
  },
};

describe('the face of a card', () => {
  it("shows the plain summary and pole labels with the young person's lens", () => {
    const f = face(card, 'jeugdige');
    expect(f.summary).toBe('Plain summary?');
    // Pole B has no plain label: it falls back to its own label, not to nothing.
    expect(f.poles.map((p) => p.label)).toEqual(['Het zelf doen', 'Samenredzaam']);
  });

  it('shows the regular texts with any other lens or none', () => {
    for (const lens of [undefined, 'ouder', 'netwerk'] as const) {
      const f = face(card, lens);
      expect(f.summary).toBe('Professional summary.');
      expect(f.poles.map((p) => p.label)).toEqual(['Zelfredzaam', 'Samenredzaam']);
    }
  });

  it('falls back to the summary when a card has no plain layer', () => {
    const { youthSummary: _y, poles: _p, ...bare } = card;
    expect(face(bare, 'jeugdige')).toEqual({ summary: 'Professional summary.', poles: [] });
  });
});
