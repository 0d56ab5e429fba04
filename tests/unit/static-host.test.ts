import { describe, expect, it } from 'vitest';
import { withBaseLinks } from '../../src/integrations/static-host';

describe('links under a deploy base', () => {
  it('prefixes root-relative links from content once', () => {
    const html = '<p><a href="/begrippen/#jim">JIM</a> <a class="x" href="/waaier/kaarten/">k</a></p>';
    expect(withBaseLinks(html, '/waaier/')).toBe(
      '<p><a href="/waaier/begrippen/#jim">JIM</a> <a class="x" href="/waaier/kaarten/">k</a></p>',
    );
  });

  it('leaves other origins, protocol-relative links and non-links alone', () => {
    const html = '<a href="https://x.nl/">a</a><a href="//cdn/x">b</a><link href="/waaier/x.css"><img src="/y.png">';
    expect(withBaseLinks(html, '/waaier/')).toBe(html);
  });

  it('changes nothing at the root', () => {
    expect(withBaseLinks('<a href="/kaarten/">k</a>', '/')).toBe('<a href="/kaarten/">k</a>');
  });
});
