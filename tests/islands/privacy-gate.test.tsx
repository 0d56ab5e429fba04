import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { usePrivacyGate } from '../../src/islands/sessions/PrivacyGate';
import type { Dataset } from '../../src/lib/store/types';
import { freshRepo, harness } from '../support/export-harness';

const session = (id: string, title: string, team = 'Team') => ({
  id,
  kind: 'teamoverleg' as const,
  title,
  team,
  date: '2026-12-01',
  lang: 'nl' as const,
  deck: { cards: ['k1', 'k2'] },
  createdAt: 1,
  updatedAt: 1,
});

function Probe({ data, run }: { data: Dataset; run: () => void }) {
  const privacy = usePrivacyGate();
  return (
    <div>
      <button type="button" onClick={() => void privacy.guard(data, run)} disabled={privacy.open}>
        delen
      </button>
      {privacy.gate}
    </div>
  );
}

async function setup(data: Dataset) {
  const h = harness(await freshRepo());
  const run = vi.fn();
  render(<Probe data={data} run={run} />, { wrapper: h.Wrapper });
  fireEvent.click(screen.getByRole('button', { name: 'delen' }));
  return { ...h, run, g: h.t.s.gate, n: h.t.s.notes };
}

const clean: Dataset = {
  sessions: [session('s1', 'Overleg')],
  notes: [{ id: 'n1', sessionId: 's1', cardId: 'k1', text: 'Gewoon', updatedAt: 1 }],
  positions: [],
  actions: [],
};

const flagged: Dataset = {
  sessions: [session('s1', 'Overleg', 'jan@example.nl'), session('s2', 'Casus')],
  notes: [
    { id: 'n1', sessionId: 's1', cardId: 'k2', text: 'BSN 111222333', updatedAt: 1 },
    { id: 'n2', sessionId: 's2', cardId: 'weg', text: 'bel 06 12345678', updatedAt: 1 },
  ],
  positions: [],
  actions: [
    { id: 'a1', sessionId: 's2', text: 'Mail x@y.nl en bel 06 12345678', done: false, createdAt: 1, updatedAt: 1 },
  ],
};

describe('PrivacyGate', () => {
  it('runs at once when nothing looks like client data', async () => {
    const { run, g } = await setup(clean);
    await waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('group', { name: g.title })).toBeNull();
  });

  it('names each session and card found, in sentences, and moves focus to its heading', async () => {
    const { g, n, run } = await setup(flagged);
    const gate = await screen.findByRole('group', { name: g.title });
    const items = within(gate)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(items).toEqual([
      `Overleg: ${fill('nl', g.session, { kinds: n.findings.email })}`,
      `Overleg: ${fill('nl', g.card, { n: 2, title: 'Netwerk', kinds: n.findings.bsn })}`,
      `Casus: ${fill('nl', g.noCard, { kinds: `${n.findings.email} en ${n.findings.phone}` })}`,
      `Casus: ${fill('nl', g.unknownCard, { id: 'weg', kinds: n.findings.phone })}`,
    ]);
    await waitFor(() => expect(document.activeElement?.textContent).toBe(g.title));
    expect(run).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'delen' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('"Bekijk" goes to the first card named and runs nothing; "Toch doorgaan" runs', async () => {
    const { g, run, recorded } = await setup(flagged);
    fireEvent.click(
      within(await screen.findByRole('group', { name: g.title })).getByRole('button', { name: g.review }),
    );
    expect(recorded.routes).toEqual([{ view: 'session', id: 's1', card: 0 }]);
    expect(run).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'delen' }));
    fireEvent.click(
      within(await screen.findByRole('group', { name: g.title })).getByRole('button', { name: g.proceed }),
    );
    await waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('group', { name: g.title })).toBeNull();
  });

  it('joins the kinds in English with the English list words', async () => {
    const h = harness(await freshRepo(), { lang: 'en' });
    render(<Probe data={{ ...flagged, sessions: flagged.sessions.slice(1) }} run={() => undefined} />, {
      wrapper: h.Wrapper,
    });
    fireEvent.click(screen.getByRole('button', { name: 'delen' }));
    const gate = await screen.findByRole('group', { name: h.t.s.gate.title });
    const n = h.t.s.notes;
    expect(gate.textContent).toContain(`${n.findings.email} and ${n.findings.phone}`);
  });
});
