/**
 * The presenter's room without a browser or relay: a fake openPresenterRoom stands in for the
 * socket. Opening, open with its count, votes saved into the session, the agreed position, a
 * relay that cannot be reached, and a save that failed.
 */
import { deckStrings } from '../../src/views/island-strings';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { t as dictionary } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import type { PresenterRoomProps } from '../../src/islands/room/PresenterRoom';
import PresenterRoom from '../../src/islands/room/PresenterRoom';
import { newParticipantId } from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { initialRoom, roomReducer, type RoomEvent, type RoomState } from '../../src/lib/room/reducer';
import type { PresenterOptions, RoomStatus } from '../../src/lib/room/session';
import { OWN_PARTICIPANT } from '../../src/lib/sessions/positions';
import { createRepo } from '../../src/lib/store/repo';
import { closeKjk, openKjk } from '../../src/lib/store/schema';
import { roomCard } from '../support/room-card';

const fake = vi.hoisted(() => ({
  relay: true,
  fail: false,
  options: null as null | PresenterOptions,
  room: null as null | {
    setCard: ReturnType<typeof vi.fn>;
    reveal: ReturnType<typeof vi.fn>;
    close: ReturnType<typeof vi.fn>;
  },
}));
vi.mock('../../src/lib/room/config', () => ({
  relayConfig: () => (fake.relay ? { origin: 'https://relay.test', path: '/socket.io' } : null),
}));
vi.mock('../../src/lib/room/session', async () => {
  const { fakeRoomHandle } = await import('../support/fake-room');
  return {
    openPresenterRoom: async (options: PresenterOptions) => {
      if (fake.fail) throw new Error('unreachable');
      fake.options = options;
      const room = fakeRoomHandle();
      fake.room = room;
      return room;
    },
  };
});

const d = dictionary('nl');
const r = d.room;
const t = deckStrings('nl');
const A = 'eigen-kracht-of-veiligheid';
const card = roomCard();

const [ann, bob] = [newParticipantId(), newParticipantId()];
let seq = 0;
const join = (pid: string, peer: string, name?: string): RoomEvent => ({
  type: 'phone',
  peer,
  message: { t: 'join', v: ROOM_LIMITS.version, pid, seq: ++seq, ...(name ? { name } : {}) },
});
const vote = (pid: string, peer: string, position: number): RoomEvent => ({
  type: 'phone',
  peer,
  message: { t: 'vote', v: ROOM_LIMITS.version, pid, seq: ++seq, card: A, position },
});

let sessionId = '';
async function deleteDb() {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase('kjk');
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}
async function positions() {
  const db = await openKjk();
  const list = await createRepo(db).positions.list(sessionId);
  closeKjk(db);
  return list;
}

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
  return { ...render(<PresenterRoom {...props} />), props };
}

/** The room changes as the fake relay says. */
function change(state: RoomState, status: RoomStatus = 'open') {
  act(() => fake.options?.onChange?.(state, status));
}

beforeEach(async () => {
  Object.assign(fake, { relay: true, fail: false, options: null, room: null });
  await deleteDb();
  const db = await openKjk();
  sessionId = (
    await createRepo(db).sessions.create({
      kind: 'teamoverleg',
      title: 'Zaal',
      team: 'Noord',
      date: '2026-12-01',
      lang: 'nl',
    })
  ).id;
  closeKjk(db);
});
afterEach(() => vi.unstubAllGlobals());

describe('PresenterRoom', () => {
  it('says it is opening, then shows the count and saves every vote into the session', async () => {
    const { props } = renderRoom();
    expect(screen.getByRole('status').textContent).toBe(r.opening);
    await waitFor(() => expect(props.onShowJoin).toHaveBeenCalledWith(true));
    expect(fake.room?.setCard).toHaveBeenCalledWith(A);
    expect(screen.getByText(r.nobody)).toBeTruthy();

    let state = [join(ann, 'p1', 'Ann'), join(bob, 'p2'), vote(ann, 'p1', 30)].reduce(roomReducer, initialRoom(A));
    change(state);
    expect(screen.getByText(fill('nl', r.count, { chosen: 1, joined: 2 }))).toBeTruthy();
    expect(screen.getAllByRole('status')[0]?.textContent).toBe(r.saved);
    state = roomReducer(state, vote(bob, 'p2', 70));
    change(state);
    await waitFor(async () =>
      expect(Object.fromEntries((await positions()).map((p) => [p.participant, p.value]))).toEqual({
        Ann: 30,
        [fill('nl', r.phoneName, { n: 1 })]: 70,
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: r.reveal }));
    expect(fake.room?.reveal).toHaveBeenCalled();
  });

  it('after the reveal: the agreed position is saved as one own, agreed position', async () => {
    const { props } = renderRoom();
    await waitFor(() => expect(props.onShowJoin).toHaveBeenCalledWith(true));
    const state = [join(ann, 'p1'), vote(ann, 'p1', 40), { type: 'reveal' } as RoomEvent].reduce(
      roomReducer,
      initialRoom(A),
    );
    change(state);
    const save = await screen.findByRole('button', { name: `${r.agreedSave} (40)` });
    await act(async () => {
      fireEvent.click(save);
    });
    await waitFor(async () =>
      expect((await positions()).find((p) => p.agreed)).toMatchObject({ participant: OWN_PARTICIPANT, value: 40 }),
    );
    const lean = fill('nl', d.poles.leanA, { a: card.poles![0]!.label });
    expect(await screen.findByText(fill('nl', d.poles.agreedCurrent, { value: 40, lean }))).toBeTruthy();
  });

  it('a relay that cannot be reached: says so and offers to open again', async () => {
    fake.fail = true;
    const { props } = renderRoom();
    expect(await screen.findByText(r.status.unreachable)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: r.open }));
    expect(props.onEnded).toHaveBeenCalled();
  });

  it('a site built without a relay, or a store that cannot open, counts as unreachable', async () => {
    fake.relay = false;
    renderRoom();
    expect(await screen.findByText(r.status.unreachable)).toBeTruthy();
  });

  it('a vote that could not be saved is shown until a save works again', async () => {
    const { props } = renderRoom();
    await waitFor(() => expect(props.onShowJoin).toHaveBeenCalledWith(true));
    // The session is gone from under the room: its writes fail.
    const db = await openKjk();
    const repo = createRepo(db);
    await repo.sessions.softDelete(sessionId);
    await repo.sessions.purgeDeleted();
    closeKjk(db);
    const state = [join(ann, 'p1'), vote(ann, 'p1', 30)].reduce(roomReducer, initialRoom(A));
    change(state);
    expect((await screen.findByRole('alert')).textContent).toBe(r.saveFailed);
  });

  it('leaving ends the room', async () => {
    const { props, unmount } = renderRoom();
    await waitFor(() => expect(props.onShowJoin).toHaveBeenCalledWith(true));
    unmount();
    expect(fake.room?.close).toHaveBeenCalled();
  });
});
