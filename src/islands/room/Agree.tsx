/**
 * The agreed position after the reveal: the presenter sets where the group lands together and saves
 * it into the session (one per card), beside the phones' own positions.
 */
import { useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { agreedText, valueText } from './Spread';
import type { JoinStrings } from './types';

export function Agree(props: {
  t: JoinStrings;
  poles: [string, string];
  proposal: number;
  current: number | null;
  onSave: (value: number) => Promise<void>;
}) {
  const { t, poles } = props;
  const [value, setValue] = useState(props.proposal);
  return (
    <div class="presenter-room-agree">
      <label for="presenter-agreed">{fill(t.lang, t.room.agreedLabel, { a: poles[0], b: poles[1] })}</label>
      <input
        id="presenter-agreed"
        type="range"
        min={0}
        max={100}
        step={1}
        value={value}
        aria-valuetext={valueText(t, poles, value)}
        onInput={(e) => setValue(Number(e.currentTarget.value))}
      />
      <p>
        <button type="button" class="primary" onClick={() => void props.onSave(value)}>
          {t.room.agreedSave} ({value})
        </button>
      </p>
      {props.current !== null && (
        <p class="presenter-room-agreed" role="status">
          {agreedText(t, poles, props.current)}
        </p>
      )}
    </div>
  );
}
