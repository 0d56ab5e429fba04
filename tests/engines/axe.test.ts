/**
 * axe-core on every route in both languages, in every engine: zero violations (WCAG 2.x A and
 * AA, and best practices). Every card page in Chromium; in Firefox and WebKit one card of each
 * theme and kind, since the card pages share one template. The 404 pages too. axe is run as a
 * script through the driver (not a <script> tag), so the page keeps its real CSP.
 */
import { describe, expect, it } from 'vitest';
import { allPaths } from '../../src/routes';
import { readEntries } from '../support/content';
import { animationsDone, axe } from './axe';
import { site, useEngine } from './journey';

// Every route of src/routes.ts in both languages. The card pages share one template, in the
// colours of their theme and the layout of their kind: Chromium scans all of them (about a
// second each), the other engines one card of each theme and kind (the languages taking turns).
const j = useEngine();
const cards = readEntries('cards', 'nl');
const oneOfEach = [...new Map(cards.map((c) => [`${c.data.theme}/${c.data.kind}`, c.slug])).values()];
const sampleLang = new Map(oneOfEach.map((id, i) => [id, i % 2 === 0 ? 'nl' : 'en']));
const paths = allPaths(cards.map((c) => c.slug))
  .filter((p) => j.name === 'chromium' || p.key !== 'card' || sampleLang.get(p.id!) === p.lang)
  .map((p) => p.path);
const notFound = ['/bestaat-niet/', '/en/does-not-exist/'];

describe(`axe on every route (${j.name})`, () => {
  it.each([...paths, ...notFound].map((p) => [p] as const))('%s has no violations', async (path) => {
    const tab = await j.shared();
    await tab.goto(site(path));
    await tab.waitFor('h1');
    await animationsDone(tab);
    const violations = await axe(tab);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });
});
