import { act, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { t } from '../../src/i18n';
import { timerFor, type TimerState } from '../../src/lib/deck/timer';
import { Timer } from '../../src/islands/Timer';
import type { DeckStrings } from '../../src/islands/types';

const strings = { lang: 'nl', deck: t('nl').deck } as DeckStrings;

function Harness({ initial }: { initial: TimerState }) {
  const [timer, setTimer] = useState(initial);
  return <Timer timer={timer} onChange={setTimer} t={strings} />;
}

describe('Timer island', () => {
  it('starts, pauses and resumes with one button, and says so', () => {
    vi.useFakeTimers();
    try {
      render(<Harness initial={timerFor(5)} />);
      expect(screen.getByText('5:00', { exact: false })).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: strings.deck.timer.start }));
      act(() => {
        vi.advanceTimersByTime(2_000);
      });
      fireEvent.click(screen.getByRole('button', { name: strings.deck.timer.pause }));
      expect(screen.getByRole('button', { name: strings.deck.timer.resume })).toBeTruthy();
      expect(screen.getByText('4:58', { exact: false })).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('announces the end in its alert region and offers a reset', () => {
    vi.useFakeTimers();
    try {
      render(<Harness initial={timerFor(1)} />);
      fireEvent.click(screen.getByRole('button', { name: strings.deck.timer.start }));
      act(() => {
        vi.advanceTimersByTime(61_000);
      });
      expect(screen.getByRole('alert').textContent).toBe(strings.deck.timer.done);
      expect(screen.getByRole('button', { name: strings.deck.timer.reset })).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts over at a new length typed in minutes', () => {
    render(<Harness initial={timerFor(5)} />);
    const minutes = screen.getByRole('spinbutton', { name: strings.deck.timer.minutes });
    fireEvent.change(minutes, { target: { value: '3' } });
    expect(screen.getByText('3:00', { exact: false })).toBeTruthy();
    expect(screen.getByRole('button', { name: strings.deck.timer.start })).toBeTruthy();
  });

  it('chimes once at the end only when sound was asked for, and copes without audio', () => {
    vi.useFakeTimers();
    const started = vi.fn();
    class FakeAudio {
      currentTime = 0;
      destination = {};
      createOscillator() {
        return { frequency: { value: 0 }, connect: (g: unknown) => g, start: started, stop: vi.fn() };
      }
      createGain() {
        const gain = { setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() };
        return { gain, connect: (d: unknown) => d };
      }
    }
    vi.stubGlobal('AudioContext', FakeAudio);
    try {
      const first = render(<Harness initial={timerFor(1)} />);
      fireEvent.click(screen.getByRole('checkbox', { name: strings.deck.timer.sound }));
      fireEvent.click(screen.getByRole('button', { name: strings.deck.timer.start }));
      act(() => {
        vi.advanceTimersByTime(62_000);
      });
      expect(started).toHaveBeenCalledTimes(1);
      first.unmount();
      // Without the box ticked: silence.
      render(<Harness initial={timerFor(1)} />);
      fireEvent.click(screen.getByRole('button', { name: strings.deck.timer.start }));
      act(() => {
        vi.advanceTimersByTime(62_000);
      });
      expect(started).toHaveBeenCalledTimes(1);
      // No audio on this device: the end still shows.
      vi.stubGlobal('AudioContext', () => {
        throw new Error('no audio');
      });
      fireEvent.click(screen.getByRole('checkbox', { name: strings.deck.timer.sound }));
      fireEvent.click(screen.getByRole('button', { name: strings.deck.timer.reset }));
      act(() => {
        vi.advanceTimersByTime(62_000);
      });
      expect(screen.getByRole('alert').textContent).toBe(strings.deck.timer.done);
    } finally {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  });
});
