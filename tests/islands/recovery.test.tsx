/**
 * The recovery view after a backing-store error: export what is readable (encrypted unless a
 * plain file is chosen, as every export), never delete, reload.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { Recovery } from '../../src/islands/sessions/Recovery';
import { Strings } from '../../src/islands/sessions/context';
import { decryptExport } from '../../src/lib/exchange/crypto';
import { protect } from '../support/export-harness';
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
    render(
      <Strings.Provider value={{ lang: 'nl', t, cards: [], cardById: new Map() }}>
        <Recovery db={db} t={t} lang="nl" />
      </Strings.Provider>,
    );
    expect(screen.getByRole('heading', { name: t.s.recovery.title })).toBeTruthy();
    expect(screen.getByText(t.s.recovery.text)).toBeTruthy();
    const exported = fill('nl', t.s.recovery.exported, { sessions: 1, notes: 1 });

    // By default encrypted, as every export: the generated passphrase opens it, the name says nothing.
    fireEvent.click(screen.getByRole('button', { name: t.s.recovery.export }));
    const passphrase = await protect(t, 'generated');
    await waitFor(() => expect(screen.getByText(exported, { selector: '[role=status]' })).toBeTruthy(), {
      timeout: 15_000,
    });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.text).not.toContain('Een notitie');
    expect(downloads[0]!.name).toMatch(/^kjk-back-up-[\d-]+-versleuteld\.json$/);
    expect(await decryptExport(downloads[0]!.text, passphrase)).toMatchObject({
      ok: true,
      plaintext: expect.stringContaining('Een notitie'),
    });

    // A plain file only when chosen.
    fireEvent.click(screen.getByRole('button', { name: t.s.recovery.export }));
    await protect(t, 'plain');
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]!.text).toContain('Een notitie');
    expect(screen.getByRole('button', { name: t.s.recovery.export }).hasAttribute('disabled')).toBe(false);
  }, 30_000);

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
