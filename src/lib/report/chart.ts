/**
 * Geometry for the two small SVG charts of the sessions page, as plain numbers: the
 * components only draw what these functions return (and add a text alternative), so the
 * layout rules are unit-tested without a browser.
 *
 * Both charts share one horizontal scale: 0 (pole A) on the left, 100 (pole B) on the
 * right, the same direction as the range inputs people used to place their markers.
 * Coordinates are in SVG user units; the SVG scales with its viewBox.
 */

export interface Tick {
  value: number;
  x: number;
}

export interface DotInput {
  label: string;
  value: number;
}

export interface Dot extends DotInput {
  x: number;
  y: number;
  /** 0 = on the axis; markers too close to a neighbour stack upwards. */
  row: number;
}

export interface DotPlot {
  width: number;
  height: number;
  radius: number;
  /** The axis line, from x0 to x1 at axisY. */
  x0: number;
  x1: number;
  axisY: number;
  dots: Dot[];
  /** The agreed position: a marker across the plot, or null. */
  agreed: { value: number; x: number } | null;
  ticks: Tick[];
  /** Baseline for the tick labels under the axis. */
  labelY: number;
}

export interface DotPlotOptions {
  width?: number;
  radius?: number;
  /** Space left and right of the axis, so a dot at 0 or 100 is not cut off. */
  padding?: number;
  /** Space between stacked dots. */
  gap?: number;
}

const clampValue = (v: number) => (Number.isFinite(v) ? Math.min(100, Math.max(0, v)) : 50);

export function scaleX(value: number, x0: number, x1: number): number {
  return x0 + (clampValue(value) / 100) * (x1 - x0);
}

const TICK_VALUES = [0, 25, 50, 75, 100];

/**
 * A dot plot of individual markers. Dots are placed from the lowest value up; each goes in
 * the lowest row where it does not overlap a dot already there, so equal values become a
 * visible stack instead of hiding each other.
 */
export function dotPlot(inputs: readonly DotInput[], agreed: number | null = null, opts: DotPlotOptions = {}): DotPlot {
  const width = opts.width ?? 360;
  const radius = opts.radius ?? 8;
  const padding = opts.padding ?? radius + 4;
  const gap = opts.gap ?? 2;
  const step = radius * 2 + gap;
  const x0 = padding;
  const x1 = width - padding;

  const sorted = inputs
    .map((d, i) => ({ ...d, value: clampValue(d.value), i }))
    .sort((a, b) => a.value - b.value || a.i - b.i);
  const rowEnds: number[] = [];
  const placed = sorted.map((d) => {
    const x = scaleX(d.value, x0, x1);
    let row = rowEnds.findIndex((end) => x - end >= step);
    if (row < 0) {
      row = rowEnds.length;
      rowEnds.push(x);
    } else rowEnds[row] = x;
    return { label: d.label, value: d.value, x, row, i: d.i };
  });

  const rows = Math.max(1, rowEnds.length);
  const top = 6;
  const axisY = top + rows * step + 4;
  const dots: Dot[] = placed
    .sort((a, b) => a.i - b.i)
    .map(({ label, value, x, row }) => ({ label, value, x, row, y: axisY - 4 - radius - row * step }));
  const labelY = axisY + 18;
  return {
    width,
    height: labelY + 6,
    radius,
    x0,
    x1,
    axisY,
    dots,
    agreed: agreed === null ? null : { value: clampValue(agreed), x: scaleX(agreed, x0, x1) },
    ticks: TICK_VALUES.map((value) => ({ value, x: scaleX(value, x0, x1) })),
    labelY,
  };
}

/** One SVG element to draw, as plain data: a Preact component and the join page's DOM code draw the same parts. */
export interface SvgPart {
  tag: 'g' | 'line' | 'text' | 'path' | 'circle' | 'title';
  attrs: Record<string, string | number>;
  text?: string;
  children?: SvgPart[];
}

/** The class names and sizes of one place's dot plot (the sessions page, the room). */
export interface DotPlotStyle {
  axis: string;
  tick: string;
  tickLabel: string;
  agreedMark: string;
  dot: string;
  /** Half the length of a tick across the axis. */
  tickHalf: number;
  /** Half the width of the agreed position's diamond. */
  diamond: number;
  /** Named dots: a tooltip and a short label inside the dot (the sessions' initials). */
  named?: { group: string; label: string; title(dot: Dot): string; short(dot: Dot): string };
}

/** The room's plot, on the big screen and on the phones. */
export const ROOM_DOT_STYLE: DotPlotStyle = {
  axis: 'room-axis',
  tick: 'room-axis',
  tickLabel: 'room-tick',
  agreedMark: 'room-agreed-mark',
  dot: 'room-dot',
  tickHalf: 5,
  diamond: 9,
};

