/**
 * axe-core on every route in both languages (three sample cards), in every engine, with the rule sets of
 * tests/e2e/routes.test.ts: zero violations. axe is run as a script through the driver (not a
 * <script> tag), so the page keeps its real CSP.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { allPaths } from '../../src/routes';
import { readEntries } from '../support/content';
import type { Tab } from './driver';
import { site, useEngine } from './journey';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// Every route of src/routes.ts in both languages. The 25 card pages share one template: three of
// them here (first, middle, last); tests/e2e/routes.test.ts checks all of them in Chromium.
const ids = readEntries('cards', 'nl').map((c) => c.slug);
const sample = [ids[0], ids[Math.floor(ids.length / 2)], ids.at(-1)];
const paths = allPaths(ids).filter((p) => p.key !== 'card' || sample.includes(p.id));
const j = useEngine();

async function axe(tab: Tab) {
  await tab.run(AXE);
  return tab.eval(async () => {
    const w = window as unknown as {
      axe: {
        run(
          ctx: Document,
          o: object,
        ): Promise<{
          violations: { id: string; impact: string | null; nodes: { target: string[]; failureSummary: string }[] }[];
        }>;
      };
    };
    const result = await w.axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
}

describe(`axe on every route (${j.name})`, () => {
  it.each(paths.map((p) => [p.path] as const))('%s has no violations', async (path) => {
    const tab = await j.shared();
    await tab.goto(site(path));
    await tab.waitFor('h1');
    const violations = await axe(tab);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });
});
