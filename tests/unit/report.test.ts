/** The session report (model + Markdown) and the chart geometry. */
import { describe, expect, it } from 'vitest';
import { dotPlot, historyChart, scaleX } from '../../src/lib/report/chart';
import { escapeInline, quoteBlock, reportMarkdown, type ReportStrings } from '../../src/lib/report/markdown';
import { buildReport, type ReportCardInfo } from '../../src/lib/report/model';
import { dictionaries } from '../../src/i18n';
import type { Action, CardNote, Position, Session } from '../../src/lib/store/types';

const session: Session = {
  id: 's1',
  kind: 'teamoverleg',
  title: 'Teamoverleg *maart*',
  team: 'Noord',
  date: '2025-03-14',
  lang: 'nl',
  deck: { cards: ['b', 'a'] },
  createdAt: 1,
  updatedAt: 1,
};
const A: ReportCardInfo = { id: 'a', number: 1, title: 'Kaart A', kind: 'kenniskaart' };
const B: ReportCardInfo = {
  id: 'b',
  number: 2,
  title: 'Zelfredzaam of samenredzaam?',
  kind: 'dilemma',
  poles: ['Zelfredzaam', 'Samenredzaam'],
};
const C: ReportCardInfo = { id: 'c', number: 3, title: 'Niet in de stapel', kind: 'dilemma', poles: ['X', 'Y'] };

const note = (cardId: string, text: string, sessionId = 's1'): CardNote => ({
  id: `n-${cardId}`,
  sessionId,
  cardId,
  text,
  updatedAt: 1,
});
const position = (cardId: string, participant: string, value: number, agreed = false, updatedAt = 1): Position => ({
  id: `p-${cardId}-${participant}`,
  sessionId: 's1',
  cardId,
  participant,
  value,
  agreed,
  updatedAt,
});
const action = (id: string, over: Partial<Action> = {}): Action => ({
  id,
  sessionId: 's1',
  text: `actie ${id}`,
  done: false,
  createdAt: Number(id.replace(/\D/g, '')) || 1,
  updatedAt: 1,
  ...over,
});

const nl = dictionaries.nl.sessions;
const options = { lang: 'nl' as const, strings: nl.report satisfies ReportStrings, kinds: nl.kinds };

describe('buildReport', () => {
  it('lists only cards with something recorded, in deck order, unknown and out-of-deck cards last', () => {
    const report = buildReport(
      session,
      {
        notes: [note('a', 'over A'), note('b', '   '), note('zz', 'weg'), note('a', 'andere sessie', 's2')],
        positions: [
          position('b', 'Bram', 70, false, 2),
          position('b', 'Anna', 20, false, 1),
          position('b', '', 40, true),
        ],
        actions: [action('x2', { cardId: 'c' }), action('x1'), action('x3', { cardId: 'a', done: true })],
      },
      [B, A],
      [A, B, C],
    );
    expect(report.sections.map((s) => s.cardId)).toEqual(['b', 'a', 'c', 'zz']);
    const b = report.sections[0]!;
    expect(b.note).toBe('');
    expect(b.markers).toEqual([
      { participant: 'Anna', value: 20 },
      { participant: 'Bram', value: 70 },
    ]);
    expect(b.own).toBe(40);
    expect(report.sections[1]?.note).toBe('over A');
    expect(report.sections[2]?.card?.title).toBe('Niet in de stapel');
    expect(report.sections[3]?.card).toBeUndefined();
    expect(report.otherActions.map((a) => a.id)).toEqual(['x1']);
  });

  it('in zelfreflectie the single marker is "my" position', () => {
    const report = buildReport(
      { ...session, kind: 'zelfreflectie' },
      { notes: [], positions: [position('b', '', 65)], actions: [] },
      [B],
    );
    expect(report.sections[0]).toMatchObject({ markers: [], own: 65 });
  });
});

