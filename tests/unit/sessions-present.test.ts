import { describe, expect, it } from 'vitest';
import { openDeck } from '../../src/lib/deck/state';
import { PRESENT_PARAM, presentedSession, presentHref, sessionReturnHref } from '../../src/lib/sessions/present';
import { parseRoute, routeSearch } from '../../src/lib/sessions/route';

const cards = ['a-kaart', 'b-kaart', 'c-kaart'].map((id, i) => ({ id, number: i + 1, kind: 'dilemma' as const }));

describe('presenting a session', () => {
  it('opens the deck on exactly the session’s cards, at the current card, tied to the session', () => {
    const link = presentHref('/kaarten/', ['c-kaart', 'a-kaart'], 1, 'sess-1');
    expect(link).toBe('/kaarten/?kaarten=c-kaart,a-kaart&kaart=2&presenteer=sess-1');
    const params = new URLSearchParams(link.split('?')[1]);
    const opened = openDeck(cards, params);
    expect(opened.problems).toEqual([]);
    expect(opened.deck.map((c) => c.id)).toEqual(['c-kaart', 'a-kaart']);
    expect(opened.state.index).toBe(1);
    expect(presentedSession(params)).toBe('sess-1');
  });

  it('ignores a presenteer value that is not a session id', () => {
    for (const bad of ['', 'a b', '<script>', 'x'.repeat(300)]) {
      expect(presentedSession(new URLSearchParams({ [PRESENT_PARAM]: bad })), bad).toBeNull();
    }
    expect(presentedSession(new URLSearchParams('kaart=2'))).toBeNull();
  });

  it('returns to the session at the card the presentation reached, as the sessions page reads it', () => {
    for (const index of [0, 2]) {
      const back = sessionReturnHref('/sessies/', 'sess-1', index);
      expect(back).toBe(`/sessies/${routeSearch({ view: 'session', id: 'sess-1', card: index })}`);
      expect(parseRoute(back.slice('/sessies/'.length))).toEqual({ view: 'session', id: 'sess-1', card: index });
    }
  });
});
