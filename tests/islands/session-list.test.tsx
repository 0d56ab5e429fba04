/**
 * The sessions list without a browser, over a real repository: the skeleton while it reads, the
 * empty list, a list in pages, rename, copy, delete with undo, the deleted list, and errors.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { MAX_SHORT_TEXT_CHARS } from '../../src/lib/records/limits';
import { describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { SessionList } from '../../src/islands/sessions/SessionList';
import { StoreError } from '../../src/lib/store/errors';
import type { Repo } from '../../src/lib/store/repo';
import { sessionsHarness } from './session-list-support';

const add = (repo: Repo, title: string, o: { team?: string; date?: string } = {}) =>
  repo.sessions.create({
    kind: 'teamoverleg',
    title,
    team: o.team ?? '',
    date: o.date ?? '2026-03-02',
    lang: 'nl',
    deck: { cards: ['kind-of-gezin', 'grens-stellen'] },
  });

const titles = () => [...document.querySelectorAll('[data-session-list] .ss-item-title')].map((el) => el.textContent);

describe('SessionList island', () => {
  it('shows the skeleton while reading, then the empty list with a way to start or restore', async () => {
    const h = await sessionsHarness();
    h.show(<SessionList />);
    // Before the first read: the skeleton's busy boxes.
    expect(document.querySelector('.ss-skeleton[aria-busy="true"]')).toBeTruthy();
    // (The skeleton holds the same texts unseen: wait for the real empty list.)
    const empty = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.ss-empty');
      if (!el) throw new Error('no empty list yet');
      return el;
    });
    expect(within(empty).getByText(h.t.s.list.empty)).toBeTruthy();
    expect(within(empty).getByText(h.t.s.list.emptyHelp)).toBeTruthy();
    expect(document.querySelector('.ss-list-section.ss-skeleton')).toBeNull();
    fireEvent.click(within(empty).getByRole('button', { name: h.t.s.create.open }));
    // The form loads on first use.
    expect(await screen.findByRole('form', { name: h.t.s.create.title })).toBeTruthy();
    expect(document.querySelector('.ss-empty')).toBeNull();
    expect(screen.queryByRole('button', { name: `+ ${h.t.s.create.open}` })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: h.t.s.create.cancel }));
    expect(document.querySelector('.ss-empty')).toBeTruthy();
    expect(screen.getByRole('button', { name: `+ ${h.t.s.create.open}` })).toBeTruthy();
  });

  it('lists sessions newest first with their kind, team, date and number of cards, each a link', async () => {
    const h = await sessionsHarness();
    await add(h.repo, 'Eerste', { date: '2026-01-10' });
    await add(h.repo, 'Tweede', { team: 'Team Zuid', date: '2026-02-10' });
    h.show(<SessionList />);
    await waitFor(() => expect(titles()).toHaveLength(2));
    const item = screen.getByRole('link', { name: 'Tweede' }).closest('li')!;
    expect(within(item).getByText('Team Zuid')).toBeTruthy();
    expect(within(item).getByText(h.t.s.kinds.teamoverleg)).toBeTruthy();
    expect(within(item).getByText(fill('nl', h.t.s.list.cards, { n: 2 }))).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Tweede' }));
    expect(h.routes.at(-1)?.route).toMatchObject({ view: 'session', card: 0 });
  });

  it('loads more in pages of twenty', async () => {
    const h = await sessionsHarness();
    for (let i = 0; i < 21; i++) await add(h.repo, `Sessie ${i}`);
    h.show(<SessionList />);
    await waitFor(() => expect(titles()).toHaveLength(20));
    fireEvent.click(screen.getByRole('button', { name: h.t.s.list.more }));
    await waitFor(() => expect(titles()).toHaveLength(21));
    expect(screen.queryByRole('button', { name: h.t.s.list.more })).toBeNull();
  });

  it('renames (Esc cancels), copies and deletes with undo, saying each', async () => {
    const h = await sessionsHarness();
    await add(h.repo, 'Overleg');
    h.show(<SessionList />);
    const actions = await screen.findByRole('group', {
      name: fill('nl', h.t.s.list.itemActions, { title: 'Overleg' }),
    });
    fireEvent.click(within(actions).getByRole('button', { name: h.t.s.list.rename }));
    const input = screen.getByLabelText(h.t.s.list.renameLabel);
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByLabelText(h.t.s.list.renameLabel)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: h.t.s.list.rename }));
    fireEvent.input(screen.getByLabelText(h.t.s.list.renameLabel), { target: { value: 'Overleg maart' } });
    fireEvent.click(screen.getByRole('button', { name: h.t.s.list.save }));
    expect(await screen.findByRole('link', { name: 'Overleg maart' })).toBeTruthy();
    expect(h.toasts.map((x) => x.message)).toContain(h.t.s.list.renamed);

    fireEvent.click(screen.getByRole('button', { name: h.t.s.list.duplicate }));
    const copy = `Overleg maart${h.t.s.list.copySuffix}`;
    expect(await screen.findByRole('link', { name: copy })).toBeTruthy();
    expect(h.toasts.at(-1)?.message).toBe(fill('nl', h.t.s.list.duplicated, { title: copy }));

    const item = screen.getByRole('link', { name: copy }).closest('li')!;
    fireEvent.click(within(item).getByRole('button', { name: h.t.s.list.delete }));
    await waitFor(() => expect(titles()).toEqual(['Overleg maart']));
    const deleted = h.toasts.at(-1)!;
    expect(deleted.message).toBe(fill('nl', h.t.s.list.deleted, { title: copy }));
    // The deleted list appears (loaded when it has something) and says until when.
    expect(await screen.findByRole('heading', { name: h.t.s.trash.title })).toBeTruthy();
    await act(async () => {
      await deleted.opts!.action!.run();
    });
    await waitFor(() => expect(titles()).toHaveLength(2));
    expect(h.toasts.at(-1)?.message).toBe(fill('nl', h.t.s.list.restored, { title: copy }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: h.t.s.trash.title })).toBeNull());
  });

  it('duplicates a session whose title is at the limit: the copy keeps the mark and stays importable', async () => {
    const h = await sessionsHarness();
    await add(h.repo, 'x'.repeat(MAX_SHORT_TEXT_CHARS));
    h.show(<SessionList />);
    fireEvent.click((await screen.findAllByRole('button', { name: h.t.s.list.duplicate }))[0]!);
    await waitFor(async () => expect((await h.repo.sessions.list()).items).toHaveLength(2));
    const copy = (await h.repo.sessions.list()).items.find((x) => x.title.endsWith(h.t.s.list.copySuffix))!;
    expect(copy.title).toHaveLength(MAX_SHORT_TEXT_CHARS);
    expect(h.toasts.at(-1)?.opts?.tone).not.toBe('error');
  });

  it('says when a write fails, and shows the list with the error when reading fails', async () => {
    const h = await sessionsHarness();
    await add(h.repo, 'Overleg');
    vi.spyOn(h.repo.sessions, 'duplicate').mockRejectedValue(new StoreError('quota'));
    h.show(<SessionList />);
    fireEvent.click(await screen.findByRole('button', { name: h.t.s.list.duplicate }));
    await waitFor(() => expect(h.toasts.at(-1)).toEqual({ message: h.t.s.errors.quota, opts: { tone: 'error' } }));

    const broken = await sessionsHarness();
    vi.spyOn(broken.repo.sessions, 'list').mockRejectedValue(new StoreError('unavailable'));
    document.body.innerHTML = '';
    broken.show(<SessionList />);
    expect((await screen.findByRole('alert')).textContent).toBe(broken.t.s.errors.unavailable);
    expect(screen.getByRole('heading', { name: broken.t.s.list.title })).toBeTruthy();
  });

  it('opens the form at once for a link with cards, and forgets the link on cancel', async () => {
    const h = await sessionsHarness();
    h.show(<SessionList preset={{ cards: ['wie-beslist'] }} />);
    expect(await screen.findByText(h.t.s.create.fromLink)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: h.t.s.create.cancel }));
    expect(h.routes.at(-1)).toEqual({ route: { view: 'list' }, opts: { replace: true } });
  });
});
