/**
 * axe-core on every route in both languages (one card of each theme and kind), in every engine,
 * with the rule sets of tests/e2e/routes.test.ts: zero violations. axe is run as a script through
 * the driver (not a <script> tag), so the page keeps its real CSP.
 */
import { describe, expect, it } from 'vitest';
import { allPaths } from '../../src/routes';
import { readEntries } from '../support/content';
import { animationsDone, axe } from './axe';
import { site, useEngine } from './journey';

// Every route of src/routes.ts in both languages. The card pages share one template, in the
// colours of their theme and the layout of their kind: here one card of each theme and kind (11,
// the languages taking turns); tests/e2e/routes.test.ts checks every card page in Chromium.
const cards = readEntries('cards', 'nl');
const oneOfEach = [...new Map(cards.map((c) => [`${c.data.theme}/${c.data.kind}`, c.slug])).values()];
const sampleLang = new Map(oneOfEach.map((id, i) => [id, i % 2 === 0 ? 'nl' : 'en']));
const paths = allPaths(cards.map((c) => c.slug)).filter((p) => p.key !== 'card' || sampleLang.get(p.id!) === p.lang);
const j = useEngine();

describe(`axe on every route (${j.name})`, () => {
  it.each(paths.map((p) => [p.path] as const))('%s has no violations', async (path) => {
    const tab = await j.shared();
    await tab.goto(site(path));
    await tab.waitFor('h1');
    await animationsDone(tab);
    const violations = await axe(tab);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });
});
