/**
 * The audience view: the projector's window of a presenter's room. It shows only what the control
 * view sends over the room's BroadcastChannel (checked on receipt): the card, the count, after the
 * reveal the spread, the way in while phones join, and answers the presenter chose to show. It
 * has no controls but "full screen", and never a name: the snapshot carries none.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Dictionary } from '../../i18n';
import { fill } from '../../i18n/fill';
import { leanPhrase } from '../../lib/poles';
import type { AudienceScan, AudienceSnapshot, AudienceTimer } from '../../lib/room/audience';
import { formatClock, remainingMs } from '../../lib/deck/timer';
import { bye, hello, openViewsChannel, parseAudienceFragment } from '../../lib/room/views-channel';
import type { Lang } from '../../routes';
import { themeClass } from '../../vocab';
import QrCode from '../QrCode';
import { RoomRounds } from './RoundsCompare';
import ShownAnswers from './ShownAnswers';
import { Spread } from './Spread';
import { TablesAudience } from './TablesAudience';
import '../../styles/room.css';
import '../../styles/room-audience.css';
import '../../styles/room-audience-timer.css';

/** The words the audience page needs, in one language. */
export interface AudienceStrings {
  lang: Lang;
  room: Dictionary['room'];
  poles: Dictionary['poles'];
}

type View =
  | { kind: 'no-room' }
  | { kind: 'unsupported' }
  | { kind: 'waiting' }
  | { kind: 'shown'; snapshot: AudienceSnapshot };

/** How often a waiting window asks again: a control view that opens later still finds it. */
const ASK_AGAIN_MS = 2000;

function useSnapshot(): View {
  const [room, setRoom] = useState(() => parseAudienceFragment(location.hash));
  const [view, setView] = useState<View>({ kind: 'waiting' });
  useEffect(() => {
    // The presenter's button reuses this window for a new room: only the fragment changes.
    const moved = () => setRoom(parseAudienceFragment(location.hash));
    addEventListener('hashchange', moved);
    return () => removeEventListener('hashchange', moved);
  }, []);
  useEffect(() => {
    if (!room) return setView({ kind: 'no-room' });
    const channel = openViewsChannel(room);
    if (!channel.available) return setView({ kind: 'unsupported' });
    setView({ kind: 'waiting' });
    let answered = false;
    const stop = channel.subscribe((message) => {
      if (message.k !== 'snapshot') return;
      answered = true;
      setView({ kind: 'shown', snapshot: message.snapshot });
    });
    channel.post(hello());
    const again = setInterval(() => !answered && channel.post(hello()), ASK_AGAIN_MS);
    const leave = () => channel.post(bye());
    addEventListener('pagehide', leave);
    return () => {
      removeEventListener('pagehide', leave);
      clearInterval(again);
      stop();
      leave();
      channel.close();
    };
  }, [room]);
  return view;
}

