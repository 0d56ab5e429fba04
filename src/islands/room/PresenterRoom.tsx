/**
 * The presenter's room, loaded only when "Open de zaal" is pressed (with socket.io and the store).
 * Phones' positions arrive here, are shown here, and are saved into the session on this device
 * as they come in, through the store's own position writes: closing the presenter, or a relay
 * that dies, loses nothing that arrived. Before "Toon alle posities" only the count is shown.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { formatCode } from '../../lib/room/pake/code';
import { positionsOn, roomCounts } from '../../lib/room/reducer';
import { median } from '../../lib/sessions/format';
import { href } from '../../routes';
import QrCode from '../QrCode';
import type { IslandCard } from '../types';
import { AudienceButton, AudienceNote, ControlPanel, JoinOnScreen, useAudienceWindow } from './ControlView';
import { Agree } from './Agree';
import { agreedText, Spread } from './Spread';
import { useHostedRoom } from './use-hosted-room';
import { PresenterRounds } from './RoundsCompare';
import { roundsOn } from '../../lib/room/rounds';
import type { TimerState } from '../../lib/deck/timer';
import { audienceData, panelData, shownToAudience } from '../../lib/room/answers';
import AnswersPanel from './AnswersPanel';
import ShownAnswers from './ShownAnswers';
import { RoomScan } from './RoomScan';
import { CoFacHandover } from './CoFacHandover';
import { scanForAudience } from '../../lib/room/audience';
import type { JoinStrings } from './types';
import { tableCards, TablesPanel } from './TablesPanel';
import { audienceTables } from '../../lib/room/tables';
import '../../styles/room.css';
import '../../styles/presenter-room.css';
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

export default function PresenterRoom(props: PresenterRoomProps) {
  const { card, t } = props;
  const r = t.room;
  const { phase, snapshot, saveFailed, agreed, setAgreed, code, recorder } = useHostedRoom(props);

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
  const cards = useMemo(() => tableCards(props.deck ?? [card]), [props.deck, card.id]);
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
      timer: props.timer ?? null,
      scan: scanForAudience(state, props.deck),
      tables: audienceTables(state, (id) => cards.find((c) => c.id === id)),
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
      {phase.kind === 'open' && !ended && poles && (
        <TablesPanel
          t={t}
          state={state}
          card={card.id}
          cards={cards}
          labels={recorder.current?.labels()}
          onAction={(action) => phase.room.tables(action)}
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
      {phase.kind === 'open' && !ended && (
        <CoFacHandover lang={t.lang} t={r.cofac} room={phase.room} answers={state.answers} />
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
