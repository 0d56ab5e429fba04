/** The new-session form without a browser: validation, choosing cards, the workshop kind, links, saving. */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fill } from '../../src/i18n/fill';
import { NewSession } from '../../src/islands/sessions/NewSession';
import { formatDay, todayIso } from '../../src/lib/sessions/format';
import { StoreError } from '../../src/lib/store/errors';
import { type Harness, sessionsHarness } from './session-list-support';

/** The session the form opened after saving it. */
async function opened(h: Harness) {
  const session = await h.repo.sessions.get((h.routes[0]!.route as { id: string }).id);
  if (!session) throw new Error('the form opened a session that is not stored');
  return session;
}

async function form(o: Parameters<typeof NewSession>[0] extends infer P ? Partial<P> : never = {}) {
  const h = await sessionsHarness();
  const onCancel = vi.fn();
  h.show(
    <NewSession teams={o.teams ?? ['Team Noord']} onCancel={onCancel} {...(o.preset ? { preset: o.preset } : {})} />,
  );
  const c = h.t.s.create;
  const picked = () =>
    (screen.getAllByRole('checkbox') as HTMLInputElement[]).filter((b) => b.checked).map((b) => b.value);
  const submit = () => fireEvent.click(screen.getByRole('button', { name: c.submit }));
  return { h, c, onCancel, picked, submit };
}

