import { describe, expect, it } from 'vitest';
import { dotPlot, dotPlotParts, type DotPlotStyle, ROOM_DOT_STYLE, type SvgPart } from '../../src/lib/report/chart';

const flat = (parts: readonly SvgPart[]): SvgPart[] => parts.flatMap((p) => [p, ...flat(p.children ?? [])]);
const classes = (parts: readonly SvgPart[]) =>
  flat(parts)
    .map((p) => p.attrs.class)
    .filter(Boolean);

describe('the parts of a dot plot', () => {
  it('draws the room’s axis, five ticks and one plain dot per position', () => {
    const plot = dotPlot(
      [30, 70, 70].map((value) => ({ label: '', value })),
      null,
      { width: 600, radius: 15 },
    );
    const parts = dotPlotParts(plot, ROOM_DOT_STYLE);
    const all = flat(parts);
    expect(classes(parts).filter((c) => c === 'room-dot')).toHaveLength(3);
    expect(all.filter((p) => p.tag === 'text').map((p) => p.text)).toEqual(['0', '25', '50', '75', '100']);
    expect(all.some((p) => p.attrs.class === 'room-agreed-mark')).toBe(false);
    const tick = all.find((p) => p.tag === 'line' && p.attrs.y1 !== p.attrs.y2);
    expect(tick?.attrs).toMatchObject({ y1: plot.axisY - 5, y2: plot.axisY + 5 });
  });

  it('marks the agreed position with a diamond of the style’s size', () => {
    const plot = dotPlot([{ label: '', value: 50 }], 40);
    const mark = dotPlotParts(plot, ROOM_DOT_STYLE).find((p) => p.attrs.class === 'room-agreed-mark');
    const x = plot.agreed?.x ?? Number.NaN;
    expect(mark?.children?.[1]?.attrs.d).toBe(`M${x} ${plot.axisY - 9}l9 9l-9 9l-9 -9z`);
  });

  it('gives named dots a title and a short label', () => {
    const style: DotPlotStyle = {
      ...ROOM_DOT_STYLE,
      named: { group: 'g', label: 'short', title: (d) => `${d.label}: ${d.value}`, short: (d) => d.label[0] ?? '' },
    };
    const parts = dotPlotParts(dotPlot([{ label: 'Anna', value: 35 }]), style);
    const group = parts.find((p) => p.attrs.class === 'g');
    expect(group?.children?.[0]?.children?.[0]).toEqual({ tag: 'title', attrs: {}, text: 'Anna: 35' });
    expect(group?.children?.[1]).toMatchObject({ tag: 'text', text: 'A', attrs: { class: 'short' } });
  });
});
