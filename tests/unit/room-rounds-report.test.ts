/** The shift in the report's texts: Markdown, HTML for mail and Word, and plain text show round one and two, nameless. */
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { reportHtml, reportPlainText } from '../../src/lib/report/html';
import { reportMarkdown } from '../../src/lib/report/markdown';
import { buildReport, type ReportCardInfo, roundSpreads } from '../../src/lib/report/model';
import type { Position, Session } from '../../src/lib/store/types';

const session: Session = {
  id: 's1',
  kind: 'workshop',
  title: 'Workshop',
  team: '',
  date: '2026-12-07',
  lang: 'nl',
  deck: { cards: ['b'] },
  createdAt: 1,
  updatedAt: 1,
};
const B: ReportCardInfo = { id: 'b', number: 2, title: 'Kaart B', kind: 'dilemma', poles: ['Zelf', 'Samen'] };
const at = (participant: string, value: number, round?: number, updatedAt = 1): Position => ({
  id: `p-${participant}-${round ?? 1}`,
  sessionId: 's1',
  cardId: 'b',
  participant,
  value,
  agreed: false,
  updatedAt,
  ...(round ? { round } : {}),
});
const positions = [at('Ann', 20, undefined, 1), at('Bo', 80, 1, 2), at('Ann', 60, 2), at('Bo', 70, 2)];
const nl = dictionaries.nl.sessions;
const o = { lang: 'nl' as const, strings: nl.report, kinds: nl.kinds };
const report = buildReport(session, { notes: [], positions, actions: [] }, [B]);
const line = (n: number, list: string, median: number) => fill('nl', nl.report.roundLine, { n, list, median });

describe('a card with two rounds in the report', () => {
  it('has no rounds with one round (the report stays as it was)', () => {
    expect(roundSpreads([at('Ann', 20), at('Bo', 80, 1)])).toBeUndefined();
    const one = buildReport(session, { notes: [], positions: positions.slice(0, 2), actions: [] }, [B]);
    expect(one.sections[0]).not.toHaveProperty('rounds');
    expect(reportMarkdown(one, o)).not.toContain(nl.report.rounds);
  });

  it('writes each round in Markdown: a line per round and the scales one under the other, without names', () => {
    const md = reportMarkdown(report, o);
    expect(md).toContain(`### ${nl.report.rounds}`);
    expect(md).toContain(`- ${line(1, '20, 80', 50)}`);
    expect(md).toContain(`- ${line(2, '60, 70', 65)}`);
    const rounds = md.slice(md.indexOf(nl.report.rounds));
    expect(rounds).toMatch(new RegExp(`${fill('nl', nl.report.round, { n: 1 })} Zelf \\|[^|]+\\| Samen`));
    expect(rounds.split('```')[1]).not.toContain('Ann');
    // Round one's names stay in the positions list above it, as before.
    expect(md).toContain('- Ann: 20');
    expect(md).not.toContain('- Ann: 60');
  });

  it('gives mail and Word a table row per round, and plain text the same', () => {
    const html = reportHtml(report, o);
    expect(html).toContain(`<h3>${nl.report.rounds}</h3>`);
    expect(html).toContain(`<li>${line(2, '60, 70', 65)}</li>`);
    expect(html).toContain(`>${fill('nl', nl.report.round, { n: 2 })}</th>`);
    const text = reportPlainText(report, o);
    expect(text).toContain(`${fill('nl', nl.report.round, { n: 1 })}: Zelf |`);
    expect(text).toContain(`• ${line(1, '20, 80', 50)}`);
  });
});
