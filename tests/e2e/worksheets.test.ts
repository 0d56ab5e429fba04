/**
 * The worksheets as a trainer prints them: four A4 sheets, blank or filled with a card,
 * one page each, nothing cut off, in both languages; blank sheets need no JavaScript.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, site } from '../support/browser';
import { readEntries } from '../support/content';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const pdfPages = async (page: Page) => {
  const pdf = (await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })).toString('latin1');
  return (pdf.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
};

/** Elements whose content is wider than their box on paper (text or drawings cut off). */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.ws-sheet, .ws-sheet *')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible')
      .map((el) => el.className),
  );

for (const [lang, path, first] of [
  ['nl', '/werkbladen/', 'Waar sta ik?'],
  ['en', '/en/worksheets/', 'Where do I stand?'],
] as const) {
  describe(`worksheets (${lang})`, () => {
    it('prints four blank sheets on four A4 pages, also without JavaScript', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(site(path));
      expect(await page.locator('.ws-sheet').count()).toBe(4);
      expect(await page.locator('.ws-sheet h2').first().textContent()).toBe(first);
      await page.emulateMedia({ media: 'print' });
      expect(await pdfPages(page)).toBe(4);
      expect(await overflowing(page)).toEqual([]);
      await context.close();
    });

    it('fills every sheet with a chosen card and still prints one page per sheet', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(site(path));
      const card =
        readEntries('cards', lang).find((c) => c.data.kind === 'dilemma' && c.data.number === 2) ??
        readEntries('cards', lang).find((c) => c.data.kind === 'dilemma');
      const title = String(card?.data.title);
      const poles = ((card?.data.poles ?? []) as { label: string }[]).map((p) => p.label);
      await page.locator('#ws-card').selectOption(String(card?.slug));
      await expect.poll(() => page.locator('.ws-card-title strong').count()).toBe(4);
      expect(await page.locator('.ws-card-title strong').first().textContent()).toBe(title);
      expect(await page.locator('.ws-poles .ws-pole').allTextContents()).toEqual(poles);
      // The policy sheet brings the card's questions for policymakers.
      const policy = ((card?.data.perspectives ?? {}) as Record<string, string[]>).beleidsmaker ?? [];
      for (const q of policy) expect(await page.locator('.ws-mirror .ws-questions').textContent()).toContain(q);
      await page.emulateMedia({ media: 'print' });
      expect(await pdfPages(page)).toBe(4);
      expect(await overflowing(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  });
}
