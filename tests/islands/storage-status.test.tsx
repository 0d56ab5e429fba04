import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { StorageStatus } from '../../src/islands/sessions/StorageStatus';
import { StoreError } from '../../src/lib/store/errors';
import { freshRepo, harness, protect, sessionWithNote, strings } from '../support/export-harness';

const files = vi.hoisted(() => [] as { text: string; name: string }[]);
vi.mock('../../src/islands/download', () => ({
  download: (text: string, name: string) => void files.push({ text, name }),
}));

const DAY = 86_400_000;

/** Changes made `daysAgo` days ago and never exported: the reminder shows. */
async function setup(note: string, daysAgo = 30) {
  files.length = 0;
  let time = Date.now() - daysAgo * DAY;
  const repo = await freshRepo(() => time);
  await sessionWithNote(repo, note);
  time = Date.now();
  const h = harness(repo);
  render(<StorageStatus />, { wrapper: h.Wrapper });
  return { repo, ...h, s: h.t.s };
}

describe('StorageStatus', () => {
  it('says the data lives on this device only, with no reminder for fresh changes', async () => {
    const { s } = await setup('Gewone notitie', 0);
    expect(await screen.findByText(s.storage.local)).toBeTruthy();
    expect(screen.queryByRole('button', { name: s.storage.exportNow })).toBeNull();
  });

  it('reminds of old unexported changes; "Exporteer nu" downloads, says so and the reminder goes', async () => {
    const { s, recorded } = await setup('Gewone notitie');
    fireEvent.click(await screen.findByRole('button', { name: s.storage.exportNow }));
    // Encrypted by default: the dialog offers the generated passphrase first, already chosen.
    const offered = within(await screen.findByRole('form', { name: s.exchange.protect.title })).getAllByRole('radio');
    expect(offered.map((r) => [r.parentElement?.textContent, (r as HTMLInputElement).checked])[0]).toEqual([
      s.exchange.protect.generated,
      true,
    ]);
    await protect(strings(), 'plain');
    await waitFor(() => expect(files).toHaveLength(1));
    await waitFor(() =>
      expect(recorded.toasts.map((x) => x.message)).toEqual([
        fill('nl', s.exchange.exported, { file: files[0]?.name ?? '' }),
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: s.storage.exportNow })).toBeNull());
  });

  it('asks first when the records look like client data; "Bekijk" writes nothing', async () => {
    const { s, recorded } = await setup('Mail naar jan@example.nl');
    fireEvent.click(await screen.findByRole('button', { name: s.storage.exportNow }));
    await protect(strings(), 'plain');
    const gate = await screen.findByRole('group', { name: s.gate.title });
    expect(gate.textContent).toContain(s.notes.findings.email);
    fireEvent.click(within(gate).getByRole('button', { name: s.gate.review }));
    await waitFor(() => expect(recorded.routes).toHaveLength(1));
    expect(files).toHaveLength(0);
    expect(screen.getByRole('button', { name: s.storage.exportNow })).toBeTruthy();
  });

  it('a failed export shows the one error message and keeps the reminder', async () => {
    const { s, repo } = await setup('Gewone notitie');
    const button = await screen.findByRole('button', { name: s.storage.exportNow });
    vi.spyOn(repo, 'exportAll').mockRejectedValueOnce(new StoreError('unavailable'));
    fireEvent.click(button);
    await protect(strings(), 'plain');
    expect((await screen.findByRole('alert')).textContent).toBe(s.errors.unavailable);
    expect(files).toHaveLength(0);
    expect(screen.getByRole('button', { name: s.storage.exportNow })).toBeTruthy();
  });
});
