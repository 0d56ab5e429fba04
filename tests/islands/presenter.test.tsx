/**
 * The full-screen presenter without a browser: moving and turning (buttons, keys, swipes), the
 * timer, the card's QR code, leaving, and the room's entry. The room itself is a stand-in here:
 * tests/islands has no relay; tests/e2e/room.test.ts runs the real one.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Presenter } from '../../src/islands/Presenter';
import type { PresenterRoomProps } from '../../src/islands/room/PresenterRoom';
import { CARDS, deckStrings } from './deck-fixture';

const relay = vi.hoisted(() => ({ config: null as { origin: string; path: string } | null }));
vi.mock('../../src/lib/room/config', () => ({ relayConfig: () => relay.config }));
vi.mock('../../src/islands/room/PresenterRoom', () => ({
  default: (p: PresenterRoomProps) => (
    <section aria-label="room stand-in">
      <p>{p.showJoin ? 'join shown' : 'join hidden'}</p>
      <button type="button" onClick={p.onEnded}>
        end room
      </button>
    </section>
  ),
}));

const t = deckStrings('nl');
const links = { join: '/doe-mee/', sessions: '/sessies/' };
const deck = CARDS.slice(1, 4);

function Harness(props: { session?: string; links?: typeof links; onClose?: () => void }) {
  const [index, setIndex] = useState(0);
  const [flipped, setFlipped] = useState(false);
  return (
    <div>
      <header>
        <a href="/">site</a>
      </header>
      <main>
        <Presenter
          deck={deck}
          index={index}
          flipped={flipped}
          t={t}
          announcement={`card ${index + 1}`}
          onIndex={(i) => {
            setIndex(i);
            setFlipped(false);
          }}
          onFlip={() => setFlipped((f) => !f)}
          onClose={props.onClose ?? (() => undefined)}
          session={props.session}
          links={props.links}
        />
      </main>
    </div>
  );
}

async function open(props: Parameters<typeof Harness>[0] = {}) {
  render(<Harness {...props} />);
  const dialog = screen.getByRole('dialog', { name: t.deck.presenter.title });
  // Its effects ran: it has the focus and listens for keys.
  await waitFor(() => expect(document.activeElement).toBe(dialog));
  return dialog;
}
const title = () => screen.getByRole('heading', { level: 2 }).textContent;
const press = (key: string, target: Window | Element = window, extra: object = {}) =>
  fireEvent.keyDown(target, { key, ...extra });

beforeEach(() => {
  relay.config = null;
  localStorage.clear();
});
afterEach(() => {
  document.documentElement.classList.remove('is-presenting');
});

describe('Presenter island', () => {
  it('moves with the buttons and the keys, never past the ends', async () => {
    await open();
    expect(screen.getByText('1 / 3')).toBeTruthy();
    const prev = screen.getByRole('button', { name: `← ${t.deck.prev}` });
    const next = screen.getByRole('button', { name: `→ ${t.deck.next}` });
    expect(prev.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(next);
    expect(title()).toBe(deck[1]!.title);
    press('ArrowRight');
    expect(title()).toBe(deck[2]!.title);
    expect(next.getAttribute('aria-disabled')).toBe('true');
    press(' ');
    expect(screen.getByText('3 / 3')).toBeTruthy();
    press('ArrowLeft');
    press('PageUp');
    expect(title()).toBe(deck[0]!.title);
    press('PageDown');
    expect(title()).toBe(deck[1]!.title);
    fireEvent.click(prev);
    expect(title()).toBe(deck[0]!.title);
    // Keys with a modifier belong to the browser.
    press('ArrowRight', window, { ctrlKey: true });
    expect(title()).toBe(deck[0]!.title);
  });

  it('turns the card with its button and with Enter on the presenter, not on a focused button', async () => {
    const dialog = await open();
    fireEvent.click(screen.getByRole('button', { name: t.deck.flipBack }));
    expect(screen.getByRole('heading', { name: t.deck.generalQuestions })).toBeTruthy();
    press('Enter', dialog);
    expect(screen.getByRole('button', { name: t.deck.flipBack })).toBeTruthy();
    const next = screen.getByRole('button', { name: `→ ${t.deck.next}` });
    press(' ', next);
    press('Enter', next);
    expect(title()).toBe(deck[0]!.title);
  });

  it('swipes on touch, not with a mouse', async () => {
    const dialog = await open();
    const swipe = (from: number, to: number, pointerType = 'touch') => {
      fireEvent.pointerDown(dialog, { clientX: from, clientY: 300, pointerType });
      fireEvent.pointerUp(dialog, { clientX: to, clientY: 310, pointerType });
    };
    swipe(300, 100);
    expect(title()).toBe(deck[1]!.title);
    swipe(100, 300);
    expect(title()).toBe(deck[0]!.title);
    swipe(300, 100, 'mouse');
    expect(title()).toBe(deck[0]!.title);
    fireEvent.pointerDown(dialog, { clientX: 300, clientY: 300, pointerType: 'touch' });
    fireEvent.pointerCancel(dialog);
    fireEvent.pointerUp(dialog, { clientX: 100, clientY: 300, pointerType: 'touch' });
    expect(title()).toBe(deck[0]!.title);
  });

  it('shows the timer with T, starts it with a second T, and remembers its length', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await open();
      expect(screen.queryByRole('timer')).toBeNull();
      press('t');
      const minutes = screen.getByRole('spinbutton', { name: t.deck.timer.minutes });
      fireEvent.input(minutes, { target: { value: '2' } });
      fireEvent.change(minutes, { target: { value: '2' } });
      // Typing in the timer's fields is not a presenter key.
      press('ArrowRight', minutes);
      expect(title()).toBe(deck[0]!.title);
      press('T');
      expect(screen.getByRole('button', { name: t.deck.timer.pause })).toBeTruthy();
      expect(localStorage.getItem('kjk.timer.minutes')).toBe('2');
      const toggle = screen.getByRole('button', { name: t.deck.presenter.timer });
      expect(toggle.getAttribute('aria-pressed')).toBe('true');
      fireEvent.click(toggle);
      expect(screen.queryByRole('button', { name: t.deck.timer.pause })).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows the card's QR code with Q (loaded on first use) beside the card, and Esc closes it first", async () => {
    const onClose = vi.fn();
    const dialog = await open({ onClose });
    const qrButton = screen.getByRole('button', { name: t.deck.presenter.qr });
    press('q');
    const group = screen.getByRole('group', { name: t.deck.qr.title });
    expect(dialog.classList.contains('has-qr')).toBe(true);
    // In the stage's own column, beside the card: never a layer over it.
    expect(group.parentElement?.classList.contains('presenter-stage')).toBe(true);
    const qr = await within(group).findByRole('img');
    const url = new URL(deck[0]!.href, location.href).href;
    expect(qr.getAttribute('aria-label')).toBe(`${t.deck.qr.title}: ${url}`);
    expect(within(group).getByText(url)).toBeTruthy();
    expect(qrButton.getAttribute('aria-pressed')).toBe('true');
    // The code follows the card.
    press('ArrowRight');
    expect(within(group).getByRole('img').getAttribute('aria-label')).toContain(deck[1]!.href);
    press('Escape');
    expect(screen.queryByRole('group', { name: t.deck.qr.title })).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(qrButton);
    expect(screen.getByRole('group', { name: t.deck.qr.title })).toBeTruthy();
    fireEvent.click(qrButton);
    press('Escape');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('keeps Tab and screen readers inside: the page behind is inert until it closes', async () => {
    const { unmount } = render(<Harness />);
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('dialog'));
    expect((document.querySelector('header') as HTMLElement).inert).toBe(true);
    expect(document.documentElement.classList.contains('is-presenting')).toBe(true);
    unmount();
    expect((document.querySelector('header') as HTMLElement | null)?.inert ?? false).toBe(false);
    expect(document.documentElement.classList.contains('is-presenting')).toBe(false);
  });

  it('asks for full screen with F and its button, and leaves it again', async () => {
    const dialog = await open();
    const request = vi.fn().mockResolvedValue(undefined);
    dialog.requestFullscreen = request;
    press('f');
    fireEvent.click(screen.getByRole('button', { name: t.deck.presenter.fullscreen }));
    expect(request).toHaveBeenCalledTimes(2);
    const exit = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(document, 'fullscreenElement', { value: dialog, configurable: true });
    document.exitFullscreen = exit;
    try {
      press('F');
      expect(exit).toHaveBeenCalledTimes(1);
    } finally {
      Object.defineProperty(document, 'fullscreenElement', { value: null, configurable: true });
    }
  });

  it('offers a session with exactly these cards when it belongs to none', async () => {
    await open({ links });
    const link = screen.getByRole('link', { name: t.room.startSession });
    expect(link.getAttribute('href')).toContain('/sessies/');
    for (const c of deck) expect(link.getAttribute('href')).toContain(c.id);
    expect(screen.queryByRole('button', { name: t.room.open })).toBeNull();
  });

  it('opens the room for its session where the site has a relay; Q then toggles the join code', async () => {
    relay.config = { origin: 'https://relay.example', path: '/socket.io' };
    const dialog = await open({ session: 's-1', links });
    expect(screen.queryByRole('link', { name: t.room.startSession })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: t.room.open }));
    const room = await screen.findByRole('region', { name: 'room stand-in' });
    expect(dialog.classList.contains('has-room')).toBe(true);
    expect(screen.queryByRole('button', { name: t.room.open })).toBeNull();
    expect(screen.queryByRole('button', { name: t.deck.presenter.qr })).toBeNull();
    press('q');
    expect(within(room).getByText('join shown')).toBeTruthy();
    press('Escape');
    expect(within(room).getByText('join hidden')).toBeTruthy();
    // A room that ended opens again as a new one.
    await act(async () => {
      fireEvent.click(within(room).getByRole('button', { name: 'end room' }));
    });
    expect(screen.getByRole('region', { name: 'room stand-in' })).toBeTruthy();
  });
});
