/**
 * The presenter's room while a plenary's votes pour in: it draws once a frame, always the latest
 * count, instead of once a vote (src/lib/room/per-frame.ts). A fake openPresenterRoom stands in
 * for the relay, as in presenter-room.test.tsx.
 */
import { act, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { t as dictionary } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import PresenterRoom from '../../src/islands/room/PresenterRoom';
import { newParticipantId } from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { initialRoom, roomReducer, type RoomState } from '../../src/lib/room/reducer';
import type { PresenterOptions } from '../../src/lib/room/session';
import { createRepo } from '../../src/lib/store/repo';
import { closeKjk, openKjk } from '../../src/lib/store/schema';
import { deckStrings } from '../../src/views/island-strings';
import { A, join, vote } from '../support/room-events';
import { roomCard } from '../support/room-card';

const fake = vi.hoisted(() => ({ options: null as null | PresenterOptions }));
vi.mock('../../src/lib/room/config', () => ({
  relayConfig: () => ({ origin: 'https://relay.test', path: '/socket.io' }),
}));
vi.mock('../../src/lib/room/session', async () => {
  const { fakeRoomHandle } = await import('../support/fake-room');
  return {
    openPresenterRoom: async (options: PresenterOptions) => {
      fake.options = options;
      return fakeRoomHandle();
    },
  };
});

const r = dictionary('nl').room;
const t = deckStrings('nl');
const card = roomCard();

let sessionId = '';
beforeEach(async () => {
  fake.options = null;
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase('kjk');
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
  const db = await openKjk();
  sessionId = (
    await createRepo(db).sessions.create({
      kind: 'teamoverleg',
      title: 'Congres',
      team: 'Zaal',
      date: '2026-12-01',
      lang: 'nl',
    })
  ).id;
  closeKjk(db);
});
afterEach(() => vi.unstubAllGlobals());

describe('PresenterRoom in a plenary', () => {
  it('draws the first change at once, then once a frame with the latest count', async () => {
    const props = { sessionId, card, t, joinHref: '/doe-mee/', showJoin: false, onShowJoin: vi.fn(), onEnded: vi.fn() };
    render(<PresenterRoom {...props} />);
    await waitFor(() => expect(props.onShowJoin).toHaveBeenCalledWith(true));

    // A fifth of a plenary: every change is also saved into the (fake) IndexedDB, which is slow here.
    const phones = ROOM_LIMITS.phonesPerRoomMax / 5;
    let state: RoomState = initialRoom(A, phones);
    const pids = Array.from({ length: phones }, () => newParticipantId());
    pids.forEach((pid, i) => {
      state = roomReducer(state, join(pid, `s${i}`));
    });
    const states: RoomState[] = [];
    pids.forEach((pid, i) => {
      state = roomReducer(state, vote(pid, `s${i}`, i % 101));
      states.push(state);
    });
    const count = (chosen: number) => fill('nl', r.count, { chosen, joined: phones });

    act(() => {
      for (const s of states) fake.options?.onChange?.(s, 'open');
    });
    // The first vote is drawn at once; the others wait for the next frame, which draws the last.
    expect(screen.getByText(count(1))).toBeTruthy();
    expect(screen.queryByText(count(2))).toBeNull();
    expect(await screen.findByText(count(phones))).toBeTruthy();
  });
});
