/**
 * The new-session form's workshop kind and the room: its help says phones join through
 * "Open de zaal"; where the site has no relay, the form says the room is off and links to how to
 * switch it on, and where it has one, it does not.
 */
import { fireEvent, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NewSession } from '../../src/islands/sessions/NewSession';
import { dictionaries } from '../../src/i18n';
import { sessionsHarness } from './session-list-support';

const relay = vi.hoisted(() => ({ config: null as { origin: string; path: string } | null }));
vi.mock('../../src/lib/room/config', () => ({ relayConfig: () => relay.config }));

async function form() {
  const h = await sessionsHarness();
  h.show(<NewSession teams={[]} onCancel={() => undefined} />);
  return h;
}

beforeEach(() => {
  relay.config = null;
});

describe('NewSession: the workshop kind and the room', () => {
  it('says, without a relay, that the room is off and where to read how to switch it on', async () => {
    const h = await form();
    const c = h.t.s.create;
    expect(screen.queryByText(c.roomOff, { exact: false })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(h.t.s.kinds.workshop) }));
    expect(screen.getByText(h.t.s.kindHelp.workshop)).toBeTruthy();
    const off = screen.getByText(c.roomOff, { exact: false });
    const how = screen.getByRole('link', { name: c.roomHow });
    expect(off.contains(how)).toBe(true);
    expect(how.getAttribute('href')).toBe('/over/#zelf-een-zaal-aanzetten');
    // Only the workshop is about a room.
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(h.t.s.kinds.zelfreflectie) }));
    expect(screen.queryByRole('link', { name: c.roomHow })).toBeNull();
  });

  it('points at "Open de zaal" and nothing more where the site has a relay', async () => {
    relay.config = { origin: 'https://relay.example', path: '/' };
    const h = await form();
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(h.t.s.kinds.workshop) }));
    expect(screen.getByText(h.t.s.kindHelp.workshop).textContent).toContain(dictionaries.nl.room.open);
    expect(screen.queryByRole('link', { name: h.t.s.create.roomHow })).toBeNull();
  });
});
