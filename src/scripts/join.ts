/**
 * The phone's end of a room (/doe-mee/, /en/join/). The page holds every card's words as JSON and
 * one card's markup; this script fills it with the presenter's current card under the lens the
 * participant picks, sends its position on a dilemma until the reveal, and draws the spread after it. The room and its key come from the
 * #room= fragment, read once into sessionStorage and taken out of the address (join-link.ts); the
 * participant id lives in sessionStorage too, so a reload or a locked screen
 * comes back as the same participant with its position. The room logic is src/lib/room/session.ts
 * (which checks every decrypted message with the schemas); this file only wires it to the page.
 */
import { fill } from '../i18n/fill';
import { leanPhrase, leanValueText, type LeanStrings } from '../lib/poles';
import { relayConfig } from '../lib/room/config';
import type { RoomLink } from '../lib/room/fragment';
import { ROOM_LIMITS } from '../lib/room/limits';
import type { PhoneRoom, PhoneView, RoomStatus } from '../lib/room/session';
import { isToken, randomToken } from '../lib/room/wire';
import { type PhoneCard, ROOM_LINK_CLASS, voteLabels } from '../lib/room/phone-card';
import type { Lang } from '../routes';
import type { Perspective } from '../vocab';
import { loadWithRetry } from '../lib/load';
import { cardsFrom, drawCard } from './join-card';
import { plotSpread } from './dom';
import { joinTexts, loadLaterTexts } from './join-texts';
import { forgetRoomLink, takeRoomLink } from './join-link';
import type { ScanTexts } from './join-scan';

interface Texts {
  lang: Lang;
  status: Record<RoomStatus, string>;
  count: string;
  revealed: string;
  chartText: string;
  /** The words for a value between two poles (the dictionary's `poles`). */
  lean: LeanStrings;
  yours: string;
  sent: string;
  none: string;
  noRelay: string;
  noLink: string;
  badLink: string;
  /** "Beschermt": before what a pole protects, in the card's full text. */
  protects: string;
  /** The heading over a lens's questions. */
  questions: Record<Perspective, string>;
  /** Where the cards' words are (fetched while the name form shows), and what a failed fetch says. */
  cardsUrl: string;
  cardsFailed: string;
  /** "Ronde 2: kies opnieuw…" (the dictionary's room.rounds.phoneOpen). */
  roundOpen: string;
  /** The presenter's timer (room.timer), drawn by join-timer.ts. */
  timer: import('./join-timer').TimerTexts;
  /** The room scan's words (join-scan.ts). */
  scan: ScanTexts;
}

/** The room's connection code, fetched once (lib/load retries a failed fetch). */
let loadingConnection: Promise<typeof import('socket.io-client') & typeof import('../lib/room/session')> | null = null;
function connection() {
  loadingConnection ??= loadWithRetry(() =>
    Promise.all([import('socket.io-client'), import('../lib/room/session')]).then(([a, b]) => ({ ...a, ...b })),
  ).catch((error: unknown) => {
    // Asked again on the next try (a reload, or "start" once more), not stuck on this failure.
    loadingConnection = null;
    throw error;
  });
  return loadingConnection;
}

/** A part of the page's code that needs the later words (the answer form, a table), both fetched with retries. */
function withLaterTexts<T>(load: () => Promise<T>): Promise<T> {
  return loadWithRetry(() => Promise.all([load(), loadLaterTexts()]).then(([part]) => part));
}

const PID_KEY = 'kjk.room.pid';
/** The room this tab joined (and with which name), so a reload joins again without asking. */
const JOINED_KEY = 'kjk.room.joined';
const LENS_KEY = 'kjk.room.lens';
/** A held arrow key moves the slider many steps a second; the relay allows a phone a few messages. */
const SEND_EVERY_MS = 300;

function stored(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}
function store(key: string, value: string | null) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // Private mode without storage: a reload then joins as a new participant.
  }
}

function show(el: Element | null, on: boolean) {
  if (el) (el as HTMLElement).hidden = !on;
}

/** Says what is missing, instead of the name form the HTML shows for a room link. */
function saying(root: HTMLElement, text: string) {
  const el = root.querySelector<HTMLElement>('[data-problem]')!;
  // Written only when it differs: the HTML says "no link" already, and the same words drawn
  // again would be the first screen's late largest paint.
  if (el.textContent !== text) el.textContent = text;
  delete el.dataset.nolink;
  show(el, true);
  show(root.querySelector('[data-ask]'), false);
}

