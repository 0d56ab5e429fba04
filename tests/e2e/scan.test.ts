/**
 * The self-scan as a policymaker does it: keyboard only, through every dilemma of the fan,
 * skipping one and coming back to it, then the profile on screen and on one printed page.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axe, launch, site, watchForeignRequests } from '../support/browser';
import { readEntries } from '../support/content';
import { scaled } from '../support/timing';

const dilemmas = (lang: 'nl' | 'en') =>
  readEntries('cards', lang)
    .filter((c) => c.data.kind === 'dilemma')
    .sort((a, b) => Number(a.data.number) - Number(b.data.number));

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
async function fresh(width = 1280) {
  // bypassCSP only so that axe can be injected; the routes test runs every page with the real CSP.
  context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
  page = await context.newPage();
  errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
}
afterEach(async () => {
  expect(errors, 'no errors in the page').toEqual([]);
  await context?.close();
});

/** The page answers within a second on a quiet machine; a busy CI machine gets more time. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: scaled(15_000) });

async function noViolations() {
  expect(await axe(page)).toEqual([]);
}

/** Tab until the element matching `selector` has focus (keyboard only, no clicks). */
async function tabTo(selector: string, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

describe('the self-scan', () => {
  it('goes through the whole fan by keyboard, with a skipped card answered later, and shows the profile', async () => {
    await fresh();
    const foreign = watchForeignRequests(context);
    const cards = dilemmas('nl');
    await page.goto(site('/zelfscan/'));
    await page.getByRole('button', { name: 'Begin de scan' }).waitFor();
    await noViolations();
    await tabTo('button[type=submit]');
    await page.keyboard.press('Enter');

    for (const [i, card] of cards.entries()) {
      await poll(() => page.locator('#scan-card-title').textContent()).toBe(String(card.data.title));
      await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('scan-card-title');
      expect(await page.locator('.scan-progress span').textContent()).toBe(`Kaart ${i + 1} van ${cards.length}`);
      if (i === 0) await noViolations();
      if (i === 2) {
        // Skip the third card for now.
        await tabTo('.scan-buttons button:nth-child(2)');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sla over');
        await page.keyboard.press('Enter');
        continue;
      }
      await tabTo('#scan-value');
      // Card i goes i steps of 5 towards pole A or B, alternating, so each card has its own place.
      const key = i % 2 === 0 ? 'ArrowLeft' : 'ArrowRight';
      for (let k = 0; k < 1 + (i % 10); k++) await page.keyboard.press(key);
      await poll(() => page.locator('#scan-place-status').textContent()).toMatch(/^Bewaard: \d+ van 100/);
      await tabTo('.scan-buttons button.primary');
      await page.keyboard.press('Enter');
    }

    // The last card was answered, the third was skipped: the profile says so and offers it.
    await page.locator('#scan-profile-title').waitFor();
    expect(await page.locator('.scan-profile > p').first().textContent()).toBe(
      `Je hebt ${cards.length - 1} van de ${cards.length} kaarten beantwoord.`,
    );
    await noViolations();
    const skipped = String(cards[2]?.data.title);
    await tabTo('.scan-skipped button');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Beantwoord alsnog: ${skipped}`);
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#scan-card-title').textContent()).toBe(skipped);
    await tabTo('#scan-value');
    await page.keyboard.press('End');
    await tabTo('.scan-buttons button.primary');
    await page.keyboard.press('Enter');
    await page.locator('#scan-profile-title').waitFor();
    expect(await page.locator('.scan-profile > p').first().textContent()).toBe(
      `Je hebt ${cards.length} van de ${cards.length} kaarten beantwoord.`,
    );
    expect(await page.locator('.scan-skipped').count()).toBe(0);
    // The card that went to pole B says so in words, not only with the marker's place.
    const row = page.locator('.scan-row', { hasText: skipped });
    const poleB = (cards[2]?.data.poles as { label: string }[] | undefined)?.[1]?.label;
    expect(await row.locator('.scan-row-text').textContent()).toContain(`Je neigt naar: ${poleB}`);
    expect(await page.locator('.scan-theme-result').count()).toBe(5);
    expect(foreign()).toEqual([]);

    // A reload keeps everything: the scan is a session in this browser.
    await page.reload();
    await page.locator('#scan-profile-title').waitFor();
    expect(await page.locator('.scan-row').count()).toBe(cards.length);
    const sessionHref = await page.getByRole('link', { name: 'Open als sessie' }).getAttribute('href');
    await page.goto(new URL(String(sessionHref), page.url()).href);
    // The session view itself, not the list's skeleton (it has headings too, and came first under load).
    await page.locator('.ss-session').waitFor();
    await poll(() => page.locator('main').textContent()).toContain('Zelfscan');

    // One printed page, nothing cut off at the right.
    await page.goBack();
    await page.locator('#scan-profile-title').waitFor();
    await page.emulateMedia({ media: 'print' });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length).toBe(1);
  }, 180_000);

  it('works in English at 320 px, with a chosen spanningsveld only, and refuses to start with none', async () => {
    await fresh(320);
    await page.goto(site('/en/self-scan/'));
    await page.getByRole('button', { name: 'Start the scan' }).waitFor();
    await noViolations();
    const boxes = page.locator('.scan-theme input');
    expect(await boxes.count()).toBe(5);
    for (let i = 0; i < 5; i++) await boxes.nth(i).uncheck();
    await page.getByRole('button', { name: 'Start the scan' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Choose at least one spanningsveld.');
    await boxes.nth(3).check();
    await page.getByRole('button', { name: 'Start the scan' }).click();
    const regie = dilemmas('en').filter((c) => c.data.theme === 'regie');
    await poll(() => page.locator('.scan-progress span').textContent()).toBe(`Card 1 of ${regie.length}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await noViolations();
    await page.locator('#scan-value').fill('100');
    await poll(() => page.locator('#scan-place-status').textContent()).toMatch(/^Saved: 100 of 100/);
    for (let i = 0; i < regie.length; i++) {
      const finish = i === regie.length - 1;
      await page.getByRole('button', { name: finish ? 'See my profile' : i === 0 ? 'Next' : 'Skip' }).click();
    }
    await page.locator('#scan-profile-title').waitFor();
    expect(await page.locator('.scan-theme-result').count()).toBe(1);
    // The first card was placed, the last one taken as the middle by "See my profile", the rest skipped.
    expect(await page.locator('.scan-skipped li').count()).toBe(regie.length - 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await noViolations();
  });

  it('compares three colleagues’ exported scans, imported on one device: the cards that divide them most, then a team session with exactly those cards', async () => {
    const regie = dilemmas('nl').filter((c) => c.data.theme === 'regie');
    expect(regie.length).toBeGreaterThanOrEqual(4);
    // Per person, the value on each regie card: they agree on card 3, differ hugely on card 1, a bit on 2 and 4.
    const people: [string, number[]][] = [
      ['Anna', [0, 40, 50, 40]],
      ['Bram', [100, 60, 50, 55]],
      ['', [50, 50, 50, 70]],
    ];
    const files: { name: string; text: string }[] = [];
    for (const [label, values] of people) {
      // Each colleague on their own device: a fresh browser context has its own empty IndexedDB.
      await fresh();
      await page.goto(site('/zelfscan/'));
      await page.getByRole('button', { name: 'Begin de scan' }).waitFor();
      const boxes = page.locator('.scan-theme input');
      for (let i = 0; i < 5; i++) if (i !== 3) await boxes.nth(i).uncheck();
      if (label) await page.getByLabel('Je naam of een label (niet verplicht)').fill(label);
      await page.getByRole('button', { name: 'Begin de scan' }).click();
      for (const [i, v] of values.entries()) {
        await poll(() => page.locator('#scan-card-title').textContent()).toBe(String(regie[i]?.data.title));
        await page.locator('#scan-value').fill(String(v));
        await poll(() => page.locator('#scan-place-status').textContent()).toMatch(/^Bewaard/);
        await page.locator('.scan-buttons button.primary').click();
      }
      await page.locator('#scan-profile-title').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exporteer deze scan' }).click(),
      ]);
      const name = download.suggestedFilename();
      expect(name).toMatch(
        label
          ? new RegExp(`^kjk-zelfscan-${label.toLowerCase()}-\\d{4}-\\d{2}-\\d{2}\\.json$`)
          : /^kjk-zelfscan-\d{4}-\d{2}-\d{2}\.json$/,
      );
      const text = await readFile(String(await download.path()), 'utf8');
      // Positions only: a scan file carries no free text but the label and the title.
      expect(JSON.parse(text).data.notes).toEqual([]);
      files.push({ name, text });
      expect(errors, 'no errors in the page').toEqual([]);
      await context.close();
    }

    // The team lead's device: import the three files on the sessions page.
    await fresh();
    await page.goto(site('/sessies/'));
    for (const [i, file] of files.entries()) {
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
      await page.locator('.ss-preview').getByRole('button', { name: 'Importeren' }).click();
      await poll(() => page.locator('.ss-item-title').count()).toBe(i + 1);
    }
    await page.goto(site('/zelfscan/'));
    await page.getByRole('heading', { name: 'Scans vergelijken' }).waitFor();
    const picks = page.locator('.scan-pick');
    expect(await picks.count()).toBe(3);
    expect(await picks.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^ ?Anna, /), expect.stringMatching(/^ ?Zonder naam, /)]),
    );
    await noViolations();
    await page.getByRole('button', { name: 'Vergelijk de gekozen scans' }).click();
    await page.getByRole('heading', { name: 'Hier verschillen jullie het meest' }).waitFor();
    expect(await page.locator('.scan-team .scan-hint').first().textContent()).toBe(
      'Dit beeld komt alleen uit de 3 scans die je hebt gekozen. Er gaat niets naar een server.',
    );
    const most = await page.locator('.scan-most .scan-row-title').allTextContents();
    // Widest first: card 1 (0-100), then card 4 (40-70) and card 2 (40-60); card 3 (all 50) never.
    expect(most).toEqual([regie[0], regie[3], regie[1]].map((c) => String(c?.data.title)));
    await noViolations();
    await page.getByRole('button', { name: 'Start een teamsessie met deze kaarten' }).click();
    await page.waitForURL(/\/sessies\/\?sessie=/);
    await poll(() => page.locator('main').textContent()).toContain('Bespreken waar we verschillen');
    expect(await page.locator('main').textContent()).toContain(String(regie[0]?.data.title));
  }, 240_000);

  it('says plainly when the scan in the address bar is not on this device', async () => {
    await fresh();
    await page.goto(site('/zelfscan/?scan=bestaat-niet&kaart=3'));
    expect(await page.getByRole('alert').textContent()).toBe(
      'Deze scan staat niet (meer) op dit apparaat. Begin een nieuwe scan.',
    );
    await page.getByRole('button', { name: 'Begin de scan' }).waitFor();
  });
});
