/**
 * The fan in use, in real Chromium: what needs Playwright (a second browser, touch, a fake clock,
 * emulated media and viewports) or is not yet a journey in tests/engines/deck.test.ts, which runs
 * drawing, flipping, filters, the lens, the fan's keys and the presenter's keys in every engine.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launch, site } from '../support/browser';
import { readEntries } from '../support/content';

// In fan order (by number), as the deck shows them.
const nlCards = readEntries('cards', 'nl').sort((a, b) => Number(a.data.number) - Number(b.data.number));
const titleOf = (id: string) => String(nlCards.find((c) => c.slug === id)?.data.title);

let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
});

const stageTitle = () => page.locator('#deck-current-title').innerText();
/** The island has taken over from the plain list of links. */
const ready = (p: Page = page) => p.locator('.deck-toolbar').waitFor();
/** Opens the presenter (it loads on first use) and waits until it has focus and listens for keys. */
const openPresenter = async (p: Page = page, name = 'Presenteren') => {
  await p.getByRole('button', { name }).click();
  await expect.poll(() => p.evaluate(() => document.activeElement?.classList.contains('presenter'))).toBe(true);
};
const fanOrder = () => page.locator('.fan-live .fan-card-title').allInnerTexts();

describe('the card on top', () => {
  it('tells a screen reader which card is on top', async () => {
    await page.goto(site('/kaarten/?kaart=2'));
    const live = page.locator('.deck-stage [aria-live="polite"]');
    // Card 0 ("Zo werkt de waaier") opens the fan, so position 2 is the card with number 1.
    await expect
      .poll(() => live.innerText())
      .toContain(`Kaart 2 van ${nlCards.length}. ${titleOf('visies-op-eigen-kracht')}`);
  });
});

describe('seeded shuffle in the URL', () => {
  it('gives the same order after a reload and in a fresh browser', async () => {
    /** The first cards as drawn one after another (the fan itself stays grouped by theme). */
    const drawn = async (p: Page) => {
      await ready(p);
      const titles: string[] = [];
      for (let i = 0; i < 6; i++) {
        titles.push(await p.locator('#deck-current-title').innerText());
        await p.getByRole('button', { name: 'Volgende kaart →' }).click();
      }
      return titles;
    };
    await page.goto(site('/kaarten/?schud=k7f2x'));
    const order = await drawn(page);
    expect(order).not.toEqual(nlCards.slice(0, 6).map((c) => String(c.data.title)));
    expect(new Set(order).size).toBe(6);
    await page.goto(site('/kaarten/?schud=k7f2x'));
    await page.reload();
    expect(await drawn(page)).toEqual(order);
    const other = await browser.newPage();
    await other.goto(site('/kaarten/?schud=k7f2x'));
    expect(await drawn(other)).toEqual(order);
    await other.close();
    await page.goto(site('/kaarten/?schud=zz9q'));
    expect(await drawn(page)).not.toEqual(order);
  });

  it('shuffling writes a new seed into the address', async () => {
    await page.goto(site('/kaarten/'));
    await ready();
    await page.getByRole('button', { name: 'Trek een kaart' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('schud') ?? '').toMatch(/^[a-z0-9]{4,8}$/);
  });
});

describe('selections and bad links', () => {
  it('hand-picks cards into a shared link that opens in that order', async () => {
    await page.goto(site('/kaarten/'));
    await ready();
    await page.getByRole('button', { name: 'Zelf kaarten kiezen' }).click();
    await page.locator('.fan-live button', { hasText: titleOf('stem-of-bescherming') }).click();
    await page.locator('.fan-live button', { hasText: titleOf('bewezen-of-nieuw') }).click();
    await page.getByRole('button', { name: 'Klaar met kiezen' }).click();
    expect(await fanOrder()).toHaveLength(2);
    // The order of picking, not the order of the fan.
    expect(await stageTitle()).toBe(titleOf('stem-of-bescherming'));
    await page.getByRole('button', { name: 'Deel deze stapel' }).click();
    const link = await page.locator('.deck-share input').inputValue();
    expect(link).toContain('kaarten=stem-of-bescherming,bewezen-of-nieuw');
    const other = await browser.newPage();
    await other.goto(link);
    expect(await other.locator('#deck-current-title').innerText()).toBe(titleOf('stem-of-bescherming'));
    await other.getByRole('button', { name: 'Volgende kaart →' }).click();
    expect(await other.locator('#deck-current-title').innerText()).toBe(titleOf('bewezen-of-nieuw'));
    await other.close();
  });

  it('skips unknown or malformed ids with a clear message, never a crash', async () => {
    await page.goto(
      site('/kaarten/?kaarten=bestaat-niet,<script>alert(1)</script>,kind-of-gezin&schud=!!&thema=kleur'),
    );
    const alert = page.getByRole('alert');
    await expect(alert.innerText()).resolves.toContain('Niet alles in deze link klopte');
    const text = await alert.innerText();
    expect(text).toContain('“bestaat-niet” bestaat niet');
    expect(text).toContain('<script>');
    expect(await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes('alert(1)')))).toBe(
      false,
    );
    expect(await stageTitle()).toBe(titleOf('kind-of-gezin'));
    expect(errors).toEqual([]);
  });

  it('falls back to the whole fan when no picked card exists', async () => {
    await page.goto(site('/en/cards/?kaarten=nope,also-nope'));
    await expect(page.getByRole('alert').innerText()).resolves.toContain('None of the chosen cards exist');
    expect(await page.locator('.fan-live .fan-card').count()).toBe(nlCards.length);
  });
});