const root = document.getElementById('doe-mee');
/** Settles when the page's forms listen (join-entry.ts holds what was sent before then). */
export const started: Promise<unknown> = Promise.resolve(
  root && joinTexts('phone') ? start(root, joinTexts('phone') as Texts) : undefined,
);

async function start(root: HTMLElement, t: Texts): Promise<unknown> {
  const problem = (text: string) => saying(root, text);

  // The language switch keeps the room without carrying its key: the link waits in this tab's
  // sessionStorage, where the join page in the other language finds it (join-link.ts).
  const relay = relayConfig();
  if (!relay) return problem(t.noRelay);
  const link = takeRoomLink();
  if (link.ok) {
    // A link from storage (a reload): the name form, as when the address held it.
    document.documentElement.classList.add(ROOM_LINK_CLASS);
    return withLink(root, t, relay, link);
  }
  if (link.error !== 'missing') return problem(t.badLink);
  // No link: the typed code's form (its code loads only here), then on as with a link.
  return import('./join-code')
    .then(
      (m) =>
        m.mountCodeEntry(root, {
          lang: t.lang,
          relay,
          onJoined: (l, token) => {
            // From here on the page is as a room link opened it: the name form, not "type the code".
            document.documentElement.classList.add(ROOM_LINK_CLASS);
            withLink(root, t, relay, l, token);
          },
        }) || problem(t.noLink),
    )
    .catch(() => problem(t.noLink));
}

function withLink(
  root: HTMLElement,
  t: Texts,
  relay: { origin: string; path: string },
  link: RoomLink,
  token?: string,
) {
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T & Element>(sel)!;
  // The cards are fetched after the page's load, while the phone shows the form. socket.io and the
  // room's session (the larger part of this page's code: one task of 20-50 ms on a laptop to
  // start, about four times that on a phone) load at the first touch, key or focus on the page,
  // while its owner types a name, so a phone that only shows the form runs none of it ("Doe mee"
  // asks for it too).
  const prefetch = () => cardsFrom(t.cardsUrl).catch(() => undefined);
  if (document.readyState === 'complete') prefetch();
  else addEventListener('load', prefetch, { once: true });
  const warm = () => void connection().catch(() => undefined);
  for (const type of ['pointerdown', 'keydown', 'focusin'] as const)
    document.addEventListener(type, warm, { once: true, capture: true, passive: true });

  let again: { room?: unknown; name?: unknown } | null = null;
  try {
    again = JSON.parse(stored(JOINED_KEY) ?? 'null');
  } catch {
    // Not ours: ask again.
  }
  if (again?.room === link.room)
    return void enter(root, t, relay, link, typeof again.name === 'string' ? again.name : '', token);
  const form = $<HTMLFormElement>('[data-ask]');
  show(form, true);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = $<HTMLInputElement>('#room-name').value.trim().slice(0, ROOM_LIMITS.nameMaxChars);
    store(JOINED_KEY, JSON.stringify({ room: link.room, name }));
    show(form, false);
    void enter(root, t, relay, link, name, token);
  });
}

