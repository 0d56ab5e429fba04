/**
 * What the notes and the protection dialog say about names, and a typed passphrase judged with
 * what an attacker who holds the file knows: the session's title and team, a backup's teams.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { CardNotes } from '../../src/islands/sessions/CardNotes';
import { NewPassphrase, type Protection } from '../../src/islands/sessions/NewPassphrase';
import { useCheckedExport } from '../../src/islands/sessions/PrivacyGate';
import { aSession, cards, freshRepo, harness } from '../support/export-harness';

const files = vi.hoisted(() => [] as string[]);
vi.mock('../../src/islands/download', () => ({ download: (_text: string, name: string) => void files.push(name) }));

const TITLE = 'Teamoverleg Noord maart';
const TEAM = 'Jeugdzorg Team Noord';
const FROM_CONTEXT = 'JeugdzorgTeamNoord2026';

async function dialog(opts: { session?: boolean } = {}) {
  const repo = await freshRepo();
  const session = await repo.sessions.create({ ...aSession, title: TITLE, team: TEAM });
  const h = harness(repo);
  const done = vi.fn<(p: Protection | null) => void>();
  render(<NewPassphrase onDone={done} {...(opts.session ? { sessionId: session.id } : {})} />, { wrapper: h.Wrapper });
  const p = h.t.s.exchange.protect;
  const form = await screen.findByRole('form', { name: p.title });
  return { ...h, p, done, form, inside: within(form) };
}

function typeOwn(t: ReturnType<typeof harness>['t'], inside: ReturnType<typeof within>, value: string) {
  fireEvent.input(inside.getByLabelText(t.s.exchange.passphrase), { target: { value } });
  fireEvent.input(inside.getByLabelText(t.s.exchange.passphraseAgain), { target: { value } });
  fireEvent.click(inside.getByRole('button', { name: t.s.exchange.protect.make }));
}

describe('names are not checked: said before anything is found', () => {
  for (const lang of ['nl', 'en'] as const) {
    it(`the note's standing hint says so with an empty note (${lang})`, async () => {
      const repo = await freshRepo();
      const session = await repo.sessions.create(aSession);
      const h = harness(repo, { lang });
      render(<CardNotes session={session} card={cards[0]!} />, { wrapper: h.Wrapper });
      const n = h.t.s.notes;
      const box = screen.getByLabelText(n.label) as HTMLTextAreaElement;
      await waitFor(() => expect(box.disabled).toBe(false));
      expect(box.value).toBe('');
      const hint = document.getElementById(box.getAttribute('aria-describedby')?.split(' ')[0] ?? '');
      expect(hint?.textContent).toContain(n.hint);
      expect(hint?.textContent).toContain(n.namesNotChecked);
    });
  }

  it('the plain-file choice says so next to its warning', async () => {
    const { t, p, form, inside, done } = await dialog();
    expect(form.textContent).not.toContain(t.s.notes.namesNotChecked);
    fireEvent.click(inside.getByLabelText(p.plain));
    expect(form.textContent).toContain(p.plainWarning);
    expect(form.textContent).toContain(t.s.notes.namesNotChecked);
    fireEvent.click(inside.getByRole('button', { name: p.make }));
    expect(done).toHaveBeenCalledWith({ plain: true });
  });
});

describe('a typed passphrase made of what the file is about', () => {
  it('one session: its title and team make the passphrase guessable', async () => {
    const { t, p, inside, done } = await dialog({ session: true });
    fireEvent.click(inside.getByLabelText(p.own));
    typeOwn(t, inside, FROM_CONTEXT);
    await waitFor(() => expect(inside.getByRole('alert').textContent).toBe(p.weak), { timeout: 10_000 });
    expect(done).not.toHaveBeenCalled();
    typeOwn(t, inside, 'Ik fiets graag naar Utrecht');
    await waitFor(() => expect(done).toHaveBeenCalledWith({ passphrase: 'Ik fiets graag naar Utrecht' }));
  }, 30_000);

  it('a backup: the team names make it guessable', async () => {
    const { t, p, inside, done } = await dialog();
    fireEvent.click(inside.getByLabelText(p.own));
    typeOwn(t, inside, FROM_CONTEXT);
    await waitFor(() => expect(inside.getByRole('alert').textContent).toBe(p.weak), { timeout: 10_000 });
    expect(done).not.toHaveBeenCalled();
  }, 30_000);

  it('a store that cannot be read: the check still runs, without the file’s words', async () => {
    const repo = await freshRepo();
    const session = await repo.sessions.create(aSession);
    const broken = Object.create(repo) as typeof repo;
    Object.defineProperty(broken, 'sessions', { value: { get: () => Promise.reject(new Error('gone')) } });
    const h = harness(broken);
    const done = vi.fn<(p: Protection | null) => void>();
    render(<NewPassphrase onDone={done} sessionId={session.id} />, { wrapper: h.Wrapper });
    const p = h.t.s.exchange.protect;
    const inside = within(await screen.findByRole('form', { name: p.title }));
    fireEvent.click(inside.getByLabelText(p.own));
    typeOwn(h.t, inside, 'Welkom01');
    await waitFor(() => expect(inside.getByRole('alert').textContent).toBe(p.weak), { timeout: 10_000 });
    typeOwn(h.t, inside, 'Ik fiets graag naar Utrecht');
    await waitFor(() => expect(done).toHaveBeenCalledWith({ passphrase: 'Ik fiets graag naar Utrecht' }));
  }, 30_000);

  it('the export of one session hands its id to the dialog', async () => {
    const repo = await freshRepo();
    const session = await repo.sessions.create({ ...aSession, title: 'Overleg', team: 'Zuid' });
    // A second session whose words must not count for the first one's file.
    await repo.sessions.create({ ...aSession, title: TITLE, team: TEAM });
    const h = harness(repo);
    function Button() {
      const exporter = useCheckedExport();
      return (
        <>
          <button type="button" onClick={() => void exporter.run({ sessionId: session.id })}>
            export
          </button>
          {exporter.gate}
        </>
      );
    }
    render(<Button />, { wrapper: h.Wrapper });
    fireEvent.click(screen.getByRole('button', { name: 'export' }));
    const p = h.t.s.exchange.protect;
    const inside = within(await screen.findByRole('form', { name: p.title }));
    fireEvent.click(inside.getByLabelText(p.own));
    typeOwn(h.t, inside, FROM_CONTEXT);
    await waitFor(() => expect(files).toHaveLength(1), { timeout: 10_000 });
    expect(files[0]).toMatch(/-versleuteld\.json$/);
  }, 30_000);
});
