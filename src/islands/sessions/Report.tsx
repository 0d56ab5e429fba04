/** A session's report: readable on screen, printable, and copyable as Markdown. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { reportMarkdown } from '../../lib/report/markdown';
import { buildReport, type ReportCardInfo, type SessionReport } from '../../lib/report/model';
import { sessionDeck } from '../../lib/sessions/deck';
import { formatDay } from '../../lib/sessions/format';
import type { Action } from '../../lib/store/types';
import type { SessionCard } from './types';
import { useNotices, useStore, useStrings } from './context';
import { useExports, usePageTitle, useStoreQuery, useViewFocus } from './hooks';
import { errorCode, errorText, RouteLink, SessionNotFound } from './ui';

function info(c: SessionCard): ReportCardInfo {
  const out: ReportCardInfo = { id: c.id, number: c.number, title: c.title, kind: c.kind };
  if (c.poles) out.poles = c.poles;
  return out;
}

export function Report({ id }: { id: string }) {
  const { repo } = useStore();
  const { t, lang, cards } = useStrings();
  const { toast } = useNotices();
  const { exportSession } = useExports();
  const s = t.s;
  const r = s.report;
  const [manual, setManual] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const manualRef = useRef<HTMLTextAreaElement>(null);

  const { data: report, error } = useStoreQuery(
    async (): Promise<SessionReport | null> => {
      const data = await repo.exportSession(id);
      const session = data.sessions[0];
      if (!session || session.deletedAt !== undefined) return null;
      const deck = sessionDeck(cards, session.deck).map(info);
      return buildReport(session, data, deck, cards.map(info));
    },
    [id],
    {
      stores: ['sessions', 'notes', 'positions', 'actions'],
      recover: (err) => (errorCode(err) === 'not-found' ? null : undefined),
    },
  );
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
        <button type="button" class="primary" onClick={copy}>
          {r.copy}
        </button>
        <button type="button" onClick={() => print()}>
          {r.print}
        </button>
        <button
          type="button"
          onClick={async () => {
            try {
              toast(fill(lang, s.view.exported, { file: await exportSession(session.id) }));
            } catch (err) {
              toast(errorText(t, err), { tone: 'error' });
            }
          }}
        >
          {s.view.exportSession}
        </button>
      </div>
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
