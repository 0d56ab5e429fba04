import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { Positions } from '../../src/islands/sessions/Positions';
import { leanPhrase } from '../../src/lib/poles';
import type { Session, SessionKind } from '../../src/lib/store/types';
import { card, failing, type Harness, harness, POLES } from './positions-harness';

let h: Harness;
afterEach(() => h?.close());

async function setup(kind: SessionKind, lang: 'nl' | 'en' = 'nl') {
  h = await harness({ lang });
  const session = await h.repo.sessions.create({ kind, title: 'Overleg', team: 'Noord', date: '2024-05-01', lang });
  return session;
}

function show(session: Session) {
  return render(h.wrap(<Positions session={session} card={card()} poles={POLES} />));
}

const slide = (el: HTMLElement, value: number) => {
  fireEvent.input(el, { target: { value: String(value) } });
};

describe('Positions, zelfreflectie: my own position', () => {
  it('starts in the middle, saves where I let go and says so', async () => {
    const session = await setup('zelfreflectie');
    const p = h.t.s.positions;
    show(session);
    const slider = await screen.findByLabelText(fill('nl', p.own, { a: POLES[0], b: POLES[1] }));
    expect((slider as HTMLInputElement).value).toBe('50');
    expect(screen.getByRole('status').textContent).toBe(p.ownNone);
    expect(slider.getAttribute('aria-valuetext')).toBe(`50 van 100, ${h.t.poles.middle}`);
    slide(slider, 30);
    expect(slider.getAttribute('aria-valuetext')).toBe(`30 van 100, ${leanPhrase('nl', h.t.poles, POLES, 30)}`);
    await act(async () => {
      fireEvent.change(slider, { target: { value: '30' } });
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(fill('nl', p.ownSaved, { value: 30 })));
    const stored = await h.repo.positions.list(session.id, card().id);
    expect(stored.map((x) => [x.participant, x.value])).toEqual([['', 30]]);
  });

  it('saves with the button, and follows a change made elsewhere', async () => {
    const session = await setup('zelfreflectie');
    const p = h.t.s.positions;
    show(session);
    const slider = (await screen.findByRole('slider')) as HTMLInputElement;
    slide(slider, 80);
    fireEvent.click(screen.getByRole('button', { name: p.saveOwn }));
    await waitFor(() => expect(screen.queryByRole('button', { name: p.saveOwn })).toBeNull());
    await act(async () => {
      await h.repo.positions.set({ sessionId: session.id, cardId: card().id, participant: '', value: 12 });
    });
    await waitFor(() => expect(slider.value).toBe('12'));
  });

  it('shows an error toast when the save fails', async () => {
    const session = await setup('zelfreflectie');
    h.repo = failing(h.repo, 'positions', 'set');
    show(session);
    const slider = await screen.findByRole('slider');
    await act(async () => {
      fireEvent.change(slider, { target: { value: '70' } });
    });
    await waitFor(() => expect(h.toast).toHaveBeenCalledWith(expect.any(String), { tone: 'error' }));
  });
});

describe('Positions, team: turns, the name clash, the agreed position', () => {
  async function place(name: string, value: number) {
    const p = h.t.s.positions;
    fireEvent.input(screen.getByLabelText(p.participant), { target: { value: name } });
    slide(screen.getByLabelText(fill('nl', p.yours, { a: POLES[0], b: POLES[1] })), value);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: p.place }));
    });
  }
  const stored = async (sessionId: string) =>
    (await h.repo.positions.list(sessionId, card().id)).map((x) => [x.participant, x.value, x.agreed]).sort();

  it('places a turn, clears the form for the next person and counts', async () => {
    const session = await setup('teamoverleg');
    const p = h.t.s.positions;
    show(session);
    expect(await screen.findByText(p.countNone)).toBeTruthy();
    expect((screen.getByRole('button', { name: p.reveal }) as HTMLButtonElement).disabled).toBe(true);
    await place('Anna', 30);
    expect(await screen.findByText(fill('nl', p.placed, { name: 'Anna' }), { exact: false })).toBeTruthy();
    await screen.findByText(fill('nl', p.count, { n: 1 }));
    expect((screen.getByLabelText(p.participant) as HTMLInputElement).value).toBe('');
    expect((screen.getByRole('slider') as HTMLInputElement).value).toBe('50');
    await place('', 60);
    await screen.findByText(fill('nl', p.count, { n: 2 }));
    expect(await stored(session.id)).toEqual([
      ['Anna', 30, false],
      [fill('nl', p.defaultName, { n: 2 }), 60, false],
    ]);
  });

  it('asks when a name is on the card already: add as "Anna (2)"', async () => {
    const session = await setup('teamoverleg');
    const p = h.t.s.positions;
    await h.repo.positions.set({ sessionId: session.id, cardId: card().id, participant: 'Anna', value: 20 });
    show(session);
    await screen.findByText(fill('nl', p.count, { n: 1 }));
    await place(' anna ', 70);
    const dialog = await screen.findByRole('group', {
      name: fill('nl', p.sameName, { name: 'Anna', next: 'Anna (2)' }),
    });
    const add = within(dialog).getByRole('button', { name: fill('nl', p.addAs, { next: 'Anna (2)' }) });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: p.replace }));
    await act(async () => {
      fireEvent.click(add);
    });
    await screen.findByText(fill('nl', p.count, { n: 2 }));
    expect(document.querySelector('.ss-clash')).toBeNull();
    expect(await stored(session.id)).toEqual([
      ['Anna (2)', 70, false],
      ['Anna', 20, false],
    ]);
  });

  it('asks when a name is on the card already: replace hers', async () => {
    const session = await setup('teamoverleg');
    const p = h.t.s.positions;
    await h.repo.positions.set({ sessionId: session.id, cardId: card().id, participant: 'Anna', value: 20 });
    show(session);
    await screen.findByText(fill('nl', p.count, { n: 1 }));
    await place('ANNA', 90);
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: p.replace }));
    });
    await waitFor(async () => expect(await stored(session.id)).toEqual([['Anna', 90, false]]));
  });

  it('shows a stored "Anna" and a placed "anna" as one marker', async () => {
    const session = await setup('workshop');
    const p = h.t.s.positions;
    await h.repo.positions.set({ sessionId: session.id, cardId: card().id, participant: 'Anna', value: 20 });
    // The room's path: a phone's label written straight into the session.
    await h.repo.positions.set({ sessionId: session.id, cardId: card().id, participant: 'anna', value: 80 });
    show(session);
    await screen.findByText(fill('nl', p.count, { n: 1 }));
    fireEvent.click(screen.getByRole('button', { name: p.reveal }));
    const plot = await screen.findByRole('img');
    expect(plot.querySelectorAll('circle')).toHaveLength(1);
    expect(plot.querySelector('title')?.textContent).toBe(fill('nl', p.item, { name: 'Anna', value: 80 }));
    expect(screen.getByText(fill('nl', p.chartText, { a: POLES[0], b: POLES[1], list: 'Anna: 80' }))).toBeTruthy();
  });

  it('reveals the spread, records the agreed position and says where it leans', async () => {
    const session = await setup('teamoverleg');
    const p = h.t.s.positions;
    for (const [name, value] of [
      ['Anna', 20],
      ['Bram', 40],
      ['Cas', 90],
    ] as const)
      await h.repo.positions.set({ sessionId: session.id, cardId: card().id, participant: name, value });
    show(session);
    await screen.findByText(fill('nl', p.count, { n: 3 }));
    fireEvent.click(screen.getByRole('button', { name: p.reveal }));
    expect(screen.getByRole('button', { name: p.hide }).getAttribute('aria-expanded')).toBe('true');
    const agreed = screen.getByLabelText(fill('nl', p.agreedLabel, { a: POLES[0], b: POLES[1] })) as HTMLInputElement;
    // The proposal is the median of the markers.
    expect(agreed.value).toBe('40');
    slide(agreed, 35);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: p.agreedSave }));
    });
    const now = fill('nl', h.t.poles.agreedCurrent, { value: 35, lean: leanPhrase('nl', h.t.poles, POLES, 35) });
    expect(await screen.findByText(now)).toBeTruthy();
    expect(screen.getByText(fill('nl', p.chartAgreed, { value: 35 }), { exact: false })).toBeTruthy();
    expect(document.querySelectorAll('.ss-agreed-mark')).toHaveLength(1);
    expect(await stored(session.id)).toEqual([
      ['', 35, true],
      ['Anna', 20, false],
      ['Bram', 40, false],
      ['Cas', 90, false],
    ]);
  });

  it('removes a marker from the list of placed names', async () => {
    const session = await setup('teamoverleg');
    const p = h.t.s.positions;
    await h.repo.positions.set({ sessionId: session.id, cardId: card().id, participant: 'Anna', value: 20 });
    show(session);
    const remove = await screen.findByRole('button', { name: fill('nl', p.removeLabel, { name: 'Anna' }) });
    await act(async () => {
      fireEvent.click(remove);
    });
    expect(await screen.findByText(fill('nl', p.removed, { name: 'Anna' }), { exact: false })).toBeTruthy();
    await screen.findByText(p.countNone);
  });

  it('gives the numbered name in English too, and toasts a failed write', async () => {
    const session = await setup('teamoverleg', 'en');
    const p = h.t.s.positions;
    h.repo = failing(h.repo, 'positions', 'set');
    show(session);
    await screen.findByText(p.countNone);
    fireEvent.input(screen.getByLabelText(p.participant), { target: { value: 'Anna' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: p.place }));
    });
    await waitFor(() => expect(h.toast).toHaveBeenCalledWith(expect.any(String), { tone: 'error' }));
    // The name comes back, so the person can try again.
    expect((screen.getByLabelText(p.participant) as HTMLInputElement).value).toBe('Anna');
  });

  it('shows the error when the positions cannot be read', async () => {
    const session = await setup('teamoverleg');
    h.repo = failing(h.repo, 'positions', 'list');
    const { container } = show(session);
    await waitFor(() => expect(container.querySelector('.ss-error')?.textContent).toBeTruthy());
  });
});
