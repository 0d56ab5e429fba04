/** The recovery view after a backing-store error: export what is readable, never delete, reload. */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { Recovery } from '../../src/islands/sessions/Recovery';
import { createRepo } from '../../src/lib/store/repo';
import { openKjk } from '../../src/lib/store/schema';
import { sessionsStrings } from './session-list-support';

const downloads = vi.hoisted(() => [] as { text: string; name: string }[]);
vi.mock('../../src/islands/download', () => ({
  download: (text: string, name: string) => downloads.push({ text, name }),
}));

afterEach(() => {
  downloads.length = 0;
  vi.restoreAllMocks();
});

describe('Recovery island', () => {
  it('exports what is readable as a file and says how much', async () => {
    const t = sessionsStrings('nl');
    const db = await openKjk({ name: `kjk-recovery-${Math.random().toString(36).slice(2)}` });
    const repo = createRepo(db);
    const session = await repo.sessions.create({
      kind: 'gesprek',
      title: 'Gesprek',
      team: '',
      date: '2026-03-02',
      lang: 'nl',
      deck: { cards: ['kind-of-gezin'] },
    });
    await repo.notes.save({ sessionId: session.id, cardId: 'kind-of-gezin', text: 'Een notitie', baseUpdatedAt: null });
    render(<Recovery db={db} t={t} lang="nl" />);
    expect(screen.getByRole('heading', { name: t.s.recovery.title })).toBeTruthy();
    expect(screen.getByText(t.s.recovery.text)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t.s.recovery.export }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(fill('nl', t.s.recovery.exported, { sessions: 1, notes: 1 })),
    );
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.text).toContain('Een notitie');
    expect(screen.getByRole('button', { name: t.s.recovery.export }).hasAttribute('disabled')).toBe(false);
  });

  it('says the store does not open when there is nothing to read, and offers a reload', () => {
    const t = sessionsStrings('en');
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload } as Location);
    render(<Recovery db={null} t={t} lang="en" />);
    expect(screen.getByText(t.s.recovery.cannotOpen)).toBeTruthy();
    expect(screen.queryByRole('button', { name: t.s.recovery.export })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: t.s.banner.reload }));
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
