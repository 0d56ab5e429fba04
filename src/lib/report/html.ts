/**
 * The report for e-mail and Word: HTML with headings, lists and checkboxes that survive a
 * paste into Outlook or Word, plus the same content as plain text for the clipboard's
 * text/plain part. Both are made from one list of blocks, so they say the same thing.
 *
 * Pure: no DOM. Every piece of user text goes through escapeHtml; the only markup is ours.
 * Charts become tables of cells (Word and Outlook drop inline SVG), with a text line in plain text.
 */
import type { Action } from '../store/types';
import { fill } from '../../i18n/fill';
import { formatDay } from '../sessions/format';
import type { HistoryPoint } from '../sessions/positions';
import { dotLabel } from '../sessions/positions';
import { scaleCells, textScale, type ScaleCell } from './chart';
import type { MarkdownOptions, ReportStrings } from './markdown';
import type { SessionReport } from './model';

/** The words of the charts, on top of the Markdown report's. */
export interface HtmlReportStrings extends ReportStrings {
  plot: string;
  trend: string;
  trendOwn: string;
  trendAll: string;
  trendAllHelp: string;
  trendAllOwnHelp: string;
}

export interface HtmlOptions extends Omit<MarkdownOptions, 'strings'> {
  strings: HtmlReportStrings;
}

type Item = { text: string; strong?: boolean; check?: boolean };
type Block =
  | { type: 'h'; level: 1 | 2 | 3; text: string }
  | { type: 'p'; text: string; muted?: boolean }
  | { type: 'quote'; text: string }
  | { type: 'list'; items: Item[] }
  | { type: 'scale'; left: string; right: string; rows: { label: string; cells: ScaleCell[]; value?: number }[] }
  | { type: 'rule' };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text: the five characters that can start or end markup become entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function actionItem(a: Action, o: HtmlOptions): Item {
  const extra: string[] = [];
  if (a.owner) extra.push(fill(o.lang, o.strings.owner, { owner: a.owner }));
  if (a.due) extra.push(fill(o.lang, o.strings.due, { date: formatDay(a.due, o.lang) }));
  return { text: `${a.text}${extra.length > 0 ? ` (${extra.join('; ')})` : ''}`, check: a.done };
}

function trendRows(points: readonly HistoryPoint[], o: HtmlOptions) {
  return points.map((pt) => ({
    label: formatDay(pt.date, o.lang),
    cells: scaleCells([{ label: '●', value: pt.value }]),
    value: pt.value,
  }));
}

/** The report as blocks, in reading order. */
export function reportBlocks(report: SessionReport, o: HtmlOptions): Block[] {
  const s = o.strings;
  const { session } = report;
  const team = session.kind !== 'zelfreflectie';
  const out: Block[] = [{ type: 'h', level: 1, text: session.title }];
  const meta: Item[] = [{ text: `${s.kind}: ${o.kinds[session.kind]}` }];
  if (session.team.trim() !== '') meta.push({ text: `${s.team}: ${session.team}` });
  meta.push({ text: `${s.date}: ${formatDay(session.date, o.lang)}` });
  out.push({ type: 'list', items: meta });
  if (report.sections.length === 0 && report.otherActions.length === 0) out.push({ type: 'p', text: s.empty });

  for (const section of report.sections) {
    const poles = section.card?.poles;
    out.push({
      type: 'h',
      level: 2,
      text: section.card
        ? fill(o.lang, s.cardHeading, { n: section.card.number, title: section.card.title })
        : fill(o.lang, s.unknownCard, { id: section.cardId }),
    });
    if (section.note.trim() !== '')
      out.push({ type: 'h', level: 3, text: s.notes }, { type: 'quote', text: section.note });
    if (section.markers.length > 0 || section.own !== null) {
      const scale = poles ? ` (${fill(o.lang, s.scale, { a: poles[0], b: poles[1] })})` : '';
      out.push({ type: 'h', level: 3, text: `${s.positions}${scale}` });
      const items: Item[] = section.markers.map((m) => ({ text: `${m.participant}: ${m.value}` }));
      if (section.own !== null)
        items.push({ text: fill(o.lang, team ? s.agreed : s.own, { value: section.own }), strong: true });
      else if (team) items.push({ text: s.noAgreed });
      out.push({ type: 'list', items });
      if (poles && section.markers.length > 0) {
        const cells = scaleCells(
          section.markers.map((m) => ({ label: dotLabel(m.participant), value: m.value })),
          section.own,
        );
        out.push({ type: 'scale', left: poles[0], right: poles[1], rows: [{ label: s.plot, cells }] });
      }
    }
    if (section.rounds) {
      const rounds = section.rounds;
      out.push(
        { type: 'h', level: 3, text: s.rounds },
        {
          type: 'list',
          items: rounds.map((r) => ({
            text: fill(o.lang, s.roundLine, { n: r.round, list: r.spread.join(', '), median: r.median }),
          })),
        },
      );
      if (poles)
        out.push({
          type: 'scale',
          left: poles[0],
          right: poles[1],
          rows: rounds.map((r) => ({
            label: fill(o.lang, s.round, { n: r.round }),
            cells: scaleCells(r.spread.map((value) => ({ label: '●', value }))),
            value: r.median,
          })),
        });
    }
    const trend = report.trends?.[section.cardId];
    if (poles && trend && trend.length >= 2) {
      out.push({ type: 'h', level: 3, text: team ? s.trend : s.trendOwn });
      out.push({ type: 'scale', left: poles[0], right: poles[1], rows: trendRows(trend, o) });
    }
    if (section.actions.length > 0)
      out.push(
        { type: 'h', level: 3, text: s.actions },
        { type: 'list', items: section.actions.map((a) => actionItem(a, o)) },
      );
  }
  if (report.otherActions.length > 0) {
    out.push(
      { type: 'h', level: 2, text: s.otherActions },
      { type: 'list', items: report.otherActions.map((a) => actionItem(a, o)) },
    );
  }
  const fan = report.fanTrend ?? [];
  if (fan.some((row) => row.points.length >= 2)) {
    out.push({ type: 'h', level: 2, text: s.trendAll }, { type: 'p', text: team ? s.trendAllHelp : s.trendAllOwnHelp });
    out.push({
      type: 'list',
      items: fan.map((row) => ({
        text: `${fill(o.lang, s.cardHeading, { n: row.card.number, title: row.card.title })} — ${row.points
          .map((pt) => `${pt.value} (${formatDay(pt.date, o.lang)})`)
          .join(' → ')}`,
      })),
    });
  }
  out.push({ type: 'rule' }, { type: 'p', text: s.footer, muted: true });
  return out;
}

