import { describe, expect, it } from 'vitest';
import {
  allPaths,
  href,
  langOf,
  LANGS,
  match,
  otherLang,
  path,
  ROUTES,
  withBase,
  type RouteKey,
} from '../../src/routes';

describe('routes', () => {
  it('keeps the published paths (QR codes and links depend on them)', () => {
    expect(ROUTES).toMatchObject({
      home: { nl: '/', en: '/en/' },
      cards: { nl: '/kaarten/', en: '/en/cards/' },
      card: { nl: '/kaarten/:id/', en: '/en/cards/:id/' },
      sessions: { nl: '/sessies/', en: '/en/sessions/' },
      formats: { nl: '/werkvormen/', en: '/en/formats/' },
      about: { nl: '/over/', en: '/en/about/' },
      print: { nl: '/afdrukken/', en: '/en/print/' },
      join: { nl: '/doe-mee/', en: '/en/join/' },
    });
  });

  it('every path starts and ends with a slash, and English lives under /en/', () => {
    for (const key of Object.keys(ROUTES) as RouteKey[]) {
      for (const lang of LANGS) {
        const p: string = ROUTES[key][lang];
        expect(p.startsWith('/') && p.endsWith('/')).toBe(true);
        expect(langOf(p)).toBe(lang);
      }
    }
  });

  it('fills in a card id, and refuses a bad one', () => {
    expect(path('card', 'nl', 'kind-of-gezin')).toBe('/kaarten/kind-of-gezin/');
    expect(path('card', 'en', 'kind-of-gezin')).toBe('/en/cards/kind-of-gezin/');
    expect(() => path('card', 'nl')).toThrow(/valid id/);
    expect(() => path('card', 'nl', '../etc')).toThrow(/valid id/);
    expect(() => path('card', 'nl', 'A B')).toThrow();
  });

  it('adds the deploy base once', () => {
    expect(withBase('/kaarten/', '/')).toBe('/kaarten/');
    expect(withBase('/kaarten/', '/waaier/')).toBe('/waaier/kaarten/');
    expect(withBase('/kaarten/', '/waaier')).toBe('/waaier/kaarten/');
    expect(href('home', 'en')).toBe('/en/');
  });

  it('matches paths back to routes, and rejects others', () => {
    expect(match('/')).toEqual({ key: 'home', lang: 'nl' });
    expect(match('/en')).toEqual({ key: 'home', lang: 'en' });
    expect(match('/en/cards/x-y/')).toEqual({ key: 'card', lang: 'en', id: 'x-y' });
    expect(match('/kaarten/x/y/')).toBeNull();
    expect(match('/kaarten/<script>/')).toBeNull();
    expect(match('/nergens/')).toBeNull();
  });

  it('lists every page of both languages once', () => {
    const all = allPaths(['a', 'b']);
    const keys = Object.keys(ROUTES).length;
    expect(all).toHaveLength((keys - 1) * 2 + 2 * 2);
    expect(new Set(all.map((p) => p.path)).size).toBe(all.length);
    for (const p of all) expect(match(p.path)).toEqual({ key: p.key, lang: p.lang, ...(p.id ? { id: p.id } : {}) });
  });

  it('pairs the languages', () => {
    expect(otherLang('nl')).toBe('en');
    expect(otherLang('en')).toBe('nl');
  });
});
