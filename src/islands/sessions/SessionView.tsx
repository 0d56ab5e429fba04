/** One session: its cards one at a time, with notes, positions and history, and the session's actions. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { clampIndex } from '../../lib/deck/cursor';
import { sessionDeck } from '../../lib/sessions/deck';
import { themeClass } from '../../vocab';
import { formatDay } from '../../lib/sessions/format';
import type { PreviousSessionActions } from '../../lib/store/repo';
import type { Session } from '../../lib/store/types';
import { Actions } from './Actions';
import { CardNotes } from './CardNotes';
import { PositionHistory, Positions } from './Positions';
import type { SessionCard } from './types';
import { errorText, fill, pageTitle, RouteLink, SessionNotFound, useApp, useChanges, useViewFocus } from './ui';

export function SessionView({ id, cardIndex }: { id: string; cardIndex: number }) {
  const { repo, t, lang, cards, go, escalate, exportSession, toast } = useApp();
  const s = t.s;
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [noted, setNoted] = useState<Set<string>>(new Set());
  const [error, setError] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const load = async () => {
    try {
      const found = await repo.sessions.get(id);
      setSession(found && found.deletedAt === undefined ? found : null);
      setError('');
    } catch (err) {
      if (!escalate(err)) setError(errorText(t, err));
    }
  };
  const loadNotes = async () => {
    try {
      const notes = await repo.notes.list(id);
      setNoted(new Set(notes.filter((n) => n.text.trim() !== '').map((n) => n.cardId)));
    } catch {
      // Only the "(notitie)" marks in the card menu depend on this.
    }
  };
  useEffect(() => {
    setSession(undefined);
    void load();
    void loadNotes();
  }, [repo, id]);
  useChanges(['sessions'], (m) => {
    if (m.store === 'all' || m.id === id) void load();
  });
  useChanges(['notes'], () => void loadNotes());
  useViewFocus(heading, session !== undefined);

  useEffect(() => {
    if (session) pageTitle(session.title);
  }, [session?.title]);

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
      toast(fill(s.view.exported, { file }));
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
          {session.team && <span>{fill(s.view.team, { team: session.team })}</span>}
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
            <p class="ss-progress">{fill(s.view.cardOf, { i: index + 1, n: deck.length })}</p>
            <div class="ss-cardnav-buttons">
              <button type="button" onClick={() => toCard(index - 1)} disabled={index === 0}>
                ← <span class="ss-nav-text">{s.view.prev}</span>
              </button>
              <label class="ss-goto">
                <span class="visually-hidden">{s.view.goTo}</span>
                <select value={String(index)} onChange={(e) => toCard(Number(e.currentTarget.value))}>
                  {deck.map((c, i) => (
                    <option value={String(i)} key={c.id}>
                      {fill(noted.has(c.id) ? s.view.optionNote : s.view.option, { i: i + 1, title: c.title })}
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
  const { t } = useApp();
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
  const { repo, t, lang, toast } = useApp();
  const s = t.s;
  const [previous, setPrevious] = useState<PreviousSessionActions | null>(null);
  const load = async () => {
    try {
      setPrevious(await repo.openActionsOfPreviousSession(session.team, session.id));
    } catch {
      setPrevious(null);
    }
  };
  useEffect(() => {
    void load();
  }, [repo, session.id, session.team]);
  useChanges(['actions', 'sessions'], () => void load());

  if (!previous || previous.actions.length === 0) return null;
  return (
    <section class="ss-panel ss-previous" aria-labelledby="ss-previous-h">
      <h3 id="ss-previous-h">{s.view.previousTitle}</h3>
      <p class="ss-hint">{fill(s.view.previousFrom, { title: previous.session.title, date: formatDay(previous.session.date, lang) })}</p>
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
                {a.owner && <span class="ss-hint"> · {fill(s.actions.ownerIs, { owner: a.owner })}</span>}
                {a.due && <span class="ss-hint"> · {fill(s.actions.dueIs, { date: formatDay(a.due, lang) })}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
