/** Small DOM builders for the join page's plain scripts (no framework on the phone's first load). */
import { fill } from '../i18n/fill';
import { dotPlot, dotPlotParts, ROOM_DOT_STYLE, type SvgPart } from '../lib/report/chart';
import type { Lang } from '../routes';

export const SVG = 'http://www.w3.org/2000/svg';

/** An element with attributes and, if given, its text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The parts of a chart (lib/report/chart), the same the presenter's plot draws, as SVG nodes. */
export function svgPart(part: SvgPart): Element {
  const node = document.createElementNS(SVG, part.tag);
  for (const [k, v] of Object.entries(part.attrs)) node.setAttribute(k, String(v));
  if (part.children) node.append(...part.children.map(svgPart));
  else if (part.text !== undefined) node.textContent = part.text;
  return node;
}

/**
 * Draws a nameless spread into `svg` (the phone's plots: the room's card, the scan, the table), the
 * same dots as the presenter's, and returns its text alternative ("Posities van {a} (0) tot {b} (100): {list}.").
 */
export function plotSpread(
  svg: Element,
  spread: readonly number[],
  words: { lang: Lang; chartText: string; poles: readonly string[] },
): string {
  const plot = dotPlot(
    spread.map((value) => ({ label: '', value })),
    null,
    { width: 600, radius: 11 },
  );
  svg.setAttribute('viewBox', `0 0 ${plot.width} ${plot.height}`);
  svg.replaceChildren(...dotPlotParts(plot, ROOM_DOT_STYLE).map(svgPart));
  const [a = '', b = ''] = words.poles;
  return fill(words.lang, words.chartText, { a, b, list: spread.join(', ') });
}
