/** Debian's Chromium driven by playwright-core; Playwright's own browser download cannot work here. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from './chromium-flags';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = CHROMIUM_ARGS;

function ensureChromium() {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install chromium".`);
}

/**
 * `serviceWorkers`: the default for every context of this browser. Blocked unless a test asks:
 * a fresh context otherwise installs the whole offline copy (about 150 files) while the test
 * runs, which on two cores costs more than most tests themselves. The tests of the offline copy,
 * the update and the install prompt ask for `'allow'`.
 */
export async function launch(options: { serviceWorkers?: 'allow' | 'block'; args?: string[] } = {}): Promise<Browser> {
  ensureChromium();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...(options.args ?? [])] });
  const serviceWorkers = options.serviceWorkers ?? 'block';
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (o = {}) => newContext({ serviceWorkers, ...o });
  const newPage = browser.newPage.bind(browser);
  browser.newPage = (o = {}) => newPage({ serviceWorkers, ...o });
  return browser;
}

/** Absolute URL of a site path such as "/kaarten/" (the deploy base is added). */
export function site(p: string): string {
  const url = inject('siteUrl');
  return url.replace(/\/$/, '') + p;
}

/**
 * The same page from a host without the service worker (its registration fails, as in a private
 * window). For journeys that do not test the offline copy: installing it in every fresh profile
 * costs more than most journeys themselves.
 */
export function siteWithoutWorker(p: string): string {
  return inject('siteUrlNoWorker').replace(/\/$/, '') + p;
}

/**
 * Records every request a page makes that leaves the site's origin: the app promises that
 * nothing does. Call the returned function at the end of a test.
 */
export function watchForeignRequests(context: BrowserContext): () => string[] {
  const origin = new URL(inject('siteUrl')).origin;
  const foreign: string[] = [];
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  return () => foreign;
}

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core');

/** Runs axe-core (WCAG 2.x A and AA rules) on the page and returns its violations, compact. */
export async function axe(page: Page): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      // Only the violations are read: axe then skips building the other results (same verdict, less work).
      resultTypes: ['violations'],
    });
    return result.violations.map(
      (v: { id: string; impact: string | null; nodes: { target: string[]; failureSummary: string }[] }) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
      }),
    );
  });
}

/**
 * A browser with a real profile in `userDataDir` (same flags as launch()). Contexts from
 * launch() are incognito, where Chromium never offers to install an app.
 */
export async function launchWithProfile(userDataDir: string): Promise<BrowserContext> {
  ensureChromium();
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: ARGS });
}
