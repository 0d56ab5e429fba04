/** The presenter's room scan: the picker, the count while phones scan, and the outcome. */
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { RoomScan } from '../../src/islands/room/RoomScan';
import type { IslandCard } from '../../src/islands/types';
import { newParticipantId } from '../../src/lib/room/crypto';
import { initialRoom, type RoomEvent, type RoomState, roomReducer } from '../../src/lib/room/reducer';
import type { ScanAction } from '../../src/lib/room/room-scan';
import { join, vote } from '../support/room-events';
import { CARDS, deckStrings } from './deck-fixture';

const dilemma = (id: string, n: number, a: string, b: string): IslandCard => ({
  ...CARDS[1]!,
  id,
  number: n,
  title: `${a} of ${b}?`,
  poles: [
    { label: a, protects: 'x' },
    { label: b, protects: 'y' },
  ],
});
/** The fixture's uitleg card, two dilemmas and a kenniskaart, and five more dilemmas. */
const DECK: IslandCard[] = [
  ...CARDS,
  dilemma('praten-of-doen', 20, 'Praten', 'Doen'),
  dilemma('snel-of-zorgvuldig', 21, 'Snel', 'Zorgvuldig'),
  dilemma('alleen-of-samen', 22, 'Alleen', 'Samen'),
  dilemma('thuis-of-elders', 23, 'Thuis', 'Elders'),
  dilemma('nu-of-later', 24, 'Nu', 'Later'),
];
const DILEMMAS = DECK.filter((c) => c.poles);
const [K1, K2, K3] = DILEMMAS.map((c) => c.id) as [string, string, string];
const t = deckStrings('nl');
const s = t.room.scan;
const [ann, bob, cas] = [newParticipantId(), newParticipantId(), newParticipantId()];
const scan = (action: ScanAction): RoomEvent => ({ type: 'scan', action });
const joined = () => [join(ann, 'p1', 'Ann'), join(bob, 'p2'), join(cas, 'p3')].reduce(roomReducer, initialRoom(null));
const then = (state: RoomState, events: () => RoomEvent[]) => events().reduce(roomReducer, state);

function mount(state: RoomState, deck = DECK, strings = t) {
  const onAction = vi.fn<(a: ScanAction) => void>();
  const onBegin = vi.fn<(card: string) => void>();
  const view = render(<RoomScan t={strings} deck={deck} state={state} onAction={onAction} onBegin={onBegin} />);
  return { onAction, onBegin, view };
}

