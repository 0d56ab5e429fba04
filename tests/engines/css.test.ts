/**
 * Every built stylesheet, declaration by declaration, in every engine: each one must be
 * accepted (CSS.supports), each selector list and @media condition parsed, so that no engine
 * silently drops a rule. This caught WebKit rejecting "text-decoration: underline 3px", the
 * minifier's shorthand for text-decoration + text-decoration-thickness.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { EngineName } from './driver';
import { parseCss } from './css-parse';
import { site, useEngine } from './journey';

/** Genuine engine-specific fallbacks, each with its reason. Nothing else may be dropped. */
const ALLOWED: { engines: EngineName[]; prop: string; reason: string }[] = [
  // Mobile browsers' text inflation: desktop engines have no such feature, so none of the three forms parse there.
  {
    engines: ['firefox', 'webkit'],
    prop: 'text-size-adjust',
    reason: 'mobile-only: desktop Firefox and WebKitGTK have no text inflation',
  },
  {
    engines: ['firefox', 'webkit'],
    prop: '-webkit-text-size-adjust',
    reason: 'iOS Safari (and Blink) form; no text inflation on desktop WebKitGTK or Firefox',
  },
  {
    engines: ['chromium', 'firefox', 'webkit'],
    prop: '-moz-text-size-adjust',
    reason: 'Firefox for Android only (added by lightningcss)',
  },
  // print-color-adjust is the standard; the -webkit- form is for older Chromium and Safari.
  {
    engines: ['firefox'],
    prop: '-webkit-print-color-adjust',
    reason: 'Firefox takes the unprefixed print-color-adjust, which the same rule sets',
  },
];

const j = useEngine();
const dir = join(inject('distDir'), '_astro');
const sheets = readdirSync(dir)
  .filter((f) => f.endsWith('.css'))
  .sort();

describe(`stylesheets (${j.name})`, () => {
  it('the built site has stylesheets to check', () => {
    expect(sheets.length).toBeGreaterThan(0);
  });

  it('the check itself sees the WebKit defect: the folded text-decoration shorthand', async () => {
    const { tab } = await j.fresh();
    await tab.goto(site('/'));
    // Chromium and Firefox take a thickness in the shorthand, WebKit drops the whole declaration.
    expect(await tab.eval(() => CSS.supports('text-decoration', 'underline 3px'))).toBe(j.name !== 'webkit');
    // What the build now writes instead works everywhere.
    expect(await tab.eval(() => CSS.supports('text-decoration-thickness', '3px'))).toBe(true);
    // And the current page's menu link is underlined, 3px thick, in every engine.
    await tab.goto(site('/kaarten/'));
    const style = await tab.eval(() => {
      const s = getComputedStyle(document.querySelector('.site-nav a[aria-current="page"]')!);
      return { line: s.textDecorationLine, thickness: s.textDecorationThickness };
    });
    expect(style).toEqual({ line: 'underline', thickness: '3px' });
  });

  it.each(sheets)('%s: every declaration, selector and media query is accepted', async (sheet) => {
    const parsed = parseCss(readFileSync(join(dir, sheet), 'utf8'));
    expect(parsed.declarations.length).toBeGreaterThan(0);
    // CSS.supports reads nothing of the profile: one browser for every sheet (a fresh WebKit takes 5-10 s).
    const tab = await j.shared();
    await tab.goto(site('/'));
    // Custom properties take any value: nothing to check there.
    const decls = parsed.declarations.filter((d) => !d.prop.startsWith('--'));
    const result = await tab.eval(
      (ds: { prop: string; value: string }[], sels: string[], media: string[]) => ({
        decls: ds.map((d) => CSS.supports(d.prop, d.value)),
        sels: sels.map((s) => CSS.supports(`selector(${s})`)),
        media: media.map((m) => matchMedia(m).media !== 'not all'),
      }),
      decls.map(({ prop, value }) => ({ prop, value })),
      parsed.selectors,
      parsed.media,
    );
    const allowed = (prop: string) => ALLOWED.some((a) => a.engines.includes(j.name) && a.prop === prop);
    const rejected = [
      ...decls
        .filter((d, k) => !result.decls[k] && !allowed(d.prop))
        .map((d) => `${d.where} { ${d.prop}: ${d.value} }`),
      ...parsed.selectors.filter((_s, k) => !result.sels[k]).map((s) => `selector ${s}`),
      ...parsed.media.filter((_m, k) => !result.media[k]).map((m) => `@media ${m}`),
    ];
    expect(rejected, `${j.name} drops these from ${sheet}`).toEqual([]);
  });
});
