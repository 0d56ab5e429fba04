// @ts-check
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import { staticHost } from './src/integrations/static-host.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { relayConnectSources } from './src/lib/room/fragment.ts';

// KJK_BASE lets the site live in a sub-folder (e.g. "/waaier/"); the tests build with one too.
const base = process.env.KJK_BASE ?? '/';
// The public address, when known (e.g. https://kenjekracht.example/): enables absolute hreflang links.
const site = process.env.KJK_SITE || undefined;
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
  // The relay's address for the room code (src/lib/room/config.ts); empty when there is no relay.
  vite: { define: { 'import.meta.env.KJK_RELAY_URL': JSON.stringify(relayUrl) } },
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
