/** One session: its cards one at a time, with notes, positions and history, and the session's actions. */
import { useMemo, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { clampIndex } from '../../lib/deck/cursor';
import { sessionDeck } from '../../lib/sessions/deck';
import { themeClass } from '../../vocab';
import { isOverdue, openActionsOfTeam } from '../../lib/sessions/continuity';
import { formatDay, todayIso } from '../../lib/sessions/format';
import { presentHref } from '../../lib/sessions/present';
import { lensLabel, lensSummary, speaksTo } from '../../lib/deck/lens';
import type { Session } from '../../lib/store/types';
import { PERSPECTIVES, type Perspective } from '../../vocab';
import { Actions } from './Actions';
import { CardNotes } from './CardNotes';
import { useNavigation, useNotices, useStore, useStrings } from './context';
import { usePageTitle, useStoreQuery, useViewFocus } from './hooks';
import { SessionExport } from './SessionExport';
import { PositionHistory, Positions } from './Positions';
import type { SessionCard } from './types';
import { errorText, RouteLink, SessionNotFound } from './ui';

const NONE: ReadonlySet<string> = new Set();

export function SessionView({ id, cardIndex }: { id: string; cardIndex: number }) {
  const { repo } = useStore();
  const { t, lang, cards } = useStrings();
  const { go, cardsHref } = useNavigation();
  const { toast } = useNotices();
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
  // Shown at once; stored too, "all roles" ('') as no lens (null takes the stored one away).
  const [lensOverride, setLensOverride] = useState<Perspective | '' | null>(null);
  const lens = lensOverride ?? session?.lens ?? '';
  const setLens = async (next: Perspective | '') => {
    setLensOverride(next);
    if (!session) return;
    try {
      await repo.sessions.update(session.id, { lens: next === '' ? null : next });
    } catch (err) {
      toast(errorText(t, err), { tone: 'error' });
    }
  };

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
          {deck.length > 0 && (
            <a
              class="button"
              href={presentHref(
                cardsHref,
                deck.map((c) => c.id),
                index,
                session.id,
                lens,
              )}
            >
              {s.view.present}
            </a>
          )}
        </div>
        {/* Export goes through the privacy check, and can be encrypted (as on the report). */}
        <SessionExport id={session.id} />
      </header>

      {session.team.trim() !== '' && <PreviousActions session={session} />}
      <LensChoice session={session} lens={lens} onLens={setLens} />

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
          <CardFace card={card} lens={lens} />
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

/** The session's lens (from the deck or the form): which role's questions each card shows. */
function LensChoice({
  session,
  lens,
  onLens,
}: {
  session: Session;
  lens: Perspective | '';
  onLens(v: Perspective | ''): void;
}) {
  const { t } = useStrings();
  const v = t.s.view;
  return (
    <p class="ss-field ss-lens no-print">
      <label for={`ss-lens-${session.id}`}>{v.lens}</label>{' '}
      <select
        id={`ss-lens-${session.id}`}
        value={lens}
        onChange={(e) => onLens(e.currentTarget.value as Perspective | '')}
      >
        <option value="">{v.lensNone}</option>
        {PERSPECTIVES.map((p) => (
          <option value={p} key={p}>
            {t.perspectives[p]}
          </option>
        ))}
      </select>
    </p>
  );
}

function CardFace({ card, lens }: { card: SessionCard; lens: Perspective | '' }) {
  const { t, lang } = useStrings();
  const s = t.s;
  const lensed = lens ? (card.perspectives?.[lens] ?? []) : [];
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
      <p class="ss-card-summary">{lensSummary(card, lens)}</p>
      {card.poles && (
        <p class="ss-card-poles">
          <span class="ss-pole ss-pole-a">
            {lensLabel({ label: card.poles[0], plain: card.plainPoles?.[0] }, lens)}
          </span>
          <span aria-hidden="true">↔</span>
          <span class="ss-pole ss-pole-b">
            {lensLabel({ label: card.poles[1], plain: card.plainPoles?.[1] }, lens)}
          </span>
        </p>
      )}
      <details class="ss-questions" open={lensed.length > 0}>
        <summary>
          {lensed.length > 0 && lens
            ? speaksTo(lens)
              ? s.view.lensForYou
              : fill(lang, s.view.lensQuestions, { role: t.perspectives[lens] })
            : s.view.questions}
        </summary>
        <ul>
          {(lensed.length > 0 ? lensed : card.questions).map((q) => (
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

/** Continuity: the open actions of all earlier sessions of this team, to tick off now. */
function PreviousActions({ session }: { session: Session }) {
  const { repo } = useStore();
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const s = t.s;
  const today = todayIso();
  const previous = useStoreQuery(() => openActionsOfTeam(repo, session), [session.id, session.team], {
    stores: ['actions', 'sessions'],
    // Continuity is a help, not the work: without it the session works just as well.
    recover: () => [],
  }).data;

  if (!previous || previous.length === 0) return null;
  return (
    <section class="ss-panel ss-previous" aria-labelledby="ss-previous-h">
      <h3 id="ss-previous-h">{s.view.previousAll}</h3>
      <p class="ss-hint">{s.view.previousHelp}</p>
      <ul class="ss-actions-list">
        {previous.map(({ action: a, session: from }) => (
          <li key={a.id} class={isOverdue(a, today) ? 'is-overdue' : undefined}>
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
                {isOverdue(a, today) && <strong class="ss-overdue"> · {s.actions.overdue}</strong>}
                <span class="ss-hint ss-previous-from">
                  {fill(lang, s.view.previousItem, { title: from.title, date: formatDay(from.date, lang) })}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
