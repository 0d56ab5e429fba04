/** The deck in every engine: draw, flip, filter, lens, the fan's keys and the presenter's keys. */
import { describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl';
import { readEntries } from '../support/content';
import { poll, type Tab } from './driver';
import { site, useEngine } from './journey';
import { prop } from './props';

const nlCards = readEntries('cards', 'nl').sort((a, b) => Number(a.data.number) - Number(b.data.number));
const titleOf = (id: string) => String(nlCards.find((c) => c.slug === id)?.data.title);

const j = useEngine();

const stageTitle = (t: Tab) => t.text('#deck-current-title');
const ready = (t: Tab) => t.waitFor('.deck-toolbar');
const fanOrder = (t: Tab) => t.texts('.fan-live .fan-card-title');
const button = (name: string) => ({ role: 'button', name });
const focusedText = (t: Tab) => t.eval(() => document.activeElement?.textContent ?? null);

describe(`deck (${j.name})`, () => {
  it('draws a card from the home page, flips it, and goes on to the next', async () => {
    const { tab } = await j.fresh();
    await tab.goto(site('/'));
    await tab.click({ role: 'link', name: 'Trek een kaart' });
    await poll(() => tab.url()).toMatch(/\/kaarten\/\?schud=[a-z0-9]+/);
    await ready(tab);
    const first = await stageTitle(tab);
    expect(first.length).toBeGreaterThan(0);
    expect(await tab.text('.deck-progress')).toMatch(/^1 \/ \d+$/);

    await tab.click(button('Draai om: vragen'));
    await poll(() => tab.count('.deck-card-back li')).toBeGreaterThanOrEqual(3);
    await tab.click(button('Draai om: voorkant'));
    await poll(() => tab.count('.deck-card-summary')).toBe(1);

    await tab.click(button('Volgende kaart →'));
    await poll(() => stageTitle(tab)).not.toBe(first);
    await poll(() => tab.url()).toContain('kaart=2');
    await tab.click(button('← Vorige kaart'));
    await poll(() => stageTitle(tab)).toBe(first);
    const prev = await tab.eval(() => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === '← Vorige kaart');
      return b ? b.disabled || b.getAttribute('aria-disabled') === 'true' : null;
    });
    expect(prev).toBe(true);
  });

  it('filters by spanningsveld and kind, kept in the URL and after a reload', async () => {
    const { tab } = await j.fresh();
    await tab.goto(site('/kaarten/'));
    await ready(tab);
    await tab.check({ role: 'checkbox', name: 'Regie' });
    await tab.check({ role: 'checkbox', name: nl.kinds.dilemma });
    const regieDilemmas = nlCards
      .filter((c) => c.data.theme === 'regie' && c.data.kind === 'dilemma')
      .map((c) => String(c.data.title));
    await poll(() => fanOrder(tab)).toEqual(regieDilemmas);
    await poll(() => tab.url()).toMatch(/thema=regie&soort=dilemma/);
    await tab.reload();
    await ready(tab);
    await poll(() => prop(tab, { role: 'checkbox', name: 'Regie' }, 'checked')).toBe(true);
    await poll(() => fanOrder(tab)).toHaveLength(regieDilemmas.length);
  });

  it('shows the questions of one perspective on the back (the lens)', async () => {
    const card = nlCards.find((c) => c.slug === 'kind-of-ouders')!;
    const { tab } = await j.fresh();
    await tab.goto(site('/kaarten/?kaarten=kind-of-ouders&blik=beleidsmaker'));
    await ready(tab);
    await tab.click(button('Draai om: vragen'));
    await poll(() => tab.texts('.deck-lens li')).toEqual(
      (card.data.perspectives as Record<string, string[]>).beleidsmaker,
    );
    expect(await tab.count({ text: 'Vragen vanuit: Beleidsmaker' })).toBe(1);
    // Another lens from the menu changes the questions without a reload.
    await tab.select({ label: 'Vragen vanuit' }, 'ouder');
    await poll(() => tab.texts('.deck-lens li')).toEqual((card.data.perspectives as Record<string, string[]>).ouder);
    await poll(() => tab.url()).toContain('blik=ouder');
    // The young person's lens speaks to the young person: their questions, not the professionals'.
    await tab.select({ label: 'Vragen vanuit' }, 'jeugdige');
    await poll(() => tab.texts('.deck-lens li')).toEqual((card.data.perspectives as Record<string, string[]>).jeugdige);
    expect(await tab.count({ text: 'Vragen voor jou' })).toBe(1);
    expect(await tab.count({ text: 'Vragen voor iedereen' })).toBe(0);
  });

  it('moves through the fan with arrow keys from a single tab stop', async () => {
    const { tab } = await j.fresh();
    await tab.goto(site('/kaarten/'));
    await ready(tab);
    expect(await tab.count('.fan-live button[tabindex="0"]')).toBe(1);
    await tab.focus('.fan-live button[tabindex="0"]');
    await tab.press('ArrowRight');
    await tab.press('ArrowRight');
    await poll(() => tab.eval(() => document.activeElement?.querySelector('.fan-card-title')?.textContent)).toBe(
      String(nlCards[2]!.data.title),
    );
    await tab.press('Enter');
    await poll(() => stageTitle(tab)).toBe(String(nlCards[2]!.data.title));
    await tab.press('End');
    await poll(() => tab.eval(() => document.activeElement?.querySelector('.fan-card-title')?.textContent)).toBe(
      String(nlCards.at(-1)!.data.title),
    );
  });

  it('presenter: answers to → space ← T Q and Esc, and the page behind is inert', async () => {
    const { tab } = await j.fresh();
    await tab.goto(site('/kaarten/?kaarten=kind-of-gezin,kind-of-ouders,tijd-of-snel-resultaat'));
    await ready(tab);
    await tab.click(button('Presenteren'));
    await poll(() => tab.eval(() => document.activeElement?.classList.contains('presenter'))).toBe(true);
    const dialog = { role: 'dialog', name: 'Presentatie' };
    const progress = { css: '.presenter-progress', within: dialog };
    expect(await tab.text(progress)).toBe('1 / 3');
    await tab.press('ArrowRight');
    await poll(() => tab.text(progress)).toBe('2 / 3');
    await tab.press(' ');
    await poll(() => tab.text(progress)).toBe('3 / 3');
    await tab.press(' ');
    // Space at the last card stays there (no wrap to the first).
    expect(await tab.text(progress)).toBe('3 / 3');
    await tab.press('ArrowLeft');
    await poll(() => tab.text(progress)).toBe('2 / 3');
    expect(await tab.text({ css: 'h2', within: dialog })).toBe(titleOf('kind-of-ouders'));

    await tab.press('t');
    await poll(() => tab.text({ css: '.timer-clock', within: dialog })).toMatch(/\d+:\d\d$/);
    await tab.press('q');
    await tab.waitFor({ css: 'svg.qr', within: dialog }); // the encoder loads on first use
    expect(await tab.attr({ css: 'svg.qr', within: dialog }, 'aria-label')).toContain('/kaarten/kind-of-ouders/');

    expect(await tab.eval(() => (document.querySelector('header') as HTMLElement).inert)).toBe(true);
    await tab.press('Escape'); // closes the QR code first
    await poll(() => tab.count({ css: 'svg.qr' })).toBe(0);
    await tab.press('Escape');
    await poll(() => tab.count(dialog)).toBe(0);
    expect(await tab.eval(() => (document.querySelector('header') as HTMLElement).inert)).toBe(false);
    await poll(() => focusedText(tab)).toBe('Presenteren');
  });

  it('presenter: F asks for full screen', async () => {
    const { tab } = await j.fresh();
    await tab.goto(site('/kaarten/?kaarten=kind-of-gezin,kind-of-ouders'));
    await ready(tab);
    await tab.click(button('Presenteren'));
    await poll(() => tab.eval(() => document.activeElement?.classList.contains('presenter'))).toBe(true);
    await tab.press('f');
    await poll(() => tab.eval(() => Boolean(document.fullscreenElement))).toBe(true);
    await tab.eval(() => document.exitFullscreen());
    await poll(() => tab.eval(() => Boolean(document.fullscreenElement))).toBe(false);
  });
});
