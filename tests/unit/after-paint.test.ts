// @vitest-environment happy-dom
/**
 * The join page's loader (src/scripts/after-paint.ts): the scripts waiting in
 * <template data-after-paint> join the page only once its first contentful paint is reported, a
 * task later and once; a hidden tab starts at once; an engine without paint timing starts a frame
 * after the load event; a form sent before then is held and handed over; and the inline source is
 * the same function.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AFTER_PAINT_SCRIPT, HAND_OVER_EVENT, startAfterPaint } from '../../src/scripts/after-paint';

type Listener = (list: { getEntriesByName(name: string): unknown[] }, observer: { disconnect(): void }) => void;

/** A PerformanceObserver that reports paint entries when the test says so. */
function fakePaintTiming(supported = true) {
  const seen = { options: [] as unknown[], report: (_name: string): void => undefined, disconnected: 0 };
  class Observer {
    static supportedEntryTypes = supported ? ['paint', 'navigation'] : ['navigation'];
    constructor(private readonly listener: Listener) {
      seen.report = (name) => this.listener({ getEntriesByName: (n) => (n === name ? [{ name }] : []) }, this);
    }
    observe(options: unknown) {
      seen.options.push(options);
    }
    disconnect() {
      seen.disconnected += 1;
    }
  }
  vi.stubGlobal('PerformanceObserver', Observer);
  return seen;
}

/** A page with two waiting parts; `started()` counts what joined the page's body. */
function page() {
  document.body.innerHTML =
    '<template data-after-paint><p class="part">one</p></template><main></main><template data-after-paint><p class="part">two</p></template><template><p class="part">other</p></template>';
  return { started: () => [...document.body.querySelectorAll(':scope > .part')].map((p) => p.textContent) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve));

/** The page's first script takes the held forms (every loader a test started lets go of them). */
function handOver() {
  const taken: EventTarget[] = [];
  document.dispatchEvent(new CustomEvent(HAND_OVER_EVENT, { detail: (form: EventTarget) => taken.push(form) }));
  return taken;
}

afterEach(async () => {
  vi.useRealTimers();
  handOver();
  // Every loader a test left waiting starts now, into this test's page: none starts in the next.
  document.dispatchEvent(new Event('visibilitychange'));
  await tick();
  await tick();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the after-paint loader', () => {
  it('starts the waiting parts only after the first contentful paint, once', async () => {
    const paint = fakePaintTiming();
    const { started } = page();
    startAfterPaint(HAND_OVER_EVENT);
    expect(paint.options).toEqual([{ type: 'paint', buffered: true }]);
    paint.report('first-paint');
    await tick();
    expect(started()).toEqual([]);
    paint.report('first-contentful-paint');
    expect(started()).toEqual([]); // a task later, not inside the report
    await tick();
    expect(started()).toEqual(['one', 'two']);
    expect(paint.disconnected).toBe(1);
    // Coming back into view, or the load event's safety net, starts nothing twice.
    document.dispatchEvent(new Event('visibilitychange'));
    await tick();
    expect(started()).toEqual(['one', 'two']);
  });

  it('starts at once in a hidden tab, which paints nothing', async () => {
    fakePaintTiming();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const { started } = page();
    startAfterPaint(HAND_OVER_EVENT);
    await tick();
    expect(started()).toEqual(['one', 'two']);
  });

  it('starts when the tab is hidden before it painted', async () => {
    fakePaintTiming();
    const { started } = page();
    startAfterPaint(HAND_OVER_EVENT);
    document.dispatchEvent(new Event('visibilitychange'));
    await tick();
    expect(started()).toEqual(['one', 'two']);
  });

  it('without paint timing: a frame after the load event', async () => {
    const paint = fakePaintTiming(false);
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb));
    const { started } = page();
    startAfterPaint(HAND_OVER_EVENT);
    expect(paint.options).toEqual([]);
    await tick();
    expect(started()).toEqual([]);
    window.dispatchEvent(new Event('load'));
    await tick();
    expect(started()).toEqual([]);
    frames[0]!(performance.now());
    await tick(); // a task after the frame,
    await tick(); // and the start's own task
    expect(started()).toEqual(['one', 'two']);
  });

  it('holds a form sent before the scripts take over, and hands it over to them', async () => {
    fakePaintTiming();
    document.body.innerHTML = '<form><input name="naam"><button>Doe mee</button></form>';
    const form = document.querySelector('form')!;
    const native = vi.fn();
    form.addEventListener('submit', native);
    startAfterPaint(HAND_OVER_EVENT);
    const early = new Event('submit', { cancelable: true, bubbles: true });
    form.dispatchEvent(early);
    form.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
    // Not sent natively (the page would reload without its #room= link), nor to a handler yet.
    expect(early.defaultPrevented).toBe(true);
    expect(native).not.toHaveBeenCalled();
    expect(handOver()).toEqual([form]);
    // Handed over: the loader holds nothing any more.
    const later = new Event('submit', { cancelable: true, bubbles: true });
    form.dispatchEvent(later);
    expect(later.defaultPrevented).toBe(false);
    expect(native).toHaveBeenCalledTimes(1);
  });

  it('reloads at the next tap when the script that takes the forms cannot be fetched', async () => {
    const paint = fakePaintTiming();
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => undefined);
    document.body.innerHTML =
      '<form><button>Doe mee</button></form><template data-after-paint data-takes-forms><script type="text/x-inert" src="/_astro/join-entry.js"></script></template><template data-after-paint><script type="text/x-inert" src="/_astro/pwa.js"></script></template>';
    const form = document.querySelector('form')!;
    startAfterPaint(HAND_OVER_EVENT);
    paint.report('first-contentful-paint');
    await vi.waitFor(() => expect(document.body.querySelectorAll(':scope > script')).toHaveLength(2));
    const [entry, pwa] = document.body.querySelectorAll<HTMLScriptElement>(':scope > script');
    // The service worker's script failing changes nothing for the forms.
    pwa!.dispatchEvent(new Event('error'));
    const first = new Event('submit', { cancelable: true, bubbles: true });
    form.dispatchEvent(first);
    expect(first.defaultPrevented).toBe(true);
    // The entry failing: the form held so far reloads the page (the link is still in the address).
    entry!.dispatchEvent(new Event('error'));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('starts 3 s after the load event when the paint is never reported', async () => {
    vi.useFakeTimers();
    fakePaintTiming();
    const { started } = page();
    startAfterPaint(HAND_OVER_EVENT);
    window.dispatchEvent(new Event('load'));
    await vi.advanceTimersByTimeAsync(2900);
    expect(started()).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(started()).toEqual(['one', 'two']);
  });

  it('runs as inlined: the same function, with nothing from outside it', async () => {
    expect(AFTER_PAINT_SCRIPT.endsWith(`)(${JSON.stringify(HAND_OVER_EVENT)})`)).toBe(true);
    const paint = fakePaintTiming();
    const { started } = page();
    new Function(AFTER_PAINT_SCRIPT)();
    paint.report('first-contentful-paint');
    await tick();
    expect(started()).toEqual(['one', 'two']);
  });
});
