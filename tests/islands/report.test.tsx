import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { Report } from '../../src/islands/sessions/Report';
import { card, type Harness, harness } from './positions-harness';

let h: Harness;
afterEach(() => {
  h?.close();
  vi.restoreAllMocks();
});

const CARD = card();
// The first report in a worker loads the export and privacy code on demand: slower than a click.
const SLOW = { timeout: 8000 };
const KENNIS = card('wat-is-eigen-kracht', undefined);

async function teamSession(title = 'Overleg maart', date = '2024-03-01') {
  const s = await h.repo.sessions.create({
    kind: 'teamoverleg',
    title,
    team: 'Noord',
    date,
    lang: 'nl',
    deck: { cards: [CARD.id, KENNIS.id] },
  });
  return s;
}

describe('Report', () => {
  it('says so while loading, then shows a session with its notes, positions and the agreed one', async () => {
    h = await harness({ cards: [CARD, KENNIS] });
    const s = await teamSession();
    await h.repo.notes.save({
      sessionId: s.id,
      cardId: CARD.id,
      text: 'We kozen voor veiligheid.',
      baseUpdatedAt: null,
    });
    for (const [participant, value] of [
      ['Anna', 30],
      ['Bram', 80],
    ] as const)
      await h.repo.positions.set({ sessionId: s.id, cardId: CARD.id, participant, value });
    await h.repo.positions.agree({ sessionId: s.id, cardId: CARD.id, participant: '', value: 60 });
    const r = h.t.s.report;
    render(h.wrap(<Report id={s.id} />));
    expect(screen.getByText(h.t.s.loading)).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Overleg maart' }, SLOW)).toBeTruthy();
    const section = screen.getByRole('region', {
      name: fill('nl', r.cardHeading, { n: CARD.number, title: CARD.title }),
    });
    expect(within(section).getByText('We kozen voor veiligheid.')).toBeTruthy();
    const items = within(section)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items.sort()).toEqual(['Anna: 30', 'Bram: 80', fill('nl', r.agreed, { value: 60 })].sort());
    expect(within(section).getByText(fill('nl', r.agreed, { value: 60 }))).toBeTruthy();
    const plot = within(section).getByRole('img');
    expect(plot.querySelectorAll('circle')).toHaveLength(2);
    expect(plot.querySelectorAll('.ss-agreed-mark')).toHaveLength(1);
    expect([...plot.querySelectorAll('.ss-dot-label')].map((x) => x.textContent).sort()).toEqual(['A', 'B']);
  });

  it('shows the trend of earlier sessions of the team', async () => {
    h = await harness({ cards: [CARD, KENNIS] });
    const first = await teamSession('Januari', '2024-01-01');
    await h.repo.positions.agree({ sessionId: first.id, cardId: CARD.id, participant: '', value: 20 });
    const s = await teamSession('Maart', '2024-03-01');
    await h.repo.positions.set({ sessionId: s.id, cardId: CARD.id, participant: 'Anna', value: 30 });
    await h.repo.positions.agree({ sessionId: s.id, cardId: CARD.id, participant: '', value: 70 });
    const r = h.t.s.report;
    render(h.wrap(<Report id={s.id} />));
    expect(await screen.findByRole('heading', { name: r.trend }, SLOW)).toBeTruthy();
    const fan = screen.getByRole('region', { name: r.trendAll });
    expect(within(fan).getByText(fill('nl', r.cardHeading, { n: CARD.number, title: CARD.title }))).toBeTruthy();
    expect(fan.querySelectorAll('circle')).toHaveLength(2);
  });

  it('says when a session has nothing to report yet', async () => {
    h = await harness({ cards: [CARD, KENNIS] });
    const s = await teamSession();
    render(h.wrap(<Report id={s.id} />));
    expect(await screen.findByText(h.t.s.report.empty, {}, SLOW)).toBeTruthy();
  });

  it('copies the report as Markdown after the privacy check, or shows it to copy by hand', async () => {
    h = await harness({ cards: [CARD, KENNIS] });
    const s = await teamSession();
    await h.repo.positions.set({ sessionId: s.id, cardId: CARD.id, participant: 'Anna', value: 30 });
    const r = h.t.s.report;
    const writeText = vi.fn(async () => {
      throw new Error('no permission');
    });
    render(h.wrap(<Report id={s.id} />));
    const copy = await screen.findByRole('button', { name: r.copy }, SLOW);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await act(async () => {
      fireEvent.click(copy);
    });
    const manual = (await screen.findByLabelText(r.markdownLabel, {}, SLOW)) as HTMLTextAreaElement;
    expect(writeText).toHaveBeenCalled();
    expect(manual.value).toContain('Anna: 30');
    expect(screen.getByText(r.copyManual)).toBeTruthy();
  }, 20_000);

  it('shows "not found" for a deleted session and the error when reading fails', async () => {
    h = await harness({ cards: [CARD, KENNIS] });
    const s = await teamSession();
    await h.repo.sessions.softDelete(s.id);
    const view = render(h.wrap(<Report id={s.id} />));
    await waitFor(() => expect(screen.queryByText(h.t.s.loading)).toBeNull(), SLOW);
    expect(screen.queryByRole('heading', { level: 2, name: 'Overleg maart' })).toBeNull();
    view.unmount();
    const healthy = h.repo;
    h.repo = new Proxy(healthy, {
      get: (target, key) =>
        key === 'exportSession' ? () => Promise.reject(new Error('disk')) : Reflect.get(target, key),
    });
    render(h.wrap(<Report id={s.id} />));
    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toBe(h.t.s.banner.failed);
  });
});
