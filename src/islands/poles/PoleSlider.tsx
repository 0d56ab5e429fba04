/**
 * A range input between two poles, with the pole names at its ends and the value between them.
 * The screen reader hears the value in words ("40 van 100, dichter bij Zelfredzaam", lib/poles).
 */
import { leanValueText, type LeanStrings } from '../../lib/poles';
import type { Lang } from '../../routes';

export interface PoleSliderProps {
  id: string;
  /** Names both poles: "Jouw positie tussen {a} en {b}". */
  label: string;
  value: number;
  poles: readonly [string, string];
  lang: Lang;
  words: LeanStrings;
  onInput(v: number): void;
  /** When the user lets go (the change event): a save, for example. */
  onCommit?(v: number): void;
}

export function PoleSlider(props: PoleSliderProps) {
  return (
    <div class="ss-slider">
      <label for={props.id} class="ss-slider-label">
        {props.label}
      </label>
      <input
        id={props.id}
        type="range"
        min={0}
        max={100}
        step={1}
        value={props.value}
        aria-valuetext={leanValueText(props.lang, props.words, props.poles, props.value)}
        onInput={(e) => props.onInput(Number(e.currentTarget.value))}
        onChange={(e) => props.onCommit?.(Number(e.currentTarget.value))}
      />
      <div class="ss-slider-poles" aria-hidden="true">
        <span>{props.poles[0]}</span>
        <output class="ss-slider-value">{props.value}</output>
        <span>{props.poles[1]}</span>
      </div>
    </div>
  );
}
