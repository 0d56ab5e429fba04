/**
 * The fan page's island without a browser: drawing, turning, moving, filters, the lens, the
 * fan's keys, hand-picking, sharing, bad links and the presenter's launch. Browser-only matters
 * (real focus rings, touch, viewports) stay in tests/e2e/deck.test.ts and tests/engines/deck.test.ts.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import renderToString from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import Deck from '../../src/islands/Deck';
import { CARDS, deckStrings } from './deck-fixture';

const t = deckStrings('nl');
const links = { join: '/doe-mee/', sessions: '/sessies/' };
const [uitleg, gezin, grens, regie] = CARDS as [
  (typeof CARDS)[0],
  (typeof CARDS)[0],
  (typeof CARDS)[0],
  (typeof CARDS)[0],
];

const stageTitle = () => document.getElementById('deck-current-title')?.textContent;
const progress = () => document.querySelector('.deck-progress')?.textContent;
const button = (name: string) => screen.getByRole('button', { name });
/** The presenter has taken the focus: its effects ran, so it listens for keys (as tests/e2e waits too). */
const presenterReady = async () => {
  const dialog = await screen.findByRole('dialog', { name: t.deck.presenter.title });
  await waitFor(() => expect(document.activeElement).toBe(dialog));
  return dialog;
};
const fanTitles = () => [...document.querySelectorAll('.fan-live .fan-card-title')].map((el) => el.textContent);

