import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { WipeAll } from '../../src/islands/sessions/ImportExport';
import { WipeForm } from '../../src/islands/sessions/WipeForm';
import { StoreError } from '../../src/lib/store/errors';
import { freshRepo, harness, protect, sessionWithNote, strings } from '../support/export-harness';

const files = vi.hoisted(() => [] as { text: string; name: string }[]);
vi.mock('../../src/islands/download', () => ({
  download: (text: string, name: string) => void files.push({ text, name }),
}));

const counts = { sessions: 1, notes: 1, positions: 0, actions: 0 };

async function setup(note = 'Gewone notitie') {
  files.length = 0;
  const repo = await freshRepo();
  await sessionWithNote(repo, note);
  const h = harness(repo);
  const onClose = vi.fn();
  const onWiped = vi.fn();
  render(<WipeForm counts={counts} onClose={onClose} onWiped={onWiped} />, { wrapper: h.Wrapper });
  return { repo, ...h, w: h.t.s.wipe, onClose, onWiped };
}

describe('WipeForm', () => {
  it('says what goes, and wipes only after the tick', async () => {
    const { w, repo, recorded, onWiped, lang } = await setup();
    expect(screen.getByText(fill(lang, w.text, counts))).toBeTruthy();
    const wipe = screen.getByRole('button', { name: w.confirm }) as HTMLButtonElement;
    expect(wipe.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(w.confirmCheck));
    expect(wipe.disabled).toBe(false);
    fireEvent.click(wipe);
    await waitFor(() => expect(onWiped).toHaveBeenCalled());
    expect(recorded.toasts.map((t) => t.message)).toEqual([w.done]);
    expect((await repo.exportAll()).sessions).toEqual([]);
  });

  it('"Annuleren" closes without wiping', async () => {
    const { w, onClose, repo } = await setup();
    fireEvent.click(screen.getByRole('button', { name: w.cancel }));
    expect(onClose).toHaveBeenCalled();
    expect((await repo.exportAll()).sessions).toHaveLength(1);
  });

  it('"Maak eerst een back-up" goes through the privacy check, then downloads', async () => {
    const { w, t, recorded } = await setup('Geboren 12-03-2010');
    fireEvent.click(screen.getByRole('button', { name: w.backupFirst }));
    // Encrypted by default: the dialog offers the generated passphrase first, already chosen.
    const offered = within(await screen.findByRole('form', { name: t.s.exchange.protect.title })).getAllByRole('radio');
    expect(offered.map((r) => [r.parentElement?.textContent, (r as HTMLInputElement).checked])[0]).toEqual([
      t.s.exchange.protect.generated,
      true,
    ]);
    await protect(strings(), 'plain');
    const gate = await screen.findByRole('group', { name: t.s.gate.title });
    expect(files).toHaveLength(0);
    fireEvent.click(within(gate).getByRole('button', { name: t.s.gate.proceed }));
    await waitFor(() => expect(files).toHaveLength(1));
    await waitFor(() => expect(recorded.toasts).toHaveLength(1));
    expect(recorded.toasts[0]?.message).toBe(fill('nl', t.s.exchange.exported, { file: files[0]?.name ?? '' }));
  });

  it('a failed backup shows the one error message; nothing is wiped', async () => {
    const { w, t, repo } = await setup();
    vi.spyOn(repo, 'exportAll').mockRejectedValueOnce(new StoreError('unavailable'));
    fireEvent.click(screen.getByRole('button', { name: w.backupFirst }));
    await protect(strings(), 'plain');
    expect((await screen.findByRole('alert')).textContent).toBe(t.s.errors.unavailable);
    expect((await repo.exportAll()).sessions).toHaveLength(1);
  });

  it('a failed wipe says so and keeps the records', async () => {
    const { w, t, repo, onWiped } = await setup();
    vi.spyOn(repo, 'wipeAll').mockRejectedValueOnce(new StoreError('quota'));
    fireEvent.click(screen.getByLabelText(w.confirmCheck));
    fireEvent.click(screen.getByRole('button', { name: w.confirm }));
    expect((await screen.findByRole('alert')).textContent).toBe(t.s.errors.quota);
    expect(onWiped).not.toHaveBeenCalled();
  });
});

describe('WipeAll', () => {
  it('opens the dialog with the numbers of what would go', async () => {
    files.length = 0;
    const repo = await freshRepo();
    await sessionWithNote(repo, 'Gewone notitie');
    const h = harness(repo);
    // happy-dom's dialog has no showModal in every version: the form is what matters here.
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    render(<WipeAll />, { wrapper: h.Wrapper });
    fireEvent.click(screen.getByRole('button', { name: h.t.s.wipe.open }));
    expect(await screen.findByText(fill('nl', h.t.s.wipe.text, counts))).toBeTruthy();
    // The dialog's own content: found also where happy-dom leaves it out of the accessibility tree.
    fireEvent.click(screen.getByRole('button', { name: h.t.s.wipe.cancel, hidden: true }));
    await waitFor(() => expect(screen.queryByText(fill('nl', h.t.s.wipe.text, counts))).toBeNull());
  });
});
