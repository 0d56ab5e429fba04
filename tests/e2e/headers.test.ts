/**
 * The site served with the security headers of public/_headers, as Netlify or Cloudflare Pages
 * would. A header policy is enforced together with each page's CSP meta tag, so a header that
 * restricts scripts would silently break the islands: this catches that.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launch } from '../support/browser';
import { parseHeadersFile, serveStatic, type StaticSite } from '../support/server';
import { scaled } from '../support/timing';

let browser: Browser;
let served: StaticSite;

beforeAll(async () => {
  const rules = parseHeadersFile(readFileSync(join(import.meta.dirname, '../../public/_headers'), 'utf8'));
  served = await serveStatic(inject('distDir'), inject('siteBase'), { headers: rules });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

it('sends the headers and the deck still works under them, with no CSP errors', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(`${served.url}kaarten/`);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['permissions-policy']).toContain('camera=()');
  await page.locator('.deck-toolbar').waitFor({ timeout: scaled(10_000) });
  await page.getByRole('button', { name: 'Trek een kaart' }).click();
  await page.locator('#deck-current-title').waitFor();
  expect(errors).toEqual([]);
});

it('keeps the service worker fresh and the hashed assets long-lived', async () => {
  const sw = await fetch(`${served.url}sw.js`);
  expect(sw.headers.get('cache-control')).toBe('no-cache');
  const html = await (await fetch(`${served.url}kaarten/`)).text();
  // Asset paths in the page are absolute, base included.
  const asset = /"(\/[^"]*_astro\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  const res = await fetch(new URL(asset!, served.url));
  expect(res.headers.get('cache-control')).toContain('immutable');
});