describe('NewSession island', () => {
  it('suggests cards for the kind, starts the session with them and opens it', async () => {
    const { h, c, picked, submit } = await form();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: new RegExp(h.t.s.kinds.teamoverleg) }));
    expect(screen.getByText(c.suggestion.teamoverleg)).toBeTruthy();
    expect(picked()).toEqual(['kind-of-gezin', 'grens-stellen']);
    expect(screen.getByRole('status').textContent).toBe(fill('nl', c.picked, { n: 2 }));
    fireEvent.input(screen.getByLabelText(c.team), { target: { value: 'team noord' } });
    submit();
    await waitFor(() => expect(h.routes).toHaveLength(1));
    const session = await opened(h);
    expect(session.kind).toBe('teamoverleg');
    expect(session.deck).toEqual({ cards: ['kind-of-gezin', 'grens-stellen'] });
    // The team as it was written before; the title made from the kind and the date.
    expect(session.team).toBe('Team Noord');
    expect(session.title).toBe(
      fill('nl', c.defaultTitle, { kind: h.t.s.kinds.teamoverleg, date: formatDay(todayIso(), 'nl') }),
    );
  });

  it('offers the workshop kind with its own suggestion, starting with a kenniskaart, and a link to its werkvorm', async () => {
    const { h, c, picked, submit } = await form();
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(h.t.s.kinds.workshop) }));
    expect(screen.getByText(c.suggestion.workshop)).toBeTruthy();
    expect(screen.getByText(h.t.s.kindHelp.workshop)).toBeTruthy();
    expect(picked()).toEqual(['visies-op-eigen-kracht', 'kind-of-gezin', 'grens-stellen', 'wie-beslist']);
    const about = screen.getByRole('link', {
      name: fill('nl', c.aboutKind, { kind: h.t.s.kinds.workshop.toLowerCase() }),
    });
    expect(about.getAttribute('href')).toBe('/werkvormen/#workshop');
    fireEvent.input(screen.getByLabelText(c.name), { target: { value: '  Workshop april ' } });
    submit();
    await waitFor(() => expect(h.routes).toHaveLength(1));
    const session = await opened(h);
    expect(session.kind).toBe('workshop');
    expect(session.title).toBe('Workshop april');
    expect(session.deck).toEqual({
      cards: ['visies-op-eigen-kracht', 'kind-of-gezin', 'grens-stellen', 'wie-beslist'],
    });
  });

  it('keeps hand-picked cards when the kind changes, filters the list, and takes the suggestion again on request', async () => {
    const { h, c, picked } = await form();
    fireEvent.click(screen.getByRole('checkbox', { name: /Wie beslist/ }));
    expect(picked()).toEqual(['kind-of-gezin', 'grens-stellen', 'wie-beslist']);
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(h.t.s.kinds.gesprek) }));
    expect(picked()).toHaveLength(3);
    fireEvent.change(screen.getByLabelText(c.filterTheme), { target: { value: 'visies' } });
    expect(screen.getAllByRole('checkbox').map((b) => (b as HTMLInputElement).value)).toEqual([
      'visies-op-eigen-kracht',
      'kind-of-gezin',
    ]);
    fireEvent.change(screen.getByLabelText(c.filterKind), { target: { value: 'dilemma' } });
    expect(screen.getAllByRole('checkbox')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: c.suggest }));
    // The suggestion for a conversation, from the cards shown: one dilemma.
    expect(screen.getByRole('status').textContent).toBe(fill('nl', c.picked, { n: 1 }));
    fireEvent.change(screen.getByLabelText(c.filterKind), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText(c.filterTheme), { target: { value: '' } });
    expect(picked()).toEqual(['kind-of-gezin']);
  });

  it('says what is missing: cards, a date, a date with a two-digit year', async () => {
    const { h, c, submit } = await form();
    for (const box of screen.getAllByRole('checkbox') as HTMLInputElement[]) if (box.checked) fireEvent.click(box);
    expect(screen.getByRole('status').textContent).toBe(c.pickNone);
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe(c.needCards);
    expect(document.activeElement).toBe(screen.getAllByRole('checkbox')[0]);
    const date = screen.getByLabelText(c.date);
    fireEvent.input(date, { target: { value: '' } });
    submit();
    expect(screen.getByRole('alert').textContent).toBe(c.needDate);
    fireEvent.input(date, { target: { value: '0024-03-01' } });
    submit();
    expect(screen.getByRole('alert').textContent).toBe(h.t.s.dates['short-year']);
    expect(h.routes).toHaveLength(0);
    expect((await h.repo.sessions.list({ limit: 5 })).items).toHaveLength(0);
  });

  it('takes the cards from a shared deck link, and says what is wrong with a link', async () => {
    const { h, c, submit } = await form();
    fireEvent.click(screen.getByRole('radio', { name: c.deckLink }));
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe(c.needLink);
    const link = screen.getByLabelText(c.link);
    expect(document.activeElement).toBe(link);
    fireEvent.input(link, { target: { value: 'https://example.org/kaarten/' } });
    expect(screen.getByText(c.noDeck)).toBeTruthy();
    submit();
    expect(screen.getByRole('alert').textContent).toBe(c.noDeck);
    fireEvent.input(link, {
      target: { value: 'https://example.org/kaarten/?kaarten=wie-beslist,bestaat-niet,kind-of-gezin' },
    });
    expect(screen.getByText(fill('nl', c.linkCount, { n: 2 }))).toBeTruthy();
    expect(screen.getByText(fill('nl', h.t.deckProblems['unknown-card'], { value: 'bestaat-niet' }))).toBeTruthy();
    submit();
    await waitFor(() => expect(h.routes).toHaveLength(1));
    const session = await opened(h);
    expect(session.deck).toEqual({ cards: ['wie-beslist', 'kind-of-gezin'] });
  });

  it('shuffles the whole fan when asked, with a lens', async () => {
    const { h, c, submit } = await form();
    fireEvent.click(screen.getByRole('radio', { name: c.deckAll }));
    expect(screen.queryByRole('button', { name: c.suggest })).toBeNull();
    fireEvent.change(screen.getByLabelText(c.lens), { target: { value: 'ouder' } });
    submit();
    await waitFor(() => expect(h.routes).toHaveLength(1));
    const session = await opened(h);
    expect(session.deck).toHaveProperty('seed');
    expect(session.lens).toBe('ouder');
  });

  it('keeps the cards and order a link brought, and leaves unknown ones out', async () => {
    const { h, c, picked, submit } = await form({
      preset: { cards: ['wie-beslist', 'onbekend', 'kind-of-gezin'], lens: 'jeugdige', kind: 'workshop' },
    });
    expect(screen.getByText(c.fromLink)).toBeTruthy();
    expect(picked()).toEqual(['kind-of-gezin', 'wie-beslist']);
    expect((screen.getByLabelText(c.lens) as HTMLSelectElement).value).toBe('jeugdige');
    submit();
    await waitFor(() => expect(h.routes).toHaveLength(1));
    const session = await opened(h);
    expect(session.deck).toEqual({ cards: ['wie-beslist', 'kind-of-gezin'] });
    expect(session.kind).toBe('workshop');
  });

  it('shows a store error in the form, and can be cancelled', async () => {
    const { h, onCancel, submit } = await form();
    vi.spyOn(h.repo.sessions, 'create').mockRejectedValue(new StoreError('quota', 'full'));
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe(h.t.s.errors.quota);
    expect(h.escalated).toHaveLength(1);
    expect(screen.getByRole('button', { name: h.t.s.create.submit }).hasAttribute('disabled')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: h.t.s.create.cancel }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(within(document.body).queryByText(h.t.s.create.needCards)).toBeNull();
  });
});
