#!/usr/bin/env node
/**
 * How quickly the fan answers: the time from clicking "Volgende kaart" (draw the next card) to
 * the next frame showing it, in Debian's Chromium, on the built site (KJK_OUT_DIR, default dist/).
 * Two measures: the browser's own Event Timing duration (what INP reports) and click-to-paint
 * measured in the page. Prints a table; with --json the last line is one JSON object (ms).
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const dist = process.env.KJK_OUT_DIR ?? join(root, 'dist');
const { serveStatic } = await import('../tests/support/server.ts');
const { CHROMIUM_ARGS } = await import('../tests/support/chromium-flags.ts');
const site = await serveStatic(dist);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const started = Date.now();
  await page.goto(`${site.url}kaarten/?schud=bench`);
  await page.locator('.deck-toolbar').waitFor();
  const hydratedMs = Date.now() - started;
  // Click to the frame that shows the new card, timed inside the page (20 draws).
  const clickToPaint = await page.evaluate(async () => {
    const times = [];
    const button = [...document.querySelectorAll('.deck-nav button')].at(-1);
    for (let i = 0; i < 20; i++) {
      const old = document.getElementById('deck-current-title').textContent;
      const t0 = performance.now();
      button.click();
      while (document.getElementById('deck-current-title')?.textContent === old)
        await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      times.push(performance.now() - t0);
    }
    return times;
  });
  // Real mouse clicks, for the browser's own Event Timing (what INP is made of).
  await page.goto(`${site.url}kaarten/?schud=bench`);
  await page.locator('.deck-toolbar').waitFor();
  await page.evaluate(() => {
    window.__kjkEvents = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'click') window.__kjkEvents.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  });
  for (let i = 0; i < 10; i++) await page.getByRole('button', { name: 'Volgende kaart →' }).click();
  await page.waitForTimeout(300);
  // Event Timing only lists interactions of 16 ms or more; fewer entries means faster clicks.
  const events = await page.evaluate(() => window.__kjkEvents);
  const result = {
    hydrateMs: hydratedMs,
    drawClickToPaintMedianMs: Number(median(clickToPaint).toFixed(1)),
    drawClickToPaintP95Ms: Number(p95(clickToPaint).toFixed(1)),
    drawSlowClicksOver16Ms: events.length,
    drawSlowestEventMs: events.length ? Math.max(...events) : 0,
  };
  console.log(
    `draw a card: click to next paint (20 draws) median ${result.drawClickToPaintMedianMs} ms, p95 ${result.drawClickToPaintP95Ms} ms; ` +
      `Event Timing: ${result.drawSlowClicksOver16Ms} of 10 real clicks over 16 ms (slowest ${result.drawSlowestEventMs} ms); island ready ${hydratedMs} ms after navigation`,
  );
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await site.close();
}
