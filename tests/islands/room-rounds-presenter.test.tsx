/**
 * The shift inside the presenter's room, on a fake relay: "Stem opnieuw" asks the room for the
 * next round; with two shown rounds the named spread gives way to the nameless comparison; the
 * presenter's timer is handed to the room (and so to the phones) as it changes.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { t as dictionary } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import PresenterRoom, { type PresenterRoomProps } from '../../src/islands/room/PresenterRoom';
import { start, timerFor } from '../../src/lib/deck/timer';
import { newParticipantId } from '../../src/lib/room/crypto';
import { initialRoom, roomReducer, type RoomEvent, type RoomState } from '../../src/lib/room/reducer';
import type { PresenterOptions } from '../../src/lib/room/session';
import { createRepo } from '../../src/lib/store/repo';
import { closeKjk, openKjk } from '../../src/lib/store/schema';
import { deckStrings } from '../../src/views/island-strings';
import { roomCard } from '../support/room-card';
import { A, join, vote } from '../support/room-events';

const fake = vi.hoisted(() => ({
  options: null as null | PresenterOptions,
  room: null as null | Record<'setCard' | 'reveal' | 'again' | 'setTimer' | 'close', ReturnType<typeof vi.fn>>,
}));
vi.mock('../../src/lib/room/config', () => ({
  relayConfig: () => ({ origin: 'https://relay.test', path: '/socket.io' }),
}));
vi.mock('../../src/lib/room/session', async () => {
  const { fakeRoomHandle } = await import('../support/fake-room');
  return {
    openPresenterRoom: async (options: PresenterOptions) => {
      fake.options = options;
      const room = fakeRoomHandle({ again: vi.fn(), setTimer: vi.fn() });
      fake.room = room;
      return room;
    },
  };
});

const r = dictionary('nl').room;
const t = deckStrings('nl');
const card = roomCard();
const [ann, bob] = [newParticipantId(), newParticipantId()];
const reveal: RoomEvent = { type: 'reveal' };
const change = (state: RoomState) => act(() => fake.options?.onChange?.(state, 'open'));

let sessionId = '';
beforeEach(async () => {
  Object.assign(fake, { options: null, room: null });
  const db = await openKjk({ name: 'kjk' });
  sessionId = (
    await createRepo(db).sessions.create({ kind: 'workshop', title: 'Zaal', team: '', date: '2026-12-07', lang: 'nl' })
  ).id;
  closeKjk(db);
});

function renderRoom(over: Partial<PresenterRoomProps> = {}) {
  const props: PresenterRoomProps = {
    sessionId,
    card,
    t,
    joinHref: '/doe-mee/',
    showJoin: false,
    onShowJoin: vi.fn(),
    onEnded: vi.fn(),
    ...over,
  };
  const view = render(<PresenterRoom {...props} />);
  return { ...view, props };
}

describe('the shift in the presenter’s room', () => {
  it('asks for round two, then shows both rounds without the names the first spread had', async () => {
    const { props, container } = renderRoom();
    await waitFor(() => expect(props.onShowJoin).toHaveBeenCalledWith(true));
    let state = [join(ann, 'p1', 'Annemiek'), join(bob, 'p2', 'Bram'), vote(ann, 'p1', 20), vote(bob, 'p2', 80)].reduce(
      roomReducer,
      initialRoom(A),
    );
    state = roomReducer(state, reveal);
    change(state);
    // One round: the presenter's own spread, with the names in its text alternative.
    expect(container.textContent).toContain('Annemiek');
    fireEvent.click(screen.getByRole('button', { name: r.rounds.again }));
    expect(fake.room?.again).toHaveBeenCalledOnce();

    state = roomReducer(state, { type: 'again' });
    change(state);
    // The room draws once an animation frame (a change soon after another waits for the next one).
    expect(await screen.findByText(fill('nl', r.rounds.round, { n: 2 }))).toBeTruthy();
    expect(screen.getByRole('button', { name: r.reveal })).toBeTruthy();
    state = [vote(ann, 'p1', 60), vote(bob, 'p2', 70), reveal].reduce(roomReducer, state);
    change(state);
    expect(await screen.findByRole('region', { name: r.rounds.title })).toBeTruthy();
    expect(container.textContent).not.toContain('Annemiek');
    expect(container.textContent).not.toContain('Bram');
    // Saved into the session as they came: round two beside round one, each under the phone's label.
    await waitFor(async () => {
      const db = await openKjk({ name: 'kjk' });
      const stored = await createRepo(db).positions.list(sessionId);
      closeKjk(db);
      expect(stored.map((p) => `${p.round ?? 1}:${p.participant}=${p.value}`).sort()).toEqual([
        '1:Annemiek=20',
        '1:Bram=80',
        '2:Annemiek=60',
        '2:Bram=70',
      ]);
    });
  });

  it('hands the presenter’s timer to the room as it changes, and null when it is put away', async () => {
    const timer = start(timerFor(5), Date.now());
    const { props, rerender } = renderRoom({ timer });
    await waitFor(() => expect(props.onShowJoin).toHaveBeenCalledWith(true));
    await waitFor(() => expect(fake.room?.setTimer).toHaveBeenCalledWith(timer));
    rerender(<PresenterRoom {...props} timer={null} />);
    expect(fake.room?.setTimer).toHaveBeenLastCalledWith(null);
  });
});