describe('reportMarkdown', () => {
  const report = buildReport(
    session,
    {
      notes: [
        note(
          'b',
          'Eerste regel\n# geen kop\n- geen lijst\n<img src=x onerror="alert(1)">\n[klik](javascript:alert(1))\n\n1. nummer',
        ),
      ],
      positions: [position('b', 'Anna', 20), position('b', '', 40, true)],
      actions: [action('x1', { cardId: 'b', owner: 'Anna_B', due: '2025-04-01' }), action('x2', { done: true })],
    },
    [B, A],
  );
  const md = reportMarkdown(report, options);

  it('has the session, the card, the note, the positions and the actions', () => {
    expect(md).toContain('# Teamoverleg \\*maart\\*');
    expect(md).toContain('- Soort: Teamoverleg');
    expect(md).toContain('- Team: Noord');
    expect(md).toContain('- Datum: 14 maart 2025');
    expect(md).toContain('## Kaart 2: Zelfredzaam of samenredzaam?');
    expect(md).toContain('### Posities (0 = Zelfredzaam, 100 = Samenredzaam)');
    expect(md).toContain('- Anna: 20');
    expect(md).toContain('- **Gezamenlijke positie: 40**');
    expect(md).toContain('- [ ] actie x1 (wie: Anna\\_B; klaar op 1 april 2025)');
    expect(md).toContain('## Andere afspraken');
    expect(md).toContain('- [x] actie x2');
  });

  it('keeps user text inert: no HTML, links, headings or lists from a note', () => {
    expect(md).toContain('> Eerste regel\n> \\# geen kop\n> \\- geen lijst\n');
    expect(md).toContain('> \\<img src=x onerror="alert\\(1\\)"\\>');
    expect(md).toContain('> \\[klik\\]\\(javascript:alert\\(1\\)\\)');
    expect(md).toContain('>\n> 1\\. nummer');
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).not.toMatch(/(^|[^\\])\[klik/);
  });

  it('escapes inline text and quotes blocks line by line', () => {
    expect(escapeInline('a\nb')).toBe('a b');
    expect(escapeInline('`x` & <y> | ~z~ !')).toBe('\\`x\\` \\& \\<y\\> \\| \\~z\\~ \\!');
    expect(quoteBlock('a\r\n\r\n= b')).toBe('> a\n>\n> \\= b');
  });

  it('says so when nothing was recorded, in English too', () => {
    const empty = buildReport({ ...session, team: '' }, { notes: [], positions: [], actions: [] }, [A]);
    const en = dictionaries.en.sessions;
    const text = reportMarkdown(empty, { lang: 'en', strings: en.report, kinds: en.kinds });
    expect(text).toContain(en.report.empty);
    expect(text).toContain('- Kind: Team meeting');
    expect(text).not.toContain('- Team:');
    expect(text).toContain('14 March 2025');
  });
});

describe('dotPlot', () => {
  it('maps 0..100 onto the axis, clamping out-of-range values', () => {
    const plot = dotPlot([
      { label: 'a', value: 0 },
      { label: 'b', value: 100 },
      { label: 'c', value: 150 },
    ]);
    expect(plot.dots[0]?.x).toBe(plot.x0);
    expect(plot.dots[1]?.x).toBe(plot.x1);
    expect(plot.dots[2]?.value).toBe(100);
    expect(plot.x0).toBeGreaterThanOrEqual(plot.radius);
    expect(plot.x1).toBeLessThanOrEqual(plot.width - plot.radius);
    expect(plot.ticks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
  });

  it('stacks markers that would overlap, so equal values stay visible', () => {
    const plot = dotPlot([
      { label: 'a', value: 50 },
      { label: 'b', value: 50 },
      { label: 'c', value: 51 },
      { label: 'd', value: 90 },
    ]);
    expect(plot.dots.map((d) => d.row)).toEqual([0, 1, 2, 0]);
    for (const a of plot.dots) {
      for (const b of plot.dots) {
        if (a === b) continue;
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(plot.radius * 2);
      }
      expect(a.y - plot.radius).toBeGreaterThanOrEqual(0);
      expect(a.y + plot.radius).toBeLessThanOrEqual(plot.axisY);
    }
    expect(plot.height).toBeGreaterThan(plot.labelY);
    expect(plot.dots.map((d) => d.label)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('marks the agreed position, or none', () => {
    expect(dotPlot([], 25).agreed).toEqual({ value: 25, x: scaleX(25, dotPlot([]).x0, dotPlot([]).x1) });
    expect(dotPlot([]).agreed).toBeNull();
  });
});

describe('historyChart', () => {
  it('puts one row per session, oldest on top, joined by a line', () => {
    const chart = historyChart([
      { label: '1 jan', value: 0 },
      { label: '1 feb', value: 50 },
      { label: '1 mrt', value: 100 },
    ]);
    expect(chart.rows.map((r) => r.y)).toEqual([...chart.rows.map((r) => r.y)].sort((a, b) => a - b));
    expect(chart.rows[0]?.x).toBe(chart.x0);
    expect(chart.rows[2]?.x).toBe(chart.x1);
    expect(chart.path.startsWith(`M${chart.x0} `)).toBe(true);
    expect(chart.path.match(/L/g)).toHaveLength(2);
    expect(chart.labelX).toBeLessThan(chart.x0);
    expect(chart.height).toBeGreaterThan(chart.bottom);
  });
  it('draws no line for a single point', () => {
    expect(historyChart([{ label: 'x', value: 10 }]).path).toBe('');
  });
});