async function enter(
  root: HTMLElement,
  t: Texts,
  relay: { origin: string; path: string },
  link: RoomLink,
  name: string,
  token?: string,
) {
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T & Element>(sel)!;
  const lean = (poles: string[], v: number) => leanPhrase(t.lang, t.lean, poles, v);
  const valueText = (poles: string[], v: number) => leanValueText(t.lang, t.lean, poles, v);
  let cards = new Map<string, PhoneCard>();
  /** Set when the cards arrive after the presenter's card did: that card is drawn again. */
  let redraw = false;

  show($('[data-ask]'), false);
  show($('[data-joined]'), true);
  const slider = $<HTMLInputElement>('#room-position');
  const lensSelect = $<HTMLSelectElement>('[data-lens]');
  // The participant's own choice wins; else the lens the presenter shows (the QR link's ?blik=,
  // src/lib/deck/lens.ts). The menu's options are the check: no deck code on this page's budget.
  const asked = new URLSearchParams(location.search).get(lensSelect.dataset.param ?? '') ?? '';
  lensSelect.value = stored(LENS_KEY) ?? asked.trim().toLowerCase();
  if (lensSelect.selectedIndex < 0) lensSelect.value = '';

  let room: PhoneRoom | null = null;
  let view: PhoneView | null = null;
  let shownCard: string | null = null;
  let poles: string[] = [];
  let sent: number | null = null;
  let touched = false;
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** The phone's timer, loaded when the presenter's first timer message arrives. */
  let clock: Promise<typeof import('./join-timer')> | null = null;
  let answering: Promise<typeof import('./join-answer')> | null = null;
  /** The room scan's code, loaded when the first scan arrives. */
  let scanPart: Promise<typeof import('./join-scan')> | null = null;
  /** The table's code, loaded when the presenter first seats this phone (join-table.ts). */
  let tablePart: Promise<typeof import('./join-table')> | null = null;

  const setSent = (value: number | null) => {
    sent = value;
    $('[data-sent]').textContent = value === null ? t.none : fill(t.lang, t.sent, { value, lean: lean(poles, value) });
  };
  const setSlider = (value: number) => {
    slider.value = String(value);
    slider.setAttribute('aria-valuetext', valueText(poles, value));
    $('[data-value]').textContent = String(value);
  };
  const send = (value: number) => {
    if (timer) clearTimeout(timer);
    timer = null;
    const wait = last + SEND_EVERY_MS - Date.now();
    if (wait > 0) {
      timer = setTimeout(() => send(value), wait);
      return;
    }
    last = Date.now();
    touched = false;
    if (!view?.card) return;
    setSent(value);
    void room?.vote(view.card, value);
  };

  /** Fills the page's one card with the shown card, under the chosen lens. */
  const showLens = () => {
    const card = shownCard === null ? undefined : cards.get(shownCard);
    if (card) drawCard(root, card, lensSelect.value as Perspective | '', t);
  };
  lensSelect.addEventListener('change', () => {
    store(LENS_KEY, lensSelect.value || null);
    showLens();
  });
  showLens();

  slider.addEventListener('input', () => {
    touched = true;
    setSlider(Number(slider.value));
  });
  slider.addEventListener('change', () => send(Number(slider.value)));
  $('[data-vote]').addEventListener('submit', (e) => {
    e.preventDefault();
    send(Number(slider.value));
  });

  const drawSpread = (spread: number[]) => {
    $('[data-spread-text]').textContent = plotSpread($('[data-spread]'), spread, {
      lang: t.lang,
      chartText: t.chartText,
      poles,
    });
  };

  const render = (v: PhoneView) => {
    const previous = view;
    view = v;
    const ended = v.status === 'closed' || v.status === 'gone' || v.status === 'full' || v.status === 'unknown';
    $('[data-status]').textContent = v.status === 'open' ? '' : t.status[v.status];
    $('[data-status]').className = `room-status is-${v.status}`;
    show($('[data-live]'), !ended);
    if (v.status === 'closed' || v.status === 'gone' || v.status === 'unknown') forgetRoomLink();
    if (v.scan || scanPart) {
      scanPart ??= loadWithRetry(() => import('./join-scan')).catch((error: unknown) => {
        scanPart = null;
        throw error;
      });
      const scanContext = { lang: t.lang, t: t.scan, lean: t.lean, chartText: t.chartText, cards: () => cards };
      void scanPart
        .then((m) => m.renderScan(root, v.scan, ended, { ...scanContext, vote: (c, p) => void room?.scanVote(c, p) }))
        .catch(() => undefined);
    }
    if (v.table || tablePart) {
      tablePart ??= withLaterTexts(() => import('./join-table')).catch((error: unknown) => {
        tablePart = null;
        throw error;
      });
      const tableContext = { lang: t.lang, lean: t.lean, chartText: t.chartText, cards: () => cards };
      void tablePart
        .then((m) =>
          m.renderTable(root, v.table ?? null, ended, {
            ...tableContext,
            vote: (p) => void room?.tableVote(p),
            summary: (text) => room?.summary(text) ?? Promise.resolve(false),
          }),
        )
        .catch(() => undefined);
    }
    if (ended) return;

    if (v.card !== shownCard || redraw) {
      shownCard = v.card;
      redraw = false;
      const found = v.card === null ? undefined : cards.get(v.card);
      const box = $('[data-card]');
      box.dataset.card = found?.id ?? '';
      show(box, Boolean(found));
      show($('[data-waiting]'), !found);
      // A new card starts closed: its full text is one tap away again.
      $<HTMLDetailsElement>('.room-more').open = false;
      showLens();
      poles = voteLabels(found);
      touched = false;
      if (timer) clearTimeout(timer);
      timer = null;
      for (const [i, side] of ['a', 'b'].entries())
        for (const el of root.querySelectorAll(`[data-pole="${side}"]`)) el.textContent = poles[i] ?? '';
      $('[data-vote-label]').textContent = fill(t.lang, t.yours, { a: poles[0] ?? '', b: poles[1] ?? '' });
      setSlider(v.position ?? 50);
      setSent(v.position);
    } else if (v.round !== previous?.round) {
      // A new round on the same card: the phone chooses afresh, from the middle (lib/room/rounds).
      touched = false;
      if (timer) clearTimeout(timer);
      timer = null;
      setSlider(v.position ?? 50);
      setSent(v.position);
    } else if (v.position !== previous?.position && v.position !== null) {
      // The presenter says where this phone stood (after a reload): show it, unless it is moving now.
      if (!touched) setSlider(v.position);
      if (sent !== v.position) setSent(v.position);
    }
    const dilemma = poles.length === 2 && v.card !== null;
    const open = v.phase === 'open';
    show($('[data-novote]'), v.card !== null && !dilemma);
    show($('[data-vote]'), dilemma && open && !v.ask?.only);
    show($('[data-locked]'), dilemma && !open);
    // No count on a kenniskaart: nobody chooses there, and "0 of 30 have chosen" would say otherwise.
    const counts = v.joined > 0 && dilemma ? fill(t.lang, t.count, { chosen: v.chosen, joined: v.joined }) : '';
    const countText = v.phase === 'revealed' && dilemma ? `${t.revealed} ${counts}` : counts;
    if ($('[data-count]').textContent !== countText) $('[data-count]').textContent = countText;
    const roundText = dilemma && v.round > 1 ? fill(t.lang, t.roundOpen, { n: v.round }) : '';
    if ($('[data-round]').textContent !== roundText) $('[data-round]').textContent = roundText;
    if (v.timer && v.timer !== previous?.timer) {
      const at = v.timer;
      clock ??= import('./join-timer');
      clock.then(
        // At a table the live card is hidden: the timer goes where the phone looks (join-table.ts moves it back).
        (m) =>
          m.showTimer(root.querySelector<HTMLElement>('[data-table]:not([hidden])') ?? $('[data-live]'), at, t.timer),
        () => (clock = null),
      );
    }
    const spread = dilemma && v.spread && v.spread.length > 0 ? v.spread : null;
    show($('[data-spread-box]'), spread !== null);
    if (spread && spread.join() !== previous?.spread?.join()) drawSpread(spread);
    // The answer form's code loads only once the presenter asks a question.
    if (v.ask || answering) {
      answering ??= withLaterTexts(() => import('./join-answer'));
      answering.then(
        (m) => m.drawAnswer(root, t.lang, v.ask ?? null, (q, text) => room?.answer(q, text) ?? Promise.resolve(false)),
        () => {
          answering = null;
        },
      );
    }
  };

  cardsFrom(t.cardsUrl).then(
    (loaded) => {
      cards = loaded;
      redraw = true;
      if (view) render(view);
    },
    () => {
      $('[data-cards-failed]').textContent = t.cardsFailed;
      show($('[data-cards-failed]'), true);
    },
  );

  const known = stored(PID_KEY);
  // crypto.ts's newParticipantId is this; importing it would put the room's crypto in the start-up JS.
  const pid =
    known && isToken(known, ROOM_LIMITS.participantIdBytes) ? known : randomToken(ROOM_LIMITS.participantIdBytes);
  store(PID_KEY, pid);
  try {
    const { io, joinPresenterRoom } = await connection();
    room = await joinPresenterRoom({
      connect: (url, options) => io(url, options),
      relay,
      link,
      pid,
      ...(name ? { name } : {}),
      ...(token ? { token } : {}),
      onChange: render,
    });
    render(room.view());
  } catch {
    saying(root, t.badLink);
    show($('[data-joined]'), false);
  }
}
