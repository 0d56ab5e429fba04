/**
 * The train without signal: after one visit the service worker holds every page in both
 * languages, so routes, cards and shared links with a query open offline; a page that is not
 * stored gets an honest offline page in its language; the bar says when you are offline.
 * Runs with the page's real CSP (no bypass), so a blocked script would fail these tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { allPaths, type Lang } from '../../src/routes';
import { axe, launch, launchWithProfile, site, watchForeignRequests } from '../support/browser';
import { readEntries } from '../support/content';
import { pwaStatus, waitForServiceWorker } from '../support/sw';

const ids = readEntries('cards', 'nl').map((c) => c.slug);
const sample = [ids[0], ids[Math.floor(ids.length / 2)], ids.at(-1)];
const pages = allPaths(ids).filter((p) => p.key !== 'card' || sample.includes(p.id));

let browser: Browser;
let context: BrowserContext;
let page: Page;
let foreign: () => string[];
const cspErrors: string[] = [];

beforeAll(async () => {
  browser = await launch({ serviceWorkers: 'allow' });
  context = await browser.newContext();
  foreign = watchForeignRequests(context);
  page = await context.newPage();
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) cspErrors.push(m.text());
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('first visit', () => {
  it('installs the service worker, which takes control and says the app is ready offline', async () => {
    await page.goto(site('/'));
    await waitForServiceWorker(page);
    await expect.poll(async () => (await pwaStatus(page)).notice).toBe(dictionaries.nl.pwa.ready);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(site('/sw.js'));
    // Quiet: the message belongs to the install, not to every page after it.
    expect((await pwaStatus(page)).notice).toBe('');
    expect(await page.locator('#pwa button').isVisible()).toBe(false);
  });
});

describe('offline', () => {
  beforeAll(async () => {
    await context.setOffline(true);
  });

  it.each(pages.map((p) => [p.path, p] as const))('%s opens offline', async (_p, p) => {
    const response = await page.goto(site(p.path));
    expect(response?.status()).toBe(200);
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await page.getAttribute('html', 'lang')).toBe(p.lang);
    expect(await page.locator('h1').count()).toBe(1);
    // Polled: the join page starts its scripts (the service worker's among them) only after its
    // first paint, which may come after the load event goto() waits for (red in CI-40).
    await expect.poll(async () => (await pwaStatus(page)).offline).toBe(dictionaries[p.lang].pwa.offline);
  });

  it.each([['/kaarten/?schud=abc'], [`/en/cards/${ids[1]}/?schud=k7f2&kaart=2`]])(
    '%s (a shared link with a query) opens offline',
    async (p) => {
      const response = await page.goto(site(p));
      expect(response?.status()).toBe(200);
      expect(await page.locator('h1').count()).toBe(1);
      expect(new URL(page.url()).search).toBe(new URL(site(p)).search);
    },
  );

  it.each([
    ['/bestaat-niet/', 'nl'],
    ['/kaarten/een-kaart-uit-een-nieuwere-versie/', 'nl'],
    ['/en/does-not-exist/', 'en'],
  ] as const)('%s is not stored: the offline page says so in %s', async (p, lang: Lang) => {
    const response = await page.goto(site(p));
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator('h1').innerText()).toBe(dictionaries[lang].pwa.offlinePage.title);
    // Its links lead to pages that do work offline.
    await page.locator('main a').nth(1).click();
    await page.waitForLoadState();
    expect(await page.locator('h1').count()).toBe(1);
    expect(page.url()).not.toBe(site(p));
  });
});

describe('the offline indicator', () => {
  it('appears when the connection drops and goes when it returns, without a reload', async () => {
    await context.setOffline(false);
    await page.goto(site('/en/formats/'));
    expect((await pwaStatus(page)).offline).toBe('');
    await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
    await context.setOffline(true);
    await expect.poll(async () => (await pwaStatus(page)).offline).toBe(dictionaries.en.pwa.offline);
    expect(await page.locator('#pwa .pwa-offline').getAttribute('role')).toBe('status');
    await context.setOffline(false);
    await expect.poll(async () => (await pwaStatus(page)).offline).toBe('');
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
  });
});

describe('install', () => {
  it('each language links its own manifest, and Chromium finds the app installable', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'kjk-profile-'));
    const ctx = await launchWithProfile(profile);
    try {
      const p = await ctx.newPage();
      const cdp = await ctx.newCDPSession(p);
      for (const [path, lang] of [
        ['/kaarten/', 'nl'],
        ['/en/cards/', 'en'],
      ] as const) {
        await p.goto(site(path));
        await waitForServiceWorker(p);
        const { url, errors } = await cdp.send('Page.getAppManifest');
        expect(url).toBe(site(`/manifest.${lang}.webmanifest`));
        expect(errors).toEqual([]);
        const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
        expect(installabilityErrors).toEqual([]);
      }
    } finally {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('in every test above', () => {
  it('no request left the site and the CSP blocked nothing', () => {
    expect(foreign()).toEqual([]);
    expect(cspErrors).toEqual([]);
  });
});

describe('accessibility', () => {
  it('the offline page and the status bar pass axe in both colour schemes', async () => {
    // bypassCSP only so that axe can be injected.
    const ctx = await browser.newContext({ bypassCSP: true });
    const p = await ctx.newPage();
    await p.goto(site('/en/'));
    await waitForServiceWorker(p);
    await ctx.setOffline(true);
    for (const scheme of ['light', 'dark'] as const) {
      await p.emulateMedia({ colorScheme: scheme });
      await p.goto(site('/en/not-stored/'));
      expect((await pwaStatus(p)).offline).not.toBe('');
      const violations = await axe(p);
      expect(violations, `${scheme}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    }
    await ctx.close();
  });
});
