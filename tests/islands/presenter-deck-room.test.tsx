/**
 * "Open de zaal" on the cards page's presenter, which belongs to no session: it makes a workshop
 * session for the cards shown (in the real store: fake-indexeddb), then opens the room for it and
 * says where the positions go; the making, a failure and trying again; and a site without a relay,
 * which says so and how to get one instead of hiding the room. The room itself is a stand-in
 * (tests/e2e/room-from-deck.test.ts runs the real one).
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { Presenter } from '../../src/islands/Presenter';
import type { PresenterRoomProps } from '../../src/islands/room/PresenterRoom';
import { formatDay, todayIso } from '../../src/lib/sessions/format';
import { createRepo } from '../../src/lib/store/repo';
import { openKjk } from '../../src/lib/store/schema';
import { CARDS, deckStrings } from './deck-fixture';

const relay = vi.hoisted(() => ({ config: null as { origin: string; path: string } | null }));
vi.mock('../../src/lib/room/config', () => ({ relayConfig: () => relay.config }));
vi.mock('../../src/islands/room/PresenterRoom', () => ({
  default: (p: PresenterRoomProps) => <section aria-label="room stand-in">{`room for ${p.sessionId}`}</section>,
}));

const t = deckStrings('nl');
const p = t.deck.presenter;
const links = { join: '/doe-mee/', sessions: '/sessies/', roomHelp: '/over/#zelf-een-zaal-aanzetten' };
// The deck as shown (hand-picked): neither in fan order nor sorted by id, so the session must keep this order.
const deck = [CARDS[3]!, CARDS[1]!, CARDS[2]!];

function show(o: { session?: string; onSession?: (id: string) => void; onClose?: () => void; lens?: 'ouder' } = {}) {
  render(
    <Presenter
      deck={deck}
      index={0}
      flipped={false}
      lens={o.lens}
      t={t}
      announcement=""
      onIndex={() => undefined}
      onFlip={() => undefined}
      onClose={o.onClose ?? (() => undefined)}
      session={o.session}
      onSession={o.onSession}
      links={links}
    />,
  );
  return screen.getByRole('dialog', { name: p.title });
}

async function stored(id: string) {
  const db = await openKjk();
  try {
    return await createRepo(db).sessions.get(id);
  } finally {
    db.close();
  }
}

beforeEach(() => {
  relay.config = { origin: 'https://relay.example', path: '/socket.io' };
});
afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.classList.remove('is-presenting');
});

describe('the cards page presenter opens a room', () => {
  it('makes a workshop session of the cards shown, in their order, opens the room for it and links to it', async () => {
    const onSession = vi.fn();
    show({ onSession, lens: 'ouder' });
    expect(screen.getByRole('link', { name: t.room.startSession })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t.room.open }));
    // While the session is made: said, and the button cannot make a second one.
    expect(screen.getByRole('status').textContent).toBe(t.room.opening);
    expect((screen.getByRole('button', { name: t.room.open }) as HTMLButtonElement).disabled).toBe(true);

    const room = await screen.findByRole('region', { name: 'room stand-in' });
    expect(onSession).toHaveBeenCalledTimes(1);
    const id = onSession.mock.calls[0]![0] as string;
    expect(room.textContent).toBe(`room for ${id}`);
    const session = await stored(id);
    const title = fill('nl', p.roomTitle, { date: formatDay(todayIso(), 'nl') });
    expect(session).toMatchObject({
      kind: 'workshop',
      title,
      date: todayIso(),
      lang: 'nl',
      lens: 'ouder',
      deck: { cards: deck.map((c) => c.id) },
    });

    // Where the positions go: the session, opened in another tab so the room stays on this screen.
    const where = screen.getByText(p.roomWhere, { exact: false });
    const link = within(where).getByRole('link', { name: title });
    expect(link.getAttribute('href')).toBe(`/sessies/?sessie=${id}`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('button', { name: t.room.open })).toBeNull();
    // The presenter belongs to that session now: no second "start a session".
    expect(screen.queryByRole('link', { name: t.room.startSession })).toBeNull();
  });

  it('says so when the session cannot be made, and makes it on a second press', async () => {
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The storage is gone', 'UnknownError');
    });
    show();
    fireEvent.click(screen.getByRole('button', { name: t.room.open }));
    expect((await screen.findByRole('alert')).textContent).toBe(p.roomFailed);
    expect(screen.queryByRole('region', { name: 'room stand-in' })).toBeNull();

    open.mockRestore();
    const again = screen.getByRole('button', { name: t.room.open }) as HTMLButtonElement;
    expect(again.disabled).toBe(false);
    fireEvent.click(again);
    await screen.findByRole('region', { name: 'room stand-in' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("opens a session's room for that session, without making another", async () => {
    const onSession = vi.fn();
    show({ session: 's-7', onSession });
    fireEvent.click(screen.getByRole('button', { name: t.room.open }));
    expect((await screen.findByRole('region', { name: 'room stand-in' })).textContent).toBe('room for s-7');
    expect(onSession).not.toHaveBeenCalled();
    expect(screen.queryByText(p.roomWhere, { exact: false })).toBeNull();
  });
});

describe('a site without a relay', () => {
  it('says the room is off and where to read how to switch it on; Esc closes that first', async () => {
    relay.config = null;
    const onClose = vi.fn();
    const dialog = show({ onClose });
    await waitFor(() => expect(document.activeElement).toBe(dialog));
    expect(screen.queryByRole('button', { name: t.room.open })).toBeNull();
    const off = screen.getByRole('button', { name: p.roomOff });
    expect(off.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(off);
    expect(off.getAttribute('aria-expanded')).toBe('true');
    const note = document.getElementById(off.getAttribute('aria-controls')!)!;
    expect(note.textContent).toContain(p.noRelay);
    expect(within(note).getByRole('link', { name: p.noRelayLink }).getAttribute('href')).toBe(links.roomHelp);

    await act(async () => {
      fireEvent.keyDown(window, { key: 'Escape' });
    });
    expect(document.getElementById('presenter-room-off')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
