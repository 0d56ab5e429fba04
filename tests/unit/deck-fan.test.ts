/** The fan beside the deck: which cards it lists, how the keys move in it, and the page address. */
import { describe, expect, it } from 'vitest';
import { deckAddress, fanCards, fanKeyTarget, toggleIn, withDeckSearch } from '../../src/lib/deck/fan';

const card = (id: string, number: number, theme?: 'visies' | 'grenzen' | 'regie') => ({ id, number, theme });

describe('toggleIn', () => {
  it('adds at the end and removes where it was, without changing the list given', () => {
    const list = ['a', 'b'];
    expect(toggleIn(list, 'c')).toEqual(['a', 'b', 'c']);
    expect(toggleIn(list, 'a')).toEqual(['b']);
    expect(list).toEqual(['a', 'b']);
  });
});

describe('fanCards', () => {
  const cards = [
    card('r1', 9, 'regie'),
    card('g1', 4, 'grenzen'),
    card('u', 0),
    card('v2', 3, 'visies'),
    card('v1', 1, 'visies'),
  ];

  it('groups per spanningsveld (the uitleg card first), by number within a group, whatever the deck order', () => {
    expect(fanCards(cards, new Set(cards.map((c) => c.id)), false).map((c) => c.id)).toEqual([
      'u',
      'v1',
      'v2',
      'g1',
      'r1',
    ]);
  });

  it('lists only the cards in the deck, or every card while picking', () => {
    const inDeck = new Set(['r1', 'v2']);
    expect(fanCards(cards, inDeck, false).map((c) => c.id)).toEqual(['v2', 'r1']);
    expect(fanCards(cards, inDeck, true)).toHaveLength(cards.length);
  });
});

describe('fanKeyTarget', () => {
  it('moves one step with the arrows and to the ends with Home and End, clamped', () => {
    expect(fanKeyTarget('ArrowRight', 1, 4)).toBe(2);
    expect(fanKeyTarget('ArrowDown', 3, 4)).toBe(3);
    expect(fanKeyTarget('ArrowLeft', 0, 4)).toBe(0);
    expect(fanKeyTarget('ArrowUp', 2, 4)).toBe(1);
    expect(fanKeyTarget('Home', 3, 4)).toBe(0);
    expect(fanKeyTarget('End', 0, 4)).toBe(3);
  });

  it('ignores other keys and an empty fan', () => {
    expect(fanKeyTarget('Enter', 1, 4)).toBeUndefined();
    expect(fanKeyTarget('a', 1, 4)).toBeUndefined();
    expect(fanKeyTarget('End', 0, 0)).toBeUndefined();
  });
});

describe('deckAddress', () => {
  const where = { pathname: '/kaarten/', hash: '#trek' };

  it('is the path, the deck search and the hash', () => {
    expect(deckAddress({ ...where, search: '?schud=abc' })).toBe('/kaarten/?schud=abc#trek');
    expect(deckAddress({ ...where, search: '' })).toBe('/kaarten/#trek');
  });

  it('keeps the session it is presented for, after the deck params or as the only one', () => {
    const tie = { param: 'presenteer', session: 's1' };
    expect(deckAddress({ ...where, search: '?schud=abc' }, tie)).toBe('/kaarten/?schud=abc&presenteer=s1#trek');
    expect(deckAddress({ ...where, search: '' }, tie)).toBe('/kaarten/?presenteer=s1#trek');
  });
});

describe('withDeckSearch', () => {
  it("replaces a link's search by the deck's", () => {
    expect(withDeckSearch('/en/cards/?old=1', '?kaart=2')).toBe('/en/cards/?kaart=2');
    expect(withDeckSearch('/en/cards/', '')).toBe('/en/cards/');
  });
});
