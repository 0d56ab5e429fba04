/**
 * Answers in the presenter's room, without a relay (a fake openPresenterRoom): the panel's events go
 * to the room, what the room sees is drawn, and shown answers land in the session as the card's note.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import PresenterRoom from '../../src/islands/room/PresenterRoom';
import { newParticipantId } from '../../src/lib/room/crypto';
import { initialRoom, roomReducer, type RoomEvent, type RoomState } from '../../src/lib/room/reducer';
import type { PresenterOptions } from '../../src/lib/room/session';
import { createRepo } from '../../src/lib/store/repo';
import { closeKjk, openKjk } from '../../src/lib/store/schema';
import { deckStrings } from '../../src/views/island-strings';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { roomCard } from '../support/room-card';

const fake = vi.hoisted(() => ({
  options: null as null | PresenterOptions,
  answers: null as null | ReturnType<typeof vi.fn>,
}));
vi.mock('../../src/lib/room/config', () => ({
  relayConfig: () => ({ origin: 'https://relay.test', path: '/socket.io' }),
}));
vi.mock('../../src/lib/room/session', async () => {
  const { fakeRoomHandle } = await import('../support/fake-room');
  return {
    openPresenterRoom: async (options: PresenterOptions) => {
      fake.options = options;
      fake.answers = vi.fn();
      return fakeRoomHandle({ answers: fake.answers });
    },
  };
});

const t = deckStrings('nl');
const a = t.room.answers;
const A = 'eigen-kracht-of-veiligheid';
const QUESTION = 'Wat heb jij nodig om los te laten?';
const card = roomCard({ questions: [QUESTION] });

const [ann, bob] = [newParticipantId(), newParticipantId()];
let seq = 0;
const phone = (pid: string, peer: string, message: object): RoomEvent =>
  ({ type: 'phone', peer, message: { v: ROOM_LIMITS.version, pid, seq: ++seq, ...message } }) as RoomEvent;

let sessionId = '';
async function note() {
  const db = await openKjk();
  const found = await createRepo(db).notes.get(sessionId, A);
  closeKjk(db);
  return found?.text;
}

beforeEach(async () => {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase('kjk');
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
  const db = await openKjk();
  const repo = createRepo(db);
  sessionId = (
    await repo.sessions.create({ kind: 'workshop', title: 'Zaal', team: '', date: '2026-12-01', lang: 'nl' })
  ).id;
  await repo.notes.save({ sessionId, cardId: A, text: 'Eigen notitie', baseUpdatedAt: null });
  closeKjk(db);
});

describe('answers in the presenter’s room', () => {
  it('asks through the room, shows what the room sees, and saves shown answers as the card’s note', async () => {
    const onShowJoin = vi.fn();
    render(
      <PresenterRoom
        sessionId={sessionId}
        card={card}
        t={t}
        joinHref="/doe-mee/"
        showJoin={false}
        onShowJoin={onShowJoin}
        onEnded={vi.fn()}
      />,
    );
    const panel = within(await screen.findByRole('region', { name: a.title }));
    fireEvent.change(panel.getByRole('combobox', { name: a.fromCard }), { target: { value: QUESTION } });
    fireEvent.click(panel.getByRole('button', { name: a.ask }));
    const asked: RoomEvent = { type: 'answers', event: { type: 'ask', card: A, text: QUESTION, only: false } };
    expect(fake.answers).toHaveBeenCalledWith(asked.event);

    // The fake relay plays the room: the question is asked, two phones answer, one answer is shown.
    let state: RoomState = [
      phone(ann, 'p1', { t: 'join' }),
      phone(bob, 'p2', { t: 'join', name: 'Bob' }),
      asked,
    ].reduce(roomReducer, initialRoom(A));
    const q = state.answers.current!.id;
    state = [
      phone(ann, 'p1', { t: 'answer', q, text: 'Vertrouwen' }),
      phone(bob, 'p2', { t: 'answer', q, text: 'Tijd' }),
    ].reduce(roomReducer, state);
    act(() => fake.options?.onChange?.(state, 'open'));
    expect(panel.getByText(fill('nl', a.count, { n: 2, fresh: 2 }))).toBeTruthy();
    expect(within(screen.getByRole('region', { name: a.audience })).getByText(a.nothingShown)).toBeTruthy();

    fireEvent.click(panel.getAllByRole('button', { name: a.show })[1]!);
    expect(fake.answers).toHaveBeenLastCalledWith({ type: 'show', id: state.answers.answers[1]!.id });
    state = roomReducer(state, { type: 'answers', event: fake.answers!.mock.lastCall![0] });
    act(() => fake.options?.onChange?.(state, 'open'));
    // The room draws once an animation frame: a change right after another waits for the next one.
    expect(await within(screen.getByRole('region', { name: a.audience })).findByText('Tijd')).toBeTruthy();

    const head = fill('nl', a.noteHead, { question: QUESTION });
    await waitFor(async () => expect(await note()).toBe(`Eigen notitie\n\n${head}\n- Tijd`));
    const saved = await note();
    expect(saved).not.toContain(bob);
    expect(saved).not.toContain('Bob');
  });
});
