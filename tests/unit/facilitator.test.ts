/** Issue 13's pure parts: the new-session link, suggestions per kind, team names, continuity, markers, and the pasteable report. */
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { scaleCells, textScale } from '../../src/lib/report/chart';
import { escapeHtml, reportHtml, reportPlainText } from '../../src/lib/report/html';
import { reportMarkdown } from '../../src/lib/report/markdown';
import { buildReport, withHistory, type ReportCardInfo } from '../../src/lib/report/model';
import { earlierOfTeam, isOverdue } from '../../src/lib/sessions/continuity';
import { canonicalTeam, kindOfFormat, KIND_FORMAT, suggestCards, teamKey } from '../../src/lib/sessions/kinds';
import { teamNames } from '../../src/lib/sessions/list';
import { dotLabel, nextFreeName, sameParticipant, teamEntries } from '../../src/lib/sessions/positions';
import { newSessionSearch, parseRoute, routeSearch } from '../../src/lib/sessions/route';
import type { Action, Position, Session } from '../../src/lib/store/types';
import { SESSION_KINDS } from '../../src/vocab';

const session = (over: Partial<Session> = {}): Session => ({
  id: 's1',
  kind: 'teamoverleg',
  title: 'Maart',
  team: 'Team Noord',
  date: '2025-03-10',
  lang: 'nl',
  deck: {},
  createdAt: 10,
  updatedAt: 10,
  ...over,
});
const position = (participant: string, value: number, over: Partial<Position> = {}): Position => ({
  id: `p-${participant}`,
  sessionId: 's1',
  cardId: 'b',
  participant,
  value,
  agreed: false,
  updatedAt: 1,
  ...over,
});

describe('the new-session link (?nieuw=1&kaarten=&lens=&soort=)', () => {
  it('round-trips cards, lens and kind, with readable commas', () => {
    const search = newSessionSearch({ cards: ['a-b', 'c'], lens: 'ouder', kind: 'workshop' });
    expect(search).toBe('?nieuw=1&kaarten=a-b,c&lens=ouder&soort=workshop');
    expect(parseRoute(search)).toEqual({
      view: 'list',
      create: { cards: ['a-b', 'c'], lens: 'ouder', kind: 'workshop' },
    });
    expect(newSessionSearch()).toBe('?nieuw=1');
    expect(parseRoute('?nieuw=1')).toEqual({ view: 'list', create: {} });
    const route = { view: 'list', create: { kind: 'gesprek' } } as const;
    expect(parseRoute(routeSearch(route))).toEqual(route);
    // Without nieuw=1 it is the plain list; a session id wins over the form.
    expect(parseRoute('?kaarten=a')).toEqual({ view: 'list' });
    expect(parseRoute('?nieuw=1&sessie=x')).toEqual({ view: 'session', id: 'x', card: 0 });
  });

  it('leaves out whatever is hostile or unknown, never failing', () => {
    const long = 'x'.repeat(300);
    const r = parseRoute(
      `?nieuw=1&kaarten=${encodeURIComponent('<script>')},A-B,,a-b, c ,../x,${long}&lens=%22evil&soort=admin`,
    );
    expect(r).toEqual({ view: 'list', create: { cards: ['a-b', 'c'] } });
    expect(parseRoute('?nieuw=1&lens=OUDER&soort=Workshop')).toEqual({
      view: 'list',
      create: { lens: 'ouder', kind: 'workshop' },
    });
    const many = Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',');
    const big = parseRoute(`?nieuw=1&kaarten=${many}`);
    expect(big.view === 'list' && big.create?.cards?.length).toBe(100);
    expect(parseRoute('?nieuw=2')).toEqual({ view: 'list' });
  });
});

describe('kinds and suggestions', () => {
  const cards = [
    { id: 'uitleg', number: 0, kind: 'uitleg' as const },
    { id: 'k1', number: 1, kind: 'kenniskaart' as const, theme: 'visies' as const },
    { id: 'd1', number: 2, kind: 'dilemma' as const, theme: 'visies' as const },
    { id: 'd2', number: 3, kind: 'dilemma' as const, theme: 'visies' as const },
    { id: 'k2', number: 4, kind: 'kenniskaart' as const, theme: 'grenzen' as const },
    { id: 'd3', number: 5, kind: 'dilemma' as const, theme: 'grenzen' as const },
    { id: 'd4', number: 6, kind: 'dilemma' as const, theme: 'grenzen' as const },
  ];
  it('suggests what each kind needs', () => {
    expect(suggestCards('teamoverleg', cards)).toEqual(['d1', 'd2']);
    expect(suggestCards('gesprek', cards)).toEqual(['d1']);
    // A kenniskaart first, then its dilemmas, topped up to four from the next spanningsveld.
    expect(suggestCards('workshop', cards)).toEqual(['k1', 'd1', 'd2', 'd3']);
    expect(suggestCards('zelfreflectie', cards)).toEqual(['k1', 'd1', 'd2']);
    // The filter steers it: only grenzen shown.
    expect(
      suggestCards(
        'zelfreflectie',
        cards.filter((c) => c.theme === 'grenzen'),
      ),
    ).toEqual(['k2', 'd3', 'd4']);
    expect(suggestCards('teamoverleg', [])).toEqual([]);
  });
  it('links every kind to a werkvorm and back', () => {
    for (const kind of SESSION_KINDS) expect(kindOfFormat(KIND_FORMAT[kind])).toBe(kind);
    expect(kindOfFormat('kies-je-plek')).toBeUndefined();
    expect(KIND_FORMAT.gesprek).toBe('gesprek-jongere-ouder');
  });
  it('has a name and help text for every kind in both languages', () => {
    for (const lang of ['nl', 'en'] as const) {
      for (const kind of SESSION_KINDS) {
        expect(dictionaries[lang].sessions.kinds[kind]).toBeTruthy();
        expect(dictionaries[lang].sessions.kindHelp[kind]).toBeTruthy();
        expect(dictionaries[lang].sessions.create.suggestion[kind]).toBeTruthy();
      }
    }
  });
});

