/** What a trainer and a phone do to meet in a room, for every Chromium test of the room. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { type Child, startRelayProcess } from '../relay/processes';
import { launch } from './browser';
import { ensureRoomSite, roomSite } from './room-build';
import { type StaticSite, serveStatic } from './server';
import { dictionaries } from '../../src/i18n';
import { DILEMMA, DILEMMA_2, KENNIS } from './sessions';

const s = dictionaries.nl.sessions;

/** A workshop session with a dilemma, a kenniskaart and another dilemma, made through the form at `sessions`. */
export async function createWorkshop(page: Page, sessions: string): Promise<string> {
  await page.goto(sessions);
  await page.locator('.ss-list-head button').click();
  const form = page.locator('form.ss-new');
  await form.getByLabel(s.kinds.workshop, { exact: false }).check();
  await form.getByLabel(s.create.name, { exact: true }).fill('Training eigen kracht');
  await form.getByLabel(s.create.deckLink).check();
  await form.getByLabel(s.create.link, { exact: true }).fill(`/kaarten/?kaarten=${DILEMMA},${KENNIS},${DILEMMA_2}`);
  await form.getByRole('button', { name: s.create.submit }).click();
  await page.locator('.ss-session').waitFor();
  await expect.poll(() => new URL(page.url()).searchParams.get('sessie')).toBeTruthy();
  return new URL(page.url()).searchParams.get('sessie')!;
}

/** A phone (375 px wide unless told) opens the join link, gives its name if any, and starts. */
export async function joinRoom(
  open: (viewport: { width: number; height: number }) => Promise<{ context: BrowserContext; page: Page }>,
  url: string,
  name?: string,
  lang: 'nl' | 'en' = 'nl',
  width = 375,
): Promise<{ context: BrowserContext; page: Page }> {
  const j = dictionaries[lang].room.join;
  const phone = await open({ width, height: 740 });
  await phone.page.goto(url);
  if (name) await phone.page.getByLabel(j.name).fill(name);
  await phone.page.getByRole('button', { name: j.start }).click();
  return phone;
}

/** The card a phone shows now. */
export const shownCard = (phone: Page) =>
  phone.evaluate(() => document.querySelector<HTMLElement>('[data-card]:not([hidden])')?.dataset.card ?? null);

/**
 * The set-up every Chromium room file shares: the run's room site served (built once per run,
 * room-build.ts), a relay on the run's relay port told the site's origin, one browser, and each
 * context closed at the end. `restartRelay` starts the relay again on the same port (after a test
 * killed it). `newPage` with `axe: true` bypasses the CSP, only so that axe can be injected; every
 * other page runs under the real CSP, whose connect-src must let it reach the relay.
 */
export function useRoomSite() {
  let site: StaticSite | undefined;
  let relay: (Child & { url: string }) | undefined;
  let relayPort = 0;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const restartRelay = async () => {
    await relay?.stop();
    relay = await startRelayProcess({
      KJK_RELAY_ORIGIN: new URL(site!.url).origin,
      KJK_RELAY_PORT: String(relayPort),
    });
    return relay;
  };
  beforeAll(async () => {
    const room = await roomSite();
    relayPort = room.relayPort;
    // Served before it is built (files are read per request), so the relay can be told the site's origin.
    site = await serveStatic(room.out);
    await restartRelay();
    await ensureRoomSite(room.out, room.relayUrl);
    browser = await launch();
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await relay?.stop();
    await site?.close();
  });
  return {
    at: (p: string) => `${site!.url.replace(/\/$/, '')}${p}`,
    origin: () => new URL(site!.url).origin,
    relay: () => relay!,
    restartRelay,
    async newPage(viewport: { width: number; height: number }, o: { axe?: boolean } = {}) {
      const context = await browser!.newContext({ viewport, bypassCSP: o.axe ?? false });
      contexts.push(context);
      return { context, page: await context.newPage() };
    },
  };
}
