/**
 * The shift without a browser: the presenter's "Stem opnieuw", the rounds side by side (two
 * spreads, labelled, with their middles, no names), the bound, and the session's report with
 * round one and round two.
 */
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { t as dictionary } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { PresenterRounds } from '../../src/islands/room/RoundsCompare';
import { Report } from '../../src/islands/sessions/Report';
import { newParticipantId } from '../../src/lib/room/crypto';
import { initialRoom, roomReducer, type RoomEvent, type RoomState } from '../../src/lib/room/reducer';
import { MAX_ROUNDS } from '../../src/lib/room/rounds';
import { deckStrings } from '../../src/views/island-strings';
import { card, type Harness, harness, POLES } from './positions-harness';
import { A, join, vote } from '../support/room-events';

const r = dictionary('nl').room.rounds;
const t = deckStrings('nl');
const [ann, bob] = [newParticipantId(), newParticipantId()];
const reveal: RoomEvent = { type: 'reveal' };
const again: RoomEvent = { type: 'again' };
const run = (events: RoomEvent[], from: RoomState = initialRoom(A)) => events.reduce(roomReducer, from);

function show(state: RoomState, live = true) {
  const onAgain = vi.fn();
  const view = render(<PresenterRounds t={t} state={state} cardId={A} poles={POLES} live={live} onAgain={onAgain} />);
  return { ...view, onAgain };
}

const roundOne = () =>
  run([join(ann, 'p1', 'Annemiek'), join(bob, 'p2', 'Bram'), vote(ann, 'p1', 20), vote(bob, 'p2', 80), reveal]);

describe('the presenter’s rounds', () => {
  it('offers "Stem opnieuw" after the reveal only, and only while the room is live', () => {
    const open = run([join(ann, 'p1', 'Annemiek'), vote(ann, 'p1', 20)]);
    show(open).unmount();
    expect(screen.queryByRole('button', { name: r.again })).toBeNull();
    show(roundOne(), false).unmount();
    expect(screen.queryByRole('button', { name: r.again })).toBeNull();
    const { onAgain } = show(roundOne());
    // Nothing to compare with one round.
    expect(screen.queryByRole('region', { name: r.title })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: r.again }));
    expect(onAgain).toHaveBeenCalledOnce();
  });

  it('says which round is open, and compares nothing before its reveal', () => {
    show(run([again], roundOne()));
    expect(screen.getByText(fill('nl', r.round, { n: 2 }))).toBeTruthy();
    expect(screen.queryByRole('region', { name: r.title })).toBeNull();
    expect(screen.queryByRole('button', { name: r.again })).toBeNull();
  });

  it('shows round one and round two side by side: two spreads, labelled, with middles and no names', () => {
    const first = roundOne();
    const state = run([again, vote(ann, 'p1', 60), vote(bob, 'p2', 70), reveal], first);
    const { container } = show(state);
    const region = screen.getByRole('region', { name: r.title });
    expect(within(region).getByText(r.nameless)).toBeTruthy();
    const one = within(region).getByRole('group', { name: fill('nl', r.round, { n: 1 }) });
    const two = within(region).getByRole('group', { name: fill('nl', r.round, { n: 2 }) });
    expect(within(one).getAllByRole('img')).toHaveLength(1);
    expect(within(one).getByRole('img').querySelectorAll('circle')).toHaveLength(2);
    expect(within(two).getByRole('img').querySelectorAll('circle')).toHaveLength(2);
    const caption = (n: number, list: string, median: number) =>
      fill('nl', r.chartText, { n, a: POLES[0], b: POLES[1], list, median });
    expect(within(one).getByRole('img', { name: caption(1, '20, 80', 50) })).toBeTruthy();
    expect(within(two).getByRole('img', { name: caption(2, '60, 70', 65) })).toBeTruthy();
    expect(within(one).getByText(fill('nl', r.median, { value: 50 }))).toBeTruthy();
    expect(within(two).getByText(fill('nl', r.median, { value: 65 }))).toBeTruthy();
    // Who moved is never shown: no name anywhere, on screen or in the drawings' labels.
    expect(container.textContent).not.toContain('Annemiek');
    expect(container.innerHTML).not.toContain('Bram');
    // Another round is still allowed below the bound.
    expect(screen.getByRole('button', { name: r.again })).toBeTruthy();
  });

  it(`stops at ${MAX_ROUNDS} rounds and says so`, () => {
    let state = roundOne();
    for (let n = 2; n <= MAX_ROUNDS; n++) state = run([again, vote(ann, 'p1', 10 * n), reveal], state);
    show(state);
    expect(screen.queryByRole('button', { name: r.again })).toBeNull();
    expect(screen.getByText(r.last)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: r.title })).getAllByRole('group')).toHaveLength(MAX_ROUNDS);
  });
});

describe('the report of a session with two rounds', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('shows round one with its names and both rounds side by side without names', async () => {
    const CARD = card();
    h = await harness({ cards: [CARD] });
    const s = await h.repo.sessions.create({
      kind: 'workshop',
      title: 'Workshop december',
      team: '',
      date: '2026-12-07',
      lang: 'nl',
      deck: { cards: [CARD.id] },
    });
    for (const [participant, first, second] of [
      ['Annemiek', 20, 60],
      ['Bram', 80, 70],
    ] as const) {
      await h.repo.positions.set({ sessionId: s.id, cardId: CARD.id, participant, value: first, round: 1 });
      await h.repo.positions.set({ sessionId: s.id, cardId: CARD.id, participant, value: second, round: 2 });
    }
    const rep = h.t.s.report;
    render(h.wrap(<Report id={s.id} />));
    const rounds = await screen.findByRole('region', { name: rep.rounds }, { timeout: 8000 });
    // Round one as before (names in the list), and no round-two position with a name.
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toContain('Annemiek: 20');
    expect(items).not.toContain('Annemiek: 60');
    const one = within(rounds).getByRole('group', { name: fill('nl', rep.round, { n: 1 }) });
    const two = within(rounds).getByRole('group', { name: fill('nl', rep.round, { n: 2 }) });
    expect(within(one).getByText(fill('nl', rep.roundMedian, { value: 50 }))).toBeTruthy();
    expect(within(two).getByText(fill('nl', rep.roundMedian, { value: 65 }))).toBeTruthy();
    expect(within(two).getByRole('img').querySelectorAll('circle')).toHaveLength(2);
    expect(rounds.textContent).not.toContain('Annemiek');
  });
});
