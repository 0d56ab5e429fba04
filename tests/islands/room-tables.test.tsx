/**
 * Tables on the presenter's control view (split, per table: count, card, scribe, summary, call;
 * reveal all, end) and on the audience window (every table's spread side by side, with text
 * alternatives, and the called table with its summary).
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import AudienceView from '../../src/islands/room/AudienceView';
import { tableCards, TablesPanel } from '../../src/islands/room/TablesPanel';
import { audienceSnapshot, type AudienceSnapshot, parseViewsMessage } from '../../src/lib/room/audience';
import { newParticipantId, newRoomId } from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { initialRoom, type RoomEvent, type RoomState, roomReducer } from '../../src/lib/room/reducer';
import { audienceTables, type TablesAction } from '../../src/lib/room/tables';
import { viewsChannelName } from '../../src/lib/room/views-channel';
import { dictionaries } from '../../src/i18n';
import { join, nextSeq } from '../support/room-events';
import { CARDS, deckStrings } from './deck-fixture';

const t = deckStrings('nl');
const tt = t.room.tables;
const DILEMMAS = CARDS.filter((c) => c.poles);
const [K1, K2] = DILEMMAS.map((c) => c.id) as [string, string];
const cards = tableCards(CARDS);
const people = Array.from({ length: 4 }, () => newParticipantId());
const names = ['Ann', 'Bob', 'Cas', 'Dirk'];
const run = (from: RoomState, ...events: RoomEvent[]) => events.reduce(roomReducer, from);
const act_ = (action: TablesAction): RoomEvent => ({ type: 'tables', action });
const tvote = (i: number, position: number, card = K1): RoomEvent => ({
  type: 'phone',
  peer: `s${i}`,
  message: { t: 'tvote', v: ROOM_LIMITS.version, pid: people[i]!, seq: nextSeq(), card, position },
});
const summary = (i: number, text: string): RoomEvent => ({
  type: 'phone',
  peer: `s${i}`,
  message: { t: 'summary', v: ROOM_LIMITS.version, pid: people[i]!, seq: nextSeq(), text },
});
const joined = (n = 4) => run(initialRoom(K1), ...people.slice(0, n).map((pid, i) => join(pid, `s${i}`, names[i])));
const seated = () => run(joined(), act_({ kind: 'start', split: { by: 'count', n: 2 }, card: K1 }));

function mount(state: RoomState) {
  const onAction = vi.fn<(a: TablesAction) => void>();
  const view = render(<TablesPanel t={t} state={state} card={K1} cards={cards} onAction={onAction} />);
  return { onAction, view };
}

describe('TablesPanel: splitting the room', () => {
  it('waits for phones before it splits', () => {
    mount(initialRoom(K1));
    expect(screen.getByRole('heading', { name: tt.title })).toBeTruthy();
    expect(screen.getByText(tt.nobody)).toBeTruthy();
    expect((screen.getByRole('button', { name: tt.start }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('splits into a number of tables, or tables of a size, within the bounds, with labelled fields', () => {
    const { onAction } = mount(joined());
    const split = screen.getByRole('group', { name: tt.split });
    expect((within(split).getByRole('radio', { name: tt.byCount }) as HTMLInputElement).checked).toBe(true);
    const count = screen.getByRole('spinbutton', { name: tt.count }) as HTMLInputElement;
    expect([count.min, count.max, count.value]).toEqual(['2', '20', '2']);
    fireEvent.input(count, { target: { value: '21' } });
    expect((screen.getByRole('button', { name: tt.start }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(count, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: tt.start }));
    expect(onAction).toHaveBeenLastCalledWith({ kind: 'start', split: { by: 'count', n: 3 }, card: K1 });
    // By size: its own field, 4 to 8; sent with Enter in the form.
    fireEvent.click(within(split).getByRole('radio', { name: tt.bySize }));
    const size = screen.getByRole('spinbutton', { name: tt.size }) as HTMLInputElement;
    expect([size.min, size.max]).toEqual(['4', '8']);
    fireEvent.input(size, { target: { value: '5' } });
    fireEvent.submit(size.closest('form')!);
    expect(onAction).toHaveBeenLastCalledWith({ kind: 'start', split: { by: 'size', n: 5 }, card: K1 });
  });
});

describe('TablesPanel: the running tables', () => {
  it('shows each table’s count, hidden until it reveals, its scribe and its summary, and steers them', () => {
    const state = run(seated(), tvote(0, 20), tvote(2, 80), summary(0, 'Wij kozen samen'));
    const { onAction } = mount(state);
    expect(screen.getByRole('status').textContent).toBe(fill('nl', tt.running, { n: 2 }));
    const one = screen.getByRole('region', { name: fill('nl', tt.table, { n: 1 }) });
    const two = screen.getByRole('region', { name: fill('nl', tt.table, { n: 2 }) });
    expect(one.textContent).toContain(tt.revealed);
    expect(two.textContent).toContain(tt.hidden);
    expect(two.textContent).toContain(fill('nl', tt.chosen, { chosen: 0, size: 2 }));
    // Table 1's spread, nameless, with its text alternative; table 2 has none yet.
    expect(within(one).getByRole('img').getAttribute('aria-labelledby')).toBeTruthy();
    const caption = document.getElementById(within(one).getByRole('img').getAttribute('aria-labelledby')!);
    expect(caption?.textContent).toMatch(/^Tafel 1, .*: 20, 80\.$/);
    expect(within(two).queryByRole('img')).toBeNull();
    expect(one.textContent).toContain('Wij kozen samen');
    expect(two.textContent).toContain(tt.noSummary);
    // The scribe: the first at the table, passed on by the menu (people at this table only).
    const scribe = within(one).getByRole('combobox', { name: fill('nl', tt.scribe, { n: 1 }) }) as HTMLSelectElement;
    expect(
      within(scribe)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Ann', 'Cas']);
    fireEvent.change(scribe, { target: { value: people[2] } });
    expect(onAction).toHaveBeenLastCalledWith({ kind: 'scribe', table: 1, pid: people[2] });
    // Call a table to report: a toggle.
    const call = within(two).getByRole('button', { name: fill('nl', tt.call, { n: 2 }) });
    expect(call.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(call);
    expect(onAction).toHaveBeenLastCalledWith({ kind: 'call', table: 2 });
    fireEvent.click(screen.getByRole('button', { name: tt.revealAll }));
    expect(onAction).toHaveBeenLastCalledWith({ kind: 'reveal-all' });
    fireEvent.click(screen.getByRole('button', { name: tt.end }));
    expect(onAction).toHaveBeenLastCalledWith({ kind: 'end' });
  });

  it('a called table says so and is called off with the same button; an empty table says it is empty', () => {
    const state = run(
      joined(1),
      act_({ kind: 'start', split: { by: 'count', n: 2 }, card: K1 }),
      act_({ kind: 'call', table: 1 }),
    );
    const { onAction } = mount(state);
    const one = screen.getByRole('region', { name: fill('nl', tt.table, { n: 1 }) });
    const done = within(one).getByRole('button', { name: tt.uncall });
    expect(done.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(done);
    expect(onAction).toHaveBeenLastCalledWith({ kind: 'call', table: null });
    const two = screen.getByRole('region', { name: fill('nl', tt.table, { n: 2 }) });
    expect(two.textContent).toContain(tt.empty);
    expect(within(two).queryByRole('combobox')).toBeNull();
    // The empty table is not revealed: "reveal all" still has work.
    expect((screen.getByRole('button', { name: tt.revealAll }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('with a card each, every table gets a menu of the session’s dilemmas', () => {
    const onAction = vi.fn<(a: TablesAction) => void>();
    const { rerender } = render(<TablesPanel t={t} state={joined()} card={K1} cards={cards} onAction={onAction} />);
    fireEvent.click(screen.getByRole('radio', { name: tt.ownCard }));
    fireEvent.click(screen.getByRole('button', { name: tt.start }));
    rerender(<TablesPanel t={t} state={seated()} card={K1} cards={cards} onAction={onAction} />);
    const menu = screen.getByRole('combobox', { name: fill('nl', tt.card, { n: 2 }) }) as HTMLSelectElement;
    expect(
      within(menu)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(DILEMMAS.map((c) => c.title));
    fireEvent.change(menu, { target: { value: K2 } });
    expect(onAction).toHaveBeenLastCalledWith({ kind: 'card', table: 2, card: K2 });
  });
});

describe('the audience window at tables', () => {
  afterEach(() => {
    location.hash = '';
  });
  const strings = { lang: 'nl' as const, room: dictionaries.nl.room, poles: dictionaries.nl.poles };

  it('builds a snapshot with every table, spreads only after their reveal, the summary only when called', () => {
    const state = run(
      seated(),
      tvote(0, 20),
      tvote(2, 80),
      summary(0, 'Geheim tot geroepen'),
      summary(1, 'Tafel twee'),
    );
    const cardOf = (id: string) => cards.find((c) => c.id === id);
    let snapshot = audienceSnapshot({ state, ended: false, card: null, tables: audienceTables(state, cardOf) });
    expect(parseViewsMessage({ k: 'snapshot', v: 1, snapshot })).not.toBeNull();
    expect(snapshot.tables?.map((x) => [x.n, x.spread, x.summary])).toEqual([
      [1, [20, 80], undefined],
      [2, undefined, undefined],
    ]);
    const called = run(state, act_({ kind: 'call', table: 2 }));
    snapshot = audienceSnapshot({ state: called, ended: false, card: null, tables: audienceTables(called, cardOf) });
    expect(snapshot.tables?.[1]).toMatchObject({ called: true, summary: 'Tafel twee' });
    expect(JSON.stringify(snapshot)).not.toContain('Ann');
    // A forged snapshot with a summary on a table that was not called is refused.
    const forged = { ...snapshot, tables: [{ ...snapshot.tables![0]!, summary: 'x' }] };
    expect(parseViewsMessage({ k: 'snapshot', v: 1, snapshot: forged })).toBeNull();
  });

  it('shows every table side by side with its number, card and chart, and highlights the called one', async () => {
    const room = newRoomId();
    const presenter = new BroadcastChannel(viewsChannelName(room));
    location.hash = `#scherm=${room}`;
    render(<AudienceView t={strings} />);
    const state = run(
      seated(),
      tvote(0, 20),
      tvote(2, 80),
      summary(1, 'Wij zien het anders'),
      act_({ kind: 'call', table: 2 }),
    );
    const snapshot: AudienceSnapshot = audienceSnapshot({
      state,
      ended: false,
      card: null,
      tables: audienceTables(state, (id) => cards.find((c) => c.id === id)),
    });
    await act(async () => presenter.postMessage({ k: 'snapshot', v: 1, snapshot }));
    const all = await screen.findByRole('region', { name: tt.audience });
    const title = DILEMMAS[0]!.title;
    const one = within(all).getByRole('region', { name: `${fill('nl', tt.table, { n: 1 })} · ${title}` });
    const img = within(one).getByRole('img');
    const caption = document.getElementById(img.getAttribute('aria-labelledby')!);
    expect(caption?.textContent).toContain('20, 80');
    const two = within(all).getByRole('region', { name: `${fill('nl', tt.table, { n: 2 })} · ${title}` });
    expect(two.textContent).toContain(fill('nl', tt.chosen, { chosen: 0, size: 2 }));
    expect(two.closest('li')?.className).toContain('is-called');
    const status = within(all).getByRole('status');
    expect(status.textContent).toContain(fill('nl', tt.called, { n: 2 }));
    expect(status.textContent).toContain('Wij zien het anders');

    // All tables on the card the projector shows above them: the boxes say only their number.
    const shown = { id: DILEMMAS[0]!.id, title, poles: ['Links', 'Rechts'] as [string, string] };
    await act(async () => presenter.postMessage({ k: 'snapshot', v: 1, snapshot: { ...snapshot, card: shown } }));
    await waitFor(() =>
      expect(within(all).getByRole('region', { name: fill('nl', tt.table, { n: 1 }) }).textContent).not.toContain(
        title,
      ),
    );
    expect(all.querySelector('.audience-tables-grid')?.className).toContain('is-same');
    presenter.close();
  });
});
