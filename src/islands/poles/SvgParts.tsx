/** Draws the plain-data SVG parts of lib/report/chart (dotPlotParts): one drawing for every dot plot. */
import { h, type JSX } from 'preact';
import type { SvgPart } from '../../lib/report/chart';

export function SvgParts({ parts }: { parts: readonly SvgPart[] }): JSX.Element {
  return <>{parts.map((part, i) => draw(part, i))}</>;
}

function draw(part: SvgPart, key: number): JSX.Element {
  const children = part.children ? part.children.map((c, i) => draw(c, i)) : part.text;
  return h(part.tag, { key, ...part.attrs }, children);
}
