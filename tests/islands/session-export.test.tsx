import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { SessionExport } from '../../src/islands/sessions/SessionExport';
import { decryptExport } from '../../src/lib/exchange/crypto';
import { freshRepo, harness, protect, sessionWithNote } from '../support/export-harness';

const files = vi.hoisted(() => [] as { text: string; name: string }[]);
vi.mock('../../src/islands/download', () => ({
  download: (text: string, name: string) => void files.push({ text, name }),
}));

async function setup(note = 'Gewone notitie') {
  files.length = 0;
  const repo = await freshRepo();
  const id = await sessionWithNote(repo, note);
  await sessionWithNote(repo, 'Een andere sessie', 'Ander overleg');
  const h = harness(repo);
  render(<SessionExport id={id} />, { wrapper: h.Wrapper });
  return { repo, id, ...h, s: h.t.s };
}

describe('SessionExport', () => {
  it('downloads this session only (a plain file when chosen), named neutrally, and says so', async () => {
    const { s, t, recorded, id } = await setup();
    fireEvent.click(screen.getByRole('button', { name: s.view.exportSession }));
    await protect(t, 'plain');
    await waitFor(() => expect(files).toHaveLength(1));
    // What it is and when; the title "Overleg maart" is not in the name, plain or not.
    expect(files[0]?.name).toMatch(/^kjk-sessie-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(files[0]?.text ?? '');
    expect(file.scope).toBe('session');
    expect(file.data.sessions.map((x: { id: string }) => x.id)).toEqual([id]);
    await waitFor(() =>
      expect(recorded.toasts.map((x) => x.message)).toEqual([
        fill('nl', s.view.exported, { file: files[0]?.name ?? '' }),
      ]),
    );
  });

  it('asks first when the session holds client data', async () => {
    const { s, t } = await setup('IBAN NL91ABNA0417164300');
    fireEvent.click(screen.getByRole('button', { name: s.view.exportSession }));
    await protect(t, 'plain');
    const gate = await screen.findByRole('group', { name: s.gate.title });
    // One session: its title is not repeated before each card.
    expect(gate.textContent).toContain(`kaart 1: Veilig of eigen kracht (${s.notes.findings.iban})`);
    fireEvent.click(within(gate).getByRole('button', { name: s.gate.proceed }));
    await waitFor(() => expect(files).toHaveLength(1));
  });

  it('encrypted by default: a typed passphrase that differs is refused, then the file is encrypted and named neutrally', async () => {
    const { s, t } = await setup();
    const x = s.exchange;
    fireEvent.click(screen.getByRole('button', { name: s.view.exportSession }));
    const form = await screen.findByRole('form', { name: x.protect.title });
    fireEvent.click(within(form).getByLabelText(x.protect.own));
    fireEvent.input(within(form).getByLabelText(x.passphrase), { target: { value: 'lang genoeg wachtwoord' } });
    fireEvent.input(within(form).getByLabelText(x.passphraseAgain), { target: { value: 'iets anders dan dat' } });
    fireEvent.click(within(form).getByRole('button', { name: x.protect.make }));
    expect((await screen.findByRole('alert')).textContent).toBe(x.mismatch);
    expect(files).toHaveLength(0);
    fireEvent.click(within(form).getByRole('button', { name: x.protect.cancel }));
    await waitFor(() => expect(screen.queryByRole('form', { name: x.protect.title })).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: s.view.exportSession }));
    const passphrase = await protect(t, 'generated');
    await waitFor(() => expect(files).toHaveLength(1), { timeout: 10_000 });
    expect(files[0]?.name).toMatch(/^kjk-sessie-\d{4}-\d{2}-\d{2}-versleuteld\.json$/);
    expect((await decryptExport(files[0]?.text ?? '', passphrase)).ok).toBe(true);
    await waitFor(() => expect(screen.queryByRole('form', { name: x.protect.title })).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
  }, 20_000);

  it('a session that is gone shows the one error message and downloads nothing', async () => {
    files.length = 0;
    const repo = await freshRepo();
    const h = harness(repo);
    render(<SessionExport id="bestaat-niet" />, { wrapper: h.Wrapper });
    fireEvent.click(screen.getByRole('button', { name: h.t.s.view.exportSession }));
    await protect(h.t, 'plain');
    expect((await screen.findByRole('alert')).textContent).toBe(h.t.s.errors['not-found']);
    expect(files).toHaveLength(0);
  });
});
