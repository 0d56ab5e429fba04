/** The deleted sessions without a browser: how long they stay, and restoring one. */
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { Trash } from '../../src/islands/sessions/Trash';
import { DELETED_KEEP_DAYS } from '../../src/lib/records/limits';
import { StoreError } from '../../src/lib/store/errors';
import { sessionsHarness } from './session-list-support';

async function withDeleted(title: string) {
  const h = await sessionsHarness();
  const session = await h.repo.sessions.create({
    kind: 'gesprek',
    title,
    team: '',
    date: '2026-03-02',
    lang: 'nl',
    deck: { cards: ['kind-of-gezin'] },
  });
  await h.repo.sessions.softDelete(session.id);
  return { h, id: session.id, items: await h.repo.sessions.listDeleted() };
}

describe('Trash island', () => {
  it('lists deleted sessions with how long they can be restored, and restores one', async () => {
    const { h, id, items } = await withDeleted('Gesprek met Sam');
    h.show(<Trash items={items} />);
    expect(screen.getByRole('heading', { name: h.t.s.trash.title })).toBeTruthy();
    expect(screen.getByText(fill('nl', h.t.s.trash.intro, { n: DELETED_KEEP_DAYS }))).toBeTruthy();
    expect(screen.getByText(h.t.s.trash.until.split('{')[0]!, { exact: false })).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: fill('nl', h.t.s.trash.restoreLabel, { title: 'Gesprek met Sam' }) }),
    );
    await waitFor(() =>
      expect(h.toasts.at(-1)?.message).toBe(fill('nl', h.t.s.list.restored, { title: 'Gesprek met Sam' })),
    );
    expect((await h.repo.sessions.get(id))?.deletedAt).toBeUndefined();
    expect(await h.repo.sessions.get(id)).toBeTruthy();
    expect(await h.repo.sessions.listDeleted()).toHaveLength(0);
  });

  it('names an untitled session, says when restoring fails, and shows nothing when empty', async () => {
    const { h, items } = await withDeleted('  ');
    vi.spyOn(h.repo.sessions, 'undoDelete').mockRejectedValue(new StoreError('quota'));
    const view = h.show(<Trash items={items} />);
    expect(screen.getByRole('heading', { name: h.t.s.list.untitled })).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: fill('nl', h.t.s.trash.restoreLabel, { title: h.t.s.list.untitled }) }),
    );
    await waitFor(() => expect(h.toasts.at(-1)).toEqual({ message: h.t.s.errors.quota, opts: { tone: 'error' } }));
    view.unmount();
    h.show(<Trash items={[]} />);
    expect(screen.queryByRole('heading', { name: h.t.s.trash.title })).toBeNull();
  });
});
