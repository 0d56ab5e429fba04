/**
 * A new version is deployed while the app is open. The open tab keeps the version it has and
 * offers "refresh"; only the click reloads it into the new version. Version A is the build the
 * suite serves; version B is the same code with one card title changed (KJK_CONTENT_DIR),
 * built in the background while A is visited, then copied over A on a server of our own.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { path as routePath } from '../../src/routes';
import { axe, launch } from '../support/browser';
import { readEntries } from '../support/content';
import { serveStatic, type StaticSite } from '../support/server';
import { pwaStatus, waitForServiceWorker } from '../support/sw';

const root = join(import.meta.dirname, '..', '..');
const card = readEntries('cards', 'nl')[0]!;
const oldTitle = String(card.data.title);
const newTitle = `${oldTitle} (nieuwe versie)`;

let tmp: string;
let served: string;
let server: StaticSite;
let browser: Browser;
let versionB: Promise<string>;

/** Builds the site from `contentDir` into `outDir` with the deploy base of the suite. */
function build(contentDir: string, outDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      // Vitest sets NODE_ENV=test, which would build a site without its service worker registration.
      env: {
        ...process.env,
        NODE_ENV: 'production',
        KJK_CONTENT_DIR: contentDir,
        KJK_OUT_DIR: outDir,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(outDir) : reject(new Error(`build of version B failed:\n${output}`)),
    );
  });
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

  const content = join(tmp, 'content');
  cpSync(join(root, 'content'), content, { recursive: true });
  const file = join(content, 'cards', 'nl', `${card.slug}.md`);
  const source = readFileSync(file, 'utf8');
  const changed = source.replace(/^title: .*$/m, `title: ${JSON.stringify(newTitle)}`);
  if (changed === source) throw new Error(`no title line in ${file}`);
  writeFileSync(file, changed);
  versionB = build(content, join(tmp, 'b'));
  versionB.catch(() => {}); // awaited in the test; this only keeps an early failure from going unhandled

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
    const page = await context.newPage();
    const url = server.url.replace(/\/$/, '') + routePath('card', 'nl', card.slug);
    await page.goto(url);
    await waitForServiceWorker(page);
    expect(await page.locator('h1').innerText()).toBe(oldTitle);

    deploy(await versionB);
    // The browser looks for a new sw.js on every navigation; the page itself still comes from version A.
    await page.reload();
    const button = page.locator('#pwa .pwa-notice button');
    await button.waitFor({ state: 'visible', timeout: 30_000 });
    expect((await pwaStatus(page)).notice).toBe(dictionaries.nl.pwa.update);
    expect(await button.innerText()).toBe(dictionaries.nl.pwa.refresh);
    expect(await axe(page)).toEqual([]);

    // Nothing happens by itself: same document, same (old) content.
    await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
    expect(await page.locator('h1').innerText()).toBe(oldTitle);

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
    deploy(await versionB);
    await page.reload();
    const button = page.locator('#pwa .pwa-notice button');
    await button.waitFor({ state: 'visible', timeout: 30_000 });
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
