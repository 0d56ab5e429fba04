/**
 * The audience view's timer and room-scan outcome (issue #25 items 3 and 5): the control view's
 * snapshot carries the presenter's timer and, after the scan's reveal, each card's spread; the
 * projector counts down by itself, makes the end clear (said once, no motion when reduced motion
 * is asked for) and names the card where the room differs most.
 */
import { readFileSync } from 'node:fs';
import { act, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { t as dictionary } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import AudienceView from '../../src/islands/room/AudienceView';
import { type AudienceSnapshot, audienceSnapshot, scanForAudience } from '../../src/lib/room/audience';
import { newRoomId } from '../../src/lib/room/crypto';
import { initialRoom, roomReducer } from '../../src/lib/room/reducer';
import { viewsChannelName } from '../../src/lib/room/views-channel';
import { join, vote } from '../support/room-events';

const d = dictionary('nl');
const r = d.room;
const strings = { lang: 'nl' as const, room: d.room, poles: d.poles };
const base: AudienceSnapshot = { status: 'open', card: null, chosen: 0, joined: 3, revealed: false };

let room = '';
let presenter: BroadcastChannel;
beforeEach(() => {
  room = newRoomId();
  presenter = new BroadcastChannel(viewsChannelName(room));
});
afterEach(() => {
  presenter.close();
  vi.useRealTimers();
  location.hash = '';
});

const show = (snapshot: AudienceSnapshot) =>
  act(() => {
    presenter.postMessage({ k: 'snapshot', v: 1, snapshot });
  });

function openAudience() {
  location.hash = `#scherm=${room}`;
  return render(<AudienceView t={strings} />);
}

describe('the audience timer', () => {
  it('shows the time left large, counts down by itself and says the end once', async () => {
    openAudience();
    const now = Date.now();
    await show({ ...base, timer: { minutes: 5, leftMs: 3000, endsAt: now + 2500 } });
    const clock = await screen.findByRole('timer', { name: r.timer.remaining });
    expect(clock.textContent).toMatch(/^0:0[23]$/);
    await act(() => new Promise((done) => setTimeout(done, 2700)));
    expect(screen.getByRole('timer').textContent).toBe('0:00');
    expect(screen.getByRole('alert').textContent).toBe(r.timer.done);
    expect(document.querySelector('.audience-timer')?.className).toContain('is-done');
  });

  it('shows a paused timer as paused, and no timer when the presenter hides it', async () => {
    openAudience();
    await show({ ...base, timer: { minutes: 5, leftMs: 125_000 } });
    expect((await screen.findByRole('timer')).textContent).toBe('2:05');
    expect(screen.getByText(r.timer.paused)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    await show(base);
    await waitFor(() => expect(screen.queryByRole('timer')).toBeNull());
  });

  it('moves only when reduced motion is not asked for: the end is a still block otherwise', () => {
    const css = readFileSync('src/styles/room-audience-timer.css', 'utf8');
    const motion = css.indexOf('@media (prefers-reduced-motion: no-preference)');
    expect(motion).toBeGreaterThan(0);
    // Every animation sits inside that block; the end's colours and border are outside it.
    const before = css.slice(0, motion);
    expect(before).not.toMatch(/animation\s*:/);
    expect(before).toMatch(/\.audience-timer\.is-done\s*\{[^}]*border/);
  });

  it('travels in the snapshot from the presenter timer, and not after the room closed', () => {
    const state = initialRoom('a-b');
    const timer = { minutes: 5, leftMs: 300_000, endsAt: 1_000_000.4 };
    const input = { state, ended: false, card: null, timer };
    expect(audienceSnapshot(input).timer).toEqual({ minutes: 5, leftMs: 300_000, endsAt: 1_000_000 });
    expect(audienceSnapshot({ ...input, timer: null }).timer).toBeUndefined();
    expect(audienceSnapshot({ ...input, ended: true }).timer).toBeUndefined();
  });
});

describe('the room scan on the audience view', () => {
  const deck = [
    { id: 'a-b', title: 'Kaart A', poles: [{ label: 'Links' }, { label: 'Rechts' }] },
    { id: 'c-d', title: 'Kaart C', poles: [{ label: 'Hier' }, { label: 'Daar' }] },
    { id: 'e-f', title: 'Kaart E', poles: [{ label: 'Voor' }, { label: 'Na' }] },
  ];

  function scanned(reveal: boolean) {
    let state = initialRoom('a-b');
    for (const p of ['p1', 'p2', 'p3']) state = roomReducer(state, join(p, `peer-${p}`));
    state = roomReducer(state, { type: 'scan', action: { kind: 'start', cards: ['a-b', 'c-d', 'e-f'] } });
    const positions: Record<string, number[]> = { 'a-b': [40, 50, 60], 'c-d': [0, 50, 100], 'e-f': [50, 50, 50] };
    for (const [card, values] of Object.entries(positions))
      values.forEach((position, i) => {
        state = roomReducer(state, vote(`p${i + 1}`, `peer-p${i + 1}`, position, card));
      });
    if (reveal) state = roomReducer(state, { type: 'scan', action: { kind: 'reveal' } });
    return state;
  }

  it('is nothing before the scan is revealed: every place is still its own', () => {
    expect(scanForAudience(scanned(false), deck)).toBeNull();
    expect(scanForAudience(initialRoom('a-b'), deck)).toBeNull();
  });

  it('shows each card spread and "Hier verschilt de zaal het meest" on the card where it differs most', async () => {
    const scan = scanForAudience(scanned(true), deck)!;
    expect(scan.most).toBe('c-d');
    expect(scan.cards.map((c) => c.spread)).toEqual([
      [40, 50, 60],
      [0, 50, 100],
      [50, 50, 50],
    ]);
    openAudience();
    await show({ ...base, scan });
    expect(await screen.findByRole('heading', { name: r.scan.outcome })).toBeTruthy();
    const most = screen.getByText(r.scan.most).closest('li')!;
    expect(most.querySelector('h3')?.textContent).toBe('Kaart C');
    expect(screen.getAllByText(r.scan.most)).toHaveLength(1);
    expect(document.querySelectorAll('.audience-scan-cards > li')).toHaveLength(3);
    expect(document.querySelectorAll('.room-dot')).toHaveLength(9);
    expect(screen.getAllByText(fill('nl', r.scan.positions, { n: 3 }))).toHaveLength(3);
  });

  it('says so when no card has enough different positions', async () => {
    openAudience();
    await show({
      ...base,
      scan: { cards: [{ id: 'a-b', title: 'Kaart A', poles: ['L', 'R'], spread: [50] }], most: null },
    });
    expect(await screen.findByText(r.scan.mostNone)).toBeTruthy();
    expect(screen.queryByText(r.scan.most)).toBeNull();
  });
});
