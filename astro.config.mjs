// @ts-check
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import { staticHost } from './src/integrations/static-host.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { relayConnectSources } from './src/lib/room/fragment.ts';
import { siteFrom } from './src/lib/address.ts';

// KJK_BASE lets the site live in a sub-folder (e.g. "/waaier/"); the tests build with one too.
const base = process.env.KJK_BASE ?? '/';
// The public address (KJK_SITE, else src/lib/address.ts DEFAULT_SITE): printed cards, their QR
// codes and hreflang links are absolute, because paper cannot follow a move.
const site = siteFrom(process.env.KJK_SITE);
// The room relay's address, when a relay is hosted (README "Room relay"): without it the site offers
// no room and its CSP allows no other origin. connect-src names exactly that origin, in its http(s)
// and ws(s) forms (older WebKit does not let an https source cover wss).
const relayUrl = process.env.KJK_RELAY_URL?.trim() || '';
const relayOrigins = relayUrl ? relayConnectSources(relayUrl) : [];

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
  // Fewer, larger start-up chunks: each file is gzipped on its own, so a dozen small shared
  // chunks cost more than their code (the sessions page went from 14 files to 6). A module
  // matched here is in the group's chunk whichever page loads it, so each group holds only what
  // its pages load at start: every page (page-runtime), every island (island-runtime), and the
  // sessions list with its store (sessions-core). Lazy views (a session, the report, import,
  // export) stay in chunks of their own. Budgets: `npm run bench:js`.
  vite: {
    // The relay's address for the room code (src/lib/room/config.ts); empty when there is no relay.
    define: { 'import.meta.env.KJK_RELAY_URL': JSON.stringify(relayUrl) },
    build: {
      // Astro builds for "esnext", which tells the CSS minifier (lightningcss) that every engine
      // understands every shorthand: it then folds text-decoration + text-decoration-thickness
      // into "text-decoration: underline 3px", which WebKit rejects whole. Naming the engines we
      // support (Vite's "baseline widely available" set) keeps such declarations apart.
      cssTarget: ['chrome111', 'edge111', 'firefox114', 'safari16.4', 'ios16.4'],
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              {
                name: 'page-runtime',
                priority: 3,
                // fill and vocab are here, not with the islands: the join page has no framework but fills texts.
                test: /preload-helper|[\\/]src[\\/](lib[\\/]lifecycle|scripts[\\/]pwa|i18n[\\/]fill|vocab)\./,
              },
              {
                name: 'island-runtime',
                priority: 2,
                // The new-session link and the limits it checks, so the deck page can start a session
                // without loading the sessions core; and the retrying loader every island uses.
                test: /[\\/]node_modules[\\/](preact|@astrojs[\\/]preact)[\\/]|[\\/]src[\\/]lib[\\/](sessions[\\/]link|records[\\/]limits|load)\./,
              },
              {
                // The record schemas (sessions) and the room's messages (join page, presenter) share it:
                // on its own, so a phone does not load the sessions code for a few validators.
                name: 'valibot',
                priority: 2,
                test: /[\\/]node_modules[\\/]valibot[\\/]/,
              },
              {
                name: 'sessions-core',
                priority: 1,
                test: /[\\/]src[\\/](lib[\\/]store[\\/](?!inputs\.|bulk\.|notes\.|positions\.|actions\.|status\.|eviction\.)|lib[\\/]sessions[\\/](bus|draft-storage|format|route|list)\.|islands[\\/]sessions[\\/](hooks|context|ui|Skeleton|SessionsApp|SessionList)\.)|[\\/]node_modules[\\/]idb[\\/]/,
              },
            ],
          },
        },
      },
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
        /** @type {`connect-src ${string}`} */ (["connect-src 'self'", ...relayOrigins].join(' ')),
        "worker-src 'self'",
        "manifest-src 'self'",
      ],
    },
  },
});
