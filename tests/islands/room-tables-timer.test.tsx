/**
 * A table's own timer: the presenter's controls per table (labelled, native and in keyboard order,
 * each state: none, running, paused, a length out of bounds), and the phone at that table drawing
 * it beside the presenter's timer under its own name (src/scripts/join-table.ts, join-timer.ts).
 */
import { act, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { tableCards, TablesPanel } from '../../src/islands/room/TablesPanel';
import { formatClock } from '../../src/lib/deck/timer';
import { initialRoom, type RoomEvent, type RoomState, roomReducer } from '../../src/lib/room/reducer';
import type { TableInfo } from '../../src/lib/room/schema';
import type { TablesAction } from '../../src/lib/room/tables';
import { phoneTimer } from '../../src/lib/room/timer';
import { renderTable, type TableContext } from '../../src/scripts/join-table';
import { forgetJoinTexts, JOIN_TEXTS_ID } from '../../src/scripts/join-texts';
import { showTimer } from '../../src/scripts/join-timer';
import { join } from '../support/room-events';
import { CARDS, deckStrings } from './deck-fixture';

const t = deckStrings('nl');
const tt = t.room.tables.timer;
const phoneT = t.room.tables.phone;
const K1 = CARDS.filter((c) => c.poles)[0]!.id;
const cards = tableCards(CARDS);
const pid = (i: number) => `p${String(i).padStart(21, '0')}`;
const run = (from: RoomState, ...events: RoomEvent[]) => events.reduce(roomReducer, from);
const tables = (action: TablesAction): RoomEvent => ({ type: 'tables', action });

function seated(...more: TablesAction[]): RoomState {
  return run(
    initialRoom(K1),
    ...[0, 1, 2, 3].map((i) => join(pid(i), `s${i}`)),
    tables({ kind: 'start', split: { by: 'count', n: 2 }, card: K1 }),
    ...more.map(tables),
  );
}

function mount(state: RoomState) {
  const onAction = vi.fn<(a: TablesAction) => void>();
  const view = render(<TablesPanel t={t} state={state} card={K1} cards={cards} onAction={onAction} />);
  const group = (n: number) => screen.getByRole('group', { name: fill('nl', tt.title, { n }) });
  return { onAction, view, group };
}

describe('TablesPanel: a table’s own timer', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('gives every table labelled timer controls in keyboard order, and starts one table’s timer', () => {
    const { onAction, group } = mount(seated());
    const box = group(2);
    const controls = box.querySelectorAll('input, button');
    const minutes = within(box).getByRole('spinbutton', { name: tt.minutes }) as HTMLInputElement;
    const button = (name: string) => within(box).getByRole('button', { name }) as HTMLButtonElement;
    const [start, pause, stop] = [button(tt.start), button(tt.pause), button(tt.stop)];
    // Native controls, none taken out of the tab order: the keyboard reaches them in this order.
    expect([...controls]).toEqual([minutes, start, pause, stop]);
    for (const c of controls) expect(c.getAttribute('tabindex')).toBeNull();
    expect([minutes.min, minutes.max, minutes.value]).toEqual(['1', '60', '5']);
    expect(within(box).getByText(tt.off)).toBeTruthy();
    expect([start.disabled, pause.disabled, stop.disabled]).toEqual([false, true, true]);
    fireEvent.input(minutes, { target: { value: '12' } });
    start.focus();
    expect(document.activeElement).toBe(start);
    fireEvent.click(start);
    expect(onAction).toHaveBeenCalledWith({ kind: 'timer', table: 2, run: 'start', minutes: 12, now: 1_000_000 });
  });

  it('refuses a length out of 1-60 before it reaches the room', () => {
    const { group } = mount(seated());
    const box = group(1);
    const start = within(box).getByRole('button', { name: tt.start }) as HTMLButtonElement;
    for (const value of ['0', '61', '2.5']) {
      fireEvent.input(within(box).getByRole('spinbutton', { name: tt.minutes }), { target: { value } });
      expect(start.disabled).toBe(true);
    }
  });

  it('shows a running timer (pause and stop) and a paused one (start and stop) per table', () => {
    const now = 1_000_000;
    const started = seated({ kind: 'timer', table: 1, run: 'start', minutes: 3, now });
    const { onAction, group, view } = mount(started);
    const box = group(1);
    expect(within(box).getByText(fill('nl', tt.running, { m: 3 }))).toBeTruthy();
    expect(within(group(2)).getByText(tt.off)).toBeTruthy();
    const button = (name: string) => within(group(1)).getByRole('button', { name }) as HTMLButtonElement;
    expect([button(tt.start).disabled, button(tt.pause).disabled, button(tt.stop).disabled]).toEqual([
      true,
      false,
      false,
    ]);
    fireEvent.click(button(tt.pause));
    expect(onAction).toHaveBeenLastCalledWith({ kind: 'timer', table: 1, run: 'pause', minutes: 3, now });
    const paused = run(started, tables({ kind: 'timer', table: 1, run: 'pause', minutes: 3, now: now + 45_000 }));
    view.rerender(<TablesPanel t={t} state={paused} card={K1} cards={cards} onAction={onAction} />);
    expect(within(group(1)).getByText(fill('nl', tt.paused, { clock: formatClock(135_000) }))).toBeTruthy();
    expect(button(tt.start).disabled).toBe(false);
    fireEvent.click(button(tt.stop));
    expect(onAction).toHaveBeenLastCalledWith({ kind: 'timer', table: 1, run: 'stop', minutes: 3, now });
  });
});