describe('presenter', () => {
  it('counts down, pauses, ends gently and keeps the length for the next card', async () => {
    await page.clock.install();
    await page.goto(site('/en/cards/?kaarten=kind-of-gezin,kind-of-ouders'));
    await ready();
    await openPresenter(page, 'Present');
    await page.getByRole('button', { name: 'Timer (T)' }).click();
    await page.getByLabel('Minutes per card').fill('1');
    await page.getByLabel('Minutes per card').press('Tab');
    await page.getByRole('button', { name: 'Start timer' }).click();
    await page.clock.runFor(20_000);
    const clock = page.locator('.timer-clock');
    await expect.poll(() => clock.innerText()).toMatch(/0:4[01]$/);
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await clock.innerText();
    await page.clock.runFor(30_000);
    await expect.poll(() => clock.innerText()).toBe(paused);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.clock.runFor(42_000);
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('Time is up');
    await expect.poll(() => clock.innerText()).toContain('0:00');
    expect(await page.locator('.timer').getAttribute('class')).toContain('is-done');
    await page.locator('.presenter').focus();
    await page.keyboard.press('ArrowRight');
    await page.clock.runFor(1_000);
    // The next card starts its own minute, running, with the length chosen before.
    await expect.poll(() => clock.innerText()).toMatch(/(0:59|1:00)$/);
    expect(await page.getByLabel('Minutes per card').inputValue()).toBe('1');
  });

  it('swipes on a touch screen (real touch events, not synthetic pointer events)', async () => {
    const ctx = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 400, height: 800 } });
    const p = await ctx.newPage();
    await p.goto(site('/kaarten/?kaarten=kind-of-gezin,kind-of-ouders'));
    await ready(p);
    await p.getByRole('button', { name: 'Presenteren' }).tap();
    await p.locator('.presenter').waitFor();
    const cdp = await ctx.newCDPSession(p);
    const swipe = async (from: number, to: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from, y: 500 }] });
      for (let k = 1; k <= 6; k++) {
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [{ x: from + ((to - from) * k) / 6, y: 500 }],
        });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await swipe(320, 60);
    await expect.poll(() => p.locator('.presenter-progress').innerText()).toBe('2 / 2');
    await swipe(60, 320);
    await expect.poll(() => p.locator('.presenter-progress').innerText()).toBe('1 / 2');
    await ctx.close();
  });

  it('tells a screen reader each card while presenting, and Esc leaves from the timer fields', async () => {
    await page.goto(site('/kaarten/?kaarten=kind-of-gezin,kind-of-ouders'));
    await ready();
    await openPresenter();
    const live = page.locator('.presenter [aria-live="polite"][aria-atomic="true"]');
    await expect.poll(() => live.innerText()).toContain(titleOf('kind-of-gezin'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => live.innerText()).toContain(`Kaart 2 van 2. ${titleOf('kind-of-ouders')}`);
    // At the last card the next button stays focusable and does nothing.
    const nextButton = page.locator('.presenter-actions button', { hasText: '→' });
    await nextButton.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.presenter-progress').innerText()).toBe('2 / 2');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('→');
    await page.getByRole('button', { name: 'Timer (T)' }).click();
    await page.getByLabel('Minuten per kaart').focus();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
  });

  it("shows the card's QR code beside the card at 1080p, never over it, with an address readable from the back", async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(site('/kaarten/?kaarten=kind-of-gezin'));
    await ready();
    await openPresenter();
    await page.keyboard.press('q');
    const qr = page.locator('.presenter svg.qr');
    await qr.waitFor(); // the encoder loads on first use
    const layout = await page.evaluate(() => {
      const box = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      const url = document.querySelector('.presenter-qr-url')!;
      return {
        qr: box(document.querySelector('.presenter-qr')!),
        poles: [...document.querySelectorAll('.presenter .deck-pole')].map(box),
        urlPx: Number.parseFloat(getComputedStyle(url).fontSize),
      };
    });
    expect(layout.poles).toHaveLength(2);
    for (const pole of layout.poles) {
      const apart =
        layout.qr.right <= pole.left ||
        pole.right <= layout.qr.left ||
        layout.qr.bottom <= pole.top ||
        pole.bottom <= layout.qr.top;
      expect(apart, `QR ${JSON.stringify(layout.qr)} against pole ${JSON.stringify(pole)}`).toBe(true);
    }
    expect(layout.urlPx).toBeGreaterThanOrEqual(0.03 * 1080);
  });

  it('reads from the back of a room: timer digits at least 8% of the screen high, an end nobody can miss', async () => {
    for (const [width, height, motion] of [
      [1920, 1080, 'no-preference'],
      [1280, 720, 'reduce'],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ reducedMotion: motion });
      await page.clock.install();
      await page.goto(site('/kaarten/?kaarten=kind-of-gezin'));
      await ready();
      await openPresenter();
      await page.keyboard.press('t');
      // The drawn height of a digit, not the font size: glyphs are smaller than their em box.
      const digit = await page.locator('.timer-clock').evaluate((el) => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        const cs = getComputedStyle(el);
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const m = ctx.measureText('0');
        return m.actualBoundingBoxAscent + m.actualBoundingBoxDescent;
      });
      expect(digit, `${width}×${height}`).toBeGreaterThanOrEqual(0.08 * height);
      await page.getByLabel('Minuten per kaart').fill('1');
      await page.getByLabel('Minuten per kaart').press('Tab');
      await page.getByRole('button', { name: 'Start timer' }).click();
      await page.clock.runFor(61_000);
      // Words in large type, the whole timer in the alarm colour, a frame around the screen.
      await expect(page.getByRole('alert').innerText()).resolves.toBe('De tijd is om');
      const end = await page.evaluate(() => {
        const alert = getComputedStyle(document.querySelector('.timer-alert')!);
        const presenter = getComputedStyle(document.querySelector('.presenter')!);
        const danger = getComputedStyle(document.documentElement).getPropertyValue('--danger').trim();
        const probe = document.createElement('i');
        probe.style.color = danger;
        document.body.append(probe);
        const dangerRgb = getComputedStyle(probe).color;
        probe.remove();
        return {
          dangerRgb,
          alertPx: Number.parseFloat(alert.fontSize),
          frame: presenter.boxShadow,
          animation: presenter.animationName,
        };
      });
      // (after its short colour transition)
      await expect
        .poll(() => page.evaluate(() => getComputedStyle(document.querySelector('.timer')!).backgroundColor))
        .toBe(end.dangerRgb);
      expect(end.alertPx).toBeGreaterThanOrEqual(0.05 * height);
      expect(end.frame).toContain('inset');
      expect(end.animation).toBe(motion === 'reduce' ? 'none' : 'presenter-done');
      await page.close();
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    }
  });
});

