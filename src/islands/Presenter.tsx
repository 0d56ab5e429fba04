/**
 * Full-screen presenter: one card at a time in large type, for the back of a room at 1080p.
 * Keys: → or space next, ← previous, F full screen, T timer, Q QR code, Esc leave. Swipe on touch.
 */
import type { ComponentType } from 'preact';
import { loadPart } from '../lib/load';
import { newSessionSearch } from '../lib/sessions/link';
import { relayConfig } from '../lib/room/config';
import type { PresenterRoomProps } from './room/PresenterRoom';
import { useEffect, useRef, useState } from 'preact/hooks';
import { hasNext, hasPrev, next, prev, progress } from '../lib/deck/cursor';
import { nextCard, timerFor, toggle, type TimerState } from '../lib/deck/timer';
import { themeClass, type Perspective } from '../vocab';
import { DeckCard } from './DeckCard';
import { joinHrefWithLens } from '../lib/deck/lens';
import { Timer } from './Timer';
import type { DeckLinks } from './deck/links';
import { RoomNotes, useDeckSession } from './deck/RoomNotes';
import type { DeckStrings, IslandCard } from './types';
import '../styles/presenter-notes.css';

type QrComponent = ComponentType<{ url: string; label: string }>;
type RoomComponent = ComponentType<PresenterRoomProps>;

interface Props {
  deck: IslandCard[];
  index: number;
  flipped: boolean;
  lens?: Perspective | undefined;
  t: DeckStrings;
  /** The deck's screen-reader text for the current card; the page behind is inert while presenting. */
  announcement: string;
  onIndex: (i: number) => void;
  onFlip: () => void;
  onClose: () => void;
  /** The session this presentation belongs to: its room's positions are saved there. */
  session?: string | undefined;
  /** "Open de zaal" made a session for these cards: the deck ties itself to it as to a session's. */
  onSession?: ((id: string) => void) | undefined;
  links?: DeckLinks | undefined;
}

const TIMER_KEY = 'kjk.timer.minutes';

function savedMinutes(): number {
  try {
    return Number(localStorage.getItem(TIMER_KEY)) || 5;
  } catch {
    return 5;
  }
}

