/** A session's report: readable on screen, printable, and copyable as Markdown or for e-mail and Word. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { reportMarkdown } from '../../lib/report/markdown';
import { buildReport, withHistory, type ReportCardInfo, type SessionReport } from '../../lib/report/model';
import { sessionDeck } from '../../lib/sessions/deck';
import { historyPoints, teamEntries, type HistoryPoint } from '../../lib/sessions/positions';
import { formatDay } from '../../lib/sessions/format';
import type { Dataset } from '../../lib/records/schemas';
import type { Action } from '../../lib/store/types';
import type { SessionCard } from './types';
import { useNotices, useStore, useStrings } from './context';
import { DotPlotFigure, HistoryFigure, RoundsFigure, TrendLine } from './PositionCharts';
import { usePageTitle, useStoreQuery, useViewFocus } from './hooks';
import { usePrivacyGate } from './PrivacyGate';
import { SessionExport } from './SessionExport';
import { errorCode, RouteLink, SessionNotFound } from './ui';

function info(c: SessionCard): ReportCardInfo {
  const out: ReportCardInfo = { id: c.id, number: c.number, title: c.title, kind: c.kind };
  if (c.poles) out.poles = c.poles;
  return out;
}

export function Report({ id }: { id: string }) {
  const { repo } = useStore();
  const { t, lang, cards } = useStrings();
  const { toast } = useNotices();
  const privacy = usePrivacyGate();
  const s = t.s;
  const r = s.report;
  const [manual, setManual] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const manualRef = useRef<HTMLTextAreaElement>(null);

  const { data: loaded, error } = useStoreQuery(
    async (): Promise<{ report: SessionReport; data: Dataset } | null> => {
      const data = await repo.exportSession(id);
      const session = data.sessions[0];
      if (!session || session.deletedAt !== undefined) return null;
      const deck = sessionDeck(cards, session.deck).map(info);
      const report = buildReport(session, data, deck, cards.map(info));
      // Earlier sessions of the team, per card with poles: the trend per card and across the fan.
      const histories = new Map<string, HistoryPoint[]>();
      const dilemmas = cards.filter((c) => c.poles);
      const entries = await Promise.all(dilemmas.map((c) => repo.positionHistory(c.id)));
      for (const [i, c] of dilemmas.entries()) {
        histories.set(c.id, historyPoints(teamEntries(entries[i] ?? [], session, { upTo: true })));
      }
      return { report: withHistory(report, histories, dilemmas.map(info)), data };
    },
    [id],
    {
      stores: ['sessions', 'notes', 'positions', 'actions'],
      recover: (err) => (errorCode(err) === 'not-found' ? null : undefined),
    },
  );
  const report = loaded === undefined ? undefined : (loaded?.report ?? null);
  /** Copy, print and any further way out of the report go through the privacy check first. */
  const guarded = (run: () => unknown) => () => {
    if (loaded) void privacy.guard(loaded.data, run);
  };
  useViewFocus(heading, report !== undefined);
  usePageTitle(report ? `${r.title}: ${report.session.title}` : undefined);

  const markdown = useMemo(
    () => (report ? reportMarkdown(report, { lang, strings: r, kinds: s.kinds }) : ''),
    [report, lang],
  );

  useEffect(() => {
    if (manual !== null) manualRef.current?.select();
  }, [manual]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown);
      setManual(null);
      toast(r.copied);
    } catch {
      // No permission or no clipboard API: show the text to copy by hand.
      setManual(markdown);
    }
  };

  if (error)
    return (
      <p class="ss-error" role="alert">
        {error}
      </p>
    );
  if (report === undefined) return <p class="ss-loading">{s.loading}</p>;
  if (report === null) {
    return <SessionNotFound headingRef={heading} />;
  }

  const { session } = report;
  const team = session.kind !== 'zelfreflectie';
  return (
    <article class="ss-report" aria-labelledby="ss-report-h">
      <p class="ss-back no-print">
        <RouteLink route={{ view: 'session', id: session.id, card: 0 }}>← {r.back}</RouteLink>
      </p>
      <p class="ss-report-kicker">{r.title}</p>
      <h2 id="ss-report-h" ref={heading} tabIndex={-1}>
        {session.title}
      </h2>
      <dl class="meta-list">
        <dt>{r.kind}</dt>
        <dd>{s.kinds[session.kind]}</dd>
        {session.team && (
          <>
            <dt>{r.team}</dt>
            <dd>{session.team}</dd>
          </>
        )}
        <dt>{r.date}</dt>
        <dd>{formatDay(session.date, lang)}</dd>
      </dl>
      <div class="ss-buttons no-print">
        <button type="button" class="primary" onClick={guarded(copy)} disabled={privacy.open}>
          {r.copy}
        </button>
        <CopyForMail report={report} guard={guarded} disabled={privacy.open} />
        <button type="button" onClick={guarded(() => print())} disabled={privacy.open}>
          {r.print}
        </button>
      </div>
      {privacy.gate && <div class="no-print">{privacy.gate}</div>}
      <SessionExport id={session.id} />
      {manual !== null && (
        <div class="ss-manual no-print">
          <p role="status">{r.copyManual}</p>
          <label for="ss-markdown">{r.markdownLabel}</label>
          <textarea id="ss-markdown" ref={manualRef} readOnly rows={12} value={manual} />
        </div>
      )}

      {report.sections.length === 0 && report.otherActions.length === 0 && <p>{r.empty}</p>}

      {report.sections.map((section, i) => (
        <section class="ss-report-card" key={section.cardId} aria-labelledby={`ss-r-${i}`}>
          <h3 id={`ss-r-${i}`}>
            {section.card
              ? fill(lang, r.cardHeading, { n: section.card.number, title: section.card.title })
              : fill(lang, r.unknownCard, { id: section.cardId })}
          </h3>
          {section.note.trim() !== '' && (
            <>
              <h4>{r.notes}</h4>
              <p class="ss-note-copy">{section.note}</p>
            </>
          )}
          {(section.markers.length > 0 || section.own !== null) && (
            <>
              <h4>
                {r.positions}
                {section.card?.poles && (
                  <span class="ss-hint">
                    {' '}
                    ({fill(lang, r.scale, { a: section.card.poles[0], b: section.card.poles[1] })})
                  </span>
                )}
              </h4>
              <ul>
                {section.markers.map((m, i) => (
                  <li key={i}>
                    {m.participant}: {m.value}
                  </li>
                ))}
                {section.own !== null ? (
                  <li>
                    <strong>{fill(lang, team ? r.agreed : r.own, { value: section.own })}</strong>
                  </li>
                ) : (
                  team && <li>{r.noAgreed}</li>
                )}
              </ul>
              {section.card?.poles && section.markers.length > 0 && (
                <DotPlotFigure markers={section.markers} agreed={section.own} poles={section.card.poles} />
              )}
              {section.card?.poles && section.rounds && (
                <RoundsFigure rounds={section.rounds} poles={section.card.poles} />
              )}
            </>
          )}
          {section.card?.poles && (report.trends?.[section.cardId]?.length ?? 0) >= 2 && (
            <>
              <h4>{team ? r.trend : r.trendOwn}</h4>
              <HistoryFigure
                points={report.trends?.[section.cardId] ?? []}
                poles={section.card.poles}
                currentId={session.id}
              />
            </>
          )}
          {section.actions.length > 0 && (
            <>
              <h4>{r.actions}</h4>
              <ActionList actions={section.actions} />
            </>
          )}
        </section>
      ))}
      {report.otherActions.length > 0 && (
        <section class="ss-report-card" aria-labelledby="ss-r-other">
          <h3 id="ss-r-other">{r.otherActions}</h3>
          <ActionList actions={report.otherActions} />
        </section>
      )}
      <FanTrend report={report} />
      <p class="ss-hint ss-report-footer">{r.footer}</p>
    </article>
  );
}

