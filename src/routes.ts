import { SLUG } from './vocab';

/**
 * Every URL of the site, in both languages. Printed QR codes and shared links point at
 * these paths: they are a public contract. Change one only with a redirect.
 */
export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'nl';

export const ROUTES = {
  home: { nl: '/', en: '/en/' },
  cards: { nl: '/kaarten/', en: '/en/cards/' },
  card: { nl: '/kaarten/:id/', en: '/en/cards/:id/' },
  sessions: { nl: '/sessies/', en: '/en/sessions/' },
  scan: { nl: '/zelfscan/', en: '/en/self-scan/' },
  formats: { nl: '/werkvormen/', en: '/en/formats/' },
  glossary: { nl: '/begrippen/', en: '/en/glossary/' },
  about: { nl: '/over/', en: '/en/about/' },
  guide: { nl: '/begeleiden/', en: '/en/facilitating/' },
  /** The way in for young people and parents (linked from the home page). */
  youth: { nl: '/jongeren-en-ouders/', en: '/en/young-people-and-parents/' },
  print: { nl: '/afdrukken/', en: '/en/print/' },
  worksheets: { nl: '/werkbladen/', en: '/en/worksheets/' },
  /** A phone joins the presenter's room here; the room and its key come in the #room= fragment. */
  join: { nl: '/doe-mee/', en: '/en/join/' },
  /** The audience window of a presenter's room (for the projector); the room id comes in the #scherm= fragment. */
  screen: { nl: '/zaal/scherm/', en: '/en/room/screen/' },
  /** The co-facilitator's moderation screen; the room and the moderation key come in the #mod= fragment. */
  moderator: { nl: '/zaal/moderator/', en: '/en/room/moderator/' },
} as const satisfies Record<string, Record<Lang, string>>;
export type RouteKey = keyof typeof ROUTES;

/** Route keys whose path takes an `:id`. */
export type ParamRoute = {
  [K in RouteKey]: (typeof ROUTES)[K]['nl'] extends `${string}:id${string}` ? K : never;
}[RouteKey];

/** The path of a route without the deploy base, e.g. path('card', 'en', 'x') -> "/en/cards/x/". */
export function path(key: RouteKey, lang: Lang, id?: string): string {
  const pattern: string = ROUTES[key][lang];
  if (!pattern.includes(':id')) return pattern;
  if (!id || !SLUG.test(id)) throw new Error(`route "${key}" needs a valid id, got "${id ?? ''}"`);
  return pattern.replace(':id', id);
}

/** Prefix a site path with the deploy base (BASE_URL), so the site can live in a sub-folder. */
export function withBase(p: string, base: string = import.meta.env.BASE_URL ?? '/'): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${b}${p}`;
}

/** The href for a route, with the deploy base. */
export function href(key: RouteKey, lang: Lang, id?: string): string {
  return withBase(path(key, lang, id));
}

/** The language of a site path ("/en/..." is English, everything else Dutch). */
export function langOf(p: string): Lang {
  return p === '/en' || p.startsWith('/en/') ? 'en' : 'nl';
}

export function otherLang(lang: Lang): Lang {
  return lang === 'nl' ? 'en' : 'nl';
}

/** Match a site path (no base) to its route, language and id; null when it is not a route. */
export function match(p: string): { key: RouteKey; lang: Lang; id?: string } | null {
  const normal = p.endsWith('/') ? p : `${p}/`;
  for (const key of Object.keys(ROUTES) as RouteKey[]) {
    for (const lang of LANGS) {
      const pattern: string = ROUTES[key][lang];
      const at = pattern.indexOf(':id');
      if (at < 0) {
        if (normal === pattern) return { key, lang };
        continue;
      }
      const before = pattern.slice(0, at);
      const after = pattern.slice(at + 3);
      if (normal.startsWith(before) && normal.endsWith(after)) {
        const id = normal.slice(before.length, normal.length - after.length);
        if (SLUG.test(id)) return { key, lang, id };
      }
    }
  }
  return null;
}

/** Every static path the site builds: each route in each language, cards once per id. */
export function allPaths(cardIds: readonly string[]): { key: RouteKey; lang: Lang; id?: string; path: string }[] {
  const out: { key: RouteKey; lang: Lang; id?: string; path: string }[] = [];
  for (const key of Object.keys(ROUTES) as RouteKey[]) {
    for (const lang of LANGS) {
      if ((ROUTES[key][lang] as string).includes(':id')) {
        for (const id of cardIds) out.push({ key, lang, id, path: path(key, lang, id) });
      } else {
        out.push({ key, lang, path: path(key, lang) });
      }
    }
  }
  return out;
}