export function Presenter({
  deck,
  index,
  flipped,
  lens,
  t,
  announcement,
  onIndex,
  onFlip,
  onClose,
  session,
  onSession,
  links,
}: Props) {
  const root = useRef<HTMLDivElement>(null);
  const [showTimer, setShowTimer] = useState(false);
  const [showQr, setShowQr] = useState(false);
  const [timer, setTimer] = useState<TimerState>(() => timerFor(savedMinutes()));
  // Parts load on first use through loadPart (tried again, failures heard by the page). Not
  // useLazy (sessions/hooks.ts): that would bring the sessions store's chunk to the deck page.
  const [Qr, setQr] = useState<QrComponent | null>(null);
  // The room (socket.io, the store, the QR encoder) loads only when "Open de zaal" is pressed.
  const [Room, setRoom] = useState<RoomComponent | null>(null);
  const [roomKey, setRoomKey] = useState(0);
  const [showJoin, setShowJoin] = useState(false);
  const [showRoomHelp, setShowRoomHelp] = useState(false);
  const relay = relayConfig() !== null;
  // A room that ended opens again as a new one (a new key).
  const openRoom = () =>
    void loadPart(() => import('./room/PresenterRoom')).then(
      (m) => {
        setRoom(() => m.default);
        setRoomKey((k) => k + 1);
      },
      () => undefined,
    );
  const {
    made,
    making,
    make: makeRoom,
  } = useDeckSession(deck, t, lens, (id) => {
    onSession?.(id);
    openRoom();
  });
  // Without a session (the cards page), "Open de zaal" first makes one for the cards shown.
  const sessionId = session ?? made?.id;
  const swipe = useRef<{ x: number; y: number } | null>(null);
  const card = deck[index];
  const n = deck.length;

  const go = (i: number) => {
    if (i === index) return;
    onIndex(i);
    setTimer((old) => nextCard(old, Date.now()));
  };

  const changeTimer = (next: TimerState) => {
    setTimer(next);
    try {
      localStorage.setItem(TIMER_KEY, String(next.minutes));
    } catch {
      // Private mode: the length just is not remembered.
    }
  };

  const fullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void root.current?.requestFullscreen?.().catch(() => undefined);
  };

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    // A real modal: everything outside the presenter (siblings of it and of each ancestor) is
    // made inert, so Tab and screen readers stay inside without moving the presenter in the DOM.
    const behind: HTMLElement[] = [];
    for (let el: HTMLElement | null = root.current; el && el !== document.body; el = el.parentElement) {
      for (const sib of el.parentElement?.children ?? [])
        if (sib !== el && sib instanceof HTMLElement && !sib.inert) behind.push(sib);
    }
    for (const el of behind) el.inert = true;
    root.current?.focus();
    document.documentElement.classList.add('is-presenting');
    return () => {
      for (const el of behind) el.inert = false;
      document.documentElement.classList.remove('is-presenting');
      if (document.fullscreenElement) void document.exitFullscreen();
      previous?.focus();
    };
  }, []);

  // The window listener is added once and always calls the newest handler: a second key
  // pressed before the next effect runs must still see the card the first one moved to.
  const onKey = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onKey.current = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    const key = e.key;
    // In the timer's fields keys type or tick boxes; only Esc still leaves.
    if (target.tagName === 'INPUT' && key !== 'Escape') return;
    // On a focused button, space and Enter press that button, not "next card" as well.
    if (target.tagName === 'BUTTON' && (key === ' ' || key === 'Enter')) return;
    if (key === 'ArrowRight' || key === ' ' || key === 'PageDown') go(next(index, n));
    else if (key === 'ArrowLeft' || key === 'PageUp') go(prev(index, n));
    else if (key === 'f' || key === 'F') fullscreen();
    else if (key === 't' || key === 'T') {
      if (!showTimer) setShowTimer(true);
      else setTimer((old) => toggle(old, Date.now()));
    } else if (key === 'q' || key === 'Q') {
      if (Room) setShowJoin((v) => !v);
      else setShowQr((v) => !v);
    } else if (key === 'Escape') {
      if (showJoin) setShowJoin(false);
      else if (showQr) setShowQr(false);
      else if (showRoomHelp) setShowRoomHelp(false);
      else onClose();
    } else if (key === 'Enter' && target === root.current) onFlip();
    else return;
    e.preventDefault();
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  // The QR encoder is only downloaded the first time someone asks for a code.
  useEffect(() => {
    if (showQr && !Qr)
      void loadPart(() => import('./QrCode')).then(
        (m) => setQr(() => m.default),
        () => undefined,
      );
  }, [showQr]);

  if (!card) return null;
  const cardUrl = new URL(card.href, location.href).href;

  return (
    <div
      ref={root}
      class={`presenter ${themeClass(card.theme)}${Room ? ' has-room' : showQr ? ' has-qr' : ''}`}
      role="dialog"
      aria-modal="true"
      aria-label={t.deck.presenter.title}
      tabIndex={-1}
      onPointerDown={(e) => (swipe.current = { x: e.clientX, y: e.clientY })}
      onPointerUp={(e) => {
        const s = swipe.current;
        swipe.current = null;
        if (!s || e.pointerType === 'mouse') return;
        const dx = e.clientX - s.x;
        if (Math.abs(dx) > 60 && Math.abs(e.clientY - s.y) < 80) go(dx < 0 ? next(index, n) : prev(index, n));
      }}
      onPointerCancel={() => (swipe.current = null)}
    >
      <div class="presenter-bar">
        <p class="presenter-progress" aria-live="polite">
          {progress(index, n)}
        </p>
        <div class="presenter-actions">
          <button type="button" onClick={() => go(prev(index, n))} aria-disabled={!hasPrev(index)}>
            ← <span class="visually-hidden">{t.deck.prev}</span>
          </button>
          <button type="button" onClick={onFlip}>
            {flipped ? t.deck.flipFront : t.deck.flipBack}
          </button>
          <button type="button" onClick={() => go(next(index, n))} aria-disabled={!hasNext(index, n)}>
            → <span class="visually-hidden">{t.deck.next}</span>
          </button>
          <button type="button" onClick={fullscreen}>
            {t.deck.presenter.fullscreen}
          </button>
          <button type="button" aria-pressed={showTimer} onClick={() => setShowTimer((v) => !v)}>
            {t.deck.presenter.timer}
          </button>
          {!Room && (
            <button type="button" aria-pressed={showQr} onClick={() => setShowQr((v) => !v)}>
              {t.deck.presenter.qr}
            </button>
          )}
          {relay && links && !Room && (
            <button
              type="button"
              class="primary"
              disabled={making === 'busy'}
              onClick={sessionId ? openRoom : makeRoom}
              title={sessionId ? t.room.openHelp : undefined}
            >
              {t.room.open}
            </button>
          )}
          {!relay && links && (
            // Not hidden: a trainer who looks for the room learns why it is off and how to get it.
            <button
              type="button"
              aria-expanded={showRoomHelp}
              aria-controls="presenter-room-off"
              onClick={() => setShowRoomHelp((v) => !v)}
            >
              {t.deck.presenter.roomOff}
            </button>
          )}
          {!sessionId && links && (
            // Exactly these cards, in this order, with the lens.
            <a
              class="button"
              href={`${links.sessions}${newSessionSearch({ cards: deck.map((c) => c.id), ...(lens ? { lens } : {}) })}`}
            >
              {t.room.startSession}
            </a>
          )}
          <button type="button" onClick={onClose}>
            {t.deck.presenter.close}
          </button>
        </div>
        <RoomNotes t={t} making={making} made={made} links={links} index={index} showHelp={showRoomHelp} />
      </div>
      <p class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {showTimer && <Timer timer={timer} onChange={changeTimer} t={t} />}
      <div class="presenter-stage">
        <div class="presenter-stage-card" key={`${card.id}-${flipped}`}>
          <DeckCard card={card} t={t} flipped={flipped} lens={lens} level={2} />
        </div>
        {/* Its own column beside the card, so the code never covers a pole. */}
        {showQr && (
          <div class="presenter-qr" role="group" aria-label={t.deck.qr.title}>
            <p>{t.deck.qr.title}</p>
            {Qr ? <Qr url={cardUrl} label={`${t.deck.qr.title}: ${cardUrl}`} /> : <p>…</p>}
            <p class="presenter-qr-url">{cardUrl}</p>
            <p>{t.deck.qr.hint}</p>
          </div>
        )}
        {Room && sessionId && links && (
          <Room
            key={roomKey}
            sessionId={sessionId}
            card={card}
            t={t}
            joinHref={joinHrefWithLens(links.join, lens)}
            showJoin={showJoin}
            onShowJoin={setShowJoin}
            onEnded={openRoom}
            next={deck[index + 1]?.title ?? null}
            timer={showTimer ? timer : null}
            deck={deck}
            onGoTo={(id) =>
              go(
                Math.max(
                  0,
                  deck.findIndex((c) => c.id === id),
                ),
              )
            }
          />
        )}
      </div>
      <p class="presenter-keys">{t.deck.presenter.keys}</p>
    </div>
  );
}
