import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { ImportExport } from '../../src/islands/sessions/ImportExport';
import { encryptExport } from '../../src/lib/exchange/crypto';
import { serialize } from '../../src/lib/exchange/format';
import { StoreError } from '../../src/lib/store/errors';
import { decryptExport } from '../../src/lib/exchange/crypto';
import { aSession, freshRepo, harness, protect, sessionWithNote } from '../support/export-harness';

const files = vi.hoisted(() => [] as { text: string; name: string }[]);
vi.mock('../../src/islands/download', () => ({
  download: (text: string, name: string) => void files.push({ text, name }),
}));

async function setup(note = 'Gewone notitie') {
  files.length = 0;
  const repo = await freshRepo();
  await sessionWithNote(repo, note);
  const h = harness(repo);
  render(<ImportExport />, { wrapper: h.Wrapper });
  return { repo, ...h, x: h.t.s.exchange };
}

function choose(text: string, name = 'back-up.json') {
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('ImportExport: making a backup', () => {
  it('downloads everything at once when nothing looks like client data, and says so', async () => {
    const { t, x, recorded, repo } = await setup();
    fireEvent.click(screen.getByRole('button', { name: x.exportAll }));
    await protect(t, 'plain');
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]?.name).toMatch(/^kjk-back-up-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(files[0]?.text ?? '').data.notes[0].text).toBe('Gewone notitie');
    await waitFor(() =>
      expect(recorded.toasts[0]?.message).toBe(fill('nl', x.exported, { file: files[0]?.name ?? '' })),
    );
    expect(await repo.needsBackupReminder(Date.now() + 30 * 86_400_000)).toBe(false);
  });

  it('asks first when the backup holds client data: "Toch doorgaan" downloads, "Bekijk" opens the card', async () => {
    const { t, x, recorded } = await setup('BSN 111222333 en bel 06 12345678');
    const exportAll = screen.getByRole('button', { name: x.exportAll });
    fireEvent.click(exportAll);
    await protect(t, 'plain');
    const gate = await screen.findByRole('group', { name: t.s.gate.title });
    expect(gate.textContent).toContain('kaart 1: Veilig of eigen kracht (een BSN en een telefoonnummer)');
    expect(files).toHaveLength(0);
    expect((exportAll as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(gate).getByRole('button', { name: t.s.gate.proceed }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(screen.queryByRole('group', { name: t.s.gate.title })).toBeNull();
    await waitFor(() => expect((exportAll as HTMLButtonElement).disabled).toBe(false));

    fireEvent.click(exportAll);
    await protect(t, 'plain');
    const again = await screen.findByRole('group', { name: t.s.gate.title });
    fireEvent.click(within(again).getByRole('button', { name: t.s.gate.review }));
    await waitFor(() => expect(recorded.routes).toEqual([expect.objectContaining({ view: 'session', card: 0 })]));
    expect(files).toHaveLength(1);
    expect(recorded.toasts).toHaveLength(1);
  });

  it('encrypted by default: the generated passphrase is shown once, copied, and opens the file', async () => {
    const { t, x, recorded } = await setup('Heel gevoelig');
    const p = x.protect;
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: x.exportAll }));
    const dialog = await screen.findByRole('form', { name: p.title });
    expect((within(dialog).getByLabelText(p.generated) as HTMLInputElement).checked).toBe(true);
    expect(dialog.textContent).toContain(p.shownOnce);
    expect(dialog.textContent).toContain(p.where);
    await waitFor(() => expect(dialog.querySelector('[data-passphrase]')?.textContent).toMatch(/^[a-z]+(-[a-z]+){5}$/));
    const shown = dialog.querySelector('[data-passphrase]')?.textContent ?? '';
    fireEvent.click(within(dialog).getByRole('button', { name: p.copy }));
    await within(dialog).findByText(p.copied);
    expect(writeText).toHaveBeenCalledWith(shown);
    // Not before the person says the passphrase is kept.
    fireEvent.click(within(dialog).getByRole('button', { name: p.make }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(p.notKept);
    expect(files).toHaveLength(0);
    const passphrase = await protect(t, 'generated');
    expect(passphrase).toBe(shown);
    await waitFor(() => expect(files).toHaveLength(1), { timeout: 10_000 });
    expect(files[0]?.name).toMatch(/^kjk-back-up-\d{4}-\d{2}-\d{2}-versleuteld\.json$/);
    expect(files[0]?.text).not.toContain('gevoelig');
    const opened = await decryptExport(files[0]?.text ?? '', passphrase);
    expect(opened.ok && opened.plaintext).toContain('Heel gevoelig');
    await waitFor(() => expect(recorded.toasts).toHaveLength(1));
    // Shown once: the dialog and its passphrase are gone.
    expect(screen.queryByRole('form', { name: p.title })).toBeNull();
    expect(document.body.textContent).not.toContain(shown);
  }, 20_000);

  it('a copy that fails says to write the passphrase down; "Annuleren" writes nothing', async () => {
    const { x } = await setup();
    const p = x.protect;
    screen.getByRole('button', { name: x.exportAll }).focus();
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async () => Promise.reject(new Error('denied')) },
      configurable: true,
    });
    fireEvent.click(screen.getByRole('button', { name: x.exportAll }));
    const dialog = await screen.findByRole('form', { name: p.title });
    await waitFor(() => expect(dialog.querySelector('[data-passphrase]')?.textContent).not.toBe(''));
    const first = dialog.querySelector('[data-passphrase]')?.textContent;
    fireEvent.click(within(dialog).getByRole('button', { name: p.another }));
    expect(dialog.querySelector('[data-passphrase]')?.textContent).not.toBe(first);
    fireEvent.click(within(dialog).getByRole('button', { name: p.copy }));
    await within(dialog).findByText(p.copyFailed);
    fireEvent.click(within(dialog).getByRole('button', { name: p.cancel }));
    await waitFor(() => expect(screen.queryByRole('form', { name: p.title })).toBeNull());
    expect(files).toHaveLength(0);
    // Focus goes back to the button that opened the dialog.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: x.exportAll })));
    expect((screen.getByRole('button', { name: x.exportAll }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('the plain choice names its reason and says anyone can read the file', async () => {
    const { t, x } = await setup('Heel gevoelig');
    const p = x.protect;
    fireEvent.click(screen.getByRole('button', { name: x.exportAll }));
    const dialog = await screen.findByRole('form', { name: p.title });
    expect(within(dialog).getByLabelText(p.plain)).toBeTruthy();
    expect(dialog.textContent).not.toContain(p.plainWarning);
    fireEvent.click(within(dialog).getByLabelText(p.plain));
    expect(dialog.textContent).toContain(p.plainWarning);
    await protect(t, 'plain');
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]?.name).toMatch(/^kjk-back-up-\d{4}-\d{2}-\d{2}\.json$/);
    expect(files[0]?.text).toContain('Heel gevoelig');
  });

  it('a typed passphrase: refuses a short, a different and a guessable one, then writes an encrypted file', async () => {
    const { x, recorded } = await setup('Heel gevoelig');
    const p = x.protect;
    fireEvent.click(screen.getByRole('button', { name: x.exportAll }));
    const dialog = await screen.findByRole('form', { name: p.title });
    const inside = within(dialog);
    fireEvent.click(inside.getByLabelText(p.own));
    const pass = inside.getByLabelText(x.passphrase);
    const again = inside.getByLabelText(x.passphraseAgain);
    const make = inside.getByRole('button', { name: p.make });
    fireEvent.input(pass, { target: { value: 'kort' } });
    fireEvent.input(again, { target: { value: 'kort' } });
    fireEvent.click(make);
    expect((await inside.findByRole('alert')).textContent).toBe(x.tooShort);
    fireEvent.input(pass, { target: { value: 'lang genoeg wachtwoord' } });
    fireEvent.click(make);
    await waitFor(() => expect(inside.getByRole('alert').textContent).toBe(x.mismatch));
    fireEvent.input(pass, { target: { value: 'Welkom01' } });
    fireEvent.input(again, { target: { value: 'Welkom01' } });
    fireEvent.click(make);
    await waitFor(() => expect(inside.getByRole('alert').textContent).toBe(p.weak), { timeout: 10_000 });
    expect(files).toHaveLength(0);
    fireEvent.input(pass, { target: { value: 'Ik fiets graag naar Utrecht' } });
    fireEvent.input(again, { target: { value: 'Ik fiets graag naar Utrecht' } });
    fireEvent.click(make);
    await waitFor(() => expect(files).toHaveLength(1), { timeout: 10_000 });
    expect(files[0]?.name).toMatch(/-versleuteld\.json$/);
    expect(files[0]?.text).not.toContain('gevoelig');
    expect((await decryptExport(files[0]?.text ?? '', 'Ik fiets graag naar Utrecht')).ok).toBe(true);
    await waitFor(() => expect(recorded.toasts).toHaveLength(1));
    expect(screen.queryByLabelText(x.passphrase)).toBeNull();
  }, 30_000);

  it('a failed read shows the one error message, downloads nothing and keeps the records', async () => {
    const { x, t, repo } = await setup();
    const spy = vi.spyOn(repo, 'exportAll').mockRejectedValueOnce(new StoreError('quota'));
    fireEvent.click(screen.getByRole('button', { name: x.exportAll }));
    await protect(t, 'plain');
    expect((await screen.findByRole('alert')).textContent).toBe(t.s.errors.quota);
    expect(files).toHaveLength(0);
    spy.mockRestore();
    expect((await repo.exportAll()).notes).toHaveLength(1);
  });

  it('hands errors that need the whole page to the app', async () => {
    files.length = 0;
    const repo = await freshRepo();
    const h = harness(repo, { escalate: () => true });
    render(<ImportExport />, { wrapper: h.Wrapper });
    const broken = new StoreError('backing-store');
    vi.spyOn(repo, 'exportAll').mockRejectedValueOnce(broken);
    fireEvent.click(screen.getByRole('button', { name: h.t.s.exchange.exportAll }));
    await protect(h.t, 'plain');
    await waitFor(() => expect(h.recorded.escalated).toEqual([broken]));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('ImportExport: restoring a backup', () => {
  it('previews a good file, changes nothing until confirmed, then imports it', async () => {
    const { x, repo, recorded, lang } = await setup();
    const other = await freshRepo();
    await sessionWithNote(other, 'Uit het andere apparaat', 'Ander overleg');
    choose(serialize(await other.exportAll(), 'all'));
    const preview = await screen.findByRole('heading', { name: x.previewTitle });
    expect(preview).toBeTruthy();
    expect((await repo.exportAll()).sessions).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: x.confirm }));
    await waitFor(() => expect(recorded.toasts).toHaveLength(1));
    expect(recorded.toasts[0]?.message).toBe(fill(lang, x.done, { sessions: 1, notes: 1, positions: 0, actions: 0 }));
    expect((await repo.exportAll()).sessions.map((s) => s.title).sort()).toEqual(['Ander overleg', 'Overleg maart']);
  });

  it('cancelling the preview imports nothing and says so', async () => {
    const { x, repo, recorded } = await setup();
    choose(serialize({ sessions: [], notes: [], positions: [], actions: [] }, 'all'));
    await screen.findByRole('heading', { name: x.previewTitle });
    fireEvent.click(screen.getByRole('button', { name: x.cancel }));
    await waitFor(() => expect(recorded.toasts.map((t) => t.message)).toEqual([x.cancelled]));
    expect((await repo.exportAll()).sessions).toHaveLength(1);
  });

  it('a bad file shows a clear message and nothing stored is lost', async () => {
    const { x, repo } = await setup();
    const before = await repo.exportAll();
    choose('{"type": "iets anders"}', 'vreemd.json');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(x.fileErrors['wrong-type']);
    expect(alert.textContent).toContain(x.unchanged);
    expect(await repo.exportAll()).toEqual(before);

    choose('', 'leeg.json');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(x.fileErrors.empty));
    choose('niet { json', 'kapot.json');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(x.fileErrors['not-json']));
    expect(await repo.exportAll()).toEqual(before);
  });

  it('an encrypted file asks the passphrase, says when it is wrong, and opens with the right one', async () => {
    const { x } = await setup();
    const other = await freshRepo();
    await other.sessions.create({ ...aSession, title: 'Geheim overleg' });
    choose(await encryptExport(serialize(await other.exportAll(), 'all'), 'het juiste wachtwoord'));
    const pass = await screen.findByLabelText(x.passphrase);
    expect(screen.getByText(x.askPassphrase)).toBeTruthy();
    fireEvent.input(pass, { target: { value: 'verkeerd wachtwoord' } });
    fireEvent.click(screen.getByRole('button', { name: x.openFile }));
    await screen.findByText(x.wrongPassphrase, {}, { timeout: 5000 });
    fireEvent.input(screen.getByLabelText(x.passphrase), { target: { value: 'het juiste wachtwoord' } });
    fireEvent.click(screen.getByRole('button', { name: x.openFile }));
    await screen.findByRole('heading', { name: x.previewTitle }, { timeout: 5000 });
    await act(async () => undefined);
  });
});
