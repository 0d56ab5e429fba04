import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { ScanCompare } from '../../src/islands/scan/ScanCompare';
import { createRepo, type Repo } from '../../src/lib/store/repo';
import { openKjk, type KjkDb } from '../../src/lib/store/schema';
import { SCAN_CARDS, scanStrings } from './scan-profile-fixture';

const open: KjkDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  vi.restoreAllMocks();
});

async function repoWith(scans: { label: string; answers: Record<string, number> }[]): Promise<Repo> {
  const db = await openKjk({ name: `kjk-compare-${Math.random().toString(36).slice(2)}` });
  open.push(db);
  const repo = createRepo(db);
  for (const scan of scans) {
    const s = await repo.sessions.create({
      kind: 'zelfreflectie',
      origin: 'scan',
      title: 'Zelfscan',
      team: scan.label,
      date: '2024-05-01',
      lang: 'nl',
      deck: { cards: SCAN_CARDS.map((c) => c.id) },
    });
    for (const [cardId, value] of Object.entries(scan.answers))
      await repo.positions.set({ sessionId: s.id, cardId, participant: '', value });
  }
  // Not a scan: never in the comparison.
  await repo.sessions.create({ kind: 'teamoverleg', title: 'Overleg', team: 'X', date: '2024-05-01', lang: 'nl' });
  return repo;
}

function show(repo: Repo) {
  const t = scanStrings('nl');
  render(<ScanCompare repo={repo} t={t} cards={SCAN_CARDS} lang="nl" sessionsHref="/sessies/" />);
  return t;
}

describe('ScanCompare', () => {
  it('shows nothing without scans on this device', async () => {
    const repo = await repoWith([]);
    show(repo);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(document.body.textContent).toBe('');
  });

  it('asks for colleagues’ scans when there is only one', async () => {
    const t = show(await repoWith([{ label: 'Anna', answers: { k1: 10 } }]));
    expect(await screen.findByText(t.scan.compareNone)).toBeTruthy();
  });

  it('compares the chosen scans and names where they differ most', async () => {
    const t = show(
      await repoWith([
        { label: 'Anna', answers: { k1: 10, k2: 50, k3: 40 } },
        { label: 'Bram', answers: { k1: 90, k2: 55, k3: 45 } },
        { label: '', answers: { k1: 20 } },
      ]),
    );
    const s = t.scan;
    const anna = await screen.findByLabelText(
      fill('nl', s.scanItem, { label: 'Anna', date: '1 mei 2024', answered: 3, total: 4 }),
      { exact: false },
    );
    expect((anna as HTMLInputElement).checked).toBe(true);
    expect(screen.getByLabelText(s.anonymous, { exact: false })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: s.compare }));
    });
    const team = await screen.findByRole('region', { name: s.teamTitle });
    expect(within(team).getByText(fill('nl', s.teamBasis, { n: 3 }))).toBeTruthy();
    expect(within(team).getByRole('heading', { name: s.mostTitle })).toBeTruthy();
    expect(
      within(team).getAllByText(fill('nl', s.spreadItem, { title: 'Titel k1', min: 10, max: 90, n: 3 })).length,
    ).toBeGreaterThan(0);
  });

  it('needs at least two scans to compare', async () => {
    const t = show(
      await repoWith([
        { label: 'Anna', answers: { k1: 10 } },
        { label: 'Bram', answers: { k1: 90 } },
      ]),
    );
    const boxes = await screen.findAllByRole('checkbox');
    fireEvent.click(boxes[0] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: t.scan.compare }));
    expect((await screen.findByRole('alert')).textContent).toBe(t.scan.compareAtLeastTwo);
  });

  it('starts a team session with the cards where the scans differ most', async () => {
    const repo = await repoWith([
      { label: 'Anna', answers: { k1: 10, k2: 50 } },
      { label: 'Bram', answers: { k1: 95, k2: 50 } },
    ]);
    const t = show(repo);
    const assign = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign } as unknown as Location);
    fireEvent.click(await screen.findByRole('button', { name: t.scan.compare }));
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: t.scan.startTeam }));
    });
    await waitFor(() => expect(assign).toHaveBeenCalledWith(expect.stringMatching(/^\/sessies\/\?sessie=/)));
    const { items } = await repo.sessions.list({ limit: 10, cursor: null });
    const created = items.find((x) => x.title.startsWith(t.scan.teamSessionTitle.split('{')[0] ?? ''));
    expect(created?.deck.cards).toEqual(['k1']);
  });
});
