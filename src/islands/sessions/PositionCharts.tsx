/**
 * The charts of positions on a card, shared by the session's card view and the report: the dot
 * plot of everyone's markers, and "our" position across sessions of the same team.
 */
import { useMemo } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { type DotPlotStyle, historyChart } from '../../lib/report/chart';
import { formatDay } from '../../lib/sessions/format';
import { dotLabel, type HistoryPoint, historyPoints, isTeamKind, teamEntries } from '../../lib/sessions/positions';
import type { Session } from '../../lib/store/types';
import { DotPlot } from '../poles/DotPlot';
import { RoundsCompare } from '../room/RoundsCompare';
import { useStore, useStrings } from './context';
import { useFieldId, useStoreQuery } from './hooks';
import type { SessionCard } from './types';

const CLASSES = { figure: 'ss-figure', svg: 'ss-chart ss-dotplot', poles: 'ss-chart-poles', caption: 'ss-caption' };
// Room for a name's initials inside each dot.
const OPTIONS = { radius: 10 };

/** The markers of a card as dots with the participants' initials, and the agreed position. */
export function DotPlotFigure({
  markers,
  agreed,
  poles,
}: {
  markers: readonly { participant: string; value: number }[];
  agreed: number | null;
  poles: [string, string];
}) {
  const { t, lang } = useStrings();
  const p = t.s.positions;
  const id = useFieldId('ss-dots');
  const dots = useMemo(() => markers.map((m) => ({ label: m.participant, value: m.value })), [markers]);
  const style = useMemo<DotPlotStyle>(
    () => ({
      axis: 'ss-axis',
      tick: 'ss-tick',
      tickLabel: 'ss-tick-label',
      agreedMark: 'ss-agreed-mark',
      dot: 'ss-dot',
      tickHalf: 4,
      diamond: 7,
      named: {
        group: 'ss-dot-group',
        label: 'ss-dot-label',
        title: (d) => fill(lang, p.item, { name: d.label, value: d.value }),
        short: (d) => dotLabel(d.label),
      },
    }),
    [lang, p],
  );
  const list = markers.map((m) => fill(lang, p.item, { name: m.participant, value: m.value })).join(', ');
  const text = `${fill(lang, p.chartText, { a: poles[0], b: poles[1], list })}${agreed !== null ? ` ${fill(lang, p.chartAgreed, { value: agreed })}` : ''}`;
  return (
    <DotPlot
      id={id}
      dots={dots}
      agreed={agreed}
      poles={poles}
      caption={text}
      options={OPTIONS}
      style={style}
      classes={CLASSES}
    />
  );
}

/**
 * A card the room voted on more than once ("Stem opnieuw"): each round's spread side by side,
 * labelled "Ronde 1", "Ronde 2", without names (who moved is never shown).
 */
export function RoundsFigure({
  rounds,
  poles,
}: {
  rounds: readonly { round: number; spread: readonly number[] }[];
  poles: [string, string];
}) {
  const { t, lang } = useStrings();
  const r = t.s.report;
  const id = useFieldId('ss-rounds');
  const strings = useMemo(
    () => ({ title: r.rounds, nameless: '', round: r.round, median: r.roundMedian, chartText: r.roundChart }),
    [r],
  );
  return (
    <RoundsCompare
      lang={lang}
      rounds={rounds}
      poles={poles}
      strings={strings}
      id={id}
      level={4}
      classes={CLASSES}
      style={ROUND_STYLE}
      options={OPTIONS}
    />
  );
}

const ROUND_STYLE: DotPlotStyle = {
  axis: 'ss-axis',
  tick: 'ss-tick',
  tickLabel: 'ss-tick-label',
  agreedMark: 'ss-agreed-mark',
  dot: 'ss-dot',
  tickHalf: 4,
  diamond: 7,
};

interface HistoryProps {
  session: Session;
  card: SessionCard;
  poles: [string, string];
}

