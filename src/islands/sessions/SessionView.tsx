/** One session: its cards one at a time, with notes, positions and history, and the session's actions. */
import { useMemo, useRef } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { clampIndex } from '../../lib/deck/cursor';
import { sessionDeck } from '../../lib/sessions/deck';
import { themeClass } from '../../vocab';
import { formatDay } from '../../lib/sessions/format';
import type { Session } from '../../lib/store/types';
import { Actions } from './Actions';
import { CardNotes } from './CardNotes';
import { useNavigation, useNotices, useStore, useStrings } from './context';
import { useExports, usePageTitle, useStoreQuery, useViewFocus } from './hooks';
import { PositionHistory, Positions } from './Positions';
import type { SessionCard } from './types';
import { errorText, RouteLink, SessionNotFound } from './ui';

const NONE: ReadonlySet<string> = new Set();

export function SessionView({ id, cardIndex }: { id: string; cardIndex: number }) {
  const { repo } = useStore();
  const { t, lang, cards } = useStrings();
  const { go } = useNavigation();
  const { toast } = useNotices();
  const { exportSession } = useExports();
  const s = t.s;
  const heading = useRef<HTMLHeadingElement>(null);

  const { data: session, error } = useStoreQuery(
    async () => {
      const found = await repo.sessions.get(id);
      return found && found.deletedAt === undefined ? found : null;
    },
    [id],
    { stores: ['sessions'], when: (m) => m.store === 'all' || m.id === id, reset: true },
  );
  const noted =
    useStoreQuery(
      async () => new Set((await repo.notes.list(id)).filter((n) => n.text.trim() !== '').map((n) => n.cardId)),
      [id],
      // Only the "(notitie)" marks in the card menu depend on this.
      { stores: ['notes'], quiet: true },
    ).data ?? NONE;
  useViewFocus(heading, session !== undefined);
  usePageTitle(session ? session.title : undefined);

  const deck = useMemo(() => (session ? sessionDeck(cards, session.deck) : []), [session?.deck, cards]);
  const index = clampIndex(cardIndex, deck.length);
  const card = deck[index];
  const toCard = (i: number) => go({ view: 'session', id, card: i }, { replace: true });

  if (error) {
    return (
      <p class="ss-error" role="alert">
        {error}
      </p>
    );
  }
  if (session === undefined) return <p class="ss-loading">{s.loading}</p>;
  if (session === null) {
    return <SessionNotFound headingRef={heading} />;
  }

  const exportThis = async () => {
    try {
      const file = await exportSession(session.id);
      toast(fill(lang, s.view.exported, { file }));
    } catch (err) {
      toast(errorText(t, err), { tone: 'error' });
    }
  };

  return (
    <div class="ss-session">
      <p class="ss-back no-print">
        <RouteLink route={{ view: 'list' }}>← {s.view.back}</RouteLink>
      </p>
      <header class="ss-session-head">
        <h2 ref={heading} tabIndex={-1}>
          {session.title}
        </h2>
        <p class="ss-item-meta">
          <span>{s.kinds[session.kind]}</span>
          {session.team && <span>{fill(lang, s.view.team, { team: session.team })}</span>}
          <span>{formatDay(session.date, lang)}</span>
        </p>
        <div class="ss-buttons no-print">
          <RouteLink class="button" route={{ view: 'report', id: session.id }}>
            {s.view.report}
          </RouteLink>
          <button type="button" onClick={exportThis}>
            {s.view.exportSession}
          </button>
        </div>
      </header>

      {session.team.trim() !== '' && <PreviousActions session={session} />}

      {card ? (
        <section class="ss-stage" aria-labelledby="ss-card-h">
          <nav class="ss-cardnav" aria-label={s.view.navLabel}>
            <p class="ss-progress">{fill(lang, s.view.cardOf, { i: index + 1, n: deck.length })}</p>
            <div class="ss-cardnav-buttons">
              <button type="button" onClick={() => toCard(index - 1)} disabled={index === 0}>
                ← <span class="ss-nav-text">{s.view.prev}</span>
              </button>
              <label class="ss-goto">
                <span class="visually-hidden">{s.view.goTo}</span>
                <select value={String(index)} onChange={(e) => toCard(Number(e.currentTarget.value))}>
                  {deck.map((c, i) => (
                    <option value={String(i)} key={c.id}>
                      {fill(lang, noted.has(c.id) ? s.view.optionNote : s.view.option, { i: i + 1, title: c.title })}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => toCard(index + 1)} disabled={index >= deck.length - 1}>
                <span class="ss-nav-text">{s.view.next}</span> →
              </button>
            </div>
          </nav>
          <CardFace card={card} />
          <div class="ss-work">
            <CardNotes key={`${session.id}:${card.id}`} session={session} card={card} />
            {card.poles && (
              <>
                <Positions key={`p:${session.id}:${card.id}`} session={session} card={card} poles={card.poles} />
                <PositionHistory key={`h:${session.id}:${card.id}`} session={session} card={card} poles={card.poles} />
              </>
            )}
          </div>
        </section>
      ) : (
        <p class="ss-empty">{s.view.noCards}</p>
      )}

      <Actions session={session} card={card} />
    </div>
  );
}

function CardFace({ card }: { card: SessionCard }) {
  const { t } = useStrings();
  const s = t.s;
  return (
    <article class={`ss-card ${themeClass(card.theme)}`} aria-labelledby="ss-card-h">
      <p class="ss-card-meta">
        {card.theme && <span class="badge">{t.themes[card.theme]}</span>}
        <span>
          {t.cardNumber} {card.number}
        </span>
        <span>{t.cardKinds[card.kind]}</span>
      </p>
      <h3 id="ss-card-h" class="ss-card-title">
        {card.title}
      </h3>
      <p class="ss-card-summary">{card.summary}</p>
      {card.poles && (
        <p class="ss-card-poles">
          <span class="ss-pole ss-pole-a">{card.poles[0]}</span>
          <span aria-hidden="true">↔</span>
          <span class="ss-pole ss-pole-b">{card.poles[1]}</span>
        </p>
      )}
      <details class="ss-questions">
        <summary>{s.view.questions}</summary>
        <ul>
          {card.questions.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
      </details>
      <p class="ss-card-link">
        <a href={card.href}>{s.view.readCard}</a>
      </p>
    </article>
  );
}

/** Continuity: the open actions of this team's previous session, to tick off now. */
function PreviousActions({ session }: { session: Session }) {
  const { repo } = useStore();
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const s = t.s;
  const previous = useStoreQuery(
    () => repo.openActionsOfPreviousSession(session.team, session.id),
    [session.id, session.team],
    {
      stores: ['actions', 'sessions'],
      // Continuity is a help, not the work: without it the session works just as well.
      recover: () => null,
    },
  ).data;

  if (!previous || previous.actions.length === 0) return null;
  return (
    <section class="ss-panel ss-previous" aria-labelledby="ss-previous-h">
      <h3 id="ss-previous-h">{s.view.previousTitle}</h3>
      <p class="ss-hint">
        {fill(lang, s.view.previousFrom, {
          title: previous.session.title,
          date: formatDay(previous.session.date, lang),
        })}
      </p>
      <ul class="ss-actions-list">
        {previous.actions.map((a) => (
          <li key={a.id}>
            <label class="ss-check">
              <input
                type="checkbox"
                checked={a.done}
                onChange={async () => {
                  try {
                    await repo.actions.toggle(a.id);
                  } catch (err) {
                    toast(errorText(t, err), { tone: 'error' });
                  }
                }}
              />
              <span>
                <span class="visually-hidden">{s.actions.done}: </span>
                {a.text}
                {a.owner && <span class="ss-hint"> · {fill(lang, s.actions.ownerIs, { owner: a.owner })}</span>}
                {a.due && (
                  <span class="ss-hint"> · {fill(lang, s.actions.dueIs, { date: formatDay(a.due, lang) })}</span>
                )}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
