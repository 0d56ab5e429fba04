/**
 * The co-facilitator's screens without a browser: the moderator page in every state (no link, a
 * damaged link, connecting, the list with its buttons by keyboard, empty, withdrawn, replaced,
 * closed, unreachable), and the control view's hand-over (QR, link, a device that says hello,
 * withdraw), with real keys and a fake room.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { t as dictionary } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { CoFacHandover } from '../../src/islands/room/CoFacHandover';
import CoFacView, { COFAC_STORAGE_KEY, CoFacScreen, type Screen } from '../../src/islands/room/CoFacView';
import { answersReducer, initialAnswers, receiveAnswer } from '../../src/lib/room/answers';
import {
  type CoFacLink,
  deriveCoFacKeys,
  formatCoFacFragment,
  newModerationKey,
  openNotice,
  parseCoFacFragment,
  signCommand,
} from '../../src/lib/room/cofac';
import type { CoFacDevice, CoFacView as DeviceView } from '../../src/lib/room/cofac-client';
import {
  exportRoomKey,
  importRoomKey,
  newParticipantId,
  newRoomId,
  newRoomKey,
  sealFrame,
} from '../../src/lib/room/crypto';
import type { PresenterRoom } from '../../src/lib/room/session';
import { exportVerifyKey, newSigningKeys } from '../../src/lib/room/sign';

const c = dictionary('nl').room.cofac;
const CARD = 'eigen-kracht-of-veiligheid';

afterEach(() => {
  location.hash = '';
  sessionStorage.clear();
  vi.restoreAllMocks();
});

async function roomLink() {
  const signing = await newSigningKeys();
  return {
    room: newRoomId(),
    key: await exportRoomKey(await newRoomKey()),
    pub: await exportVerifyKey(signing.publicKey),
  };
}

const queue = (answers: { id: number; text: string; shown: boolean; hi?: true }[], fresh = 1): Screen => ({
  phase: 'ready',
  queue: { k: 'queue', n: 1, question: 'Wat heb je nodig?', open: true, answers, total: answers.length, fresh },
});

describe('the moderator screen', () => {
  it('lists the answers with real labels and buttons that work by keyboard', () => {
    const onCommand = vi.fn();
    render(
      <CoFacScreen
        lang="nl"
        t={c}
        screen={queue([
          { id: 2, text: 'Meer tijd', shown: false },
          { id: 3, text: 'Vertrouwen', shown: true, hi: true },
        ])}
        onCommand={onCommand}
      />,
    );
    expect(screen.getByText(fill('nl', c.question, { question: 'Wat heb je nodig?' }))).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain(fill('nl', c.fresh, { n: 1 }));
    expect(screen.getByRole('status').textContent).toContain(fill('nl', c.count, { shown: 1, total: 2 }));
    const list = screen.getByRole('list', { name: c.answers });
    const [first, second] = within(list).getAllByRole('listitem');
    // Each button says what it does and which answer it is for.
    const show = within(first!).getByRole('button', { name: c.show });
    expect(show.getAttribute('aria-describedby')).toBe('cofac-answer-2');
    expect(document.getElementById('cofac-answer-2')?.textContent).toBe('Meer tijd');
    expect(within(first!).getByText(c.isHidden)).toBeTruthy();
    expect(within(second!).getByText(c.isHighlighted)).toBeTruthy();
    expect(within(second!).getByRole('button', { name: c.highlight }).getAttribute('aria-pressed')).toBe('true');
    // Buttons are buttons: focusable, and Enter or space clicks them (a click is what the keyboard gives).
    show.focus();
    expect(document.activeElement).toBe(show);
    fireEvent.click(show);
    fireEvent.click(within(second!).getByRole('button', { name: c.hide }));
    fireEvent.click(within(first!).getByRole('button', { name: c.highlight }));
    expect(onCommand.mock.calls).toEqual([
      ['show', 2],
      ['hide', 3],
      ['highlight', 2],
    ]);
  });

  it('says when there is no question or no answer yet', () => {
    const { rerender } = render(
      <CoFacScreen
        lang="nl"
        t={c}
        screen={{
          phase: 'ready',
          queue: { k: 'queue', n: 1, question: null, open: false, answers: [], total: 0, fresh: 0 },
        }}
        onCommand={() => {}}
      />,
    );
    expect(screen.getByText(c.noQuestion)).toBeTruthy();
    rerender(<CoFacScreen lang="nl" t={c} screen={queue([], 0)} onCommand={() => {}} />);
    expect(screen.getByText(c.empty)).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it.each([
    ['withdrawn', c.ended],
    ['replaced', c.replaced],
    ['closed', c.closed],
    ['unreachable', c.unreachable],
    ['no-link', c.noLink],
    ['bad-link', c.badLink],
    ['no-relay', c.noRelay],
  ] as const)('in state %s says so plainly, without the list or a button', (phase, text) => {
    render(<CoFacScreen lang="nl" t={c} screen={{ phase, queue: null } as Screen} onCommand={() => {}} />);
    expect(screen.getByRole('alert').textContent).toBe(text);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('connects with the link from the address, keeps it in this tab only, and follows the device', async () => {
    const link: CoFacLink = { ...(await roomLink()), mod: newModerationKey() };
    location.hash = formatCoFacFragment(link);
    let push: (view: DeviceView) => void = () => {};
    const command = vi.fn(async () => true);
    const stop = vi.fn();
    const join = vi.fn(async (_link: CoFacLink, onChange: (view: DeviceView) => void) => {
      push = onChange;
      return { view: () => ({ phase: 'connecting', queue: null }), command, stop } as CoFacDevice;
    });
    const { unmount } = render(<CoFacView lang="nl" t={c} join={join} />);
    expect(screen.getByRole('status').textContent).toBe(c.connecting);
    await waitFor(() => expect(join).toHaveBeenCalled());
    expect(join.mock.calls[0]![0]).toEqual({ ok: true, ...link });
    // The key left the address, and stays for a reload of this tab.
    expect(location.hash).toBe('');
    expect(parseCoFacFragment(sessionStorage.getItem(COFAC_STORAGE_KEY)!)).toEqual({ ok: true, ...link });
    act(() => push(queue([{ id: 4, text: 'Rust', shown: false }]) as DeviceView));
    fireEvent.click(await screen.findByRole('button', { name: c.show }));
    expect(command).toHaveBeenCalledWith('show', 4);
    act(() => push({ phase: 'withdrawn', queue: null }));
    expect(screen.getByRole('alert').textContent).toBe(c.ended);
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    expect(stop).toHaveBeenCalled();
  });

  it('without a link, or with a damaged one, says what to do', async () => {
    const join = vi.fn();
    const { unmount } = render(<CoFacView lang="nl" t={c} join={join} />);
    expect((await screen.findByRole('alert')).textContent).toBe(c.noLink);
    unmount();
    location.hash = '#mod=broken';
    render(<CoFacView lang="nl" t={c} join={join} />);
    expect((await screen.findByRole('alert')).textContent).toBe(c.badLink);
    expect(join).not.toHaveBeenCalled();
  });

  it('a room that cannot be reached says so', async () => {
    location.hash = formatCoFacFragment({ ...(await roomLink()), mod: newModerationKey() });
    render(<CoFacView lang="nl" t={c} join={() => Promise.reject(new Error('offline'))} />);
    expect((await screen.findByRole('alert')).textContent).toBe(c.unreachable);
  });
});

describe('the hand-over on the control view', () => {
  async function fakeRoom() {
    const link = await roomLink();
    const sent: { peer: string; message: object }[] = [];
    let other: ((peer: string, frame: unknown) => Promise<void> | void) | null = null;
    let left: ((peer: string) => void) | null = null;
    const answers = vi.fn();
    let state = answersReducer(initialAnswers(), { type: 'ask', card: CARD, text: 'Wat heb je nodig?' });
    state = receiveAnswer(state, newParticipantId(), 1, 'Meer tijd');
    const room = {
      link,
      state: () => ({ answers: state }),
      onOther: (h: typeof other) => {
        other = h;
      },
      sendTo: async (peer: string, message: object) => {
        sent.push({ peer, message });
      },
      onPeerLeft: (h: typeof left) => {
        left = h;
      },
      answers,
    } as unknown as PresenterRoom;
    return {
      link,
      room,
      sent,
      answers,
      state,
      up: (peer: string, frame: unknown) => other?.(peer, frame),
      leave: (peer: string) => left?.(peer),
    };
  }

  it('shows a QR and the link, sees the device arrive, sends it the queue, and withdraws', async () => {
    const f = await fakeRoom();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<CoFacHandover lang="nl" t={c} room={f.room} answers={f.state} />);
    expect(screen.getByRole('heading', { name: c.title })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: c.handOver }));
    expect(await screen.findByRole('img', { name: c.qrLabel })).toBeTruthy();
    const input = screen.getByRole('textbox', { name: c.link }) as HTMLInputElement;
    const url = new URL(input.value);
    expect(url.pathname).toBe('/zaal/moderator/');
    expect(url.search).toBe('');
    const parsed = parseCoFacFragment(url.hash);
    if (!parsed.ok) throw new Error('no link in the QR');
    expect(parsed.room).toBe(f.link.room);
    expect(screen.getByRole('status').textContent).toBe(c.waiting);
    fireEvent.click(screen.getByRole('button', { name: c.copy }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain(c.copied));
    expect(writeText).toHaveBeenCalledWith(input.value);

    // The device says hello under the moderation key, sealed as any phone frame.
    const keys = await deriveCoFacKeys(parsed.mod, parsed.room);
    const key = (await importRoomKey(parsed.key))!;
    const hello = await signCommand(keys, parsed.room, { n: Date.now(), c: 'hello' });
    await act(async () => {
      await f.up('device', await sealFrame(key, parsed.room, 'up', hello));
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(c.here));
    expect(f.sent).toHaveLength(1);
    expect(f.sent[0]!.peer).toBe('device');
    const notice = await openNotice(keys, parsed.room, f.sent[0]!.message);
    expect(notice).toMatchObject({ k: 'queue', answers: [{ text: 'Meer tijd', shown: false }] });

    // A show from the device goes to the room's own moderation.
    const show = await signCommand(keys, parsed.room, { n: Date.now() + 1, c: 'show', id: 2 });
    await act(async () => {
      await f.up('device', await sealFrame(key, parsed.room, 'up', show));
    });
    expect(f.answers).toHaveBeenCalledWith({ type: 'show', id: 2 });

    // Another socket leaving changes nothing; the device's own socket leaving: waiting for it again.
    act(() => f.leave('a-phone'));
    expect(screen.getByRole('status').textContent).toBe(c.here);
    act(() => f.leave('device'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(c.waiting));
    const back = await signCommand(keys, parsed.room, { n: Date.now() + 2, c: 'hello' });
    await act(async () => {
      await f.up('device-again', await sealFrame(key, parsed.room, 'up', back));
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(c.here));

    fireEvent.click(screen.getByRole('button', { name: c.withdraw }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(c.withdrawn));
    expect(await openNotice(keys, parsed.room, f.sent.at(-1)!.message)).toMatchObject({ k: 'withdrawn' });
    expect(screen.queryByRole('img')).toBeNull();
    // Handing over again is one click.
    expect(screen.getByRole('button', { name: c.handOver })).toBeTruthy();
  });

  it('a new link replaces the old one', async () => {
    const f = await fakeRoom();
    render(<CoFacHandover lang="nl" t={c} room={f.room} answers={f.state} />);
    fireEvent.click(screen.getByRole('button', { name: c.handOver }));
    const first = ((await screen.findByRole('textbox', { name: c.link })) as HTMLInputElement).value;
    fireEvent.click(screen.getByRole('button', { name: c.again }));
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: c.link }) as HTMLInputElement).value).not.toBe(first),
    );
    expect(screen.getByRole('button', { name: c.again }).getAttribute('aria-describedby')).toBe('cofac-again-help');
  });
});
