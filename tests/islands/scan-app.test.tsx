/**
 * The self-scan island without a browser: opening, the start (with none chosen), a step whose
 * answer is saved, the profile, a scan that is not on this device, and a store that cannot open.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { t as dictionary } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import ScanApp from '../../src/islands/scan/ScanApp';
import { OWN_PARTICIPANT } from '../../src/lib/sessions/positions';
import { createRepo } from '../../src/lib/store/repo';
import { dilemma, scanStrings } from './scan-profile-fixture';
import { closeKjk, DB_VERSION, MIGRATIONS, openKjk } from '../../src/lib/store/schema';

const d = dictionary('nl');
const s = d.scan;
const t = scanStrings('nl');
const cards = [dilemma(1, 'visies'), dilemma(2, 'visies'), dilemma(3, 'grenzen')];

const renderScan = () => render(<ScanApp lang="nl" cards={cards} t={t} sessionsHref="/sessies/" />);

async function deleteDb() {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase('kjk');
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

async function storedScan(answers: Record<string, number>, team = 'Anna') {
  const db = await openKjk();
  const repo = createRepo(db);
  const session = await repo.sessions.create({
    kind: 'zelfreflectie',
    title: 'Scan',
    team,
    date: '2026-12-01',
    lang: 'nl',
    deck: { cards: cards.map((c) => c.id) },
    origin: 'scan',
  });
  for (const [cardId, value] of Object.entries(answers))
    await repo.positions.set({ sessionId: session.id, cardId, participant: OWN_PARTICIPANT, value });
  closeKjk(db);
  return session.id;
}

async function ownAnswers(id: string) {
  const db = await openKjk();
  const list = await createRepo(db).positions.list(id);
  closeKjk(db);
  return Object.fromEntries(list.map((p) => [p.cardId, p.value]));
}

beforeEach(async () => {
  history.replaceState(null, '', '/zelfscan/');
  await deleteDb();
});
afterEach(() => vi.unstubAllGlobals());

describe('ScanApp', () => {
  it('opens, then offers the spanningsvelden; refuses to start with none chosen', async () => {
    renderScan();
    expect(screen.getByText(s.loading)).toBeTruthy();
    const visies = await screen.findByRole('checkbox', {
      name: fill('nl', s.themeOption, { theme: t.themes.visies, n: 2 }),
    });
    const grenzen = screen.getByRole('checkbox', {
      name: fill('nl', s.themeOption, { theme: t.themes.grenzen, n: 1 }),
    });
    fireEvent.click(visies);
    fireEvent.click(grenzen);
    fireEvent.click(screen.getByRole('button', { name: s.start }));
    expect((await screen.findByRole('alert')).textContent).toBe(s.noneChosen);
  });

  it('starts a scan, saves an answer at once, and moves to the next card', async () => {
    renderScan();
    fireEvent.input(await screen.findByLabelText(s.label), { target: { value: 'Anna' } });
    fireEvent.click(screen.getByRole('button', { name: s.start }));
    expect(await screen.findByRole('heading', { name: 'Dilemma 1' })).toBeTruthy();
    expect(screen.getByText(fill('nl', s.progress, { i: 1, n: 3 }))).toBeTruthy();
    expect(screen.getByText(s.notPlaced)).toBeTruthy();
    const id = new URLSearchParams(location.search).get('scan') ?? '';

    const slider = screen.getByRole('slider');
    fireEvent.input(slider, { target: { value: '20' } });
    fireEvent.change(slider, { target: { value: '20' } });
    await waitFor(async () => expect(await ownAnswers(id)).toEqual({ 'kaart-1': 20 }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: s.next }));
    });
    expect(await screen.findByRole('heading', { name: 'Dilemma 2' })).toBeTruthy();
  });

  it('exports through the privacy check: a label like client details is asked about, and no means no file', async () => {
    const downloads: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:scan');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const ask = vi.fn(() => false);
    vi.stubGlobal('confirm', ask);
    const id = await storedScan({ 'kaart-1': 10 }, 'Anna 0612345678');
    history.replaceState(null, '', `/zelfscan/?scan=${id}&profiel=1`);
    renderScan();
    fireEvent.click(await screen.findByRole('button', { name: s.export }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(s.exportStopped));
    expect(ask).toHaveBeenCalledWith(s.privacyAsk);
    expect(downloads).toEqual([]);
    ask.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: s.export }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(fill('nl', s.exported, { file: downloads[0]! })),
    );
    vi.restoreAllMocks();
  });

  it('shows the profile of a stored scan, and a new scan from there', async () => {
    const id = await storedScan({ 'kaart-1': 10, 'kaart-2': 90, 'kaart-3': 50 });
    history.replaceState(null, '', `/zelfscan/?scan=${id}&profiel=1`);
    renderScan();
    expect(await screen.findByRole('heading', { name: t.themes.visies })).toBeTruthy();
    expect(screen.getByRole('heading', { name: t.themes.grenzen })).toBeTruthy();
    expect(screen.getByRole('link', { name: s.openSession }).getAttribute('href')).toBe(`/sessies/?sessie=${id}`);
    fireEvent.click(screen.getByRole('button', { name: s.again }));
    expect(await screen.findByRole('button', { name: s.start })).toBeTruthy();
  });

  it('a stored answer is shown on its card', async () => {
    const id = await storedScan({ 'kaart-2': 75 });
    history.replaceState(null, '', `/zelfscan/?scan=${id}&kaart=2`);
    renderScan();
    expect(await screen.findByRole('heading', { name: 'Dilemma 2' })).toBeTruthy();
    expect((screen.getByRole('slider') as HTMLInputElement).value).toBe('75');
    expect(screen.queryByRole('button', { name: s.skip })).toBeNull();
  });

  it('skips a card, and says so when an answer could not be saved', async () => {
    const id = await storedScan({});
    history.replaceState(null, '', `/zelfscan/?scan=${id}&kaart=1`);
    renderScan();
    fireEvent.click(await screen.findByRole('button', { name: s.skip }));
    expect(await screen.findByRole('heading', { name: 'Dilemma 2' })).toBeTruthy();
    // The scan is deleted in another tab: its answers can no longer be saved.
    const db = await openKjk();
    const repo = createRepo(db);
    await repo.sessions.softDelete(id);
    await repo.sessions.purgeDeleted();
    closeKjk(db);
    fireEvent.change(screen.getByRole('slider'), { target: { value: '60' } });
    expect((await screen.findByRole('alert')).textContent).toBe(s.saveFailed);
  });

  it('a scan that is not on this device: says so, and offers a new one', async () => {
    history.replaceState(null, '', '/zelfscan/?scan=weg&kaart=1');
    renderScan();
    expect((await screen.findByRole('alert')).textContent).toBe(s.notFound);
    expect(screen.getByRole('button', { name: s.start })).toBeTruthy();
  });

  it('a browser that cannot keep the scan says so', async () => {
    vi.stubGlobal('indexedDB', undefined);
    renderScan();
    expect((await screen.findByRole('alert')).textContent).toBe(s.unavailable);
  });

  it('a newer tab upgrades the store: the scan lets go and says it cannot keep the scan', async () => {
    renderScan();
    await screen.findByRole('button', { name: s.start });
    const newer = await openKjk({
      version: DB_VERSION + 1,
      migrations: [...MIGRATIONS, { version: DB_VERSION + 1, run() {} }],
    });
    expect((await screen.findByRole('alert')).textContent).toBe(s.unavailable);
    closeKjk(newer);
  });
});
