// @vitest-environment happy-dom
/**
 * The join page's tiny entry (src/scripts/join-entry.ts): the join code loads after the first
 * screen (when it starts: tests/unit/after-paint.test.ts), so a form sent before it arrives must be held (a native send would reload the page and
 * lose the #room= link) and sent once the page's own handlers listen; when the code cannot be
 * fetched, sending reloads the page instead of doing nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The join code as the entry meets it: failing `fail` times, then listening once `release` runs. */
function mockJoin(fail = 0) {
  const join = { imports: 0, release: (): void => undefined };
  vi.doMock('../../src/scripts/join', async () => {
    join.imports += 1;
    if (join.imports <= fail) throw new Error('Importing a module script failed.');
    return { started: new Promise<void>((resolve) => (join.release = resolve)) };
  });
  return join;
}

function form() {
  document.body.innerHTML = '<form><button type="submit">Doe mee</button></form>';
  const el = document.querySelector('form')!;
  const sent = vi.fn((e: Event) => e.preventDefault());
  return { el, sent, send: () => el.requestSubmit() };
}

beforeEach(() => vi.resetModules());
afterEach(() => {
  vi.doUnmock('../../src/scripts/join');
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the join entry', () => {
  it('holds a form sent before the join code listens, and sends it once it does', async () => {
    const join = mockJoin();
    const { el, sent, send } = form();
    await import('../../src/scripts/join-entry');
    const early = new Event('submit', { cancelable: true, bubbles: true });
    el.dispatchEvent(early);
    expect(early.defaultPrevented).toBe(true);
    // The page's code arrives and starts listening: the held form is sent to it, once.
    el.addEventListener('submit', sent);
    await vi.waitFor(() => expect(join.imports).toBe(1));
    join.release();
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
    // From now on the page's own handler alone decides.
    send();
    expect(sent).toHaveBeenCalledTimes(2);
  });

  it('takes over the forms the page held before it arrived, and sends them once the join code listens', async () => {
    const join = mockJoin();
    const { el, sent } = form();
    const { startAfterPaint, HAND_OVER_EVENT } = await import('../../src/scripts/after-paint');
    startAfterPaint(HAND_OVER_EVENT);
    const tapped = new Event('submit', { cancelable: true, bubbles: true });
    el.dispatchEvent(tapped);
    expect(tapped.defaultPrevented).toBe(true);
    el.addEventListener('submit', sent);
    await import('../../src/scripts/join-entry');
    await vi.waitFor(() => expect(join.imports).toBe(1));
    expect(sent).not.toHaveBeenCalled();
    join.release();
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
  });

  it('tries a failed fetch again, and after the last try a send reloads the page', async () => {
    vi.useFakeTimers();
    const join = mockJoin(3);
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => undefined);
    const { el } = form();
    await import('../../src/scripts/join-entry');
    await vi.waitFor(async () => {
      await vi.advanceTimersByTimeAsync(500);
      expect(join.imports).toBe(3);
    });
    await vi.advanceTimersByTimeAsync(0);
    el.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
