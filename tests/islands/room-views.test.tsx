/**
 * The two views without a browser: the audience window in each state (no room, no
 * BroadcastChannel, waiting, the card and count, the spread, the way in, answers, closed, junk
 * ignored), and the presenter's room becoming the control view once an audience window says hello.
 * The windows meet over Node's own BroadcastChannel, as two windows of one browser do.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { t as dictionary } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import AudienceView from '../../src/islands/room/AudienceView';
import { AUDIENCE_WINDOW } from '../../src/islands/room/ControlView';
import PresenterRoom, { type PresenterRoomProps } from '../../src/islands/room/PresenterRoom';
import { type AudienceSnapshot, parseViewsMessage, type ViewsMessage } from '../../src/lib/room/audience';
import { newParticipantId, newRoomId } from '../../src/lib/room/crypto';
import { initialRoom, roomReducer, type RoomState } from '../../src/lib/room/reducer';
import type { PresenterOptions } from '../../src/lib/room/session';
import { viewsChannelName } from '../../src/lib/room/views-channel';
import { createRepo } from '../../src/lib/store/repo';
import { closeKjk, openKjk } from '../../src/lib/store/schema';
import { deckStrings } from '../../src/views/island-strings';
import { roomCard } from '../support/room-card';
import { A, join, vote } from '../support/room-events';

const fake = vi.hoisted(() => ({ room: '', options: null as null | PresenterOptions }));
vi.mock('../../src/lib/room/config', () => ({
  relayConfig: () => ({ origin: 'https://relay.test', path: '/socket.io' }),
}));
vi.mock('../../src/lib/room/session', async () => {
  const { fakeRoomHandle } = await import('../support/fake-room');
  return {
    openPresenterRoom: async (options: PresenterOptions) => {
      fake.options = options;
      return fakeRoomHandle({
        fragment: `#room=${fake.room},${'k'.repeat(43)}`,
        link: { room: fake.room, key: 'k'.repeat(43) },
      });
    },
  };
});

const d = dictionary('nl');
const r = d.room;
const v = r.views;
const strings = { lang: 'nl' as const, room: d.room, poles: d.poles };
const card: AudienceSnapshot['card'] = {
  id: A,
  title: 'Eigen kracht of veiligheid',
  theme: 'visies',
  poles: ['Eigen kracht', 'Veiligheid'],
};
const base: AudienceSnapshot = { status: 'open', card, chosen: 1, joined: 2, revealed: false };

let room = '';
let presenter: BroadcastChannel;
/** What the audience window posted (hello, bye), checked as the control view checks it. */
let heard: ViewsMessage[] = [];
beforeEach(() => {
  room = newRoomId();
  fake.room = room;
  heard = [];
  presenter = new BroadcastChannel(viewsChannelName(room));
  presenter.onmessage = (e) => {
    const m = parseViewsMessage(e.data);
    if (m) heard.push(m);
  };
});
afterEach(() => {
  presenter.close();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  location.hash = '';
});

const show = (snapshot: AudienceSnapshot) => presenter.postMessage({ k: 'snapshot', v: 1, snapshot });

function openAudience() {
  location.hash = `#scherm=${room}`;
  return render(<AudienceView t={strings} />);
}

