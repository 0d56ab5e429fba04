/**
 * The presenter's room, loaded only when "Open de zaal" is pressed (with socket.io and the store).
 * Phones' positions arrive here, are shown here, and are saved into the session on this device
 * as they come in, through the store's own position writes: closing the presenter, or a relay
 * that dies, loses nothing that arrived. Before "Toon alle posities" only the count is shown.
 */
import { io } from 'socket.io-client';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { startCodeChannel } from '../../lib/room/code-host';
import { relayConfig } from '../../lib/room/config';
import { formatCode, type RoomCode } from '../../lib/room/pake/code';
import { type PerFrame, perFrame } from '../../lib/room/per-frame';
import { createRecorder, type RoomRecorder } from '../../lib/room/recorder';
import { initialRoom, positionsOn, roomCounts, type RoomState } from '../../lib/room/reducer';
import { openPresenterRoom, type PresenterRoom as Room, type RoomStatus } from '../../lib/room/session';
import { median } from '../../lib/sessions/format';
import { openStore } from '../../lib/store/open';
import { href } from '../../routes';
import QrCode from '../QrCode';
import type { IslandCard } from '../types';
import { AudienceButton, AudienceNote, ControlPanel, JoinOnScreen, useAudienceWindow } from './ControlView';
import { agreedText, Spread, valueText } from './Spread';
import { PresenterRounds } from './RoundsCompare';
import { roundsOn } from '../../lib/room/rounds';
import type { TimerState } from '../../lib/deck/timer';
import { audienceData, panelData, shownToAudience } from '../../lib/room/answers';
import AnswersPanel from './AnswersPanel';
import ShownAnswers from './ShownAnswers';
import { RoomScan } from './RoomScan';
import type { JoinStrings } from './types';
import '../../styles/room.css';
import '../../styles/room-code.css';

export interface PresenterRoomProps {
  sessionId: string;
  card: IslandCard;
  t: JoinStrings;
  /** The join page's path (with the deploy base). */
  joinHref: string;
  showJoin: boolean;
  onShowJoin: (show: boolean) => void;
  /** The room is closed or gone: the presenter can offer to open a new one. */
  onEnded: () => void;
  /** The next card's title for the control view; null on the last card. */
  next?: string | null | undefined;
  /** The presenter's timer while it is shown (null: hidden): every phone shows it too. */
  timer?: TimerState | null;
  /** The session's cards, for the room scan's picker; with onGoTo, which moves the deck to a card. */
  deck?: readonly IslandCard[];
  onGoTo?: (cardId: string) => void;
}

type Phase =
  | { kind: 'opening' }
  | { kind: 'failed'; text: string }
  | { kind: 'open'; room: Room; recorder: RoomRecorder };