describe('review fixes', () => {
  it('keeps the theme groups after the island starts, so #regie still lands on them', async () => {
    await page.goto(site('/kaarten/#regie'));
    await ready();
    const group = page.locator('section#regie');
    await expect(group.locator('h3').innerText()).resolves.toContain('Regie bij eigen kracht');
    // The group's heading is on screen (before the fix the page sat somewhere unrelated).
    await expect
      .poll(() =>
        group.locator('h3').evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        }),
      )
      .toBe(true);
    expect(page.url()).toContain('#regie');
  });

  it('turns shuffling and filters off while a hand-picked selection decides the deck', async () => {
    await page.goto(site('/kaarten/?kaarten=kind-of-gezin,kind-of-ouders'));
    await ready();
    expect(await page.getByRole('checkbox', { name: 'Regie' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Schudden' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Trek een kaart' }).count()).toBe(0);
    await expect(page.locator('.deck-status').innerText()).resolves.toContain(
      'Wis de keuze om te filteren of te schudden',
    );
    await page.getByRole('button', { name: 'Keuze wissen' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Trek een kaart');
  });

  it('keeps the keyboard focus when a button goes away or the deck ends', async () => {
    await page.goto(site('/kaarten/?schud=k7f2x'));
    await ready();
    await page.getByRole('button', { name: 'Op volgorde' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Trek een kaart');
    const prevButton = page.getByRole('button', { name: '← Vorige kaart' });
    await prevButton.focus();
    await page.keyboard.press('Enter');
    expect(await prevButton.getAttribute('aria-disabled')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('← Vorige kaart');
  });

  it('takes the deck along when switching language', async () => {
    await page.goto(site('/kaarten/?schud=k7f2x&blik=ouder'));
    await ready();
    await expect
      .poll(() => page.locator('a.lang-switch').getAttribute('href'))
      .toMatch(/\/en\/cards\/\?schud=k7f2x&blik=ouder$/);
    await page.locator('a.lang-switch').click();
    await ready();
    expect(await page.getByLabel('Questions from').inputValue()).toBe('ouder');
  });

  it('shows keyboard focus on the current card in the fan', async () => {
    await page.goto(site('/kaarten/'));
    await ready();
    const card = page.locator('.fan-live button[tabindex="0"]');
    const before = await card.evaluate((el) => getComputedStyle(el).outlineColor + getComputedStyle(el).boxShadow);
    await page.keyboard.press('Tab'); // move focus into the page, then to the fan with the keyboard
    await card.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    const after = await card.evaluate((el) => getComputedStyle(el).outlineColor + getComputedStyle(el).boxShadow);
    expect(after).not.toBe(before);
  });
});

describe('motion', () => {
  it('turns animations off under prefers-reduced-motion', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(site('/kaarten/'));
    const duration = await page.locator('.deck-stage-card').evaluate((el) => getComputedStyle(el).animationDuration);
    expect(duration).toBe('0s');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.reload();
    const normal = await page
      .locator('.deck-stage-card')
      .evaluate((el) => parseFloat(getComputedStyle(el).animationDuration));
    expect(normal).toBeGreaterThan(0);
    expect(normal).toBeLessThan(0.3);
  });
});