describe('team names', () => {
  it('are one team regardless of case and extra spaces', () => {
    expect(teamKey('  Team   Noord ')).toBe('team noord');
    expect(canonicalTeam(' team  noord', ['Team Zuid', 'Team Noord'])).toBe('Team Noord');
    expect(canonicalTeam('  Nieuw   team ', ['Team Noord'])).toBe('Nieuw team');
    expect(canonicalTeam('   ', ['Team Noord'])).toBe('');
    expect(teamNames([{ team: 'Team Noord' }, { team: 'team noord ' }, { team: '' }, { team: 'Alfa' }])).toEqual([
      'Alfa',
      'Team Noord',
    ]);
  });
  it('continuity takes all earlier live sessions of the team, oldest first', () => {
    const now = session({ id: 'now', date: '2025-03-10', createdAt: 5 });
    const all = [
      now,
      session({ id: 'jan', date: '2025-01-10', team: 'team  noord' }),
      session({ id: 'feb', date: '2025-02-10', team: 'TEAM NOORD' }),
      session({ id: 'same-day-before', date: '2025-03-10', createdAt: 1 }),
      session({ id: 'same-day-after', date: '2025-03-10', createdAt: 9 }),
      session({ id: 'later', date: '2025-04-10' }),
      session({ id: 'other', date: '2025-01-01', team: 'Team Zuid' }),
      session({ id: 'deleted', date: '2025-01-02', deletedAt: 3 }),
    ];
    expect(earlierOfTeam(now, all).map((x) => x.id)).toEqual(['jan', 'feb', 'same-day-before']);
    expect(earlierOfTeam(session({ team: '' }), all)).toEqual([]);
  });
  it('marks open actions past their day as overdue', () => {
    const a = (over: Partial<Action>) => ({ done: false, ...over });
    expect(isOverdue(a({ due: '2025-03-09' }), '2025-03-10')).toBe(true);
    expect(isOverdue(a({ due: '2025-03-10' }), '2025-03-10')).toBe(false);
    expect(isOverdue(a({ due: '2025-03-09', done: true }), '2025-03-10')).toBe(false);
    expect(isOverdue(a({}), '2025-03-10')).toBe(false);
  });
});

describe('team markers', () => {
  it('finds a used name and offers the next free one', () => {
    const markers = [position('Anna', 20), position('anna (2)', 30)];
    expect(sameParticipant(markers, '  ANNA ')?.id).toBe('p-Anna');
    expect(sameParticipant(markers, 'Bram')).toBeUndefined();
    expect(nextFreeName('Anna', ['Anna'])).toBe('Anna (2)');
    expect(nextFreeName('Anna', ['Anna', 'anna (2)'])).toBe('Anna (3)');
    expect(nextFreeName('Anna (2)', ['Anna', 'Anna (2)'])).toBe('Anna (3)');
  });
  it('labels dots with initials or numbers', () => {
    expect(dotLabel('Anna')).toBe('A');
    expect(dotLabel('Anna de Vries')).toBe('AV');
    expect(dotLabel('Anna (2)')).toBe('A2');
    expect(dotLabel('Deelnemer 3')).toBe('3');
    expect(dotLabel('Participant 12')).toBe('12');
    expect(dotLabel('élodie')).toBe('É');
    expect(dotLabel('')).toBe('');
  });
  it('history of the team up to a session', () => {
    const now = session({ id: 'now' });
    const entry = (s: Session) => ({ session: s, positions: [], agreed: null });
    const list = [
      entry(session({ id: 'jan', date: '2025-01-01', team: 'team noord' })),
      entry(now),
      entry(session({ id: 'apr', date: '2025-04-01' })),
      entry(session({ id: 'zuid', team: 'Zuid' })),
    ];
    expect(teamEntries(list, now).map((e) => e.session.id)).toEqual(['jan', 'now', 'apr']);
    expect(teamEntries(list, now, { upTo: true }).map((e) => e.session.id)).toEqual(['jan', 'now']);
  });
});

