/**
 * The one browser fixture of the Chromium tests (tests/e2e/): `import { it } from
 * '../support/fixture'` instead of from 'vitest', then take what a test needs from its context.
 *
 * - `browser`: one Debian Chromium per file (service workers blocked, see launch()).
 * - `fresh(options, init)`: a new context (its own storage, 1280×900 unless told otherwise; `init`
 *   a script run in its pages before theirs) and its first page. Every page it makes is watched: an uncaught error in any of them fails the test,
 *   and the contexts are closed after it.
 * - `freshContext(options)`: the same context without a page yet (to add init scripts first).
 * - `newPage(context)`: another watched page (a second tab) in a context from `fresh`.
 * - `dump(page)`: everything in the app's database, read with a connection of its own.
 * - `axe(page)`: the accessibility violations of the page (empty: none).
 *
 * Helpers of a file that need them outside a test's own body take them in `it.beforeEach`:
 * `it.beforeEach(({ fresh: f }) => { open = f; })` (Vitest reads the names from the pattern). The journeys of every engine have the same
 * parts in tests/engines/journey.ts.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { it as base, expect } from 'vitest';
import { axe, launch } from './browser';
import { type Dump, idbDump } from './idb-dump';

/** Uncaught errors of a page: the app must never throw, whatever the browser does to its storage. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

export interface BrowserFixtures {
  browser: Browser;
  fresh: (options?: BrowserContextOptions, init?: string) => Promise<Page>;
  freshContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  newPage: (context: BrowserContext) => Promise<Page>;
  dump: (page: Page) => Promise<Dump>;
  axe: typeof axe;
}

/** The errors of every watched page of the running test, and the contexts to close after it. */
interface Watch {
  errors: string[][];
  contexts: BrowserContext[];
}

export const it = base.extend<BrowserFixtures & { watch: Watch }>({
  browser: [
    // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const browser = await launch();
      await use(browser);
      await browser.close();
    },
    { scope: 'file' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: as above.
  watch: async ({}, use) => {
    const watch: Watch = { errors: [], contexts: [] };
    await use(watch);
    for (const context of watch.contexts) await context.close().catch(() => undefined);
    expect(watch.errors.flat(), 'no uncaught errors in the page').toEqual([]);
  },
  newPage: async ({ watch }, use) => {
    await use(async (context) => {
      const page = await context.newPage();
      watch.errors.push(collectErrors(page));
      return page;
    });
  },
  freshContext: async ({ browser, watch }, use) => {
    await use(async (options = {}) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
      watch.contexts.push(context);
      return context;
    });
  },
  fresh: async ({ freshContext, newPage }, use) => {
    await use(async (options = {}, init) => {
      const context = await freshContext(options);
      if (init) await context.addInitScript(init);
      return newPage(context);
    });
  },
  // biome-ignore lint/correctness/noEmptyPattern: as above.
  dump: async ({}, use) => {
    await use((page) => page.evaluate(idbDump));
  },
  // biome-ignore lint/correctness/noEmptyPattern: as above.
  axe: async ({}, use) => {
    await use(axe);
  },
});

export const test = it;