export default function PresenterRoom(props: PresenterRoomProps) {
  const { sessionId, card, t } = props;
  const r = t.room;
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' });
  const [snapshot, setSnapshot] = useState<{ state: RoomState; status: RoomStatus }>({
    state: initialRoom(card.id),
    status: 'connecting',
  });
  const [saveFailed, setSaveFailed] = useState(false);
  const [agreed, setAgreed] = useState<Record<string, number>>({});
  // The typed code under the QR; `renewed` after the limiter retired one (too many wrong tries).
  const [code, setCode] = useState<{ code: RoomCode | null; renewed: boolean } | null>(null);
  const recorder = useRef<RoomRecorder | null>(null);
  const cardRef = useRef(card.id);
  cardRef.current = card.id;

  useEffect(() => {
    const relay = relayConfig();
    let stopped = false;
    let room: Room | null = null;
    let channel: ReturnType<typeof startCodeChannel> | null = null;
    // A store that cannot open ends the room as unreachable; a write that fails later shows "not saved".
    const store = openStore();
    // A plenary's votes arrive hundreds a second: draw once a frame, and save (which looks at every
    // phone: ~1 ms at 1,000) once per 100 ms, always the latest state. A timer, not a frame: a
    // presenter's tab in the background still saves.
    const draw = perFrame(setSnapshot, (tick) => requestAnimationFrame(tick));
    let save: PerFrame<RoomState> | null = null;
    void (async () => {
      if (!relay) throw new Error('no relay');
      const first = await store.ready;
      const rec = await createRecorder({
        // After the browser dropped the connection, openStore opens a new one: write there.
        repo: {
          get positions() {
            return (store.repo ?? first).positions;
          },
          get notes() {
            return (store.repo ?? first).notes;
          },
        },
        answersHead: (question) => fill(t.lang, r.answers.noteHead, { question }),
        sessionId,
        anonymous: (n) => fill(t.lang, r.phoneName, { n }),
        numbered: (name, n) => fill(t.lang, t.poles.numbered, { name, n }),
        onSaveFailed: setSaveFailed,
      });
      recorder.current = rec;
      save = perFrame(
        (state: RoomState) => rec.record(state),
        (tick) => setTimeout(tick, 100),
      );
      setAgreed({ ...rec.agreed() });
      room = await openPresenterRoom({
        connect: (url, options) => io(url, options),
        relay,
        card: cardRef.current,
        onChange: (state, status) => {
          save?.push(state);
          if (!stopped) draw.push({ state, status });
        },
      });
      if (stopped) return void room.close();
      // The card may have moved while the room was opening.
      room.setCard(cardRef.current);
      try {
        channel = startCodeChannel({
          room,
          onCode: (next, renewed) => !stopped && setCode({ code: next, renewed }),
        });
      } catch {
        // Without a code the QR still works: say so under it.
        setCode({ code: null, renewed: false });
      }
      setPhase({ kind: 'open', room, recorder: rec });
      props.onShowJoin(true);
    })().catch(() => {
      if (!stopped) setPhase({ kind: 'failed', text: r.status.unreachable });
    });
    return () => {
      stopped = true;
      draw.cancel();
      save?.flush();
      void channel?.stop().catch(() => undefined);
      // Leaving the presenter ends the room: phones are told, and everything is in the session.
      void room?.close().catch(() => undefined);
      void (recorder.current?.close() ?? Promise.resolve()).then(() => store.close());
    };
  }, []);

  useEffect(() => {
    if (phase.kind === 'open') phase.room.setCard(card.id);
  }, [card.id, phase.kind]);

  useEffect(() => {
    // Undefined: this presenter has no timer to share (the room's own tests); null: hidden.
    if (phase.kind === 'open' && props.timer !== undefined) phase.room.setTimer(props.timer);
  }, [props.timer, phase.kind]);

  const status = phase.kind === 'failed' ? 'unreachable' : snapshot.status;
  const ended = status === 'closed' || status === 'gone';
  useEffect(() => {
    if (ended) props.onShowJoin(false);
  }, [ended]);

  const state = snapshot.state;
  const onCard = state.card === card.id;
  const counts = roomCounts(state);
  const revealed = onCard && state.revealed.includes(card.id);
  const poles = card.poles ? ([card.poles[0]!.label, card.poles[1]!.label] as [string, string]) : null;
  const votes = useMemo(
    () =>
      positionsOn(state, card.id).map((p) => ({
        value: p.position,
        label: recorder.current?.labels()[p.pid] ?? p.name ?? '',
      })),
    [state, card.id],
  );
  const statusText =
    status === 'gone'
      ? r.hostGone
      : status === 'closed'
        ? r.hostClosed
        : status === 'open'
          ? r.saved
          : phase.kind === 'opening' && status === 'connecting'
            ? r.opening
            : r.status[status];
  const joinUrl = phase.kind === 'open' ? `${new URL(props.joinHref, location.href).href}${phase.room.fragment}` : '';
  const shortAddress = `${location.host}${props.joinHref}`;
  // The projector's view: what every phone may see, plus the way in while it is shown.
  const win = useAudienceWindow(
    phase.kind === 'open' ? phase.room.link.room : null,
    href('screen', t.lang),
    phase.kind === 'open' && {
      state,
      ended,
      card: { id: card.id, title: card.title, theme: card.theme, poles },
      agreed: agreed[card.id],
      ...shownToAudience(state),
      join: props.showJoin
        ? {
            url: joinUrl,
            address: shortAddress,
            code: code?.code ? formatCode(code.code) : null,
            renewed: code?.renewed === true,
          }
        : null,
    },
  );
  // Made once per link: drawing a QR code takes ~20 ms, and the room redraws every frame while phones join.
  const qr = useMemo(
    () => <QrCode url={joinUrl} label={fill(t.lang, r.qrLabel, { url: shortAddress })} />,
    [joinUrl, shortAddress],
  );

  return (
    <section class="presenter-room" aria-label={r.open}>
      <p class={`presenter-room-status is-${status}`} role="status">
        {statusText}
      </p>
      {saveFailed && (
        <p class="presenter-room-status is-gone" role="alert">
          {r.saveFailed}
        </p>
      )}
      {poles ? (
        <p class="presenter-room-count" aria-live="polite" aria-atomic="true">
          {counts.joined === 0 && !revealed
            ? r.nobody
            : `${fill(t.lang, r.count, { chosen: counts.chosen, joined: counts.joined })}${revealed ? `. ${r.revealed}` : ''}`}
        </p>
      ) : (
        <p class="presenter-room-help">{r.noPoles}</p>
      )}
      <div class="presenter-room-buttons">
        {poles && !revealed && !ended && (
          <button
            type="button"
            class="primary"
            disabled={phase.kind !== 'open' || counts.chosen === 0}
            onClick={() => phase.kind === 'open' && phase.room.reveal()}
          >
            {r.reveal}
          </button>
        )}
        {phase.kind === 'open' && !ended && (
          <>
            <button type="button" aria-pressed={props.showJoin} onClick={() => props.onShowJoin(!props.showJoin)}>
              {props.showJoin ? r.hideQr : r.showQr}
            </button>
            <button type="button" onClick={() => void phase.room.close()}>
              {r.close}
            </button>
            <AudienceButton t={t} win={win} />
          </>
        )}
        {(ended || phase.kind === 'failed') && (
          <button type="button" onClick={props.onEnded}>
            {r.open}
          </button>
        )}
      </div>
      {phase.kind === 'open' && !ended && <AudienceNote t={t} win={win} />}
      {win.open && !ended && <ControlPanel t={t} state={state} labels={recorder.current?.labels()} next={props.next} />}
      {poles && onCard && (
        <PresenterRounds
          t={t}
          state={state}
          cardId={card.id}
          poles={poles}
          live={phase.kind === 'open' && !ended}
          onAgain={() => phase.kind === 'open' && phase.room.again()}
        />
      )}
      {/* While a room scan runs its panel shows the spreads, nameless: not this card's plot with names. */}
      {poles && revealed && votes.length > 0 && !state.scan && (
        <>
          {roundsOn(state, card.id).length < 2 && (
            <Spread
              lang={t.lang}
              id="presenter-spread"
              values={votes}
              agreed={agreed[card.id] ?? null}
              poles={poles}
              template={r.chartText}
              agreedText={(v) => agreedText(t, poles, v)}
            />
          )}
          {phase.kind === 'open' && (
            <Agree
              key={card.id}
              t={t}
              poles={poles}
              proposal={agreed[card.id] ?? median(votes.map((v) => v.value))}
              current={agreed[card.id] ?? null}
              onSave={async (value) => {
                if (await phase.recorder.agree(card.id, value)) setAgreed({ ...phase.recorder.agreed() });
              }}
            />
          )}
        </>
      )}
      {phase.kind === 'open' && !ended && props.deck && props.onGoTo && (
        <RoomScan
          t={t}
          deck={props.deck}
          state={state}
          onAction={(action) => phase.room.scan(action)}
          onBegin={(id) => {
            phase.room.scan({ kind: 'end' });
            props.onGoTo?.(id);
          }}
        />
      )}
      {phase.kind === 'open' && !ended && (
        <AnswersPanel
          lang={t.lang}
          t={r.answers}
          card={card.id}
          questions={card.questions}
          {...panelData(state.answers)}
          onEvent={(event) => phase.room.answers(event)}
        />
      )}
      <ShownAnswers lang={t.lang} t={r.answers} {...audienceData(state.answers)} />
      {props.showJoin && joinUrl && win.open && <JoinOnScreen t={t} code={code?.code && formatCode(code.code)} />}
      {props.showJoin && joinUrl && !win.open && (
        <div class={`presenter-join${code?.code ? ' has-code' : ''}`} role="group" aria-labelledby="presenter-join-h">
          <h2 id="presenter-join-h">{r.qrTitle}</h2>
          {qr}
          <p class="presenter-join-address">{shortAddress}</p>
          {code && (
            <p class="presenter-join-code-row" aria-live="polite">
              {code.code ? (
                <>
                  <span>{code.renewed ? r.code.renewed : r.code.shown}</span>{' '}
                  <strong class="presenter-join-code">{formatCode(code.code)}</strong>
                </>
              ) : (
                r.code.none
              )}
            </p>
          )}
          <p class="presenter-join-hint">{r.qrHint}</p>
          <p class="presenter-join-hint" aria-live="polite">
            {counts.joined > 0 ? fill(t.lang, r.count, { chosen: counts.chosen, joined: counts.joined }) : r.nobody}
          </p>
          <button type="button" onClick={() => props.onShowJoin(false)}>
            {r.hideQr}
          </button>
          {/* With a projector: the code moves to the audience window. */}
          <AudienceButton t={t} win={win} />
          {/* For a second window or a chat: the full link, key included, to copy. */}
          <a class="presenter-join-link" href={joinUrl} data-join-link target="_blank" rel="noopener">
            {joinUrl}
          </a>
        </div>
      )}
    </section>
  );
}

function Agree(props: {
  t: JoinStrings;
  poles: [string, string];
  proposal: number;
  current: number | null;
  onSave: (value: number) => Promise<void>;
}) {
  const { t, poles } = props;
  const [value, setValue] = useState(props.proposal);
  return (
    <div class="presenter-room-agree">
      <label for="presenter-agreed">{fill(t.lang, t.room.agreedLabel, { a: poles[0], b: poles[1] })}</label>
      <input
        id="presenter-agreed"
        type="range"
        min={0}
        max={100}
        step={1}
        value={value}
        aria-valuetext={valueText(t, poles, value)}
        onInput={(e) => setValue(Number(e.currentTarget.value))}
      />
      <p>
        <button type="button" class="primary" onClick={() => void props.onSave(value)}>
          {t.room.agreedSave} ({value})
        </button>
      </p>
      {props.current !== null && (
        <p class="presenter-room-agreed" role="status">
          {agreedText(t, poles, props.current)}
        </p>
      )}
    </div>
  );
}
