/**
 * The self-scan's file is plain and made to be shared: it must hold the scan and its answers
 * only, never the notes, actions, other people's positions or a renamed title that the sessions
 * app lets anyone add to a scan. And a colleague must still be able to import and compare it.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { t as dictionary } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import ScanApp from '../../src/islands/scan/ScanApp';
import { ScanCompare } from '../../src/islands/scan/ScanCompare';
import { COPY_SUFFIX, planImport } from '../../src/lib/exchange/merge';
import { parseExport } from '../../src/lib/exchange/format';
import { OWN_PARTICIPANT } from '../../src/lib/sessions/positions';
import { createRepo } from '../../src/lib/store/repo';
import { dilemma, scanStrings } from './scan-profile-fixture';
import { closeKjk, openKjk, type KjkDb } from '../../src/lib/store/schema';

const d = dictionary('nl');
const s = d.scan;
const t = scanStrings('nl');
const cards = [1, 2, 3].map((n) => dilemma(n, 'visies'));

const NOTE = 'Lisa Jansen slaapt slecht sinds de verhuizing';
const ACTION = 'Bel de voogd van Lisa Jansen';
const RENAMED = 'Casus Lisa Jansen uithuisplaatsing';
const OTHER = 'Bram de Vries';

const open: KjkDb[] = [];
async function deleteDb(name: string) {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

/** A scan that the sessions app gave a note, an action, a renamed title and someone else's marker. */
async function scanWithFreeText(): Promise<string> {
  const db = await openKjk();
  const repo = createRepo(db);
  const session = await repo.sessions.create({
    kind: 'zelfreflectie',
    title: 'Scan',
    team: 'Anna',
    date: '2026-12-01',
    lang: 'nl',
    deck: { cards: cards.map((c) => c.id) },
    origin: 'scan',
  });
  await repo.positions.set({ sessionId: session.id, cardId: 'kaart-1', participant: OWN_PARTICIPANT, value: 10 });
  await repo.positions.set({ sessionId: session.id, cardId: 'kaart-2', participant: OWN_PARTICIPANT, value: 80 });
  await repo.positions.set({ sessionId: session.id, cardId: 'kaart-1', participant: OTHER, value: 60 });
  await repo.notes.save({ sessionId: session.id, cardId: 'kaart-1', text: NOTE, baseUpdatedAt: null });
  await repo.actions.add({ sessionId: session.id, text: ACTION });
  await repo.sessions.rename(session.id, RENAMED);
  closeKjk(db);
  return session.id;
}

/** Clicks export on the scan's profile and returns the file's text as written. */
async function exportedText(id: string): Promise<{ name: string; text: string }> {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:scan';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  vi.stubGlobal('confirm', () => true);
  history.replaceState(null, '', `/zelfscan/?scan=${id}&profiel=1`);
  render(<ScanApp lang="nl" cards={cards} t={t} sessionsHref="/sessies/" />);
  fireEvent.click(await screen.findByRole('button', { name: s.export }));
  await waitFor(() => expect(blobs).toHaveLength(1));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe(fill('nl', s.exported, { file: names[0]! })));
  return { name: names[0]!, text: await blobs[0]!.text() };
}

beforeEach(async () => {
  history.replaceState(null, '', '/zelfscan/');
  await deleteDb('kjk');
});
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the self-scan file', () => {
  it('holds the scan and its answers, and no note, action, other name or renamed title', async () => {
    const id = await scanWithFreeText();
    const { name, text } = await exportedText(id);
    expect(name).toMatch(/^kjk-zelfscan-anna-\d{4}-\d{2}-\d{2}\.json$/);
    for (const secret of [NOTE, ACTION, RENAMED, OTHER, 'Lisa', 'Jansen']) expect(text).not.toContain(secret);
    const parsed = parseExport(text);
    if (!parsed.ok) throw new Error(parsed.error.code);
    expect(parsed.dataset.notes).toEqual([]);
    expect(parsed.dataset.actions).toEqual([]);
    expect(parsed.dataset.sessions.map((x) => [x.id, x.team, x.origin, x.title])).toEqual([
      [id, 'Anna', 'scan', fill('nl', s.sessionTitle, { date: '1 december 2026' })],
    ]);
    expect(parsed.dataset.positions.map((p) => [p.cardId, p.participant, p.value]).sort()).toEqual([
      ['kaart-1', OWN_PARTICIPANT, 10],
      ['kaart-2', OWN_PARTICIPANT, 80],
    ]);
  });

  it('a colleague imports it on the sessions page and compares it with her own scan', async () => {
    const id = await scanWithFreeText();
    const { text } = await exportedText(id);
    const parsed = parseExport(text);
    if (!parsed.ok) throw new Error(parsed.error.code);

    // The colleague's device: her own scan, then the sessions page's import of the file.
    const db = await openKjk({ name: `kjk-colleague-${Math.random().toString(36).slice(2)}` });
    open.push(db);
    const repo = createRepo(db);
    const own = await repo.sessions.create({
      kind: 'zelfreflectie',
      origin: 'scan',
      title: 'Scan',
      team: 'Bo',
      date: '2026-12-02',
      lang: 'nl',
      deck: { cards: cards.map((c) => c.id) },
    });
    await repo.positions.set({ sessionId: own.id, cardId: 'kaart-1', participant: OWN_PARTICIPANT, value: 90 });
    const plan = planImport(parsed.dataset, await repo.exportAll(), { copyTitleSuffix: COPY_SUFFIX.nl });
    expect(plan.sessions.map((p) => p.decision)).toEqual(['add']);
    await repo.applyImport(plan);

    render(<ScanCompare repo={repo} t={t} cards={cards} lang="nl" sessionsHref="/sessies/" />);
    expect(
      await screen.findByLabelText(
        fill('nl', s.scanItem, { label: 'Anna', date: '1 december 2026', answered: 2, total: 3 }),
        {
          exact: false,
        },
      ),
    ).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: s.compare }));
    });
    expect(await screen.findByRole('region', { name: s.teamTitle })).toBeTruthy();
    expect(
      screen.getAllByText(fill('nl', s.spreadItem, { title: 'Dilemma 1', min: 10, max: 90, n: 2 })).length,
    ).toBeGreaterThan(0);
  });
});
