/**
 * The presenter's tables (control view and the one-window presenter): split the room into a number
 * of tables or tables of a size, one card for all or one each, then per table its count, its
 * reveal, its scribe, its summary and "let this table report". The rules are lib/room/tables.ts;
 * this only draws them and sends the presenter's actions.
 */
import { useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { formatClock, isRunning, remainingMs } from '../../lib/deck/timer';
import type { RoomState } from '../../lib/room/reducer';
import {
  type Split,
  TABLE_SIZE_MAX,
  TABLE_SIZE_MIN,
  TABLE_TIMER_MAX,
  TABLE_TIMER_MIN,
  type TableCard,
  type TablesAction,
  type TableTimerRun,
  TABLES_MAX,
  TABLES_MIN,
  type TableView,
  tableViews,
  validSplit,
} from '../../lib/room/tables';
import type { IslandCard } from '../types';
import { Spread } from './Spread';
import type { JoinStrings } from './types';
import '../../styles/room-tables.css';

export interface TablesPanelProps {
  t: JoinStrings;
  state: RoomState;
  /** The card on the presenter's screen: every table gets it at the start. */
  card: string;
  /** The session's cards a table may get, by id, in the deck's order. */
  cards: readonly ({ id: string } & TableCard)[];
  /** The label each phone is saved under (the recorder's), for the scribe's menu. */
  labels?: Readonly<Record<string, string>> | undefined;
  onAction(action: TablesAction): void;
}

/** Whether each table gets a card of its own: chosen at the start, read by each table's card menu. */
type Own = { own: boolean; setOwn(own: boolean): void };

export function TablesPanel(props: TablesPanelProps) {
  const tt = props.t.room.tables;
  const [own, setOwn] = useState(false);
  return (
    <section class="room-tables" aria-labelledby="room-tables-h">
      <h2 id="room-tables-h">{tt.title}</h2>
      {props.state.tables ? (
        <Running {...props} own={own} setOwn={setOwn} />
      ) : (
        <Start {...props} own={own} setOwn={setOwn} />
      )}
    </section>
  );
}

function Start({ t, state, card, onAction, own, setOwn }: TablesPanelProps & Own) {
  const tt = t.room.tables;
  const [by, setBy] = useState<Split['by']>('count');
  const [n, setN] = useState({ count: TABLES_MIN, size: TABLE_SIZE_MIN });
  const joined = Object.keys(state.participants).length;
  const split: Split = { by, n: n[by] };
  const [min, max] = by === 'count' ? [TABLES_MIN, TABLES_MAX] : [TABLE_SIZE_MIN, TABLE_SIZE_MAX];
  const radio = (name: string, checked: boolean, onChange: () => void, label: string) => (
    <label class="room-tables-choice">
      <input type="radio" name={name} checked={checked} onChange={onChange} /> {label}
    </label>
  );
  return (
    <form
      class="room-tables-start"
      onSubmit={(e) => {
        e.preventDefault();
        if (joined > 0 && validSplit(split)) onAction({ kind: 'start', split, card });
      }}
    >
      <p class="presenter-room-help">{tt.help}</p>
      <fieldset>
        <legend>{tt.split}</legend>
        {radio('room-tables-by', by === 'count', () => setBy('count'), tt.byCount)}
        {radio('room-tables-by', by === 'size', () => setBy('size'), tt.bySize)}
      </fieldset>
      <label class="room-tables-number">
        {by === 'count' ? tt.count : tt.size}
        <input
          type="number"
          min={min}
          max={max}
          step={1}
          required
          value={n[by]}
          onInput={(e) => setN({ ...n, [by]: Number((e.target as HTMLInputElement).value) })}
        />
      </label>
      <fieldset>
        <legend>{tt.cards}</legend>
        {radio('room-tables-cards', !own, () => setOwn(false), tt.sameCard)}
        {radio('room-tables-cards', own, () => setOwn(true), tt.ownCard)}
      </fieldset>
      {joined === 0 && <p class="presenter-room-help">{tt.nobody}</p>}
      <button type="submit" class="primary" disabled={joined === 0 || !validSplit(split)}>
        {tt.start}
      </button>
    </form>
  );
}

function Running(props: TablesPanelProps & Own) {
  const { t, state, onAction } = props;
  const tt = t.room.tables;
  const views = tableViews(state);
  return (
    <>
      <p class="presenter-room-help" role="status">
        {fill(t.lang, tt.running, { n: views.length })}
      </p>
      <div class="presenter-room-buttons">
        <button
          type="button"
          class="primary"
          disabled={views.every((v) => v.revealed)}
          onClick={() => onAction({ kind: 'reveal-all' })}
        >
          {tt.revealAll}
        </button>
        <button
          type="button"
          onClick={() => {
            props.setOwn(false);
            onAction({ kind: 'end' });
          }}
        >
          {tt.end}
        </button>
      </div>
      <ul class="room-tables-list">
        {views.map((v) => (
          <li key={v.n}>
            <TableBox {...props} view={v} />
          </li>
        ))}
      </ul>
    </>
  );
}

function TableBox({ t, cards, labels, onAction, view, state, own }: TablesPanelProps & Own & { view: TableView }) {
  const tt = t.room.tables;
  const { n } = view;
  const card = cards.find((c) => c.id === view.card);
  const id = `room-table-${n}`;
  const name = (pid: string) => labels?.[pid] ?? state.participants[pid]?.name ?? pid.slice(0, 4);
  const facts = [
    fill(t.lang, tt.people, { n: view.size }),
    fill(t.lang, tt.chosen, { chosen: view.chosen, size: view.size }),
    view.revealed ? tt.revealed : tt.hidden,
  ].join(' · ');
  return (
    <section class={`room-table${view.called ? ' is-called' : ''}`} aria-labelledby={id}>
      <h3 id={id}>{fill(t.lang, tt.table, { n })}</h3>
      <p class="room-table-facts">{facts}</p>
      {own ? (
        <label class="room-table-field">
          {fill(t.lang, tt.card, { n })}
          <select
            value={view.card}
            onChange={(e) => onAction({ kind: 'card', table: n, card: (e.target as HTMLSelectElement).value })}
          >
            {cards
              .filter((c) => c.poles)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
          </select>
        </label>
      ) : (
        <p class="room-table-card">{card?.title}</p>
      )}
      {view.people.length > 0 ? (
        <label class="room-table-field">
          {fill(t.lang, tt.scribe, { n })}
          <select
            value={view.scribe ?? ''}
            onChange={(e) => onAction({ kind: 'scribe', table: n, pid: (e.target as HTMLSelectElement).value })}
          >
            {view.people.map((pid) => (
              <option key={pid} value={pid}>
                {name(pid)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p class="room-table-facts">{tt.empty}</p>
      )}
      {card?.poles && view.spread && view.spread.length > 0 && (
        <Spread
          lang={t.lang}
          id={`${id}-spread`}
          values={view.spread.map((value) => ({ value }))}
          agreed={null}
          poles={card.poles}
          template={fill(t.lang, tt.chartText, { n })}
        />
      )}
      <TableTimer t={t} view={view} onAction={onAction} />
      <p class="room-table-summary">
        <strong>{tt.summary}:</strong> {view.summary || tt.noSummary}
      </p>
      <button
        type="button"
        aria-pressed={view.called}
        onClick={() => onAction({ kind: 'call', table: view.called ? null : n })}
      >
        {view.called ? tt.uncall : fill(t.lang, tt.call, { n })}
      </button>
    </section>
  );
}

/** A table's own timer: its length, start, pause and stop; only that table's phones show it. */
function TableTimer({ t, view, onAction }: Pick<TablesPanelProps, 't' | 'onAction'> & { view: TableView }) {
  const tt = t.room.tables.timer;
  const { n, timer } = view;
  const [minutes, setMinutes] = useState(timer?.minutes ?? 5);
  const valid = Number.isInteger(minutes) && minutes >= TABLE_TIMER_MIN && minutes <= TABLE_TIMER_MAX;
  // A countdown that reached zero may start again (the panel draws anew with the room's next change).
  const running = timer !== undefined && isRunning(timer) && remainingMs(timer, Date.now()) > 0;
  const act = (run: TableTimerRun) => onAction({ kind: 'timer', table: n, run, minutes, now: Date.now() });
  const id = `room-table-${n}-timer`;
  const state = !timer
    ? tt.off
    : isRunning(timer)
      ? fill(t.lang, tt.running, { m: timer.minutes })
      : fill(t.lang, tt.paused, { clock: formatClock(timer.leftMs) });
  return (
    <fieldset class="room-table-timer">
      <legend>{fill(t.lang, tt.title, { n })}</legend>
      <label class="room-table-field">
        {tt.minutes}
        <input
          type="number"
          min={TABLE_TIMER_MIN}
          max={TABLE_TIMER_MAX}
          step={1}
          required
          value={minutes}
          aria-describedby={id}
          onInput={(e) => setMinutes(Number((e.target as HTMLInputElement).value))}
        />
      </label>
      <p id={id} class="room-table-facts">
        {state}
      </p>
      <div class="presenter-room-buttons">
        <button type="button" disabled={running || !valid} onClick={() => act('start')}>
          {tt.start}
        </button>
        <button type="button" disabled={!running} onClick={() => act('pause')}>
          {tt.pause}
        </button>
        <button type="button" disabled={!timer} onClick={() => act('stop')}>
          {tt.stop}
        </button>
      </div>
    </fieldset>
  );
}

/** The session's cards as tables name them: title and poles (null on a kenniskaart). */
export function tableCards(deck: readonly IslandCard[]): ({ id: string } & TableCard)[] {
  return deck.map((c) => ({
    id: c.id,
    title: c.title,
    poles: c.poles && c.poles.length >= 2 ? [c.poles[0]!.label, c.poles[1]!.label] : null,
  }));
}
