import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';

/** The page shown for a navigation that is neither precached nor reachable (offline). */
const FALLBACK = { nl: 'offline/index.html', en: 'en/offline/index.html' };

/**
 * Writes sw.js with Workbox after the build: every page in both languages, every asset,
 * icon and manifest is precached, so the whole fan works offline after one visit.
 * Register it after staticHost(): that one renames en/404 first, and the precache list must
 * name the files as they are deployed.
 */
export function serviceWorker(): AstroIntegration {
  return {
    name: 'kjk:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        let precached: string[] = [];
        const { count, size, warnings } = await generateSW({
          globDirectory: out,
          globPatterns: ['**/*.{html,js,css,svg,png,webmanifest,woff2}'],
          // The passphrase strength check's dictionaries (about 1 MB gzip) load from the network
          // for the few who type their own passphrase; offline, the dialog offers the generated one.
          globIgnores: ['_astro/strength.*.js'],
          swDest: `${out}sw.js`,
          // One file, no source map: nothing else to deploy or keep in step.
          inlineWorkboxRuntime: true,
          sourcemap: false,
          mode: 'production',
          cacheId: 'kjk',
          // Hashed by Vite: the file name is its revision.
          dontCacheBustURLsMatching: /^_astro\//,
          // /kaarten/x/ is served from kaarten/x/index.html.
          directoryIndex: 'index.html',
          // Pages keep their state in the query (?schud=k7f2); the HTML is the same for all of them.
          ignoreURLParametersMatching: [/.*/],
          cleanupOutdatedCaches: true,
          // A new version waits until the user clicks "refresh" (messageSkipWaiting), so an open
          // tab never gets its assets swapped. clientsClaim only takes pages no worker controls
          // yet (the first visit): on an update every open page already has this registration.
          skipWaiting: false,
          clientsClaim: true,
          // Not precached: try the network, so unknown URLs still get the host's real 404. Only
          // when that fails (offline) show the offline page in the page's language. These
          // functions are copied into sw.js as source: they cannot use anything from this file,
          // and `location` there is the worker's own URL, which carries the deploy base.
          runtimeCaching: [
            {
              urlPattern: ({ request, url }) =>
                request.mode === 'navigate' && url.href.startsWith(new URL('en/', location.href).href),
              handler: 'NetworkOnly',
              options: { precacheFallback: { fallbackURL: FALLBACK.en } },
            },
            {
              urlPattern: ({ request }) => request.mode === 'navigate',
              handler: 'NetworkOnly',
              options: { precacheFallback: { fallbackURL: FALLBACK.nl } },
            },
          ],
          manifestTransforms: [
            (entries) => {
              precached = entries.map((e) => e.url);
              return { manifest: entries, warnings: [] };
            },
          ],
        });
        for (const w of warnings) logger.warn(w);
        for (const page of Object.values(FALLBACK)) {
          if (!precached.includes(page))
            throw new Error(`service worker: the offline page ${page} is missing from the build`);
        }
        const gzip = (file: string) => gzipSync(readFileSync(`${out}${file}`)).length;
        const gz = precached.reduce((sum, url) => sum + gzip(url), 0);
        const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
        logger.info(`sw.js (${kb(gzip('sw.js'))} gzip) precaches ${count} files: ${kb(size)}, ${kb(gz)} gzip`);
      },
    },
  };
}
