/**
 * Every route in both languages: it renders, has one h1 and the right lang, its language
 * switch leads to the same page in the other language, and every link stays under the deploy
 * base. `npm test` runs this file against the /waaier/ build, where a wrong link shows; axe on
 * every page runs in the journeys of each engine (tests/engines/axe.test.ts).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPaths, match, otherLang, path as routePath } from '../../src/routes';
import { launch, site, watchForeignRequests } from '../support/browser';
import { readEntries } from '../support/content';

const ids = readEntries('cards', 'nl').map((c) => c.slug);
const paths = allPaths(ids);

let browser: Browser;
let context: BrowserContext;
let page: Page;
let foreign: () => string[];

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext();
  foreign = watchForeignRequests(context);
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('every route in both languages', () => {
  it.each(paths.map((p) => [p.path, p] as const))(
    '%s renders, switches language and links within the site',
    async (_p, p) => {
      const response = await page.goto(site(p.path));
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(p.lang);
      expect(await page.locator('h1').count()).toBe(1);
      expect((await page.locator('h1').innerText()).trim().length).toBeGreaterThan(0);

      const switchHref = await page.locator('a.lang-switch').getAttribute('href');
      const base = new URL(site('/')).pathname;
      const twin = routePath(p.key, otherLang(p.lang), p.id);
      expect(switchHref).toBe(base.replace(/\/$/, '') + twin);
      expect(match(twin)?.key).toBe(p.key);

      // Every link within the site stays under the deploy base (a sub-folder host has nothing above it).
      const outside = await page.$$eval(
        'a[href^="/"]',
        (links, b) => links.map((a) => a.getAttribute('href')!).filter((h) => !h.startsWith(b)),
        base,
      );
      expect(outside).toEqual([]);
    },
  );

  it('made no request outside the site', () => {
    expect(foreign()).toEqual([]);
  });
});

describe('404 pages', () => {
  it.each([
    ['/bestaat-niet/', 'nl'],
    ['/en/does-not-exist/', 'en'],
    ['/kaarten/bestaat-niet/', 'nl'],
  ])('%s answers 404 in %s, with a way back', async (p, lang) => {
    const response = await page.goto(site(p));
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator(`main a[href$="${routePath('cards', lang as 'nl' | 'en')}"]`).count()).toBe(1);
  });
});

describe('without JavaScript', () => {
  it('the fan, a card and the about page still show their content', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const p = await ctx.newPage();
    await p.goto(site('/kaarten/'));
    expect(await p.locator('main a[href*="/kaarten/"]').count()).toBeGreaterThanOrEqual(ids.length);
    await p.goto(site(`/en/cards/${ids[1]}/`));
    expect(await p.locator('.questions li').count()).toBeGreaterThanOrEqual(3);
    await p.goto(site('/sessies/'));
    await expect(p.locator('noscript').count()).resolves.toBe(1);
    await ctx.close();
  });
});

describe('layout', () => {
  it.each([
    [320, 640],
    [1920, 1080],
  ])('has no horizontal scroll at %ix%i', async (width, height) => {
    await page.setViewportSize({ width, height });
    for (const p of ['/', '/kaarten/', `/kaarten/${ids[1]}/`, '/en/formats/']) {
      await page.goto(site(p));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${p} at ${width}px`).toBeLessThanOrEqual(0);
    }
  });
});
