import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { leanPhrase, leanText } from '../../src/islands/scan/lean';
import { ScanProfile } from '../../src/islands/scan/ScanProfile';
import { SCAN_CARDS, scanCard, scanStrings } from './scan-profile-fixture';

function show(answers: Record<string, number>, over: Partial<Parameters<typeof ScanProfile>[0]> = {}) {
  const t = scanStrings('nl');
  const props = {
    t,
    order: SCAN_CARDS,
    answers: new Map(Object.entries(answers)),
    sessionHref: '/sessies/?sessie=s1',
    onExport: vi.fn(async () => 'scan.kjk.json'),
    onAnswer: vi.fn(),
    onRestart: vi.fn(),
    ...over,
  };
  render(<ScanProfile {...props} />);
  return { t, props };
}

describe('ScanProfile', () => {
  it('says per card where I lean, in words, and per spanningsveld how clearly', () => {
    const { t } = show({ k1: 20, k2: 50, k3: 90 });
    const s = t.scan;
    expect(screen.getByRole('heading', { level: 2, name: s.resultTitle })).toBe(document.activeElement);
    expect(screen.getByText(fill('nl', s.resultSummary, { answered: 3, total: 4 }))).toBeTruthy();
    expect(screen.getByText(fill('nl', s.leansTo, { pole: 'Gewoon opgroeien', value: 20 }))).toBeTruthy();
    expect(screen.getByText(fill('nl', s.inMiddle, { value: 50 }))).toBeTruthy();
    expect(screen.getByText(fill('nl', s.leansTo, { pole: 'Afstand', value: 90 }))).toBeTruthy();
    expect(screen.getByRole('heading', { name: t.themes.visies })).toBeTruthy();
    // A spanningsveld without answers says so instead of drawing a bar.
    expect(screen.getAllByText(s.noAnswers).length).toBeGreaterThan(0);
  });

  it('offers to answer a skipped card and to change an answer', () => {
    const { t, props } = show({ k1: 20 });
    fireEvent.click(screen.getByRole('button', { name: fill('nl', t.scan.answerNow, { title: 'Titel k3' }) }));
    expect(props.onAnswer).toHaveBeenLastCalledWith(2);
    fireEvent.click(screen.getByRole('button', { name: fill('nl', t.scan.change, { title: 'Titel k1' }) }));
    expect(props.onAnswer).toHaveBeenLastCalledWith(0);
    fireEvent.click(screen.getByRole('button', { name: t.scan.again }));
    expect(props.onRestart).toHaveBeenCalled();
    expect(screen.getByRole('link', { name: t.scan.openSession }).getAttribute('href')).toBe('/sessies/?sessie=s1');
  });

  it('says where the export went, or that it failed', async () => {
    const { t } = show({ k1: 20 });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: t.scan.export }));
    });
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(fill('nl', t.scan.exported, { file: 'scan.kjk.json' })),
    );
  });

  it('says so when the export fails', async () => {
    const { t } = show({ k1: 20 }, { onExport: () => Promise.reject(new Error('disk')) });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: t.scan.export }));
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(t.scan.saveFailed));
  });
});

describe('the scan’s lean words', () => {
  it('come from the one set of pole words', () => {
    const t = scanStrings('en');
    const { poles } = scanCard('k1', 1, 'visies', 'Gewoon opgroeien', 'Zorg');
    expect(leanPhrase(30, poles, t)).toBe('closer to Gewoon opgroeien');
    expect(leanPhrase(50, poles, t)).toBe(t.lean.middle);
    expect(leanText(80, poles, t)).toBe('80 of 100, closer to Zorg');
  });
});
