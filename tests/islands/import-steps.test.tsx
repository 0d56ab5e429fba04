import { fireEvent, render, screen } from '@testing-library/preact';
import { createRef } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { ImportSteps, type Stage } from '../../src/islands/sessions/ImportSteps';
import { parseExport, serialize } from '../../src/lib/exchange/format';
import { planImport, planIsEmpty } from '../../src/lib/exchange/merge';
import type { Dataset } from '../../src/lib/store/types';
import { freshRepo, harness, strings } from '../support/export-harness';

const session = (id: string, title: string) => ({
  id,
  kind: 'teamoverleg' as const,
  title,
  team: 'Team',
  date: '2026-12-01',
  lang: 'nl' as const,
  deck: {},
  createdAt: 1,
  updatedAt: 1,
});

const file: Dataset = {
  sessions: [session('s1', 'Nieuw overleg'), session('s2', 'Bestaand overleg'), session('s3', 'Gewijzigd overleg')],
  notes: [{ id: 'n1', sessionId: 's1', cardId: 'k1', text: 'Notitie', updatedAt: 1 }],
  positions: [],
  actions: [],
};
const stored: Dataset = {
  sessions: [session('s2', 'Bestaand overleg'), { ...session('s3', 'Anders hier'), updatedAt: 2 }],
  notes: [],
  positions: [],
  actions: [],
};

async function show(stage: Exclude<Stage, { kind: 'idle' } | { kind: 'busy' }>, pass = '') {
  const h = harness(await freshRepo());
  const handlers = {
    onPass: vi.fn(),
    onDecrypt: vi.fn((e: Event) => e.preventDefault()),
    onConfirm: vi.fn(),
    onCancel: vi.fn(),
  };
  render(<ImportSteps stage={stage} id="imp" pass={pass} focusTarget={createRef()} {...handlers} />, {
    wrapper: h.Wrapper,
  });
  return { ...h, x: h.t.s.exchange, ...handlers };
}

function preview(text: string, existing: Dataset, warnings: string[] = []): Extract<Stage, { kind: 'preview' }> {
  const parsed = parseExport(text);
  if (!parsed.ok) throw new Error('test file does not parse');
  const plan = planImport(parsed.dataset, existing, { copyTitleSuffix: ' (geïmporteerd)' });
  return { kind: 'preview', plan, report: parsed.report, fileName: 'back-up.json', empty: planIsEmpty(plan), warnings };
}

describe('ImportSteps', () => {
  it('an error says what is wrong, that nothing changed, and keeps the details folded', async () => {
    const { x } = await show({
      kind: 'error',
      message: strings('nl').s.exchange.fileErrors.invalid,
      details: ['data.sessions[0].date: ongeldig'],
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(x.fileErrors.invalid);
    expect(alert.textContent).toContain(x.unchanged);
    expect(screen.getByText(x.details)).toBeTruthy();
    expect(screen.getByText('data.sessions[0].date: ongeldig')).toBeTruthy();
  });

  it('asks the passphrase; the button waits for one, and a wrong one is said', async () => {
    const empty = await show({ kind: 'passphrase', text: '{}', fileName: 'x.json', wrong: false, encoding: 'utf-8' });
    expect((screen.getByRole('button', { name: empty.x.openFile }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(screen.getByLabelText(empty.x.passphrase), { target: { value: 'geheim' } });
    expect(empty.onPass).toHaveBeenCalledWith('geheim');
    fireEvent.click(screen.getByRole('button', { name: empty.x.cancel }));
    expect(empty.onCancel).toHaveBeenCalled();
  });

  it('a wrong passphrase is marked on the field', async () => {
    const { x, onDecrypt } = await show(
      { kind: 'passphrase', text: '{}', fileName: 'x.json', wrong: true, encoding: 'utf-8' },
      'verkeerd',
    );
    expect(screen.getByRole('alert').textContent).toBe(x.wrongPassphrase);
    expect(screen.getByLabelText(x.passphrase).getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: x.openFile }));
    expect(onDecrypt).toHaveBeenCalled();
  });

  it('the preview counts what is new, copied and already there, names each session, and imports on confirm', async () => {
    const note = 'Dit bestand was anders opgeslagen.';
    const { x, lang, onConfirm } = await show(preview(serialize(file, 'all'), stored, [note]));
    expect(screen.getByRole('heading', { name: x.previewTitle })).toBeTruthy();
    expect(screen.getByText(fill(lang, x.previewFile, { file: 'back-up.json' }))).toBeTruthy();
    expect(screen.getByText(note)).toBeTruthy();
    expect(screen.getByText(fill(lang, x.countCopy, { sessions: 1 }))).toBeTruthy();
    expect(screen.getByText(fill(lang, x.countSkip, { sessions: 1 }))).toBeTruthy();
    expect(screen.getByText(`— ${x.decision.skip}`, { exact: false })).toBeTruthy();
    expect(screen.getByText('Nieuw overleg')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: x.confirm }));
    expect(onConfirm).toHaveBeenCalled();
  });

  it('a file with nothing new says so and offers no import', async () => {
    const { x } = await show(preview(serialize(stored, 'all'), stored));
    expect(screen.getByText(x.nothing)).toBeTruthy();
    expect(screen.queryByRole('button', { name: x.confirm })).toBeNull();
  });

  it('fields the app does not know are named in the technical details', async () => {
    const envelope = JSON.parse(serialize(file, 'all'));
    envelope.data.notes[0].kleur = 'rood';
    const { x, lang } = await show(
      preview(JSON.stringify(envelope), { sessions: [], notes: [], positions: [], actions: [] }),
    );
    expect(screen.getByText(fill(lang, x.dropped, { n: 1 }))).toBeTruthy();
    expect(screen.getByText('data.notes[0].kleur', { exact: false })).toBeTruthy();
  });
});
