import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { listFormat } from '../../src/i18n/list';
import { CardNotes } from '../../src/islands/sessions/CardNotes';
import { decryptExport } from '../../src/lib/exchange/crypto';
import { StoreError } from '../../src/lib/store/errors';
import type { Repo } from '../../src/lib/store/repo';
import { aSession, cards, freshRepo, harness, protect, strings } from '../support/export-harness';

const files = vi.hoisted(() => [] as { text: string; name: string }[]);
vi.mock('../../src/islands/download', () => ({
  download: (text: string, name: string) => void files.push({ text, name }),
}));

const card = cards[0] as (typeof cards)[number];

/** The same store, but every note save fails as on a full disk. */
function fullDisk(repo: Repo): Repo {
  const full = Object.create(repo) as Repo;
  Object.defineProperty(full, 'notes', {
    value: {
      get: (sessionId: string, cardId: string) => repo.notes.get(sessionId, cardId),
      save: async () => Promise.reject(new StoreError('quota')),
    },
  });
  return full;
}

async function setup(stored = '', opts: { full?: boolean } = {}) {
  files.length = 0;
  const repo = await freshRepo();
  const session = await repo.sessions.create(aSession);
  if (stored) await repo.notes.save({ sessionId: session.id, cardId: card.id, text: stored, baseUpdatedAt: null });
  const h = harness(opts.full ? fullDisk(repo) : repo);
  render(<CardNotes session={session} card={card} />, { wrapper: h.Wrapper });
  const n = h.t.s.notes;
  const box = screen.getByLabelText(n.label) as HTMLTextAreaElement;
  await waitFor(() => expect(box.disabled).toBe(false));
  return { repo, session, box, ...h, n };
}

