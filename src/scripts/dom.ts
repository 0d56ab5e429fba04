/** Small DOM builders for the join page's plain scripts (no framework on the phone's first load). */
import type { SvgPart } from '../lib/report/chart';

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