export default function AudienceView({ t }: { t: AudienceStrings }) {
  const view = useSnapshot();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [full, setFull] = useState(false);
  useEffect(() => {
    // The window's one control has the focus, with a ring: Enter or space on the projector's laptop goes full screen.
    button.current?.focus({ preventScroll: true });
    const changed = () => setFull(document.fullscreenElement !== null && document.fullscreenElement !== undefined);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  const toggleFull = () => {
    if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
    else void root.current?.requestFullscreen?.().catch(() => undefined);
  };
  const v = t.room.views;
  const theme = view.kind === 'shown' ? view.snapshot.card?.theme : undefined;
  return (
    <div ref={root} class={`audience ${themeClass(theme)}`} data-view={view.kind}>
      <button ref={button} type="button" class="audience-full" aria-pressed={full} onClick={toggleFull}>
        {v.fullscreen}
      </button>
      {view.kind === 'shown' ? (
        <Shown t={t} snapshot={view.snapshot} />
      ) : (
        <p class="audience-message" role="status">
          {view.kind === 'no-room' ? v.noRoom : view.kind === 'unsupported' ? v.unsupported : v.waiting}
        </p>
      )}
    </div>
  );
}

function Shown({ t, snapshot }: { t: AudienceStrings; snapshot: AudienceSnapshot }) {
  const r = t.room;
  if (snapshot.status === 'closed')
    return (
      <p class="audience-message" role="status">
        {r.status.closed}
      </p>
    );
  const { card, join, answers } = snapshot;
  // The scan's outcome takes the card's place: its spreads are what the room talks about now.
  const poles = snapshot.scan ? null : (card?.poles ?? null);
  return (
    <div class={`audience-stage${join ? ' has-join' : ''}`}>
      <div class="audience-main">
        {snapshot.timer && <AudienceClock t={t} timer={snapshot.timer} />}
        {snapshot.scan && <AudienceScanOutcome t={t} scan={snapshot.scan} />}
        {snapshot.scan ? null : card ? (
          <div class="audience-card">
            <h2 class="audience-title">{card.title}</h2>
            {poles && (
              <p class="audience-poles">
                <span>{poles[0]}</span>
                <span class="audience-versus" aria-hidden="true">
                  ⟷
                </span>
                <span>{poles[1]}</span>
              </p>
            )}
          </div>
        ) : (
          <p class="audience-message">{r.join.waiting}</p>
        )}
        {/* At tables the room's own count says nothing: each table shows its own. */}
        {poles && !snapshot.tables && (
          <p class="audience-count" aria-live="polite" aria-atomic="true">
            {snapshot.joined === 0 && !snapshot.revealed
              ? r.nobody
              : `${fill(t.lang, r.count, { chosen: snapshot.chosen, joined: snapshot.joined })}${snapshot.revealed ? `. ${r.revealed}` : ''}`}
          </p>
        )}
        {poles && snapshot.rounds && (
          <RoomRounds lang={t.lang} rounds={snapshot.rounds} poles={poles} strings={r.rounds} id="audience-rounds" />
        )}
        {poles && !snapshot.rounds && snapshot.spread && snapshot.spread.length > 0 && (
          <Spread
            lang={t.lang}
            id="audience-spread"
            values={snapshot.spread.map((value) => ({ value }))}
            agreed={snapshot.agreed ?? null}
            poles={poles}
            template={r.chartText}
            agreedText={(value) =>
              fill(t.lang, t.poles.agreedCurrent, { value, lean: leanPhrase(t.lang, t.poles, poles, value) })
            }
          />
        )}
        {snapshot.tables && <TablesAudience t={t} tables={snapshot.tables} card={card?.title} />}
        {snapshot.question && (
          <ShownAnswers
            lang={t.lang}
            t={r.answers}
            question={snapshot.question}
            answers={(answers ?? []).map((a) => ({ text: a.text, hi: a.highlighted === true }))}
            cloud={snapshot.cloud === true}
          />
        )}
      </div>
      {join && (
        <div class="audience-join" role="group" aria-labelledby="audience-join-h">
          <h2 id="audience-join-h">{r.qrTitle}</h2>
          <QrCode url={join.url} label={fill(t.lang, r.qrLabel, { url: join.address })} />
          <p class="audience-address">{join.address}</p>
          <p class="audience-code">
            {join.code ? (
              <>
                <span>{join.renewed ? r.code.renewed : r.code.shown}</span> <strong>{join.code}</strong>
              </>
            ) : (
              r.code.none
            )}
          </p>
        </div>
      )}
    </div>
  );
}

/**
 * The presenter's timer, large enough to read from the back. It counts down on its own (one wake a
 * second); the end shows as "Tijd is om" in a block of inverted colours, said once; it pulses only
 * when the viewer did not ask for reduced motion (room-audience-timer.css).
 */
function AudienceClock({ t, timer }: { t: AudienceStrings; timer: AudienceTimer }) {
  const [, setTick] = useState(0);
  const left = remainingMs(timer, Date.now());
  useEffect(() => {
    if (timer.endsAt === undefined || left === 0) return;
    const wait = left % 1000 || 1000;
    const id = setTimeout(() => setTick((n) => n + 1), wait);
    return () => clearTimeout(id);
  });
  const done = left === 0;
  const paused = timer.endsAt === undefined && !done;
  const w = t.room.timer;
  return (
    <div class={`audience-timer${done ? ' is-done' : ''}${paused ? ' is-paused' : ''}`}>
      <p class="audience-timer-clock" role="timer" aria-label={w.remaining}>
        {formatClock(left)}
      </p>
      {paused && <p class="audience-timer-note">{w.paused}</p>}
      {done && (
        <p class="audience-timer-done" role="alert">
          {w.done}
        </p>
      )}
    </div>
  );
}

/** The room scan's outcome: each card's spread, and on one of them "Hier verschilt de zaal het meest". */
function AudienceScanOutcome({ t, scan }: { t: AudienceStrings; scan: AudienceScan }) {
  const s = t.room.scan;
  return (
    <section class="audience-scan" aria-labelledby="audience-scan-h">
      <h2 id="audience-scan-h" class="audience-title">
        {s.outcome}
      </h2>
      {scan.most === null && <p class="audience-scan-none">{s.mostNone}</p>}
      <ul class="audience-scan-cards">
        {scan.cards.map((c, i) => (
          <li key={c.id} class={c.id === scan.most ? 'is-most' : undefined}>
            <h3>{c.title}</h3>
            {c.id === scan.most && <p class="audience-scan-most">{s.most}</p>}
            <p>{fill(t.lang, s.positions, { n: c.spread.length })}</p>
            {c.poles && c.spread.length > 0 && (
              <Spread
                lang={t.lang}
                id={`audience-scan-${i}`}
                values={c.spread.map((value) => ({ value }))}
                agreed={null}
                poles={c.poles}
                template={t.room.chartText}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
