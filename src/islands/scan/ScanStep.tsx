/** One card of the scan: the dilemma, its two poles and the slider; each answer is saved at once. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { afterAnswer, type LoadedScan } from '../../lib/scan/session';
import { leanPhrase, leanText } from './lean';
import type { ScanIslandCard, ScanStrings } from './types';

export function ScanStep({
  t,
  loaded,
  index,
  onSave,
  onMove,
}: {
  t: ScanStrings;
  loaded: LoadedScan<ScanIslandCard>;
  index: number;
  onSave(cardId: string, value: number): Promise<void>;
  onMove(to: number): void;
}) {
  const s = t.scan;
  const card = loaded.order[index];
  const stored = card ? loaded.answers.get(card.id) : undefined;
  const [value, setValue] = useState(stored ?? 50);
  const [failed, setFailed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const total = loaded.order.length;

  // A new card: move focus to its title, so a screen reader reads where the person is.
  useEffect(() => heading.current?.focus({ preventScroll: false }), []);

  if (!card) return <p class="scan-status">{s.notFound}</p>;
  const save = async (v: number): Promise<boolean> => {
    try {
      await onSave(card.id, v);
      setFailed(false);
      return true;
    } catch {
      setFailed(true);
      return false;
    }
  };
  const last = index === total - 1;
  const answered = new Set(loaded.answers.keys());
  const afterThis = () =>
    afterAnswer(
      loaded.order.map((c) => c.id),
      answered,
      index,
    );

  return (
    <section class={`scan-step theme-${card.theme}`} aria-labelledby="scan-card-title">
      <p class="scan-progress">
        <span>{fill(t.lang, s.progress, { i: index + 1, n: total })}</span>
        <progress max={total} value={answered.size} aria-label={s.progressLabel} />
      </p>
      <article class="scan-card">
        <p class="scan-theme-name">{t.themes[card.theme]}</p>
        <h2 id="scan-card-title" tabindex={-1} ref={heading}>
          {card.title}
        </h2>
        <p>{card.summary}</p>
        <div class="scan-poles">
          {card.poles.map((pole, i) => (
            <div key={pole.label} class={`scan-pole scan-pole-${i === 0 ? 'a' : 'b'}`}>
              <h3>{pole.label}</h3>
              <p>
                <strong>{t.protects}:</strong> {pole.protects}
              </p>
            </div>
          ))}
        </div>
        <p>
          <a href={card.href}>{s.readCard}</a>
        </p>
      </article>
      <div class="scan-place">
        <label for="scan-value">{fill(t.lang, s.place, { a: card.poles[0].label, b: card.poles[1].label })}</label>
        <div class="scan-slider">
          <span aria-hidden="true">{card.poles[0].label}</span>
          <input
            id="scan-value"
            type="range"
            min={0}
            max={100}
            step={5}
            value={value}
            aria-valuetext={leanText(value, card.poles, t)}
            aria-describedby="scan-place-status"
            onInput={(e) => setValue(Number((e.currentTarget as HTMLInputElement).value))}
            onChange={(e) => void save(Number((e.currentTarget as HTMLInputElement).value))}
          />
          <span aria-hidden="true">{card.poles[1].label}</span>
        </div>
        <p id="scan-place-status" class="scan-hint" aria-live="polite">
          {failed
            ? ''
            : stored === undefined
              ? s.notPlaced
              : fill(t.lang, s.placed, { value: stored, lean: leanPhrase(stored, card.poles, t) })}
        </p>
        {failed && (
          <p class="scan-problem" role="alert">
            {s.saveFailed}
          </p>
        )}
      </div>
      <div class="scan-buttons">
        <button type="button" class="button" disabled={index === 0} onClick={() => onMove(index - 1)}>
          {s.prev}
        </button>
        {stored === undefined && (
          <button type="button" class="button" onClick={() => onMove(last ? total : index + 1)}>
            {s.skip}
          </button>
        )}
        <button
          type="button"
          class="button primary"
          onClick={async () => {
            if (stored !== value && !(await save(value))) return;
            onMove(afterThis());
          }}
        >
          {last ? s.finish : s.next}
        </button>
      </div>
    </section>
  );
}
