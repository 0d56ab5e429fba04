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

export async function launch(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Absolute URL of a site path such as "/kaarten/" (the deploy base is added). */
export function site(p: string): string {
  const url = inject('siteUrl');
  return url.replace(/\/$/, '') + p;
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
