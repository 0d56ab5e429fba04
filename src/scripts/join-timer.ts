/**
 * The presenter's timer (and a table's own timer, join-table.ts) on the phone, loaded with import() when the first timer message arrives
 * (most rooms never use one, and the join page's start-up JavaScript has a budget). It counts
 * down on the phone's own clock (lib/room/timer), wakes once a second, and makes the end clear:
 * "Tijd is om" on screen, one announcement for screen readers (not one per second), and a short
 * vibration where the phone has one and its owner did not ask for reduced motion.
 */
import { formatClock } from '../lib/deck/timer';
import { nextTickMs, phoneDone, phoneLeft, type PhoneTimer } from '../lib/room/timer';

/** The dictionary's `room.timer`. */
export interface TimerTexts {
  label: string;
  remaining: string;
  paused: string;
  done: string;
  /** A caption shown above the clock, which also names the box (a table's own timer). */
  caption?: string;
}

interface Shown {
  box: HTMLElement;
  caption: HTMLElement;
  /** The name for screen readers when no caption shows. */
  label: string;
  clock: HTMLElement;
  state: HTMLElement;
  end: HTMLElement;
  timer: PhoneTimer | null;
  wasDone: boolean;
  tick: ReturnType<typeof setTimeout> | null;
}

/** Each timer on the page by its key: 'room' (the presenter's), 'table' (the table's own). */
const shown = new Map<string, Shown>();
/** Captions asked for before (or after) a timer's box is built. */
const captions = new Map<string, string>();

function element(tag: string, className: string, text = ''): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

function build(where: HTMLElement, t: TimerTexts, key: string): Shown {
  const box = element('section', 'room-timer');
  box.setAttribute('role', 'group');
  // The presenter's box keeps `data-timer` (the table view moves it); others are told apart by key.
  if (key === 'room') box.dataset.timer = '';
  else box.dataset.timerFor = key;
  const caption = element('p', 'room-timer-caption');
  caption.id = `room-timer-${key}-caption`;
  const line = element('p', 'room-timer-clock');
  const clock = element('span', '');
  clock.dataset.clock = '';
  line.append(element('span', 'visually-hidden', `${t.remaining}: `), clock);
  const state = element('p', 'room-timer-state');
  // In the page from the start and empty, so the end is announced once when its words arrive.
  const end = element('p', 'room-timer-done');
  end.setAttribute('role', 'alert');
  box.append(caption, line, state, end);
  where.prepend(box);
  const s = { box, caption, label: t.label, clock, state, end, timer: null, wasDone: false, tick: null };
  setCaption(s, t.caption ?? captions.get(key) ?? null);
  return s;
}

/** A caption names the box for everyone; without one the box keeps its name for screen readers only. */
function setCaption(s: Shown, text: string | null) {
  s.caption.textContent = text ?? '';
  s.caption.hidden = text === null;
  if (text === null) {
    s.box.removeAttribute('aria-labelledby');
    s.box.setAttribute('aria-label', s.label);
  } else {
    s.box.removeAttribute('aria-label');
    s.box.setAttribute('aria-labelledby', s.caption.id);
  }
}

/**
 * Puts a visible caption on the timer `key` (null: takes it off), now and whenever it is built
 * again: at a table with its own timer the presenter's timer says it is the whole room's.
 */
export function captionTimer(key: string, text: string | null): void {
  if ((captions.get(key) ?? null) === text) return;
  if (text === null) captions.delete(key);
  else captions.set(key, text);
  const s = shown.get(key);
  if (s) setCaption(s, text);
}

function buzz() {
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  try {
    navigator.vibrate?.([200, 100, 200]);
  } catch {
    // Some browsers refuse without a tap first: the words on screen are enough.
  }
}

function draw(s: Shown, t: TimerTexts) {
  if (s.tick) clearTimeout(s.tick);
  s.tick = null;
  const timer = s.timer;
  if (!timer) return;
  const now = performance.now();
  s.box.hidden = timer.run === 'off';
  s.clock.textContent = formatClock(phoneLeft(timer, now));
  const done = phoneDone(timer, now);
  s.box.classList.toggle('is-done', done);
  s.state.textContent = !done && timer.run === 'paused' ? t.paused : '';
  if (done !== s.wasDone) {
    s.end.textContent = done ? t.done : '';
    if (done) buzz();
    s.wasDone = done;
  }
  const next = nextTickMs(timer, now);
  // A few milliseconds late, so the clock shows the new second when it wakes.
  if (next !== null) s.tick = setTimeout(() => draw(s, t), next + 5);
}

/**
 * Shows (or updates) the timer `key` at the top of `where`; a message with run "off" hides it.
 * Each key is its own box, clock and end, so the presenter's timer and a table's run side by side.
 */
export function showTimer(where: HTMLElement, timer: PhoneTimer, t: TimerTexts, key = 'room'): void {
  let s = shown.get(key);
  // Built again if the page replaced its part of the document.
  if (!s?.box.isConnected) {
    if (s?.tick) clearTimeout(s.tick);
    s = build(where, t, key);
    shown.set(key, s);
  }
  // A phone that joins after the end sees the end, without a vibration for something long past.
  if (s.timer === null && phoneDone(timer, performance.now())) s.wasDone = true;
  if (s.timer === null && s.wasDone) s.end.textContent = t.done;
  s.timer = timer;
  draw(s, t);
}

/** Takes the timer `key` off the page (a table's timer stopped, or the table ended). */
export function hideTimer(key: string): void {
  const s = shown.get(key);
  if (!s) return;
  if (s.tick) clearTimeout(s.tick);
  s.box.remove();
  shown.delete(key);
}
