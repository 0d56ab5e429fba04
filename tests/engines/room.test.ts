import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { type Child, startRelayProcess } from '../relay/processes';
import { ensureRoomSite, roomSite } from '../support/room-build';
import { readEntries } from '../support/content';
import { type StaticSite, serveStatic } from '../support/server';
import { animationsDone, axe } from './axe';
import { poll, type Tab } from './driver';
import { useEngine } from './journey';
import { createSession, DECK_LINK, DILEMMA, dump, KENNIS } from './sessions-steps';

const r = dictionaries.nl.room;
const s = dictionaries.nl.sessions;
const title = (id: string) => String(readEntries('cards', 'nl').find((c) => c.slug === id)?.data.title);
const count = (chosen: number, joined: number) => fill('nl', r.count, { chosen, joined });

const j = useEngine();
let out: string;
let siteServer: StaticSite;
let relay: (Child & { url: string }) | undefined;

beforeAll(async () => {
  let relayPort: number;
  let relayUrl: string;
  ({ out, relayPort, relayUrl } = await roomSite());
  // Served before it is built (files are read per request), so the relay can be told the site's origin.
  siteServer = await serveStatic(out);
  relay = await startRelayProcess({
    KJK_RELAY_ORIGIN: new URL(siteServer.url).origin,
    KJK_RELAY_PORT: String(relayPort),
  });
  await ensureRoomSite(out, relayUrl);
}, 600_000);

afterAll(async () => {
  await relay?.stop();
  await siteServer?.close();
});

const at = (p: string) => `${siteServer.url.replace(/\/$/, '')}${p}`;
const shownCard = (phone: Tab) =>
  phone.eval(() => document.querySelector<HTMLElement>('[data-card]:not([hidden])')?.dataset.card ?? null);
const positions = async (laptop: Tab, sessionId: string, cardId: string) =>
  (await dump(laptop)).positions
    .filter((p) => p.sessionId === sessionId && p.cardId === cardId)
    .map((p) => `${String(p.participant)}=${String(p.value)}`);

describe(`room (${j.name})`, () => {
  it('a phone joins the laptop’s room, sends a position that is saved, sees the spread and follows the next card', async () => {
    // The laptop: the same engine, its own profile (an iPad or a Firefox laptop presents too).
    const { tab: laptop } = await j.fresh();
    await laptop.goto(at('/sessies/'));
    await laptop.waitFor('.ss-list-head');
    const sessionId = await createSession(laptop, {
      kind: 'workshop',
      title: 'Training eigen kracht',
      link: DECK_LINK,
    });
    await laptop.click({ role: 'link', name: s.view.present });
    await laptop.waitFor('.presenter');
    await poll(() => laptop.text('.presenter .deck-card-title')).toBe(title(DILEMMA));
    await laptop.click({ role: 'button', name: r.open, within: '.presenter-bar' });
    await laptop.waitFor('.presenter-join .qr');
    const joinUrl = (await laptop.attr('[data-join-link]', 'href'))!;
    expect(joinUrl).toMatch(/\/doe-mee\/#room=[\w-]{22},[\w-]{43},[\w-]{87}$/);

    // The phone: name, start, the presenter's card.
    const { tab: phone } = await j.fresh();
    await phone.goto(joinUrl);
    await phone.fill({ label: r.join.name }, 'Ans');
    await phone.click({ role: 'button', name: r.join.start });
    await poll(() => shownCard(phone)).toBe(DILEMMA);
    await poll(() => laptop.text('.presenter-room-count')).toBe(count(0, 1));
    // Everyone is in: the trainer hides the code (it covers the room's buttons), the presenter stays.
    await laptop.click({ role: 'button', name: r.hideQr, within: '.presenter-join' });
    await laptop.waitFor('.presenter-join', { state: 'gone' });
    await animationsDone(phone);
    const violations = await axe(phone);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // A position, sent: counted on both screens, saved in the laptop's session before any reveal.
    await phone.fill('#room-position', '30');
    await phone.click({ role: 'button', name: r.join.send });
    await poll(() => phone.text('[data-sent]')).toContain('30');
    await poll(() => laptop.text('.presenter-room-count')).toBe(count(1, 1));
    await poll(() => phone.text('[data-count]')).toBe(count(1, 1));
    expect(await laptop.count('.presenter .room-dot')).toBe(0);
    expect(await phone.count('[data-spread] circle')).toBe(0);
    await poll(() => positions(laptop, sessionId, DILEMMA)).toEqual(['Ans=30']);

    // The reveal: one dot on the big screen, the spread on the phone, choosing is over.
    await laptop.click({ role: 'button', name: r.reveal });
    await poll(() => laptop.count('.presenter .room-dot')).toBe(1);
    await poll(() => phone.count('[data-spread] circle')).toBe(1);
    expect(await phone.text('[data-count]')).toContain(r.revealed);
    await phone.waitFor('[data-vote]', { state: 'gone' });

    // The next card reaches the phone: a kenniskaart, nothing to choose.
    await laptop.click({ role: 'button', name: dictionaries.nl.deck.next, exact: false, within: '.presenter-bar' });
    await poll(() => laptop.text('.presenter .deck-card-title')).toBe(title(KENNIS));
    await poll(() => shownCard(phone)).toBe(KENNIS);
    await phone.waitFor('[data-novote]');
    expect(await positions(laptop, sessionId, DILEMMA)).toEqual(['Ans=30']);
  });
});