/** What to draw for a dot plot: the axis, its ticks, the agreed position and the dots. */
export function dotPlotParts(plot: DotPlot, style: DotPlotStyle): SvgPart[] {
  const { axisY } = plot;
  const parts: SvgPart[] = [
    { tag: 'line', attrs: { class: style.axis, x1: plot.x0, x2: plot.x1, y1: axisY, y2: axisY } },
  ];
  for (const tick of plot.ticks) {
    parts.push({
      tag: 'g',
      attrs: {},
      children: [
        {
          tag: 'line',
          attrs: { class: style.tick, x1: tick.x, x2: tick.x, y1: axisY - style.tickHalf, y2: axisY + style.tickHalf },
        },
        {
          tag: 'text',
          attrs: { class: style.tickLabel, x: tick.x, y: plot.labelY, 'text-anchor': 'middle' },
          text: String(tick.value),
        },
      ],
    });
  }
  if (plot.agreed) {
    const { x } = plot.agreed;
    const d = style.diamond;
    parts.push({
      tag: 'g',
      attrs: { class: style.agreedMark },
      children: [
        { tag: 'line', attrs: { x1: x, x2: x, y1: 4, y2: axisY } },
        { tag: 'path', attrs: { d: `M${x} ${axisY - d}l${d} ${d}l-${d} ${d}l-${d} -${d}z` } },
      ],
    });
  }
  for (const dot of plot.dots) {
    const circle: SvgPart = { tag: 'circle', attrs: { class: style.dot, cx: dot.x, cy: dot.y, r: plot.radius } };
    const named = style.named;
    if (!named) {
      parts.push(circle);
      continue;
    }
    circle.children = [{ tag: 'title', attrs: {}, text: named.title(dot) }];
    parts.push({
      tag: 'g',
      attrs: { class: named.group },
      children: [
        circle,
        {
          tag: 'text',
          attrs: { class: named.label, x: dot.x, y: dot.y + 3.5, 'text-anchor': 'middle' },
          text: named.short(dot),
        },
      ],
    });
  }
  return parts;
}

export interface HistoryInput {
  /** Shown at the start of the row, e.g. a date. */
  label: string;
  value: number;
}

export interface HistoryRow extends HistoryInput {
  x: number;
  y: number;
}

export interface HistoryChart {
  width: number;
  height: number;
  x0: number;
  x1: number;
  /** Where the row labels end (they are right-aligned there). */
  labelX: number;
  rows: HistoryRow[];
  /** The line through the points, oldest first ("" for fewer than two points). */
  path: string;
  ticks: Tick[];
  /** Top and bottom of the vertical tick lines. */
  top: number;
  bottom: number;
}

export interface HistoryOptions {
  width?: number;
  labelWidth?: number;
  rowHeight?: number;
  padding?: number;
}

/** One row per session, oldest at the top; the value is the position along the shared scale. */
export function historyChart(points: readonly HistoryInput[], opts: HistoryOptions = {}): HistoryChart {
  const width = opts.width ?? 360;
  const labelWidth = opts.labelWidth ?? 96;
  const rowHeight = opts.rowHeight ?? 28;
  const padding = opts.padding ?? 10;
  const x0 = labelWidth + padding;
  const x1 = width - padding;
  const top = 6;
  const rows = points.map((p, i) => ({
    label: p.label,
    value: clampValue(p.value),
    x: scaleX(p.value, x0, x1),
    y: top + rowHeight / 2 + i * rowHeight,
  }));
  const bottom = top + Math.max(1, points.length) * rowHeight;
  const round = (n: number) => Math.round(n * 100) / 100;
  const path = rows.length < 2 ? '' : rows.map((r, i) => `${i === 0 ? 'M' : 'L'}${round(r.x)} ${round(r.y)}`).join(' ');
  return {
    width,
    height: bottom + 22,
    x0,
    x1,
    labelX: labelWidth,
    rows,
    path,
    ticks: TICK_VALUES.map((value) => ({ value, x: scaleX(value, x0, x1) })),
    top,
    bottom,
  };
}

/**
 * The dot plot for pasted text, where SVG does not survive (Outlook, Word, plain mail): the
 * 0-100 scale as `cells` equal steps, each holding the labels of the markers that fall in it.
 * The agreed position is the one cell marked `agreed`.
 */
export interface ScaleCell {
  labels: string[];
  agreed: boolean;
}

export function scaleCells(dots: readonly DotInput[], agreed: number | null = null, cells = 21): ScaleCell[] {
  const out: ScaleCell[] = Array.from({ length: cells }, () => ({ labels: [], agreed: false }));
  const at = (value: number) => Math.round((clampValue(value) / 100) * (cells - 1));
  for (const d of dots) out[at(d.value)]?.labels.push(d.label);
  if (agreed !== null) {
    const cell = out[at(agreed)];
    if (cell) cell.agreed = true;
  }
  return out;
}

/** One line of text for the scale: "·" empty, "●" one marker, a digit for several, "◆" the agreed position. */
export function textScale(cells: readonly ScaleCell[]): string {
  const mark = (c: ScaleCell) =>
    c.labels.length === 0 ? (c.agreed ? '◆' : '·') : c.labels.length === 1 ? '●' : String(Math.min(9, c.labels.length));
  return `|${cells.map(mark).join('')}|`;
}