// Inline styles only: mail programs drop <style> elements and classes.
const CELL = 'width:1.1em;height:1.4em;border:1px solid #bbb;text-align:center;font-size:11px;padding:0';
const MARK = 'background:#1f5f8b;color:#fff;font-weight:bold';
const AGREED = 'background:#f2c230;color:#000;font-weight:bold';

function cellHtml(c: ScaleCell): string {
  if (c.labels.length > 0) {
    const style = `${CELL};${c.agreed ? AGREED : MARK}`;
    return `<td style="${style}" title="${escapeHtml(c.labels.join(', '))}">${escapeHtml(c.labels.join(' '))}</td>`;
  }
  return c.agreed ? `<td style="${CELL};${AGREED}">◆</td>` : `<td style="${CELL}"></td>`;
}

function itemHtml(item: Item): string {
  const text = item.strong ? `<strong>${escapeHtml(item.text)}</strong>` : escapeHtml(item.text);
  if (item.check === undefined) return `<li>${text}</li>`;
  // A ballot box character, not an <input>: Word and Outlook keep it as text, and it prints.
  return `<li style="list-style:none" data-done="${item.check}">${item.check ? '☑' : '☐'} ${text}</li>`;
}

function blockHtml(b: Block): string {
  switch (b.type) {
    case 'h':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'p':
      return b.muted ? `<p style="color:#555">${escapeHtml(b.text)}</p>` : `<p>${escapeHtml(b.text)}</p>`;
    case 'quote':
      return `<blockquote style="margin:0 0 0 1em;padding-left:0.8em;border-left:3px solid #bbb"><p>${b.text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map(escapeHtml)
        .join('<br>')}</p></blockquote>`;
    case 'list': {
      const plain = b.items.every((i) => i.check !== undefined);
      const style = plain ? ' style="padding-left:0.5em"' : '';
      return `<ul${style}>${b.items.map(itemHtml).join('')}</ul>`;
    }
    case 'scale':
      return `<table style="border-collapse:collapse;margin:0.4em 0" data-scale>${b.rows
        .map(
          (row) =>
            `<tr><th style="text-align:right;font-weight:normal;padding-right:0.5em;font-size:12px">${escapeHtml(row.label)}</th>` +
            `<td style="font-size:12px;padding-right:0.3em">${escapeHtml(b.left)}</td>${row.cells.map(cellHtml).join('')}` +
            `<td style="font-size:12px;padding-left:0.3em">${escapeHtml(b.right)}</td>` +
            `${row.value === undefined ? '' : `<td style="font-size:12px;padding-left:0.5em">${row.value}</td>`}</tr>`,
        )
        .join('')}</table>`;
    case 'rule':
      return '<hr>';
  }
}

/** A complete HTML fragment (what the clipboard's text/html carries). */
export function reportHtml(report: SessionReport, o: HtmlOptions): string {
  return `<div>${reportBlocks(report, o).map(blockHtml).join('\n')}</div>`;
}

function blockText(b: Block): string {
  switch (b.type) {
    case 'h':
      return b.level === 1
        ? `${b.text}\n${'='.repeat(Math.min(60, b.text.length))}`
        : b.level === 2
          ? `\n${b.text}\n${'-'.repeat(Math.min(60, b.text.length))}`
          : `\n${b.text}`;
    case 'p':
      return b.text;
    case 'quote':
      return b.text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n');
    case 'list':
      return b.items
        .map((i) => (i.check === undefined ? `• ${i.text}` : `${i.check ? '☑' : '☐'} ${i.text}`))
        .join('\n');
    case 'scale':
      return b.rows
        .map(
          (row) =>
            `${row.label}: ${b.left} ${textScale(row.cells)} ${b.right}${row.value === undefined ? '' : ` ${row.value}`}`,
        )
        .join('\n');
    case 'rule':
      return '—';
  }
}

/** The same report as readable plain text (no Markdown marks), for the clipboard's text/plain. */
export function reportPlainText(report: SessionReport, o: HtmlOptions): string {
  return `${reportBlocks(report, o).map(blockText).join('\n')}\n`;
}