describe('CardNotes', () => {
  it('loads the stored note and saves what is typed', async () => {
    const { box, n, repo, session } = await setup('Eerste versie');
    expect(box.value).toBe('Eerste versie');
    fireEvent.input(box, { target: { value: 'Tweede versie' } });
    await waitFor(() => expect(screen.getByText(n.saved)).toBeTruthy(), { timeout: 3000 });
    expect((await repo.notes.get(session.id, card.id))?.text).toBe('Tweede versie');
  });

  it('warns about text that looks like client data, naming the kinds in a sentence, until dismissed', async () => {
    const { box, n } = await setup();
    // The check runs when typing pauses (the save's debounce), not on every keystroke.
    fireEvent.input(box, { target: { value: 'BSN 111222333 en bel 06 12345678' } });
    const kinds = listFormat('nl', [n.findings.bsn, n.findings.phone]);
    const warning = await screen.findByText(fill('nl', n.privacy, { kinds }), {}, { timeout: 3000 });
    expect(warning.textContent).toContain('een BSN en een telefoonnummer');
    fireEvent.click(screen.getByRole('button', { name: n.privacyDismiss }));
    await waitFor(() => expect(screen.queryByText(fill('nl', n.privacy, { kinds }))).toBeNull());
  });

  it('on a full disk: keeps the text, says so, and the rescue exports what is stored', async () => {
    const { box, t, recorded } = await setup('Opgeslagen tekst', { full: true });
    fireEvent.input(box, { target: { value: 'Opgeslagen tekst en meer' } });
    fireEvent.blur(box);
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toContain(t.s.errors.quota);
    expect(box.value).toBe('Opgeslagen tekst en meer');
    fireEvent.click(within(alert).getByRole('button', { name: t.s.storage.exportNow }));
    // Encrypted by default, the rescue too: the generated passphrase opens it.
    const passphrase = await protect(strings(), 'generated');
    await waitFor(() => expect(files).toHaveLength(1), { timeout: 10_000 });
    expect(files[0]?.name).toMatch(/-versleuteld\.json$/);
    const opened = await decryptExport(files[0]?.text ?? '', passphrase);
    expect(JSON.parse(opened.ok ? opened.plaintext : '').data.notes[0].text).toBe('Opgeslagen tekst');
    await waitFor(() =>
      expect(recorded.toasts.map((x) => x.message)).toEqual([
        fill('nl', t.s.exchange.exported, { file: files[0]?.name ?? '' }),
      ]),
    );
  });

  it('the rescue checks for client data too, and offers a button that says it skips the check', async () => {
    const { box, t, recorded } = await setup('Woont op 1234 AB 12', { full: true });
    fireEvent.input(box, { target: { value: 'Woont op 1234 AB 12, meer' } });
    fireEvent.blur(box);
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    fireEvent.click(within(alert).getByRole('button', { name: t.s.storage.exportNow }));
    await protect(strings(), 'plain');
    const gate = await screen.findByRole('group', { name: t.s.gate.title });
    expect(files).toHaveLength(0);
    // The note's text is not stored: the question names the cards but never leads away.
    expect(within(gate).queryByRole('link')).toBeNull();
    fireEvent.click(within(gate).getByRole('button', { name: t.s.gate.review }));
    await waitFor(() => expect(screen.queryByRole('group', { name: t.s.gate.title })).toBeNull());
    expect(recorded.routes).toEqual([]);
    expect(box.value).toBe('Woont op 1234 AB 12, meer');
    expect(files).toHaveLength(0);

    fireEvent.click(within(alert).getByRole('button', { name: t.s.storage.exportUnchecked }));
    await protect(strings(), 'plain');
    await waitFor(() => expect(files).toHaveLength(1));
    expect(screen.queryByRole('group', { name: t.s.gate.title })).toBeNull();
    expect(files[0]?.text).toContain('1234 AB 12');
  });

  it('a rescue that cannot read says so in the same words as every export', async () => {
    const { box, t, repo } = await setup('Opgeslagen tekst', { full: true });
    fireEvent.input(box, { target: { value: 'meer' } });
    fireEvent.blur(box);
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    vi.spyOn(repo, 'exportAll').mockRejectedValueOnce(new StoreError('unavailable'));
    fireEvent.click(within(alert).getByRole('button', { name: t.s.storage.exportNow }));
    await protect(strings(), 'plain');
    await waitFor(() => expect(alert.textContent).toContain(t.s.errors.unavailable));
    expect(files).toHaveLength(0);
    expect(box.value).toBe('meer');
  });

  it('a note changed in another tab meanwhile: nothing is overwritten, both texts shown, the person chooses', async () => {
    const { box, n, repo, session } = await setup('Begin');
    const stored = await repo.notes.get(session.id, card.id);
    // Another tab saves first.
    await repo.notes.save({
      sessionId: session.id,
      cardId: card.id,
      text: 'Van het andere tabblad',
      baseUpdatedAt: stored?.updatedAt ?? null,
    });
    fireEvent.input(box, { target: { value: 'Mijn versie' } });
    fireEvent.blur(box);
    const conflict = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(conflict.textContent).toContain(n.conflictTitle);
    expect(within(conflict).getByText('Van het andere tabblad')).toBeTruthy();
    expect(within(conflict).getByText('Mijn versie')).toBeTruthy();
    fireEvent.click(within(conflict).getByRole('button', { name: n.keepMine }));
    await waitFor(async () => expect((await repo.notes.get(session.id, card.id))?.text).toBe('Mijn versie'));
    await waitFor(() => expect(screen.queryByText(n.conflictTitle)).toBeNull());
  });

  it('taking the other text replaces the box and writes nothing', async () => {
    const { box, n, repo, session } = await setup('Begin');
    const stored = await repo.notes.get(session.id, card.id);
    await repo.notes.save({
      sessionId: session.id,
      cardId: card.id,
      text: 'Van elders',
      baseUpdatedAt: stored?.updatedAt ?? null,
    });
    fireEvent.input(box, { target: { value: 'Hier getypt' } });
    fireEvent.blur(box);
    const conflict = await screen.findByRole('alert', {}, { timeout: 3000 });
    fireEvent.click(within(conflict).getByRole('button', { name: n.takeTheirs }));
    await waitFor(() => expect(box.value).toBe('Van elders'));
    expect((await repo.notes.get(session.id, card.id))?.text).toBe('Van elders');
  });
});
