import { describe, expect, it } from 'vitest';
import { parseCss, splitSelectors } from '../engines/css-parse';

describe('parseCss (the stylesheet check of tests/engines/css.test.ts)', () => {
  it('finds each declaration with its rule, inside @media too, and leaves descriptors out', () => {
    const css =
      `a,b:is(.x,.y){color:red;text-decoration:underline 3px!important}@media (min-width:40em){.c{margin:0}}` +
      `@font-face{font-family:X;src:url(x.woff2)}@keyframes k{0%{opacity:0}to{opacity:1}}.d{content:"a;b}";background:url(data:image/png;base64,AA==)}`;
    const parsed = parseCss(css);
    expect(parsed.declarations.map((d) => `${d.where}|${d.prop}|${d.value}`)).toEqual([
      'a,b:is(.x,.y)|color|red',
      'a,b:is(.x,.y)|text-decoration|underline 3px',
      '.c|margin|0',
      '@keyframes k 0%|opacity|0',
      '@keyframes k to|opacity|1',
      '.d|content|"a;b}"',
      '.d|background|url(data:image/png;base64,AA==)',
    ]);
    expect(parsed.selectors).toEqual(['a', 'b:is(.x,.y)', '.c', '.d']);
    expect(parsed.media).toEqual(['(min-width:40em)']);
  });

  it('splits selector lists only at top-level commas', () => {
    expect(splitSelectors('a, b:not(.x, .y), [data-a="1,2"]')).toEqual(['a', 'b:not(.x, .y)', '[data-a="1,2"]']);
  });
});
