/**
 * One web app manifest per language (manifest.nl.webmanifest, manifest.en.webmanifest), built
 * with the deploy base. Each page links the one of its language, so installing from an
 * English page gives the app that opens in English.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { t } from '../i18n';
import { href, LANGS, withBase, type Lang } from '../routes';

export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

// The light --bg of tokens.css: the splash screen matches the first paint.
const BACKGROUND = '#fbf8f3';

const icon = (file: string, size: number, purpose: 'any' | 'maskable') => ({
  src: withBase(`/icons/${file}`),
  sizes: `${size}x${size}`,
  type: 'image/png',
  purpose,
});

export const GET: APIRoute = ({ params }) => {
  const lang = params.lang as Lang;
  const d = t(lang);
  const manifest = {
    id: href('home', lang),
    name: d.site.name,
    short_name: 'Ken je Kracht',
    description: d.site.description,
    lang,
    dir: 'ltr',
    start_url: href('home', lang),
    // The whole site, so the English app can open a Dutch page without leaving the app.
    scope: href('home', 'nl'),
    display: 'standalone',
    background_color: BACKGROUND,
    theme_color: BACKGROUND,
    icons: [
      icon('icon-192.png', 192, 'any'),
      icon('icon-512.png', 512, 'any'),
      icon('maskable-192.png', 192, 'maskable'),
      icon('maskable-512.png', 512, 'maskable'),
    ],
    shortcuts: (['cards', 'sessions'] as const).map((key) => ({
      name: d.nav[key],
      url: href(key, lang),
      icons: [icon('icon-192.png', 192, 'any')],
    })),
  };
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'Content-Type': 'application/manifest+json' } });
};
