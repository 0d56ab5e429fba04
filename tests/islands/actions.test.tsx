/** The session's agreed actions without a browser, over a real repository: add, edit, tick off, delete and undo. */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { Actions } from '../../src/islands/sessions/Actions';
import { formatDay } from '../../src/lib/sessions/format';
import { StoreError } from '../../src/lib/store/errors';
import type { Repo } from '../../src/lib/store/repo';
import { SESSION_CARDS, sessionsHarness } from './session-list-support';

/**
 * Makes `method` of the repository's actions fail (once, or always): the part is a lazy stand-in
 * (src/lib/store/repo.ts) that vi.spyOn cannot wrap, so it is wrapped in another stand-in.
 */
function failing(repo: Repo, method: string, error: unknown, times = Number.POSITIVE_INFINITY) {
  const real = repo.actions;
  let left = times;
  (repo as { actions: Repo['actions'] }).actions = new Proxy(real, {
    get: (target, key) =>
      key === method && left-- > 0 ? () => Promise.reject(error) : (target as Record<string | symbol, unknown>)[key],
  });
}

const card = SESSION_CARDS.find((c) => c.id === 'grens-stellen')!;

async function actions() {
  const h = await sessionsHarness();
  const session = await h.repo.sessions.create({
    kind: 'teamoverleg',
    title: 'Overleg',
    team: 'Noord',
    date: '2026-03-02',
    lang: 'nl',
    deck: { cards: [card.id] },
  });
  h.show(<Actions session={session} card={card} />);
  const a = h.t.s.actions;
  await screen.findByText(a.none);
  const form = document.querySelector<HTMLFormElement>('.ss-action-new')!;
  const field = (label: string) => within(form).getByLabelText(label) as HTMLInputElement;
  return { h, a, session, form, field };
}

describe('Actions island', () => {
  it('adds an action tied to the card shown, with owner and date, and empties the form', async () => {
    const { h, a, session, field } = await actions();
    fireEvent.input(field(a.text), { target: { value: ' Bel de school ' } });
    fireEvent.input(field(a.owner), { target: { value: 'Sam' } });
    fireEvent.input(field(a.due), { target: { value: '2026-04-01' } });
    expect(
      screen.getByRole('checkbox', { name: fill('nl', a.linkCard, { n: card.number, title: card.title }) }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: a.add }));
    const item = (await screen.findByText('Bel de school')).closest('li')!;
    expect(within(item).getByText(fill('nl', a.ownerIs, { owner: 'Sam' }))).toBeTruthy();
    expect(within(item).getByText(fill('nl', a.dueIs, { date: formatDay('2026-04-01', 'nl') }))).toBeTruthy();
    expect(within(item).getByText(fill('nl', a.cardIs, { n: card.number }))).toBeTruthy();
    expect(field(a.text).value).toBe('');
    expect(document.activeElement).toBe(field(a.text));
    expect(h.toasts.at(-1)?.message).toBe(a.added);
    const [stored] = await h.repo.actions.list(session.id);
    expect(stored).toMatchObject({ text: 'Bel de school', owner: 'Sam', due: '2026-04-01', cardId: card.id });
  });

  it('says what is missing or wrong before saving: the text, a two-digit year', async () => {
    const { h, a, session, field } = await actions();
    fireEvent.click(screen.getByRole('button', { name: a.add }));
    expect(screen.getByRole('alert').textContent).toBe(a.needText);
    expect(document.activeElement).toBe(field(a.text));
    fireEvent.input(field(a.text), { target: { value: 'Iets' } });
    fireEvent.input(field(a.due), { target: { value: '0026-04-01' } });
    fireEvent.click(screen.getByRole('button', { name: a.add }));
    expect(screen.getByRole('alert').textContent).toBe(h.t.s.dates['short-year']);
    expect(await h.repo.actions.list(session.id)).toHaveLength(0);
    // Not tied to the card when the box is unticked; a store error is said in the form.
    fireEvent.input(field(a.due), { target: { value: '' } });
    fireEvent.click(
      screen.getByRole('checkbox', { name: fill('nl', a.linkCard, { n: card.number, title: card.title }) }),
    );
    failing(h.repo, 'add', new StoreError('quota'), 1);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: a.add }));
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(h.t.s.errors.quota));
    fireEvent.click(screen.getByRole('button', { name: a.add }));
    await screen.findByText('Iets');
    expect((await h.repo.actions.list(session.id))[0]!.cardId).toBeUndefined();
  });

  it('ticks an action off, edits it, and deletes it with an undo that puts it back done', async () => {
    const { h, a, session, field } = await actions();
    fireEvent.input(field(a.text), { target: { value: 'Plan een gesprek' } });
    fireEvent.click(screen.getByRole('button', { name: a.add }));
    const done = await screen.findByRole('checkbox', { name: `${a.done}: Plan een gesprek` });
    fireEvent.click(done);
    await waitFor(() => expect(document.querySelector('.ss-action.is-done')).toBeTruthy());

    fireEvent.click(screen.getByRole('button', { name: `${a.edit}: Plan een gesprek` }));
    const edit = screen.getByRole('form', { name: a.editLabel });
    fireEvent.input(within(edit).getByLabelText(a.text), { target: { value: 'Plan twee gesprekken' } });
    fireEvent.input(within(edit).getByLabelText(a.due), { target: { value: '0026-01-01' } });
    fireEvent.click(within(edit).getByRole('button', { name: a.save }));
    await waitFor(() =>
      expect(h.toasts.at(-1)).toEqual({ message: h.t.s.dates['short-year'], opts: { tone: 'error' } }),
    );
    fireEvent.input(within(edit).getByLabelText(a.due), { target: { value: '' } });
    fireEvent.input(within(edit).getByLabelText(a.owner), { target: { value: 'Kim' } });
    fireEvent.click(within(edit).getByRole('button', { name: a.save }));
    expect(await screen.findByText('Plan twee gesprekken')).toBeTruthy();
    expect(screen.getByText(fill('nl', a.ownerIs, { owner: 'Kim' }))).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: `${a.delete}: Plan twee gesprekken` }));
    expect(await screen.findByText(a.none)).toBeTruthy();
    const deleted = h.toasts.at(-1)!;
    expect(deleted.message).toBe(a.deleted);
    await act(async () => {
      await deleted.opts!.action!.run();
    });
    expect(h.toasts.at(-1)?.message).toBe(a.restored);
    const [back] = await h.repo.actions.list(session.id);
    expect(back).toMatchObject({ text: 'Plan twee gesprekken', owner: 'Kim', done: true });
    expect(await screen.findByText('Plan twee gesprekken')).toBeTruthy();
  });

  it('cancels an edit, and says when ticking off fails', async () => {
    const { h, a, field } = await actions();
    fireEvent.input(field(a.text), { target: { value: 'Mail de ouders' } });
    fireEvent.click(screen.getByRole('button', { name: a.add }));
    fireEvent.click(await screen.findByRole('button', { name: `${a.edit}: Mail de ouders` }));
    fireEvent.click(screen.getByRole('button', { name: a.cancel }));
    expect(screen.queryByRole('form', { name: a.editLabel })).toBeNull();
    failing(h.repo, 'toggle', new StoreError('quota'));
    fireEvent.click(screen.getByRole('checkbox', { name: `${a.done}: Mail de ouders` }));
    await waitFor(() => expect(h.toasts.at(-1)).toEqual({ message: h.t.s.errors.quota, opts: { tone: 'error' } }));
  });
});
