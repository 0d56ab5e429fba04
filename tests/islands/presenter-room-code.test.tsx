/**
 * The typed code on the presenter's screen (issue #24, item 1), without a relay: a fake room stands
 * in for session.ts. The code shows under the QR with the address; a phone that knows it gets the
 * room's secrets and a token the presenter granted first; a wrong code gets nothing; a code taken
 * at the relay or retired is replaced at once; no code at all is said.
 */
import { act, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { t as dictionary } from '../../src/i18n';
import type { PresenterRoomProps } from '../../src/islands/room/PresenterRoom';
import PresenterRoom from '../../src/islands/room/PresenterRoom';
import type { IslandCard } from '../../src/islands/types';
import { exportRoomKey, joinTokenHash, newRoomId, newRoomKey } from '../../src/lib/room/crypto';
import { parseCode } from '../../src/lib/room/pake/code';
import { startCodeJoin } from '../../src/lib/room/pake/handshake';
import type { CodeHandlers, Reply } from '../../src/lib/room/session';
import { exportVerifyKey, newSigningKeys } from '../../src/lib/room/sign';
import { unpackGrant } from '../../src/lib/room/grant';
import { bytesToBase64url } from '../../src/lib/room/wire';
import { deckStrings } from '../../src/views/island-strings';

const fake = vi.hoisted(() => ({
  link: { room: '', key: '', pub: '' },
  handlers: null as null | CodeHandlers,
  /** What the relay answers to each code-open, in turn (then ok). */
  answers: [] as Reply[],
  opened: [] as string[],
  sent: [] as { peer: string; message: Record<string, unknown> }[],
  granted: [] as string[],
}));
vi.mock('../../src/lib/room/config', () => ({
  relayConfig: () => ({ origin: 'https://relay.test', path: '/socket.io' }),
}));
vi.mock('../../src/lib/room/session', async () => {
  const { fakeRoomHandle } = await import('../support/fake-room');
  return {
    openPresenterRoom: async () =>
      fakeRoomHandle({
        link: fake.link,
        fragment: `#room=${fake.link.room},${fake.link.key},${fake.link.pub}`,
        grant: async (proof: string) => {
          fake.granted.push(proof);
          return true;
        },
        openCode: async (nameplate: string) => {
          fake.opened.push(nameplate);
          return fake.answers.shift() ?? { ok: true };
        },
        closeCode: async () => undefined,
        onCode: (h: CodeHandlers) => {
          fake.handlers = h;
        },
        sendCode: (peer: string, message: Record<string, unknown>) => fake.sent.push({ peer, message }),
      }),
  };
});

const r = dictionary('nl').room;
const t = deckStrings('nl');
const card = {
  id: 'kaart',
  number: 1,
  kind: 'dilemma',
  theme: 'visies',
  title: 'Kaart',
  summary: '',
  questions: [],
  href: '/kaarten/1/',
  poles: [
    { label: 'A', protects: '' },
    { label: 'B', protects: '' },
  ],
  perspectives: { professional: [], jongere: [], ouder: [], netwerk: [] },
} as unknown as IslandCard;

function renderRoom() {
  const props: PresenterRoomProps = {
    sessionId: 'sessie',
    card,
    t,
    joinHref: '/doe-mee/',
    showJoin: true,
    onShowJoin: vi.fn(),
    onEnded: vi.fn(),
  };
  return render(<PresenterRoom {...props} />);
}

const shownCode = async () => (await screen.findByText(/^[A-Z0-9]{4} [A-Z0-9]{4}$/)).textContent ?? '';

/** The last message the presenter sent. */
const lastSent = () => fake.sent.at(-1)?.message;

beforeEach(async () => {
  const key = await newRoomKey();
  Object.assign(fake, {
    link: {
      room: newRoomId(),
      key: await exportRoomKey(key),
      pub: await exportVerifyKey((await newSigningKeys()).publicKey),
    },
    handlers: null,
    answers: [],
    opened: [],
    sent: [],
    granted: [],
  });
});

describe('PresenterRoom: the typed code', () => {
  it('shows the code big under the QR with the address; the right code gets the room and a granted token', async () => {
    renderRoom();
    const text = await shownCode();
    expect(screen.getByText(r.code.shown)).toBeTruthy();
    expect(screen.getByText(`${location.host}/doe-mee/`)).toBeTruthy();
    const code = parseCode(text.toLowerCase());
    if (!code.ok) throw new Error(`not a code: ${text}`);
    expect(fake.opened).toEqual([code.nameplate]);

    const join = startCodeJoin(code);
    act(() => fake.handlers?.message('phone-1', JSON.stringify(join.hello)));
    const confirm = join.onReply(lastSent());
    if (!confirm.ok) throw new Error(confirm.error);
    await act(async () => fake.handlers?.message('phone-1', JSON.stringify(confirm.value)));
    await waitFor(() => expect(lastSent()?.t).toBe('code-secrets'));
    expect(fake.sent.map((s) => s.peer)).toEqual(['phone-1', 'phone-1']);
    const secrets = await join.onSecrets(lastSent());
    if (!secrets.ok) throw new Error(secrets.error);
    expect(secrets.value.roomId).toBe(fake.link.room);
    expect(bytesToBase64url(secrets.value.roomKey)).toBe(fake.link.key);
    // The token's hash reached the relay before the token left; the presenter's public key went with it.
    const grant = unpackGrant(secrets.value.joinProof);
    expect(grant?.pub).toBe(fake.link.pub);
    expect(fake.granted).toEqual([await joinTokenHash(grant!.token)]);
  });

  it('a wrong code gets an answer it cannot use, and no secrets; a confirmation from another socket counts for nothing', async () => {
    renderRoom();
    const code = parseCode(await shownCode());
    if (!code.ok) throw new Error('no code');
    const wrong = startCodeJoin({ ...code, password: code.password === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA' });
    act(() => fake.handlers?.message('phone-1', JSON.stringify(wrong.hello)));
    expect(wrong.onReply(lastSent())).toEqual({ ok: false, error: 'confirm' });

    const right = startCodeJoin(code);
    act(() => fake.handlers?.message('phone-2', JSON.stringify(right.hello)));
    const confirm = right.onReply(lastSent());
    if (!confirm.ok) throw new Error(confirm.error);
    await act(async () => fake.handlers?.message('phone-3', JSON.stringify(confirm.value)));
    // Noise is ignored too.
    await act(async () => fake.handlers?.message('phone-3', '{"t":'));
    expect(fake.sent.map((s) => s.message.t)).toEqual(['code-reply', 'code-reply']);
    expect(fake.granted).toEqual([]);
  });

  it('draws another code when the nameplate is taken, and a new one at once when the code is lost', async () => {
    fake.answers = [{ ok: false, error: 'taken' }];
    renderRoom();
    const first = await shownCode();
    expect(fake.opened).toHaveLength(2);
    expect(fake.opened[1]).toBe(first.slice(0, 2));
    act(() => fake.handlers?.lost());
    await waitFor(() => expect(fake.opened).toHaveLength(3));
    // The code shown is the one whose nameplate was opened last.
    await waitFor(async () => expect((await shownCode()).slice(0, 2)).toBe(fake.opened[2]));
    // Not retired for wrong tries: no "new code" notice.
    expect(screen.queryByText(r.code.renewed)).toBeNull();
    expect(screen.getByText(r.code.shown)).toBeTruthy();
  });

  it('retires a code after too many wrong tries and shows the next one', async () => {
    renderRoom();
    const code = parseCode(await shownCode());
    if (!code.ok) throw new Error('no code');
    for (let i = 0; i < 10; i++) {
      const wrong = startCodeJoin({ ...code, password: 'ACDEFG'.slice(i % 6) + 'HJKMNP'.slice(0, i % 6) });
      act(() => fake.handlers?.message(`phone-${i}`, JSON.stringify(wrong.hello)));
      const sid = (lastSent() as { sid: string }).sid;
      const tag = bytesToBase64url(new Uint8Array(64));
      await act(async () =>
        fake.handlers?.message(`phone-${i}`, JSON.stringify({ t: 'code-confirm', v: 1, sid, tag })),
      );
    }
    await waitFor(() => expect(fake.opened).toHaveLength(2));
    expect(await screen.findByText(r.code.renewed)).toBeTruthy();
  });

  it('says there is no code when the relay refuses every nameplate', async () => {
    fake.answers = [{ ok: false, error: 'limit' }];
    renderRoom();
    expect(await screen.findByText(r.code.none)).toBeTruthy();
  });
});