describe('the phone at a table: its table’s timer beside the presenter’s', () => {
  let root: HTMLElement;
  const context: TableContext = {
    lang: 'nl',
    lean: t.poles,
    chartText: t.room.chartText,
    cards: () => new Map(),
    vote: () => undefined,
    summary: () => Promise.resolve(true),
  };
  const table = (timer?: TableInfo['timer']): TableInfo => ({
    n: 1,
    card: K1,
    revealed: false,
    chosen: 0,
    size: 2,
    scribe: false,
    position: null,
    called: false,
    ...(timer ? { timer } : {}),
  });

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    vi.stubGlobal('matchMedia', () => ({ matches: true }));
    forgetJoinTexts();
    const texts = document.createElement('script');
    texts.type = 'application/json';
    texts.id = JOIN_TEXTS_ID;
    texts.textContent = JSON.stringify({ phone: { timer: t.room.timer }, tables: phoneT });
    root = document.createElement('main');
    root.innerHTML = '<div data-live></div>';
    document.body.append(texts, root);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.body.replaceChildren();
    forgetJoinTexts();
  });

  it('names both timers, counts the table’s down on the phone, and takes it away when stopped', async () => {
    const live = root.querySelector<HTMLElement>('[data-live]')!;
    showTimer(live, phoneTimer({ run: 'running', leftMs: 600_000, totalMs: 600_000 }, performance.now()), t.room.timer);
    const wire = { run: 'running' as const, leftMs: 62_000, totalMs: 120_000 };
    await act(() => renderTable(root, table(wire), false, context));
    const slot = root.querySelector<HTMLElement>('[data-table]')!;
    const own = within(slot).getByRole('group', { name: phoneT.timer });
    expect(within(own).getByText(phoneT.timer)).toBeTruthy();
    expect(own.querySelector('[data-clock]')?.textContent).toBe('1:02');
    // The presenter's timer came along into the table view, captioned as the whole room's.
    const room = within(slot).getByRole('group', { name: phoneT.roomTimer });
    expect(within(room).getByText(phoneT.roomTimer)).toBeTruthy();
    expect(room.querySelector('[data-clock]')?.textContent).toBe('10:00');
    // Another update of the table (a count) does not restart the countdown.
    vi.advanceTimersByTime(2_100);
    await act(() => renderTable(root, { ...table(wire), chosen: 1 }, false, context));
    expect(own.querySelector('[data-clock]')?.textContent).toBe('1:00');
    await act(() => renderTable(root, { ...table(), chosen: 1 }, false, context));
    expect(within(slot).queryByRole('group', { name: phoneT.timer })).toBeNull();
    // Alone again, the presenter's timer loses the caption and keeps its name for screen readers.
    expect(within(slot).getByRole('group', { name: t.room.timer.label })).toBe(room);
    expect(within(room).queryByText(phoneT.roomTimer)).toBeNull();
  });

  it('shows a phone at another table no timer of this one, and drops it when the tables end', async () => {
    await act(() => renderTable(root, { ...table(), n: 2 }, false, context));
    expect(screen.queryByRole('group', { name: phoneT.timer })).toBeNull();
    await act(() => renderTable(root, table({ run: 'paused', leftMs: 5_000, totalMs: 60_000 }), false, context));
    expect(screen.getByRole('group', { name: phoneT.timer }).textContent).toContain(t.room.timer.paused);
    // The presenter's timer started after the table's: it comes with the whole room's caption.
    const running = phoneTimer({ run: 'running', leftMs: 60_000, totalMs: 60_000 }, performance.now());
    showTimer(root.querySelector<HTMLElement>('[data-table]')!, running, t.room.timer);
    expect(screen.getByRole('group', { name: phoneT.roomTimer })).toBeTruthy();
    await act(() => renderTable(root, null, false, context));
    expect(screen.queryByRole('group', { name: phoneT.timer })).toBeNull();
    expect(screen.getByRole('group', { name: t.room.timer.label })).toBeTruthy();
  });
});