function open(search = '', hash = '') {
  history.replaceState(null, '', `/kaarten/${search}${hash}`);
  return render(<Deck cards={CARDS} t={t} links={links} />);
}

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('Deck island', () => {
  it('renders every card as a link per spanningsveld before it runs (server render, no JavaScript)', () => {
    const html = renderToString(<Deck cards={CARDS} t={t} />);
    expect(html).toContain('fan-static');
    for (const c of CARDS) expect(html).toContain(`href="${c.href}"`);
    expect(html).toContain(t.themes.visies.name);
  });

  it('shows the first card in fan order, moves with the buttons and never wraps', () => {
    open();
    expect(stageTitle()).toBe(uitleg.title);
    expect(progress()).toBe(`1 / ${CARDS.length}`);
    expect(button(`← ${t.deck.prev}`).getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button(`${t.deck.next} →`));
    expect(stageTitle()).toBe(gezin.title);
    fireEvent.click(button(`${t.deck.next} →`));
    fireEvent.click(button(`${t.deck.next} →`));
    expect(stageTitle()).toBe(regie.title);
    expect(button(`${t.deck.next} →`).getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button(`${t.deck.next} →`));
    expect(stageTitle()).toBe(regie.title);
    fireEvent.click(button(`← ${t.deck.prev}`));
    expect(stageTitle()).toBe(grens.title);
    // The card's own page is one link away; the position is in the address.
    expect(screen.getByRole('link', { name: t.deck.openCard }).getAttribute('href')).toBe(grens.href);
    expect(location.search).toContain('kaart=3');
  });

  it('turns a card over to its questions and back, and tells a screen reader', () => {
    open('?kaart=2');
    const live = document.querySelector('.deck-stage [aria-live="polite"]')!;
    expect(live.textContent).toContain(fill('nl', t.deck.position, { i: 2, n: CARDS.length }));
    expect(live.textContent).toContain(`Kracht van het kind ${t.card.versus} Kracht van het gezin`);
    fireEvent.click(button(t.deck.flipBack));
    expect(button(t.deck.flipFront).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('heading', { name: t.deck.generalQuestions })).toBeTruthy();
    expect(screen.getByText(gezin.questions[0]!)).toBeTruthy();
    expect(live.textContent).toContain(gezin.questions[0]);
    fireEvent.click(button(t.deck.flipFront));
    expect(screen.getByText(gezin.summary)).toBeTruthy();
  });

  it('draws with a seed kept in the address, shuffles again, and goes back to fan order', () => {
    open();
    fireEvent.click(button(t.deck.draw));
    const seed = new URLSearchParams(location.search).get('schud');
    expect(seed).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain(fill('nl', t.deck.shuffled, { seed: seed! }));
    fireEvent.click(button(t.deck.shuffle));
    expect(new URLSearchParams(location.search).get('schud')).not.toBe(seed);
    fireEvent.click(button(t.deck.unshuffle));
    expect(location.search).not.toContain('schud');
    expect(screen.queryByRole('button', { name: t.deck.unshuffle })).toBeNull();
    expect(document.activeElement?.textContent).toBe(t.deck.draw);
  });

  it('draws at once from a #trek link', () => {
    open('', '#trek');
    expect(new URLSearchParams(location.search).get('schud')).toBeTruthy();
    expect(location.hash).toBe('#trek');
  });

  it('filters by spanningsveld and kind, and says so when nothing is left', () => {
    open();
    fireEvent.click(screen.getByRole('checkbox', { name: t.themes.visies.short }));
    expect(fanTitles()).toEqual([gezin.title]);
    expect(progress()).toBe('1 / 1');
    expect(location.search).toContain('thema=visies');
    fireEvent.click(screen.getByRole('checkbox', { name: t.kinds.kenniskaart }));
    expect(screen.getByText(t.deck.empty, { selector: '.deck-empty' })).toBeTruthy();
    expect(fanTitles()).toEqual([]);
    expect(button(t.deck.present).hasAttribute('disabled')).toBe(true);
    expect(screen.queryByRole('link', { name: t.deck.startSession })).toBeNull();
    expect(document.querySelector('.deck-stage [aria-live="polite"]')?.textContent).toBe(t.deck.empty);
    fireEvent.click(screen.getByRole('checkbox', { name: t.themes.visies.short }));
    expect(fanTitles()).toEqual([regie.title]);
  });

  it("shows a lens's questions and the young person's plain words", () => {
    open('?kaart=2');
    fireEvent.change(screen.getByRole('combobox', { name: t.deck.lens }), { target: { value: 'jeugdige' } });
    expect(location.search).toContain('blik=jeugdige');
    expect(screen.getByText(gezin.youthSummary!)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Jouw kracht' })).toBeTruthy();
    fireEvent.click(button(t.deck.flipBack));
    expect(screen.getByRole('heading', { name: t.deck.lensForYou })).toBeTruthy();
    expect(screen.getByText(gezin.perspectives.jeugdige[0]!)).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: t.deck.lens }), { target: { value: 'netwerk' } });
    expect(
      screen.getByRole('heading', { name: fill('nl', t.deck.lensQuestions, { role: t.perspectives.netwerk }) }),
    ).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: t.deck.lens }), { target: { value: '' } });
    expect(location.search).not.toContain('blik');
    // The session starts where the deck is: its cards in order.
    expect(screen.getByRole('link', { name: t.deck.startSession }).getAttribute('href')).toContain('/sessies/');
  });

  it('moves through the fan with arrow keys, Home and End, as one tab stop, and puts a card on top', () => {
    open();
    const fan = screen.getByRole('region', { name: t.deck.fan });
    const cards = within(fan).getAllByRole('button');
    expect(cards.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1]);
    expect(cards[0]!.getAttribute('aria-current')).toBe('true');
    cards[0]!.focus();
    fireEvent.keyDown(cards[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(cards[1]);
    fireEvent.keyDown(cards[1]!, { key: 'End' });
    expect(document.activeElement).toBe(cards[3]);
    fireEvent.keyDown(cards[3]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cards[3]);
    fireEvent.keyDown(cards[3]!, { key: 'Home' });
    expect(document.activeElement).toBe(cards[0]);
    fireEvent.keyDown(cards[0]!, { key: 'x' });
    expect(document.activeElement).toBe(cards[0]);
    fireEvent.click(cards[2]!);
    expect(stageTitle()).toBe(grens.title);
    expect(within(fan).getAllByRole('button')[2]!.getAttribute('aria-current')).toBe('true');
    expect(
      within(fan)
        .getAllByRole('button')
        .map((b) => b.tabIndex),
    ).toEqual([-1, -1, 0, -1]);
  });

  it('hand-picks cards in order, locks filters and shuffling, and clears the choice', () => {
    open();
    fireEvent.click(button(t.deck.pickStart));
    expect(screen.getByText(t.deck.pickHelp)).toBeTruthy();
    const fan = screen.getByRole('region', { name: t.deck.fan });
    fireEvent.click(within(fan).getByText(regie.title).closest('button')!);
    fireEvent.click(within(fan).getByText(gezin.title).closest('button')!);
    expect(within(fan).getByText(regie.title).closest('button')!.getAttribute('aria-pressed')).toBe('true');
    expect(within(fan).getByText(fill('nl', t.deck.picked, { n: 2 }), { exact: false })).toBeTruthy();
    expect(location.search).toContain(`kaarten=${regie.id},${gezin.id}`);
    expect(stageTitle()).toBe(regie.title);
    expect(screen.getByRole('status').textContent).toContain(t.deck.selectionLocks);
    expect(screen.getByRole('checkbox', { name: t.themes.visies.short }).closest('fieldset')!.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: t.deck.draw })).toBeNull();
    // Unpicking the last one ends the selection.
    fireEvent.click(within(fan).getByText(regie.title).closest('button')!);
    fireEvent.click(within(fan).getByText(gezin.title).closest('button')!);
    expect(location.search).not.toContain('kaarten');
    fireEvent.click(within(fan).getByText(gezin.title).closest('button')!);
    fireEvent.click(button(t.deck.pickDone));
    expect(fanTitles()).toEqual([gezin.title]);
    fireEvent.click(button(t.deck.pickClear));
    expect(fanTitles()).toHaveLength(CARDS.length);
  });

  it('says which parts of a bad link it skipped', () => {
    open('?schud=nope!&thema=onbekend');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(t.deck.problemsTitle);
    expect(alert.textContent).toContain(fill('nl', t.deck.problems['unknown-theme'], { value: 'onbekend' }));
  });

  it('copies a share link, or shows it to copy by hand without clipboard permission', async () => {
    open('?kaart=3');
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await act(async () => {
      fireEvent.click(button(t.deck.share));
    });
    expect(await screen.findByText(t.deck.shareCopied, { exact: false })).toBeTruthy();
    // The shared deck starts at its first card.
    expect(writeText.mock.calls[0]![0]).not.toContain('kaart=');
    writeText.mockRejectedValue(new Error('denied'));
    await act(async () => {
      fireEvent.click(button(t.deck.share));
    });
    expect(await screen.findByText(t.deck.shareManual, { exact: false })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: t.deck.share }) as HTMLInputElement).value).toContain('/kaarten/');
  });

  it('keeps the deck when switching language', () => {
    const other = document.createElement('a');
    other.className = 'lang-switch';
    other.setAttribute('href', '/en/cards/');
    document.body.append(other);
    open('?thema=grenzen');
    expect(other.getAttribute('href')).toBe('/en/cards/?thema=grenzen');
    other.remove();
  });

  it('opens the presenter on the card on top (loaded on first use) and returns focus when it closes', async () => {
    open('?kaart=3');
    const present = button(t.deck.present);
    present.focus();
    fireEvent.click(present);
    const dialog = await presenterReady();
    expect(within(dialog).getByRole('heading', { level: 2, name: grens.title })).toBeTruthy();
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(within(dialog).getByRole('heading', { level: 2, name: regie.title })).toBeTruthy();
    // The deck behind follows the presenter.
    expect(stageTitle()).toBe(regie.title);
    fireEvent.click(within(dialog).getByRole('button', { name: t.deck.presenter.close }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(present);
  });

  it('presents at once for a session, keeps the session in the address, and goes back to it at the end', async () => {
    const assign = vi.fn();
    const real = window.location.assign;
    window.location.assign = assign;
    try {
      open('?kaarten=kind-of-gezin,grens-stellen&presenteer=s-1');
      const dialog = await presenterReady();
      await waitFor(() => expect(location.search).toContain('presenteer=s-1'));
      fireEvent.keyDown(window, { key: ' ' });
      fireEvent.click(within(dialog).getByRole('button', { name: t.deck.presenter.close }));
      expect(assign).toHaveBeenCalledTimes(1);
      expect(String(assign.mock.calls[0]![0])).toContain('/sessies/');
      await waitFor(() => expect(location.search).not.toContain('presenteer'));
    } finally {
      window.location.assign = real;
    }
  });
});
