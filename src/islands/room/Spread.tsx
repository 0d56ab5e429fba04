/** The spread of positions as a dot plot with a text alternative: on the big screen and on phones after the reveal. */
import { useMemo } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { dotPlot } from '../../lib/report/chart';
import type { Lang } from '../../routes';
import type { JoinStrings } from './types';

/** "dichter bij Zelfredzaam" / "in het midden" for a value (45-55 is the middle, as in the sessions). */
export function lean(t: JoinStrings, poles: readonly string[], value: number): string {
  const r = t.room;
  return value < 45
    ? fill(t.lang, r.leanA, { a: poles[0] ?? '' })
    : value > 55
      ? fill(t.lang, r.leanB, { b: poles[1] ?? '' })
      : r.middle;
}

export function valueText(t: JoinStrings, poles: readonly string[], value: number): string {
  return fill(t.lang, t.room.valueText, { value, lean: lean(t, poles, value) });
}

interface Props {
  lang: Lang;
  /** Positions; a name is shown only in the text alternative of the presenter's plot. */
  values: readonly { value: number; label?: string }[];
  agreed: number | null;
  poles: readonly [string, string];
  /** "Posities van {a} (0) tot {b} (100): {list}." */
  template: string;
  agreedTemplate?: string;
  id: string;
}

export function Spread({ lang, values, agreed, poles, template, agreedTemplate, id }: Props) {
  const plot = useMemo(
    () =>
      dotPlot(
        values.map((v) => ({ label: v.label ?? '', value: v.value })),
        agreed,
        { width: 600, radius: 15 },
      ),
    [values, agreed],
  );
  const list = values.map((v) => (v.label ? `${v.label}: ${v.value}` : String(v.value))).join(', ');
  const text = `${fill(lang, template, { a: poles[0], b: poles[1], list })}${agreed !== null && agreedTemplate ? ` ${fill(lang, agreedTemplate, { value: agreed })}` : ''}`;
  return (
    <figure class="room-spread">
      <svg class="room-chart" viewBox={`0 0 ${plot.width} ${plot.height}`} role="img" aria-labelledby={`${id}-cap`}>
        <line class="room-axis" x1={plot.x0} x2={plot.x1} y1={plot.axisY} y2={plot.axisY} />
        {plot.ticks.map((tick) => (
          <g key={tick.value}>
            <line class="room-axis" x1={tick.x} x2={tick.x} y1={plot.axisY - 5} y2={plot.axisY + 5} />
            <text class="room-tick" x={tick.x} y={plot.labelY} text-anchor="middle">
              {tick.value}
            </text>
          </g>
        ))}
        {plot.agreed && (
          <g class="room-agreed-mark">
            <line x1={plot.agreed.x} x2={plot.agreed.x} y1={4} y2={plot.axisY} />
            <path d={`M${plot.agreed.x} ${plot.axisY - 9}l9 9l-9 9l-9 -9z`} />
          </g>
        )}
        {plot.dots.map((d, i) => (
          <circle key={i} class="room-dot" cx={d.x} cy={d.y} r={plot.radius} />
        ))}
      </svg>
      <div class="room-chart-poles" aria-hidden="true">
        <span>{poles[0]}</span>
        <span>{poles[1]}</span>
      </div>
      <figcaption id={`${id}-cap`} class="room-caption">
        {text}
      </figcaption>
    </figure>
  );
}
