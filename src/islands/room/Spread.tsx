/** The spread of positions as a dot plot with a text alternative: on the big screen and on phones after the reveal. */
import { fill } from '../../i18n/fill';
import { leanPhrase, leanValueText } from '../../lib/poles';
import { ROOM_DOT_STYLE } from '../../lib/report/chart';
import type { Lang } from '../../routes';
import { DotPlot } from '../poles/DotPlot';
import type { JoinStrings } from './types';

/** "dichter bij Zelfredzaam" / "in het midden" for a value (lib/poles, as in the sessions). */
export function lean(t: JoinStrings, poles: readonly string[], value: number): string {
  return leanPhrase(t.lang, t.poles, poles, value);
}

export function valueText(t: JoinStrings, poles: readonly string[], value: number): string {
  return leanValueText(t.lang, t.poles, poles, value);
}

/** "Gezamenlijke positie: 40 van 100 (dichter bij …)": the words of the sessions view. */
export function agreedText(t: JoinStrings, poles: readonly string[], value: number): string {
  return fill(t.lang, t.poles.agreedCurrent, { value, lean: lean(t, poles, value) });
}

interface Props {
  lang: Lang;
  /** Positions; a name is shown only in the text alternative of the presenter's plot. */
  values: readonly { value: number; label?: string }[];
  agreed: number | null;
  poles: readonly [string, string];
  /** "Posities van {a} (0) tot {b} (100): {list}." */
  template: string;
  /** The agreed position in words, added to the text alternative (see agreedText). */
  agreedText?: (value: number) => string;
  id: string;
}

const OPTIONS = { width: 600, radius: 15 };
const CLASSES = { figure: 'room-spread', svg: 'room-chart', poles: 'room-chart-poles', caption: 'room-caption' };

export function Spread({ lang, values, agreed, poles, template, agreedText, id }: Props) {
  const list = values.map((v) => (v.label ? `${v.label}: ${v.value}` : String(v.value))).join(', ');
  const text = `${fill(lang, template, { a: poles[0], b: poles[1], list })}${agreed !== null && agreedText ? ` ${agreedText(agreed)}` : ''}`;
  return (
    <DotPlot
      id={id}
      dots={values.map((v) => ({ label: v.label ?? '', value: v.value }))}
      agreed={agreed}
      poles={poles}
      caption={text}
      options={OPTIONS}
      style={ROOM_DOT_STYLE}
      classes={CLASSES}
    />
  );
}
