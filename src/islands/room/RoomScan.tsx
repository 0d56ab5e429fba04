/**
 * The presenter's room scan: pick 3-6 of the session's dilemmas, start, follow how many phones are
 * done, reveal every card's spread (nameless) with the card where the room differs most, and start
 * the conversation there. The rules are lib/room/room-scan.ts; this only draws them.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import type { RoomState } from '../../lib/room/reducer';
import {
  canStartScan,
  differsMost,
  SCAN_MAX_CARDS,
  type ScanAction,
  scanDone,
  scanSpread,
} from '../../lib/room/room-scan';
import type { IslandCard } from '../types';
import { Spread } from './Spread';
import type { JoinStrings } from './types';
import '../../styles/room-scan.css';

export interface RoomScanProps {
  t: JoinStrings;
  /** The session's cards, in their order: the dilemmas among them can be scanned. */
  deck: readonly IslandCard[];
  state: RoomState;
  onAction(action: ScanAction): void;
  /** Makes this card the room's current card (the deck moves to it). */
  onBegin(card: string): void;
}

const polesOf = (card: IslandCard | undefined): [string, string] | null =>
  card?.poles && card.poles.length >= 2 ? [card.poles[0]!.label, card.poles[1]!.label] : null;

export function RoomScan({ t, deck, state, onAction, onBegin }: RoomScanProps) {
  const s = t.room.scan;
  const scan = state.scan;
  if (!scan) return <ScanPicker t={t} deck={deck} state={state} onAction={onAction} />;
  const byId = new Map(deck.map((c) => [c.id, c]));
  if (scan.phase === 'open') {
    return (
      <section class="room-scan" aria-labelledby="room-scan-h">
        <h2 id="room-scan-h">{s.open}</h2>
        <p>{s.running}</p>
        <p class="room-scan-done" aria-live="polite" aria-atomic="true">
          {fill(t.lang, s.done, { done: scanDone(state), joined: Object.keys(state.participants).length })}
        </p>
        <button type="button" class="primary" onClick={() => onAction({ kind: 'reveal' })}>
          {s.reveal}
        </button>
      </section>
    );
  }
  const spreads = Object.fromEntries(scan.cards.map((c) => [c, scanSpread(state, c)]));
  return <ScanOutcome t={t} cards={scan.cards} byId={byId} spreads={spreads} onAction={onAction} onBegin={onBegin} />;
}

function ScanPicker({ t, deck, state, onAction }: Pick<RoomScanProps, 't' | 'deck' | 'state' | 'onAction'>) {
  const s = t.room.scan;
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  // Kenniskaarten have no poles, and a card already revealed cannot be chosen on again.
  const dilemmas = deck.filter((c) => polesOf(c) && !state.revealed.includes(c.id));
  // Kept in the session's order, whatever order they were ticked in: the phones walk them so.
  const picked = dilemmas.filter((c) => chosen.includes(c.id)).map((c) => c.id);
  const toggle = (id: string, on: boolean) => setChosen((old) => (on ? [...old, id] : old.filter((c) => c !== id)));
  if (!open)
    return (
      <section class="room-scan">
        <button type="button" aria-expanded="false" aria-controls="room-scan-pick" onClick={() => setOpen(true)}>
          {s.open}
        </button>
      </section>
    );
  return (
    <section class="room-scan" id="room-scan-pick">
      <p class="room-scan-help">{s.help}</p>
      {dilemmas.length < 3 ? (
        <p>{s.tooFew}</p>
      ) : (
        <fieldset>
          <legend>{s.pick}</legend>
          {dilemmas.map((c) => (
            <label key={c.id} class="room-scan-option">
              <input
                type="checkbox"
                checked={picked.includes(c.id)}
                disabled={!picked.includes(c.id) && picked.length >= SCAN_MAX_CARDS}
                onChange={(e) => toggle(c.id, e.currentTarget.checked)}
              />{' '}
              {c.title}
            </label>
          ))}
          <p class="room-scan-picked" aria-live="polite">
            {fill(t.lang, s.picked, { n: picked.length })}
          </p>
        </fieldset>
      )}
      <div class="room-scan-buttons">
        <button
          type="button"
          class="primary"
          disabled={!canStartScan(state, picked)}
          onClick={() => onAction({ kind: 'start', cards: picked })}
        >
          {s.start}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {s.cancel}
        </button>
      </div>
    </section>
  );
}

function ScanOutcome(props: {
  t: JoinStrings;
  cards: readonly string[];
  byId: ReadonlyMap<string, IslandCard>;
  spreads: Record<string, number[]>;
  onAction(action: ScanAction): void;
  onBegin(card: string): void;
}) {
  const { t, cards, byId, spreads } = props;
  const s = t.room.scan;
  const heading = useRef<HTMLHeadingElement>(null);
  // The outcome replaces the button that was pressed: focus goes to its heading, so it is read out.
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: 'start' });
  }, []);
  const most = differsMost(cards, spreads);
  const mostCard = most === null ? undefined : byId.get(most);
  return (
    <section class="room-scan is-outcome" aria-labelledby="room-scan-h">
      <h2 id="room-scan-h" tabIndex={-1} ref={heading}>
        {s.outcome}
      </h2>
      <div class="room-scan-most" role="group" aria-labelledby="room-scan-most-h">
        <h3 id="room-scan-most-h">{s.most}</h3>
        {mostCard ? (
          <>
            <p class="room-scan-most-title">{mostCard.title}</p>
            <button type="button" class="primary" onClick={() => props.onBegin(mostCard.id)}>
              {s.begin}
            </button>
          </>
        ) : (
          <p>{s.mostNone}</p>
        )}
      </div>
      <ul class="room-scan-cards">
        {cards.map((id, i) => {
          const card = byId.get(id);
          const poles = polesOf(card);
          const values = spreads[id] ?? [];
          return (
            <li key={id} class={id === most ? 'is-most' : undefined}>
              <h3>{card?.title ?? id}</h3>
              <p>{fill(t.lang, s.positions, { n: values.length })}</p>
              {poles && values.length > 0 && (
                <Spread
                  lang={t.lang}
                  id={`room-scan-spread-${i}`}
                  values={values.map((value) => ({ value }))}
                  agreed={null}
                  poles={poles}
                  template={t.room.chartText}
                />
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => props.onAction({ kind: 'end' })}>
        {s.close}
      </button>
    </section>
  );
}
