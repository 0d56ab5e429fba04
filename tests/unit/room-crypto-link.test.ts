// @vitest-environment happy-dom
/**
 * The room link on the join page (src/scripts/join-link.ts): read from the fragment once, kept in
 * this tab's sessionStorage, taken out of the address; found again after a reload; forgotten
 * when the room ended.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatRoomFragment, ROOM_LINK_STORAGE_KEY } from '../../src/lib/room/fragment';
import { newRoomId } from '../../src/lib/room/crypto';
import { forgetRoomLink, keepRoomLink, takeRoomLink } from '../../src/scripts/join-link';
import { randomToken } from '../../src/lib/room/wire';

const link = { room: newRoomId(), key: randomToken(32), pub: `B${randomToken(64)}` };
const fragment = formatRoomFragment(link);

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
  history.replaceState(null, '', '/doe-mee/');
});

describe('the join page keeps the room link out of the address bar', () => {
  it('reads the fragment once, keeps it in sessionStorage and removes it from the address', () => {
    history.replaceState({ kept: 1 }, '', `/doe-mee/?blik=jongere${fragment}`);
    expect(takeRoomLink()).toEqual({ ok: true, ...link });
    expect(location.hash).toBe('');
    // The rest of the address (the lens) and the history state stay.
    expect(location.search).toBe('?blik=jongere');
    expect(history.state).toEqual({ kept: 1 });
    expect(sessionStorage.getItem(ROOM_LINK_STORAGE_KEY)).toBe(fragment);
  });

  it('finds the stored link after a reload without a fragment', () => {
    history.replaceState(null, '', `/doe-mee/${fragment}`);
    takeRoomLink();
    history.replaceState(null, '', '/en/join/');
    expect(takeRoomLink()).toEqual({ ok: true, ...link });
  });

  it('a new link in the address replaces the stored one', () => {
    keepRoomLink({ ...link, room: newRoomId() });
    history.replaceState(null, '', `/doe-mee/${fragment}`);
    expect(takeRoomLink()).toEqual({ ok: true, ...link });
    expect(sessionStorage.getItem(ROOM_LINK_STORAGE_KEY)).toBe(fragment);
  });

  it('leaves a damaged link in the address and says what is wrong; stores nothing', () => {
    history.replaceState(null, '', '/doe-mee/#room=abc');
    expect(takeRoomLink()).toEqual({ ok: false, error: 'room' });
    expect(location.hash).toBe('#room=abc');
    expect(sessionStorage.getItem(ROOM_LINK_STORAGE_KEY)).toBeNull();
  });

  it('is "missing" with nothing in the address or storage, and with junk in storage', () => {
    expect(takeRoomLink()).toEqual({ ok: false, error: 'missing' });
    sessionStorage.setItem(ROOM_LINK_STORAGE_KEY, '#room=nonsense');
    expect(takeRoomLink()).toEqual({ ok: false, error: 'missing' });
    history.replaceState(null, '', '/doe-mee/#kaart=3');
    expect(takeRoomLink()).toEqual({ ok: false, error: 'missing' });
  });

  it('forgets the link when the room ended', () => {
    keepRoomLink(link);
    forgetRoomLink();
    expect(takeRoomLink()).toEqual({ ok: false, error: 'missing' });
  });

  it('without storage (private mode) still joins from the address', () => {
    const refuse = () => {
      throw new Error('SecurityError');
    };
    vi.stubGlobal('sessionStorage', { getItem: refuse, setItem: refuse, removeItem: refuse });
    history.replaceState(null, '', `/doe-mee/${fragment}`);
    expect(takeRoomLink()).toEqual({ ok: true, ...link });
    expect(location.hash).toBe('');
    expect(takeRoomLink()).toEqual({ ok: false, error: 'missing' });
    expect(() => forgetRoomLink()).not.toThrow();
  });
});
