import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, publicAddress, siteFrom } from '../../src/lib/address';

describe('the public address', () => {
  it('uses KJK_SITE when set, reduced to its origin, and the documented default otherwise', () => {
    expect(siteFrom('https://waaier.example.org/some/path?x=1')).toBe('https://waaier.example.org/');
    expect(siteFrom('  ')).toBe(DEFAULT_SITE);
    expect(siteFrom(undefined)).toBe(DEFAULT_SITE);
  });

  it('refuses an address that is not http(s) or not an address, naming the variable', () => {
    expect(() => siteFrom('javascript:alert(1)')).toThrow(/KJK_SITE/);
    expect(() => siteFrom('kenjekracht')).toThrow();
  });

  it('prints a page as a full address, never a bare path', () => {
    expect(publicAddress('/kaarten/x/', undefined)).toBe(`${DEFAULT_SITE}kaarten/x/`);
    expect(publicAddress('/waaier/kaarten/x/', new URL('https://a.example/'))).toBe(
      'https://a.example/waaier/kaarten/x/',
    );
  });
});