describe('RoomScan: the picker', () => {
  it('opens from "Zaalscan", lists only the dilemmas, and starts with 3 to 6 of them in the session’s order', () => {
    const { onAction } = mount(joined());
    const open = screen.getByRole('button', { name: s.open });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(open);
    const group = screen.getByRole('group', { name: s.pick });
    const boxes = within(group).getAllByRole('checkbox');
    expect(boxes.map((b) => b.closest('label')?.textContent?.trim())).toEqual(DILEMMAS.map((c) => c.title));
    // Kenniskaarten and the uitleg card have no poles: nobody places themselves on them.
    expect(within(group).queryByText('Wat is regie?')).toBeNull();
    const start = screen.getByRole('button', { name: s.start }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    fireEvent.click(within(group).getByRole('checkbox', { name: DILEMMAS[2]!.title }));
    fireEvent.click(within(group).getByRole('checkbox', { name: DILEMMAS[0]!.title }));
    expect(start.disabled).toBe(true);
    fireEvent.click(within(group).getByRole('checkbox', { name: DILEMMAS[1]!.title }));
    expect(screen.getByText(fill('nl', s.picked, { n: 3 }))).toBeTruthy();
    expect(start.disabled).toBe(false);
    fireEvent.click(start);
    expect(onAction).toHaveBeenCalledWith({ kind: 'start', cards: [K1, K2, K3] });
  });

  it('allows six cards at most, and "Annuleer" closes the picker', () => {
    mount(joined());
    fireEvent.click(screen.getByRole('button', { name: s.open }));
    const boxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
    for (const box of boxes.slice(0, 6)) fireEvent.click(box);
    expect(boxes[6]!.disabled).toBe(true);
    expect((screen.getByRole('button', { name: s.start }) as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(boxes[0]!);
    expect(boxes[6]!.disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: s.cancel }));
    expect(screen.queryByRole('group', { name: s.pick })).toBeNull();
    expect(screen.getByRole('button', { name: s.open })).toBeTruthy();
  });

  it('leaves out cards already revealed, and says so when fewer than three dilemmas are left', () => {
    const revealed = then(joined(), () => [{ type: 'card', card: K1 }, vote(ann, 'p1', 40, K1), { type: 'reveal' }]);
    mount(revealed, CARDS.concat(DILEMMAS.slice(2, 3)));
    fireEvent.click(screen.getByRole('button', { name: s.open }));
    expect(screen.getByText(s.tooFew)).toBeTruthy();
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect((screen.getByRole('button', { name: s.start }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('RoomScan: while the phones scan', () => {
  it('counts the phones that placed themselves on every card, and reveals', () => {
    const state = then(joined(), () => [
      scan({ kind: 'start', cards: [K1, K2, K3] }),
      vote(ann, 'p1', 10, K1),
      vote(ann, 'p1', 20, K2),
      vote(ann, 'p1', 30, K3),
      vote(bob, 'p2', 90, K1),
    ]);
    const { onAction } = mount(state);
    expect(screen.getByText(fill('nl', s.done, { done: 1, joined: 3 }))).toBeTruthy();
    expect(screen.queryAllByRole('img')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: s.reveal }));
    expect(onAction).toHaveBeenCalledWith({ kind: 'reveal' });
  });
});

describe('RoomScan: the outcome', () => {
  const outcome = () =>
    then(joined(), () => [
      scan({ kind: 'start', cards: [K1, K2, K3] }),
      // K1: 10, 50, 90; K2: 0, 0, 100 (differs most); K3: only two positions.
      vote(ann, 'p1', 10, K1),
      vote(bob, 'p2', 50, K1),
      vote(cas, 'p3', 90, K1),
      vote(ann, 'p1', 0, K2),
      vote(bob, 'p2', 0, K2),
      vote(cas, 'p3', 100, K2),
      vote(ann, 'p1', 0, K3),
      vote(bob, 'p2', 100, K3),
      scan({ kind: 'reveal' }),
    ]);

  it('names the card where the room differs most, starts the talk there, and shows every spread without names', () => {
    const { onAction, onBegin } = mount(outcome());
    // Focus moves to the outcome, so a screen reader reads it where the button was.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: s.outcome }));
    const most = screen.getByRole('group', { name: s.most });
    expect(within(most).getByText(DILEMMAS[1]!.title)).toBeTruthy();
    fireEvent.click(within(most).getByRole('button', { name: s.begin }));
    expect(onBegin).toHaveBeenCalledWith(K2);

    const plots = screen.getAllByRole('img');
    expect(plots).toHaveLength(3);
    const poles = DILEMMAS[0]!.poles!.map((p) => p.label);
    const caption = fill('nl', t.room.chartText, { a: poles[0]!, b: poles[1]!, list: '10, 50, 90' });
    expect(screen.getByRole('img', { name: caption })).toBeTruthy();
    expect(document.body.textContent).not.toContain('Ann');
    expect(screen.getByText(fill('nl', s.positions, { n: 2 }))).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: s.close }));
    expect(onAction).toHaveBeenCalledWith({ kind: 'end' });
  });

  it('names no card when none has three different positions, in English too', () => {
    const en = deckStrings('en');
    const state = then(joined(), () => [
      scan({ kind: 'start', cards: [K1, K2, K3] }),
      vote(ann, 'p1', 40, K1),
      scan({ kind: 'reveal' }),
    ]);
    mount(state, DECK, en);
    expect(screen.getByRole('heading', { name: en.room.scan.outcome })).toBeTruthy();
    expect(screen.getByText(en.room.scan.mostNone)).toBeTruthy();
    expect(screen.queryByRole('button', { name: en.room.scan.begin })).toBeNull();
    expect(screen.getAllByRole('img')).toHaveLength(1);
  });
});
