// @ts-check
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import { staticHost } from './src/integrations/static-host.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';

// KJK_BASE lets the site live in a sub-folder (e.g. "/waaier/"); the tests build with one too.
const base = process.env.KJK_BASE ?? '/';
// The public address, when known (e.g. https://kenjekracht.example/): enables absolute hreflang links.
const site = process.env.KJK_SITE || undefined;

export default defineConfig({
  output: 'static',
  base,
  site,
  // Shared links and QR codes use the trailing slash; directory output makes /kaarten/x/ a real file on any host.
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.KJK_OUT_DIR ?? './dist',
  // serviceWorker() last: it precaches the files as the other integrations leave them.
  integrations: [preact(), staticHost(), serviceWorker()],
  // No dev toolbar and no telemetry-style extras: the app makes no third-party requests, also in dev.
  devToolbar: { enabled: false },
  vite: {
    build: {
      // Astro builds for "esnext", which tells the CSS minifier (lightningcss) that every engine
      // understands every shorthand: it then folds text-decoration + text-decoration-thickness
      // into "text-decoration: underline 3px", which WebKit rejects whole. Naming the engines we
      // support (Vite's "baseline widely available" set) keeps such declarations apart.
      cssTarget: ['chrome111', 'edge111', 'firefox114', 'safari16.4', 'ios16.4'],
    },
  },
  security: {
    // A meta-tag CSP on every page; Astro adds the hashes of its own scripts and styles.
    // frame-ancestors and report-uri cannot live in a meta tag: see public/_headers.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
      ],
    },
  },
});