describe('the audience window', () => {
  it('without a room in its address, says where it comes from', () => {
    render(<AudienceView t={strings} />);
    expect(screen.getByRole('status').textContent).toBe(v.noRoom);
    // Its one control has the focus from the start.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: v.fullscreen }));
  });

  it('without BroadcastChannel, says it cannot follow', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    openAudience();
    expect(screen.getByRole('status').textContent).toBe(v.unsupported);
  });

  it('asks for the view, waits for the presenter, and ignores junk from another tab', async () => {
    openAudience();
    expect(screen.getByRole('status').textContent).toBe(v.waiting);
    await waitFor(() => expect(heard.map((m) => m.k)).toContain('hello'));
    presenter.postMessage({ k: 'snapshot', v: 1, snapshot: { ...base, spread: [10, 90] } });
    presenter.postMessage({ k: 'snapshot', v: 9, snapshot: base });
    presenter.postMessage('Toon alles');
    // A good message after the junk: once it shows, the junk was read and dropped.
    show({ ...base, card: null });
    expect(await screen.findByText(r.join.waiting)).toBeTruthy();
    expect(document.querySelector('circle')).toBeNull();
  });

  it('shows the card and the count, then after the reveal the spread without names', async () => {
    openAudience();
    show(base);
    expect(await screen.findByRole('heading', { name: card!.title })).toBeTruthy();
    expect(screen.getByText(card!.poles![0])).toBeTruthy();
    expect(screen.getByText(fill('nl', r.count, { chosen: 1, joined: 2 }))).toBeTruthy();
    expect(document.querySelector('.room-dot')).toBeNull();
    expect(document.querySelector('.audience')?.className).toContain('theme-visies');
    // No controls but "full screen".
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([v.fullscreen]);

    show({ ...base, chosen: 2, revealed: true, spread: [20, 80], agreed: 50 });
    await screen.findByText(`${fill('nl', r.count, { chosen: 2, joined: 2 })}. ${r.revealed}`);
    expect(document.querySelectorAll('.room-dot')).toHaveLength(2);
    const figure = screen.getByRole('img');
    const caption = document.getElementById(figure.getAttribute('aria-labelledby')!)!.textContent!;
    expect(caption).toContain(fill('nl', r.chartText, { a: 'Eigen kracht', b: 'Veiligheid', list: '20, 80' }));
    expect(caption).toContain(fill('nl', d.poles.agreedCurrent, { value: 50, lean: d.poles.middle }));
  });

  it('with nobody in yet: says so; a card without poles has no count', async () => {
    openAudience();
    show({ ...base, chosen: 0, joined: 0 });
    expect(await screen.findByText(r.nobody)).toBeTruthy();
    show({ ...base, chosen: 0, card: { id: A, title: 'Kenniskaart', poles: null } });
    await screen.findByRole('heading', { name: 'Kenniskaart' });
    expect(screen.queryByText(r.nobody)).toBeNull();
    expect(document.querySelector('.audience-count')).toBeNull();
  });

  it('shows the way in while phones join, and the shown answers', async () => {
    openAudience();
    const url = `https://kjk.test/doe-mee/#room=${room},${'k'.repeat(43)}`;
    show({
      ...base,
      join: { url, address: 'kjk.test/doe-mee/', code: 'KM7R 4XDA' },
      question: 'Wat heb je nodig?',
      answers: [{ text: 'Omdat het kind mag meedenken' }, { text: 'Veiligheid eerst', highlighted: true }],
    });
    expect(await screen.findByRole('img', { name: fill('nl', r.qrLabel, { url: 'kjk.test/doe-mee/' }) })).toBeTruthy();
    expect(screen.getByText('KM7R 4XDA')).toBeTruthy();
    expect(screen.getByText(r.code.shown)).toBeTruthy();
    // The shown answers as the presenter's own screen draws them (ShownAnswers): the question, the highlighted one apart.
    const answers = screen.getByRole('region', { name: r.answers.audience });
    expect(answers.textContent).toContain('Wat heb je nodig?');
    expect(within(answers).getByRole('list').textContent).toContain('Omdat het kind mag meedenken');
    expect(answers.querySelector('blockquote')?.textContent).toBe(`${r.answers.phone.highlighted}: Veiligheid eerst`);
    show({ ...base, join: { url, address: 'kjk.test/doe-mee/', code: null } });
    expect(await screen.findByText(r.code.none)).toBeTruthy();
    show({ ...base, join: { url, address: 'kjk.test/doe-mee/', code: 'ABCD EFGH', renewed: true } });
    expect(await screen.findByText(r.code.renewed)).toBeTruthy();
  });

  it('says the room is closed, follows a new room in its address, and says bye when it goes', async () => {
    const { unmount } = openAudience();
    show({ ...base, status: 'closed' });
    expect((await screen.findByText(r.status.closed)).getAttribute('role')).toBe('status');
    const next = newRoomId();
    const other = new BroadcastChannel(viewsChannelName(next));
    await act(async () => {
      location.hash = `#scherm=${next}`;
      dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByRole('status').textContent).toBe(v.waiting);
    other.postMessage({ k: 'snapshot', v: 1, snapshot: base });
    expect(await screen.findByRole('heading', { name: card!.title })).toBeTruthy();
    other.close();
    unmount();
    await waitFor(() => expect(heard.map((m) => m.k)).toContain('bye'));
  });

  it('asks again while no presenter answers', async () => {
    // Only setInterval is faked: waitFor's own polling uses it too, so this waits by hand.
    const hellos = async (n: number, tries = 200) => {
      for (let i = 0; i < tries && heard.filter((m) => m.k === 'hello').length < n; i++)
        await new Promise((resolve) => setTimeout(resolve, 5));
      return heard.filter((m) => m.k === 'hello').length;
    };
    vi.useFakeTimers({ toFake: ['setInterval'] });
    try {
      openAudience();
      expect(await hellos(1)).toBe(1);
      vi.advanceTimersByTime(2000);
      expect(await hellos(2)).toBe(2);
      // Once answered, it stops asking.
      show(base);
      await screen.findByRole('heading', { name: card!.title });
      vi.advanceTimersByTime(4000);
      expect(await hellos(3, 20)).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('"Volledig scherm" asks for full screen and says when it is on', async () => {
    const request = vi.fn(async () => undefined);
    HTMLElement.prototype.requestFullscreen = request;
    openAudience();
    const button = screen.getByRole('button', { name: v.fullscreen });
    fireEvent.click(button);
    expect(request).toHaveBeenCalled();
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('the control view', () => {
  const t = deckStrings('nl');
  const islandCard = roomCard({ perspectives: {} });
  let sessionId = '';

  const snapshots = () =>
    heard.filter((m) => m.k === 'snapshot').map((m) => (m as { snapshot: AudienceSnapshot }).snapshot);
  // The presenter's own channel object does not hear itself: listen with another.
  let listener: BroadcastChannel;
  beforeEach(async () => {
    const db = await openKjk();
    sessionId = (
      await createRepo(db).sessions.create({
        kind: 'workshop',
        title: 'Zaal',
        team: '',
        date: '2026-12-01',
        lang: 'nl',
      })
    ).id;
    closeKjk(db);
    presenter.onmessage = null;
    listener = new BroadcastChannel(viewsChannelName(room));
    listener.onmessage = (e) => {
      const m = parseViewsMessage(e.data);
      if (m) heard.push(m);
    };
  });
  afterEach(() => listener.close());

  async function renderRoom(over: Partial<PresenterRoomProps> = {}) {
    const props: PresenterRoomProps = {
      sessionId,
      card: islandCard,
      t,
      joinHref: '/doe-mee/',
      showJoin: true,
      onShowJoin: vi.fn(),
      onEnded: vi.fn(),
      next: 'Doel of besparing',
      ...over,
    };
    const view = render(<PresenterRoom {...props} />);
    await screen.findAllByRole('button', { name: v.open });
    return view;
  }
  /** As the audience window does: hello until the control view answers (its channel opens after its first paint). */
  const audienceSaysHello = () =>
    waitFor(() => {
      presenter.postMessage({ k: 'hello', v: 1 });
      expect(screen.getByText(v.isOpen)).toBeTruthy();
    });
  const change = (state: RoomState) => act(() => fake.options?.onChange?.(state, 'open'));

  it('opens the audience window, becomes the control view on its hello, and keeps it in step', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue({ focus() {} } as Window);
    const view = await renderRoom();
    expect(screen.getByText(v.openHelp)).toBeTruthy();
    // One window: the big QR is on the laptop.
    expect(document.querySelector('.presenter-join')).not.toBeNull();
    // From the way in on the laptop, which covers the screen: the code moves to the projector.
    fireEvent.click(within(screen.getByRole('group', { name: r.qrTitle })).getByRole('button', { name: v.open }));
    expect(open).toHaveBeenCalledWith(`/zaal/scherm/#scherm=${room}`, AUDIENCE_WINDOW, expect.any(String));

    await audienceSaysHello();
    expect(screen.getByRole('button', { name: v.raise })).toBeTruthy();
    expect(screen.getByText(fill('nl', v.next, { title: 'Doel of besparing' }))).toBeTruthy();
    // The QR moved to the projector; the laptop says so.
    expect(document.querySelector('.presenter-join')).toBeNull();
    expect(screen.getByText(v.qrThere, { exact: false })).toBeTruthy();
    // The window that said hello got the view at once, with the way in.
    await waitFor(() =>
      expect(snapshots().at(-1)?.join?.url).toBe(`http://localhost:3000/doe-mee/#room=${room},${'k'.repeat(43)}`),
    );

    const [ann, bob] = [newParticipantId(), newParticipantId()];
    const state = [join(ann, 'p1', 'Ann'), join(bob, 'p2'), vote(ann, 'p1', 30)].reduce(roomReducer, initialRoom(A));
    change(state);
    // Who joined, for the presenter's eyes only.
    const people = await screen.findByRole('list', { name: fill('nl', v.joined, { n: 2 }) });
    expect(people.textContent).toContain('Ann');
    await waitFor(() => expect(snapshots().at(-1)).toMatchObject({ chosen: 1, joined: 2, revealed: false }));
    expect(JSON.stringify(snapshots())).not.toContain('Ann');
    expect(snapshots().filter((s) => 'spread' in s)).toEqual([]);

    change(roomReducer(state, { type: 'reveal' }));
    await waitFor(() => expect(snapshots().at(-1)).toMatchObject({ revealed: true, spread: [30] }));

    // The audience window went away: back to one window.
    presenter.postMessage({ k: 'bye', v: 1 });
    expect(await screen.findByText(v.openHelp)).toBeTruthy();
    // Leaving the presenter tells the projector the room is closed.
    view.unmount();
    await waitFor(() => expect(snapshots().at(-1)?.status).toBe('closed'));
    expect(snapshots().at(-1)).not.toHaveProperty('join');
  });

  it('on the last card says so; a blocked window says how to allow it', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    await renderRoom({ next: null, showJoin: false });
    fireEvent.click(screen.getByRole('button', { name: v.open }));
    expect(await screen.findByText(v.blocked)).toBeTruthy();
    await audienceSaysHello();
    expect(await screen.findByText(v.last)).toBeTruthy();
    expect(screen.getByText(r.nobody)).toBeTruthy();
  });
});
