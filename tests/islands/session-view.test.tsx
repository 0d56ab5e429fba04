import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { SessionView } from '../../src/islands/sessions/SessionView';
import { card, failing, type Harness, harness, POLES } from './positions-harness';

let h: Harness;
afterEach(() => h?.close());

const DILEMMA = card();
const KENNIS = card('wat-is-eigen-kracht', undefined);
const SLOW = { timeout: 8000 };

async function session(kind: 'teamoverleg' | 'zelfreflectie', title: string, date: string) {
  return h.repo.sessions.create({
    kind,
    title,
    team: kind === 'teamoverleg' ? 'Noord' : '',
    date,
    lang: 'nl',
    deck: { cards: [DILEMMA.id, KENNIS.id] },
  });
}

describe('SessionView with positions', () => {
  it('shows the card’s positions, one marker for "Anna" and "anna", and the history of the team', async () => {
    h = await harness({ cards: [DILEMMA, KENNIS] });
    const before = await session('teamoverleg', 'Januari', '2024-01-01');
    await h.repo.positions.agree({ sessionId: before.id, cardId: DILEMMA.id, participant: '', value: 25 });
    const s = await session('teamoverleg', 'Maart', '2024-03-01');
    await h.repo.positions.set({ sessionId: s.id, cardId: DILEMMA.id, participant: 'Anna', value: 30 });
    await h.repo.positions.set({ sessionId: s.id, cardId: DILEMMA.id, participant: 'anna ', value: 35 });
    await h.repo.positions.agree({ sessionId: s.id, cardId: DILEMMA.id, participant: '', value: 60 });
    const p = h.t.s.positions;
    render(h.wrap(<SessionView id={s.id} cardIndex={0} />));
    expect(await screen.findByRole('heading', { level: 2, name: 'Maart' }, SLOW)).toBeTruthy();
    expect(await screen.findByText(fill('nl', p.count, { n: 1 }), {}, SLOW)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: h.t.s.history.titleTeam }, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: p.reveal }));
    const plot = document.querySelector('.ss-dotplot');
    expect(plot?.querySelectorAll('circle')).toHaveLength(1);
    expect(plot?.querySelector('title')?.textContent).toBe(fill('nl', p.item, { name: 'Anna', value: 35 }));
    expect(
      screen.getByText(
        fill('nl', h.t.poles.agreedCurrent, { value: 60, lean: fill('nl', h.t.poles.leanB, { b: POLES[1] }) }),
      ),
    ).toBeTruthy();
  });

  it('goes to the next card, which has no poles and so no positions', async () => {
    h = await harness({ cards: [DILEMMA, KENNIS] });
    const s = await session('zelfreflectie', 'Alleen', '2024-03-01');
    const view = render(h.wrap(<SessionView id={s.id} cardIndex={0} />));
    await screen.findByRole('heading', { name: h.t.s.positions.titleOwn }, SLOW);
    fireEvent.click(screen.getByRole('button', { name: `${h.t.s.view.next} →` }));
    expect(h.go).toHaveBeenCalledWith({ view: 'session', id: s.id, card: 1 }, { replace: true });
    view.rerender(h.wrap(<SessionView id={s.id} cardIndex={1} />));
    await waitFor(() => expect(screen.queryByRole('slider')).toBeNull());
  });

  it('shows the error when the session cannot be read', async () => {
    h = await harness({ cards: [DILEMMA, KENNIS] });
    const s = await session('teamoverleg', 'Maart', '2024-03-01');
    h.repo = failing(h.repo, 'sessions', 'get');
    render(h.wrap(<SessionView id={s.id} cardIndex={0} />));
    expect(await screen.findByText(h.t.s.banner.failed, {}, SLOW)).toBeTruthy();
  });
});
