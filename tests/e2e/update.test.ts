/**
 * A new version is deployed while the app is open. The open tab keeps the version it has and
 * offers "refresh"; only the click reloads it into the new version. Version A is the build the
 * suite serves; version B is A with one card's title changed, as a build of that change would
 * differ: the card's page, and its revision in the service worker's precache list (an MD5 of
 * the file, as workbox-build writes it). It is copied over A on a server of our own. Deriving B
 * from A costs a file copy where a second full build cost half a minute of a busy machine.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { path as routePath } from '../../src/routes';
import { axe, launch } from '../support/browser';
import { readEntries } from '../support/content';
import { serveStatic, type StaticSite } from '../support/server';
import { pwaStatus, waitForServiceWorker } from '../support/sw';
import { scaled } from '../support/timing';

const card = readEntries('cards', 'nl')[0]!;
const oldTitle = String(card.data.title);
const newTitle = `${oldTitle} (nieuwe versie)`;

let tmp: string;
let served: string;
let server: StaticSite;
let browser: Browser;
let versionB: string;

/** Version B: A with the card's title changed in its page, and that page's precache revision. */
function versionFrom(a: string, b: string): string {
  cpSync(a, b, { recursive: true });
  const page = join(b, routePath('card', 'nl', card.slug).replace(/^\//, ''), 'index.html');
  const html = readFileSync(page, 'utf8');
  const changed = html.replaceAll(`>${oldTitle}<`, `>${newTitle}<`);
  if (changed === html) throw new Error(`the title "${oldTitle}" is not in ${page}`);
  writeFileSync(page, changed);
  const sw = join(b, 'sw.js');
  const url = relative(b, page).split(sep).join('/');
  const worker = readFileSync(sw, 'utf8');
  const revision = new RegExp(`(url:"${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}",revision:")[0-9a-f]+"`);
  if (!revision.test(worker)) throw new Error(`no precache entry for ${url} in ${sw}`);
  writeFileSync(sw, worker.replace(revision, `$1${createHash('md5').update(changed).digest('hex')}"`));
  return b;
}

/** Replaces the deployed site with another build, the way a deploy does. */
function deploy(from: string) {
  rmSync(served, { recursive: true, force: true });
  cpSync(from, served, { recursive: true });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'kjk-update-'));
  served = join(tmp, 'site');
  cpSync(inject('distDir'), served, { recursive: true });

  versionB = versionFrom(inject('distDir'), join(tmp, 'b'));

  server = await serveStatic(served, inject('siteBase'));
  browser = await launch({ serviceWorkers: 'allow' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('a new version while the app is open', () => {
  it('is offered with a button, and only the click reloads into it', async () => {
    // bypassCSP only so that axe can be injected; offline.test.ts runs with the real CSP.
    const context = await browser.newContext({ bypassCSP: true });
    // The page's clock, so that "nothing happens by itself" is shown by running its timers ahead.
    await context.clock.install();
    const page = await context.newPage();
    const url = server.url.replace(/\/$/, '') + routePath('card', 'nl', card.slug);
    await page.goto(url);
    await waitForServiceWorker(page);
    expect(await page.locator('h1').innerText()).toBe(oldTitle);

    deploy(versionB);
    // The browser looks for a new sw.js on every navigation; the page itself still comes from version A.
    await page.reload();
    const button = page.locator('#pwa .pwa-notice button');
    await button.waitFor({ state: 'visible', timeout: scaled(30_000) });
    expect((await pwaStatus(page)).notice).toBe(dictionaries.nl.pwa.update);
    expect(await button.innerText()).toBe(dictionaries.nl.pwa.refresh);
    expect(await axe(page)).toEqual([]);

    // Nothing happens by itself: same document, same (old) content.
    await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
    // Any timer the page set (a notice that updates by itself after a while) fires now.
    await context.clock.fastForward('10:00');
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
    expect(await page.locator('h1').innerText()).toBe(oldTitle);
    // The new version still waits for the click: it has not taken over.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe(
      'installed',
    );

    await Promise.all([page.waitForEvent('load'), button.click()]);
    expect(await page.locator('h1').innerText()).toBe(newTitle);
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBeUndefined();
    expect(await button.isHidden()).toBe(true);
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null),
    ).toBeNull();

    // The new version is the one stored for offline use too.
    await context.setOffline(true);
    await page.goto(url);
    expect(await page.locator('h1').innerText()).toBe(newTitle);
    await context.close();
  });

  it('a note being typed survives the update: the notes editor registers a flusher, the text is saved before the reload', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      // The draft journal (localStorage) is switched off: it would rescue the note anyway.
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (!key.startsWith('kjk:draft:')) setItem.call(this, key, value);
      };
      // When the note was written and when the new version was told to take over, kept
      // across the reload: the note must be stored before, not saved later by chance.
      const now = () => String(performance.timeOrigin + performance.now());
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args: Parameters<IDBObjectStore['put']>) {
        const value = args[0] as { text?: unknown } | undefined;
        if (this.name === 'notes' && value?.text === 'Getypt vlak voor de update')
          sessionStorage.setItem('noteStoredAt', now());
        return put.apply(this, args);
      };
      const post = ServiceWorker.prototype.postMessage;
      ServiceWorker.prototype.postMessage = function (this: ServiceWorker, ...args: unknown[]) {
        if ((args[0] as { type?: unknown } | undefined)?.type === 'SKIP_WAITING')
          sessionStorage.setItem('skipWaitingAt', now());
        return (post as (...a: unknown[]) => void).apply(this, args);
      };
    });
    const page = await context.newPage();
    // Start from version A again (the suite's build), so the update below goes to B.
    deploy(inject('distDir'));
    await page.goto(server.url.replace(/\/$/, '') + routePath('sessions', 'nl'));
    await waitForServiceWorker(page);
    const s = dictionaries.nl.sessions;
    await page.locator('.ss-list-head button').click();
    await page.getByLabel(s.kinds.zelfreflectie, { exact: false }).check();
    await page.getByLabel(s.create.name, { exact: true }).fill('Tijdens de update');
    await page.getByRole('button', { name: s.create.submit }).click();
    const note = page.getByRole('textbox', { name: s.notes.label });
    await note.waitFor();

    // A new version is deployed while the session is open.
    deploy(versionB);
    await page.reload();
    const button = page.locator('#pwa .pwa-notice button');
    await button.waitFor({ state: 'visible', timeout: scaled(30_000) });
    await expect.poll(() => note.isEnabled()).toBe(true);
    // Typed and accepted within the 400 ms pause: nothing has been saved yet when the click
    // comes. A click from script keeps focus in the note, so no blur-save can help either.
    await note.fill('Getypt vlak voor de update');
    await Promise.all([page.waitForEvent('load'), button.evaluate((b: HTMLButtonElement) => b.click())]);
    await expect
      .poll(() => page.getByRole('textbox', { name: s.notes.label }).inputValue())
      .toBe('Getypt vlak voor de update');
    const times = await page.evaluate(() => ({
      stored: Number(sessionStorage.getItem('noteStoredAt')),
      skip: Number(sessionStorage.getItem('skipWaitingAt')),
    }));
    expect(times.skip).toBeGreaterThan(0);
    expect(times.stored, 'the note was stored before the new version took over').toBeGreaterThan(0);
    expect(times.stored).toBeLessThan(times.skip);
    await context.close();
  });
});
