/**
 * The presenter's timer on the phone (src/scripts/join-timer.ts) in happy-dom, on fake timers:
 * it counts down on the phone's clock, stands still when paused, says "Tijd is om" once (an
 * alert, not one announcement a second), vibrates unless reduced motion is asked for, and hides
 * when the presenter puts the timer away.
 */
import { screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { t as dictionary } from '../../src/i18n';
import { phoneTimer, TIMER_OFF } from '../../src/lib/room/timer';
import { showTimer } from '../../src/scripts/join-timer';

const t = dictionary('nl').room.timer;
let vibrate: ReturnType<typeof vi.fn>;
let reduced = false;
let live: HTMLElement;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
  vibrate = vi.fn(() => true);
  reduced = false;
  Object.defineProperty(navigator, 'vibrate', { value: vibrate, configurable: true });
  vi.stubGlobal('matchMedia', (q: string) => ({ matches: reduced && q.includes('reduce') }));
  live = document.createElement('div');
  document.body.append(live);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  live.remove();
});

const clock = () => live.querySelector('[data-clock]')?.textContent;
const running = (leftMs: number) => phoneTimer({ run: 'running', leftMs, totalMs: 300_000 }, performance.now());

describe('the timer on the phone', () => {
  it('counts down on its own clock and makes the end clear once', () => {
    showTimer(live, running(3_500), t);
    const group = screen.getByRole('group', { name: t.label });
    expect(group.hidden).toBe(false);
    expect(clock()).toBe('0:04');
    expect(screen.getByRole('alert').textContent).toBe('');
    vi.advanceTimersByTime(600);
    expect(clock()).toBe('0:03');
    vi.advanceTimersByTime(3_000);
    expect(clock()).toBe('0:00');
    expect(screen.getByRole('alert').textContent).toBe(t.done);
    expect(group.classList.contains('is-done')).toBe(true);
    expect(vibrate).toHaveBeenCalledOnce();
    // Nothing more wakes it after the end: no announcement or vibration repeats.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stands still when paused, and says so', () => {
    showTimer(live, phoneTimer({ run: 'paused', leftMs: 125_000, totalMs: 300_000 }, performance.now()), t);
    vi.advanceTimersByTime(10_000);
    expect(clock()).toBe('2:05');
    expect(screen.getByText(t.paused)).toBeTruthy();
    showTimer(live, running(125_000), t);
    expect(screen.queryByText(t.paused)).toBeNull();
  });

  it('does not vibrate when the phone asks for reduced motion', () => {
    reduced = true;
    showTimer(live, running(1_000), t);
    vi.advanceTimersByTime(1_100);
    expect(screen.getByRole('alert').textContent).toBe(t.done);
    expect(vibrate).not.toHaveBeenCalled();
  });

  it('shows a phone that joins after the end the end, without a vibration', () => {
    showTimer(live, phoneTimer({ run: 'paused', leftMs: 0, totalMs: 60_000 }, performance.now()), t);
    expect(screen.getByRole('alert').textContent).toBe(t.done);
    expect(vibrate).not.toHaveBeenCalled();
  });

  it('hides when the presenter puts the timer away, and clears the end when started again', () => {
    showTimer(live, running(500), t);
    vi.advanceTimersByTime(600);
    expect(screen.getByRole('alert').textContent).toBe(t.done);
    showTimer(live, phoneTimer(TIMER_OFF, performance.now()), t);
    expect(live.querySelector<HTMLElement>('[data-timer]')?.hidden).toBe(true);
    showTimer(live, running(60_000), t);
    expect(live.querySelector<HTMLElement>('[data-timer]')?.hidden).toBe(false);
    expect(screen.getByRole('alert').textContent).toBe('');
    expect(clock()).toBe('1:00');
  });
});
