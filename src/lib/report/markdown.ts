/**
 * The report of a session as Markdown, for pasting into a mail, a chat or a document.
 *
 * All user text is escaped: a note with "<img onerror=…>", "[x](javascript:…)" or a line
 * starting with "#" comes out as the same visible characters in any Markdown renderer,
 * never as HTML, a link or a heading. Notes keep their line breaks inside a block quote.
 */
import type { Action, SessionKind } from '../store/types';
import { fill } from '../../i18n/fill';
import { formatDay } from '../sessions/format';
import { scaleCells, textScale } from './chart';
import type { RoundSpread, SessionReport } from './model';
import type { Lang } from '../../routes';

/** The words the report needs; the `sessions.report` slice of the dictionary fits. */
export interface ReportStrings {
  kind: string;
  team: string;
  date: string;
  cardHeading: string;
  unknownCard: string;
  notes: string;
  positions: string;
  scale: string;
  own: string;
  agreed: string;
  noAgreed: string;
  actions: string;
  otherActions: string;
  owner: string;
  due: string;
  empty: string;
  footer: string;
  /** Heading of the history of "our" position (team) and of "my" position (zelfreflectie). */
  trend: string;
  trendOwn: string;
  /** A card voted on in more than one round: the heading, a row's label and its line of text. */
  rounds: string;
  round: string;
  roundLine: string;
}

export interface MarkdownOptions {
  lang: Lang;
  strings: ReportStrings;
  kinds: Record<SessionKind, string>;
}

/**
 * Escapes text for use inside a Markdown line: every character that can start markup
 * (CommonMark allows a backslash before any ASCII punctuation), and line breaks become
 * spaces so a title cannot start a new block.
 */
export function escapeInline(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/[\\`*_{}[\]()<>#+!|~&]/g, '\\$&');
}

/** One line of a note: inline escapes, plus what only means something at the start of a line. */
function escapeLine(line: string): string {
  return escapeInline(line)
    .replace(/^(\s*)([-=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** The note as a block quote, one quoted line per line of text (empty lines stay empty). */
export function quoteBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeLine(line)}`))
    .join('\n');
}

function actionLine(a: Action, o: MarkdownOptions): string {
  const extra: string[] = [];
  if (a.owner) extra.push(fill(o.lang, o.strings.owner, { owner: escapeInline(a.owner) }));
  if (a.due) extra.push(fill(o.lang, o.strings.due, { date: formatDay(a.due, o.lang) }));
  const tail = extra.length > 0 ? ` (${extra.join('; ')})` : '';
  return `- [${a.done ? 'x' : ' '}] ${escapeInline(a.text)}${tail}`;
}

/** Each round's spread, nameless: a line per round, and the rounds' scales one under the other. */
function roundsMarkdown(
  rounds: readonly RoundSpread[],
  poles: [string, string] | undefined,
  o: MarkdownOptions,
): string[] {
  const s = o.strings;
  const out = [`### ${s.rounds}`, ''];
  for (const r of rounds)
    out.push(`- ${fill(o.lang, s.roundLine, { n: r.round, list: r.spread.join(', '), median: r.median })}`);
  out.push('');
  if (poles) {
    const rows = rounds.map((r) => {
      const label = fill(o.lang, s.round, { n: r.round });
      return `${label} ${poles[0]} ${textScale(scaleCells(r.spread.map((value) => ({ label: '●', value }))))} ${poles[1]}`;
    });
    out.push('```', ...rows, '```', '');
  }
  return out;
}

export function reportMarkdown(report: SessionReport, o: MarkdownOptions): string {
  const s = o.strings;
  const { session } = report;
  const out: string[] = [];
  out.push(`# ${escapeInline(session.title)}`, '');
  out.push(`- ${s.kind}: ${o.kinds[session.kind]}`);
  if (session.team.trim() !== '') out.push(`- ${s.team}: ${escapeInline(session.team)}`);
  out.push(`- ${s.date}: ${formatDay(session.date, o.lang)}`, '');

  if (report.sections.length === 0 && report.otherActions.length === 0) out.push(s.empty, '');

  for (const section of report.sections) {
    const heading = section.card
      ? fill(o.lang, s.cardHeading, { n: section.card.number, title: escapeInline(section.card.title) })
      : fill(o.lang, s.unknownCard, { id: escapeInline(section.cardId) });
    out.push(`## ${heading}`, '');
    if (section.note.trim() !== '') out.push(`### ${s.notes}`, '', quoteBlock(section.note), '');
    if (section.markers.length > 0 || section.own !== null) {
      const poles = section.card?.poles;
      const scale = poles
        ? ` (${fill(o.lang, s.scale, { a: escapeInline(poles[0]), b: escapeInline(poles[1]) })})`
        : '';
      out.push(`### ${s.positions}${scale}`, '');
      for (const m of section.markers) out.push(`- ${escapeInline(m.participant)}: ${m.value}`);
      const team = session.kind !== 'zelfreflectie';
      if (section.own !== null) out.push(`- **${fill(o.lang, team ? s.agreed : s.own, { value: section.own })}**`);
      else if (team) out.push(`- ${s.noAgreed}`);
      out.push('');
      // The dot plot as one line of text: in a code block, so every renderer keeps the columns.
      if (poles && section.markers.length > 0) {
        const cells = scaleCells(
          section.markers.map((m) => ({ label: m.participant, value: m.value })),
          section.own,
        );
        out.push('```', `${poles[0]} ${textScale(cells)} ${poles[1]}`, '```', '');
      }
    }
    if (section.rounds) out.push(...roundsMarkdown(section.rounds, section.card?.poles, o));
    const trend = report.trends?.[section.cardId];
    if (trend && trend.length >= 2) {
      const team = session.kind !== 'zelfreflectie';
      out.push(`### ${team ? s.trend : s.trendOwn}`, '');
      for (const pt of trend) out.push(`- ${formatDay(pt.date, o.lang)}: ${pt.value}`);
      out.push('');
    }
    if (section.actions.length > 0) {
      out.push(`### ${s.actions}`, '', ...section.actions.map((a) => actionLine(a, o)), '');
    }
  }
  if (report.otherActions.length > 0) {
    out.push(`## ${s.otherActions}`, '', ...report.otherActions.map((a) => actionLine(a, o)), '');
  }
  out.push('---', '', s.footer, '');
  return out.join('\n');
}