describe('charts as text', () => {
  it('puts markers in 21 cells and marks the agreed one', () => {
    const cells = scaleCells(
      [
        { label: 'A', value: 0 },
        { label: 'B', value: 52 },
        { label: 'C', value: 50 },
        { label: 'D', value: 140 },
      ],
      75,
    );
    expect(cells).toHaveLength(21);
    expect(cells[0]?.labels).toEqual(['A']);
    expect(cells[10]?.labels).toEqual(['B', 'C']);
    expect(cells[20]?.labels).toEqual(['D']);
    expect(cells.findIndex((c) => c.agreed)).toBe(15);
    expect(textScale(cells)).toBe('|●·········2····◆····●|');
  });
});

describe('the report for e-mail and Word', () => {
  const B: ReportCardInfo = {
    id: 'b',
    number: 2,
    title: 'Zelf <of> samen?',
    kind: 'dilemma',
    poles: ['Zelf', 'Samen & co'],
  };
  const s1 = session({ title: 'Maart <img src=x onerror=alert(1)>', team: 'Noord "west"' });
  const base = buildReport(
    s1,
    {
      notes: [{ id: 'n', sessionId: 's1', cardId: 'b', text: 'Regel één\n<script>alert(1)</script>', updatedAt: 1 }],
      positions: [position('Anna', 20), position('Bram <b>', 80), position('', 40, { id: 'own', agreed: true })],
      actions: [
        {
          id: 'a1',
          sessionId: 's1',
          cardId: 'b',
          text: 'Bel <i>school</i>',
          owner: 'Anna',
          due: '2025-04-01',
          done: false,
          createdAt: 1,
          updatedAt: 1,
        },
        { id: 'a2', sessionId: 's1', text: 'Klaar', done: true, createdAt: 2, updatedAt: 2 },
      ],
    },
    [B],
  );
  const history = new Map([
    [
      'b',
      [
        { sessionId: 's0', title: 'Jan', date: '2025-01-10', value: 10 },
        { sessionId: 's1', title: 'Maart', date: '2025-03-10', value: 40 },
      ],
    ],
  ]);
  const report = withHistory(base, history, [B]);
  const nl = dictionaries.nl.sessions;
  const o = { lang: 'nl' as const, strings: nl.report, kinds: nl.kinds };
  const html = reportHtml(report, o);

  it('escapes every piece of user text', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html).not.toMatch(/<(img|script|b|i)[\s>]/);
    expect(html).toContain('<h1>Maart &lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(html).toContain('Noord &quot;west&quot;');
    expect(html).toContain('Samen &amp; co');
  });
  it('has headings, lists, checkboxes, the scale and the trends', () => {
    expect(html).toContain('<h2>Kaart 2: Zelf &lt;of&gt; samen?</h2>');
    expect(html).toContain('<h3>Notities</h3>');
    expect(html).toContain('Regel één<br>&lt;script&gt;');
    expect(html).toContain('<li>Anna: 20</li>');
    expect(html).toContain('<li><strong>Gezamenlijke positie: 40</strong></li>');
    expect(html).toContain('☐ Bel &lt;i&gt;school&lt;/i&gt; (wie: Anna; klaar op 1 april 2025)</li>');
    expect(html).toContain('☑ Klaar</li>');
    expect(html.match(/<table/g)).toHaveLength(2);
    expect(html).toContain(`<h3>${nl.report.trend}</h3>`);
    expect(html).toContain(`<h2>${nl.report.trendAll}</h2>`);
    expect(html).toContain('10 (10 januari 2025) → 40 (10 maart 2025)');
  });
  it('says the same in plain text, without Markdown marks', () => {
    const text = reportPlainText(report, o);
    expect(text).toContain('Maart <img src=x onerror=alert(1)>\n=====');
    expect(text).toContain('• Anna: 20');
    expect(text).toContain('☐ Bel <i>school</i> (wie: Anna; klaar op 1 april 2025)');
    expect(text).toContain('☑ Klaar');
    expect(text).toContain('Alle posities: Zelf |');
    expect(text).not.toMatch(/- \[[x ]\]|\\[(*_]/);
  });
  it('the Markdown carries the plot and the trend too', () => {
    const md = reportMarkdown(report, o);
    expect(md).toContain('```\nZelf |····●···◆·······●····| Samen & co\n```');
    expect(md).toContain(`### ${nl.report.trend}\n\n- 10 januari 2025: 10\n- 10 maart 2025: 40`);
    // One point is no trend.
    const single = withHistory(
      base,
      new Map([['b', [{ sessionId: 's1', title: 'M', date: '2025-03-10', value: 40 }]]]),
      [B],
    );
    expect(reportMarkdown(single, o)).not.toContain(nl.report.trend);
    expect(reportHtml(single, o)).not.toContain(nl.report.trendAll);
  });
});
