/** The presenter's countdown: pause/resume, a gentle visual end, sound only when asked for. */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  formatClock,
  isDone,
  isRunning,
  MAX_MINUTES,
  MIN_MINUTES,
  remainingMs,
  start,
  timerFor,
  toggle,
  type TimerState,
} from '../lib/deck/timer';
import type { DeckStrings } from './types';

interface Props {
  timer: TimerState;
  onChange: (t: TimerState) => void;
  t: DeckStrings;
}

/** A short, soft tone; made on the device, no audio file to download. */
function chime() {
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 660;
    gain.gain.setValueAtTime(0.0001, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.15, ctx.currentTime + 0.05);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.9);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 1);
  } catch {
    // No audio available: the visual signal is enough.
  }
}

export function Timer({ timer, onChange, t }: Props) {
  const [now, setNow] = useState(Date.now());
  const [sound, setSound] = useState(false);
  const rang = useRef(false);
  const running = isRunning(timer);
  const left = remainingMs(timer, now);
  const done = isDone(timer, now);

  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [running]);

  useEffect(() => {
    if (done && running) {
      onChange({ minutes: timer.minutes, leftMs: 0 });
      if (sound && !rang.current) chime();
      rang.current = true;
    }
    if (!done) rang.current = false;
  }, [done, running]);

  return (
    <div class={`timer${done ? ' is-done' : ''}`} role="group" aria-label={t.deck.presenter.timer}>
      <label class="timer-minutes">
        {t.deck.timer.minutes}
        <input
          type="number"
          min={MIN_MINUTES}
          max={MAX_MINUTES}
          value={timer.minutes}
          onChange={(e) => onChange(timerFor(Number((e.target as HTMLInputElement).value)))}
        />
      </label>
      <p class="timer-clock">
        <span class="visually-hidden">{t.deck.timer.remaining}: </span>
        {formatClock(left)}
      </p>
      {/* Always in the page, so the end is announced when its text arrives. */}
      <p class="timer-alert" role="alert">
        {done ? t.deck.timer.done : ''}
      </p>
      <button
        type="button"
        onClick={() => onChange(done ? start(timerFor(timer.minutes), Date.now()) : toggle(timer, Date.now()))}
      >
        {done
          ? t.deck.timer.reset
          : running
            ? t.deck.timer.pause
            : timer.leftMs < timer.minutes * 60_000
              ? t.deck.timer.resume
              : t.deck.timer.start}
      </button>
      <label class="timer-sound">
        <input type="checkbox" checked={sound} onChange={(e) => setSound((e.target as HTMLInputElement).checked)} />
        {t.deck.timer.sound}
      </label>
    </div>
  );
}