/** "Our" position on this card in earlier sessions of the same team (or alone), as a small chart. */
export function PositionHistory({ session, card, poles }: HistoryProps) {
  const { repo } = useStore();
  const { t } = useStrings();
  const h = t.s.history;
  const id = useFieldId('ss-hist');
  const points =
    useStoreQuery(async () => historyPoints(teamEntries(await repo.positionHistory(card.id), session)), [], {
      stores: ['positions', 'sessions'],
      // A chart of the past: without it the card works just as well.
      recover: () => [],
    }).data ?? [];

  if (points.length < 2) return null;
  return (
    <section class="ss-history" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{isTeamKind(session.kind) ? h.titleTeam : h.titleOwn}</h4>
      <HistoryFigure points={points} poles={poles} currentId={session.id} />
    </section>
  );
}

/** The history chart with its pole labels and text alternative; the report draws the same figure. */
export function HistoryFigure({
  points,
  poles,
  currentId,
}: {
  points: HistoryPoint[];
  poles: [string, string];
  currentId: string;
}) {
  const { t, lang } = useStrings();
  const h = t.s.history;
  const id = useFieldId('ss-histfig');
  const chart = useMemo(
    () => historyChart(points.map((pt) => ({ label: formatDay(pt.date, lang), value: pt.value }))),
    [points, lang],
  );
  const list = points.map((pt) => fill(lang, h.item, { date: formatDay(pt.date, lang), value: pt.value })).join('; ');
  return (
    <figure class="ss-figure">
      <svg
        class="ss-chart ss-historychart"
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        role="img"
        aria-labelledby={`${id}-cap`}
      >
        {chart.ticks.map((tick) => (
          <g key={tick.value}>
            <line class="ss-grid" x1={tick.x} x2={tick.x} y1={chart.top} y2={chart.bottom} />
            <text class="ss-tick-label" x={tick.x} y={chart.bottom + 16} text-anchor="middle">
              {tick.value}
            </text>
          </g>
        ))}
        {chart.path && <path class="ss-line" d={chart.path} />}
        {chart.rows.map((row, i) => (
          <g key={i} class={points[i]?.sessionId === currentId ? 'is-current' : undefined}>
            <text class="ss-row-label" x={chart.labelX} y={row.y + 4} text-anchor="end">
              {row.label}
            </text>
            <circle class="ss-dot" cx={row.x} cy={row.y} r={6} />
          </g>
        ))}
      </svg>
      <div class="ss-chart-poles ss-chart-poles-history" aria-hidden="true">
        <span>{poles[0]}</span>
        <span>{poles[1]}</span>
      </div>
      <figcaption id={`${id}-cap`} class="ss-caption">
        {fill(lang, h.text, { a: poles[0], b: poles[1], list })}
      </figcaption>
    </figure>
  );
}

/** One card's positions on a 0-100 line: older points pale, the newest solid, joined in order. */
export function TrendLine({
  points,
  poles,
  currentId,
}: {
  points: HistoryPoint[];
  poles: [string, string];
  currentId: string;
}) {
  const { t, lang } = useStrings();
  const r = t.s.report;
  const width = 300;
  const pad = 10;
  const x = (v: number) => pad + (Math.min(100, Math.max(0, v)) / 100) * (width - 2 * pad);
  const list = points.map((pt) => `${formatDay(pt.date, lang)}: ${pt.value}`).join(', ');
  const path = points.map((pt, i) => `${i === 0 ? 'M' : 'L'}${x(pt.value)} 14`).join(' ');
  return (
    <figure class="ss-trend">
      <svg
        class="ss-chart ss-trendline"
        viewBox={`0 0 ${width} 28`}
        role="img"
        aria-label={`${poles[0]} – ${poles[1]}. ${list}`}
      >
        <line class="ss-grid" x1={pad} x2={width - pad} y1={14} y2={14} />
        {points.length > 1 && <path class="ss-line" d={path} />}
        {points.map((pt, i) => (
          <circle
            key={pt.sessionId}
            class={`ss-dot${i === points.length - 1 ? '' : ' is-past'}${pt.sessionId === currentId ? ' is-current' : ''}`}
            cx={x(pt.value)}
            cy={14}
            r={i === points.length - 1 ? 7 : 5}
          />
        ))}
      </svg>
      <figcaption class="ss-caption">
        {poles[0]} ↔ {poles[1]}: {list}
        <span class="visually-hidden"> ({r.trendAll})</span>
      </figcaption>
    </figure>
  );
}
