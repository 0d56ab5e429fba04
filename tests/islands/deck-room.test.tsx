/**
 * The cards page with a relay: the presenter's "Open de zaal" makes a session for the filtered
 * deck, and from then on the page is tied to it as "Presenteren" on a session ties it: the address
 * names it (a reload comes back to it), and leaving the presenter goes to it. The room is a
 * stand-in; tests/e2e/room-from-deck.test.ts runs the real one.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Deck from '../../src/islands/Deck';
import type { PresenterRoomProps } from '../../src/islands/room/PresenterRoom';
import { createRepo } from '../../src/lib/store/repo';
import { openKjk } from '../../src/lib/store/schema';
import { CARDS, deckStrings } from './deck-fixture';

vi.mock('../../src/lib/room/config', () => ({ relayConfig: () => ({ origin: 'https://relay.example', path: '/' }) }));
vi.mock('../../src/islands/room/PresenterRoom', () => ({
  default: (p: PresenterRoomProps) => <section aria-label="room stand-in">{`room for ${p.sessionId}`}</section>,
}));

const t = deckStrings('nl');
const links = { join: '/doe-mee/', sessions: '/sessies/', roomHelp: '/over/#zelf-een-zaal-aanzetten' };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Deck island with a relay', () => {
  it('opens a room for the filtered cards, keeps its new session in the address, and goes back to it at the end', async () => {
    const assign = vi.fn();
    const real = window.location.assign;
    window.location.assign = assign;
    try {
      history.replaceState(null, '', '/kaarten/?soort=dilemma');
      render(<Deck cards={CARDS} t={t} links={links} />);
      fireEvent.click(await screen.findByRole('button', { name: t.deck.present }));
      const dialog = await screen.findByRole('dialog', { name: t.deck.presenter.title });
      fireEvent.click(within(dialog).getByRole('button', { name: t.room.open }));
      const room = await within(dialog).findByRole('region', { name: 'room stand-in' });
      await waitFor(() => expect(location.search).toMatch(/presenteer=[\w-]+/));
      const id = new URLSearchParams(location.search).get('presenteer')!;
      expect(room.textContent).toBe(`room for ${id}`);
      // The filter stays in the address beside the session: a reload rebuilds the same deck.
      expect(location.search).toContain('soort=dilemma');
      const db = await openKjk();
      const session = await createRepo(db).sessions.get(id);
      db.close();
      expect(session?.deck.cards).toEqual(['kind-of-gezin', 'grens-stellen']);

      fireEvent.click(within(dialog).getByRole('button', { name: t.deck.presenter.close }));
      expect(assign).toHaveBeenCalledTimes(1);
      expect(String(assign.mock.calls[0]![0])).toBe(`/sessies/?sessie=${id}`);
    } finally {
      window.location.assign = real;
    }
  });
});
