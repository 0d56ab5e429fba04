/** One card as the deck and the presenter show it: the face with its poles, the back with questions per lens. */
import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { DeckCard } from '../../src/islands/DeckCard';
import { CARDS, deckStrings } from './deck-fixture';

const t = deckStrings('en');
const [uitleg, gezin, , regie] = CARDS as [(typeof CARDS)[0], (typeof CARDS)[0], (typeof CARDS)[0], (typeof CARDS)[0]];

describe('DeckCard island', () => {
  it('shows the face: theme, number, kind, summary and both poles with what they protect', () => {
    render(<DeckCard card={gezin} t={t} flipped={false} titleId="x-title" />);
    const article = screen.getByRole('article');
    expect(screen.getByRole('heading', { level: 3, name: gezin.title }).id).toBe('x-title');
    expect(within(article).getByText(t.themes.visies.short)).toBeTruthy();
    expect(within(article).getByText(t.kinds.dilemma)).toBeTruthy();
    expect(within(article).getByText(gezin.summary)).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(
      gezin.poles!.map((p) => p.label),
    );
    expect(within(article).getAllByText(`${t.card.protects}:`, { exact: false })).toHaveLength(2);
    expect(article.classList.contains('theme-visies')).toBe(true);
  });

  it('puts the title a level higher on the big screen, and has no badge or poles where a card has none', () => {
    render(<DeckCard card={uitleg} t={t} flipped={false} level={2} />);
    expect(screen.getByRole('heading', { level: 2, name: uitleg.title })).toBeTruthy();
    expect(document.querySelector('.badge')).toBeNull();
    expect(document.querySelector('.deck-card-poles')).toBeNull();
  });

  it('shows the questions on the back, the lens first, in words for the person it speaks to', () => {
    const { rerender } = render(<DeckCard card={regie} t={t} flipped lens="netwerk" />);
    expect(
      screen.getByRole('heading', { name: fill('en', t.deck.lensQuestions, { role: t.perspectives.netwerk }) }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: t.deck.generalQuestions })).toBeTruthy();
    expect(screen.getByText(regie.perspectives.netwerk[0]!)).toBeTruthy();
    rerender(<DeckCard card={regie} t={t} flipped lens="jeugdige" />);
    expect(screen.getByRole('heading', { name: t.deck.lensForYou })).toBeTruthy();
    // No general questions under the young person's lens: a note for whoever runs the deck.
    expect(screen.queryByRole('heading', { name: t.deck.generalQuestions })).toBeNull();
    expect(screen.getByText(t.deck.lensForYouNote)).toBeTruthy();
    expect(screen.getByRole('article').classList.contains('is-flipped')).toBe(true);
  });
});