function ActionList({ actions }: { actions: Action[] }) {
  const { t, lang } = useStrings();
  const r = t.s.report;
  return (
    <ul class="ss-report-actions">
      {actions.map((a) => (
        <li key={a.id} class={a.done ? 'is-done' : undefined}>
          <span class="ss-mark">[{a.done ? r.doneMark : r.openMark}]</span> {a.text}
          {a.owner && <span class="ss-hint"> · {fill(lang, r.owner, { owner: a.owner })}</span>}
          {a.due && <span class="ss-hint"> · {fill(lang, r.due, { date: formatDay(a.due, lang) })}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * "Kopieer voor e-mail of Word": HTML plus plain text on the clipboard (lib/report/html), so
 * headings, lists and checkboxes arrive formatted. Without ClipboardItem (older Firefox) the
 * plain text goes alone; without any clipboard the text is shown to copy by hand.
 */
function CopyForMail({
  report,
  guard,
  disabled,
}: {
  report: SessionReport;
  /** The report's privacy check: the copy runs only after it. */
  guard: (run: () => unknown) => () => void;
  disabled: boolean;
}) {
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const s = t.s;
  const r = s.report;
  const [manual, setManual] = useState<string | null>(null);
  const copy = async () => {
    const { reportHtml, reportPlainText } = await import('../../lib/report/html');
    const o = { lang, strings: r, kinds: s.kinds };
    const html = reportHtml(report, o);
    const text = reportPlainText(report, o);
    try {
      if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/html': new Blob([html], { type: 'text/html' }),
            'text/plain': new Blob([text], { type: 'text/plain' }),
          }),
        ]);
      } else {
        await navigator.clipboard.writeText(text);
      }
      setManual(null);
      toast(r.copiedHtml);
    } catch {
      setManual(text);
    }
  };
  return (
    <>
      <button type="button" onClick={guard(copy)} disabled={disabled} data-copy-html>
        {r.copyHtml}
      </button>
      {manual !== null && (
        <div class="ss-manual no-print">
          <p role="status">{r.copyManual}</p>
          <textarea aria-label={r.copyHtml} readOnly rows={12} value={manual} />
        </div>
      )}
    </>
  );
}

/** Trend across cards: per card of the fan, "our" (or my) position in each session, first to last. */
function FanTrend({ report }: { report: SessionReport }) {
  const { t, lang } = useStrings();
  const r = t.s.report;
  const team = report.session.kind !== 'zelfreflectie';
  const rows = report.fanTrend ?? [];
  if (!rows.some((row) => row.points.length >= 2)) return null;
  return (
    <section class="ss-report-card ss-fan-trend" aria-labelledby="ss-r-trend">
      <h3 id="ss-r-trend">{r.trendAll}</h3>
      <p class="ss-hint">{team ? r.trendAllHelp : r.trendAllOwnHelp}</p>
      <ul class="ss-trend-list">
        {rows.map((row) => (
          <li key={row.card.id}>
            <span class="ss-trend-title">
              {fill(lang, r.cardHeading, { n: row.card.number, title: row.card.title })}
            </span>
            <TrendLine points={row.points} poles={row.card.poles ?? ['0', '100']} currentId={report.session.id} />
          </li>
        ))}
      </ul>
    </section>
  );
}
