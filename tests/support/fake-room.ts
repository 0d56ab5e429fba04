/**
 * What `openPresenterRoom` hands the presenter's islands, without a relay: every command a spy,
 * an empty room that stays open. Island tests mock `src/lib/room/session` with it and add or
 * replace only what they look at.
 */
import { vi } from 'vitest';
import { initialRoom } from '../../src/lib/room/reducer';

export function fakeRoomHandle<T extends object = object>(extra?: T) {
  const handle = {
    setCard: vi.fn(),
    reveal: vi.fn(),
    close: vi.fn(async () => undefined),
    stop: vi.fn(),
    fragment: '#room=abc,key',
    link: {} as object,
    state: () => initialRoom(),
    status: (): string => 'open',
  };
  return Object.assign(handle, extra) as typeof handle & T;
}
