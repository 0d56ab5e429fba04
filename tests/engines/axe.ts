/**
 * axe-core in any engine: run as a script through the driver (not a <script> tag), so the page
 * keeps its real CSP. Shared by axe.test.ts (every route) and the room journey (the join page).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { poll, type Tab } from './driver';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rule sets of tests/e2e/routes.test.ts; returns the violations (none: an empty list). */
export async function axe(tab: Tab) {
  await tab.run(AXE);
  return tab.eval(async () => {
    // The page as it stands once still, as someone who asked for reduced motion sees it at once:
    // a card that begins to fade in after animationsDone() (an island drawing late on a loaded
    // machine: seen in WebKit, contrast 3.24 on a card's meta line mid-fade) is measured at its
    // end. A constructed sheet, not a <style>: the page keeps its real CSP.
    const still = new CSSStyleSheet();
    still.replaceSync('*, *::before, *::after { animation: none !important; transition: none !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, still];
    const w = window as unknown as {
      axe: {
        run(
          ctx: Document,
          o: object,
        ): Promise<{
          violations: { id: string; impact: string | null; nodes: { target: string[]; failureSummary: string }[] }[];
        }>;
      };
    };
    const result = await w.axe
      .run(document, {
        runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
        // Only the violations are read: axe then skips building the other results (same verdict, less work).
        resultTypes: ['violations'],
      })
      .finally(() => {
        // The journey goes on with the page as it was (some steps wait for an animation's end).
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== still);
      });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
}

/**
 * A card that is still fading in has blended colours: axe would measure the fade, not the page
 * (seen in WebKit, on a loaded machine and a quiet one). The deck's island starts, then draws its
 * card a moment later, which then fades in: waits until every island has started (Astro drops
 * an island's `ssr` attribute), then until the page has been still for 400 ms (no change to the
 * DOM, no finite animation running; at most 10 s, for pages that keep ticking), then until no
 * finite animation runs. A page whose only script is the service worker's (no island, no script
 * of its own: 66 of the 82 pages) draws nothing after its HTML and skips the 400 ms.
 */
export async function animationsDone(tab: Tab): Promise<void> {
  await poll(() => tab.count('astro-island[ssr]'), 'islands to start', 30_000).toBe(0);
  const drawsLate = await tab.eval(
    () =>
      document.querySelector('astro-island, template[data-after-paint]') !== null ||
      document.querySelectorAll('script[type="module"]').length > 1,
  );
  if (drawsLate)
    await tab.eval(
      () =>
        new Promise<boolean>((done) => {
          const moving = () =>
            document
              .getAnimations()
              .some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
          let changed = performance.now();
          const started = changed;
          const watch = new MutationObserver(() => {
            changed = performance.now();
          });
          watch.observe(document.documentElement, {
            subtree: true,
            childList: true,
            attributes: true,
            characterData: true,
          });
          const tick = () => {
            const now = performance.now();
            if (moving()) changed = now;
            if (now - changed >= 400 || now - started > 10_000) {
              watch.disconnect();
              done(true);
            } else setTimeout(tick, 50);
          };
          tick();
        }),
    );
  await poll(
    () =>
      tab.eval(
        () =>
          // getAnimations() brings style up to date first: a fade the island just started is listed.
          document
            .getAnimations()
            .filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity).length,
      ),
    'animations to finish',
  ).toBe(0);
}
