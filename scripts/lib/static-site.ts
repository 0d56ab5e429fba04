/**
 * Serves a built site the way a plain static host does: files from disk (re-read on every
 * request, so a rebuild is seen at once), the base path, and each language's 404.html. Used by
 * `npm start` (scripts/start.mjs) and by the browser tests, so both see the site as a host serves it.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

/** One rule of a `_headers` file (Netlify/Cloudflare format): a path pattern and its headers. */
export interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Parses the `_headers` format: an unindented path (with * wildcards), then indented "Name: value" lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const glob = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${glob}$`), headers: [] });
    } else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

export async function serveStatic(
  dir: string,
  base = '/',
  options: { headers?: HeaderRule[]; serviceWorker?: boolean; gzip?: boolean; host?: string; port?: number } = {},
): Promise<StaticSite> {
  // `gzip`: send a file's `.gz` twin where there is one, as a host that compresses does.
  const files = sirv(dir, { dev: true, dotfiles: false, etag: true, gzip: options.gzip ?? false });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.writeHead(404).end('outside base');
      return;
    }
    // Strip the base so sirv sees paths relative to dist/.
    req.url = `/${url.slice(base.length)}`;
    const pathOnly = req.url.split('?')[0]!;
    // `serviceWorker: false`: a host without the worker, as a browser sees a failed registration.
    if (options.serviceWorker === false && pathOnly === '/sw.js') {
      res.writeHead(404).end('no service worker here');
      return;
    }
    for (const rule of options.headers ?? []) {
      if (rule.pattern.test(pathOnly)) for (const [name, value] of rule.headers) res.setHeader(name, value);
    }
    files(req, res, () => {
      const lang = req.url!.startsWith('/en/') ? 'en/' : '';
      const page = join(dir, `${lang}404.html`);
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(existsSync(page) ? readFileSync(page) : 'Not found');
    });
  });
  // As nginx (keepalive_timeout 65 s) rather than Node's 5 s: a browser that reuses a connection
  // just as the server closes it sees the request fail. WebKit then rejected a module import
  // ("Importing a module script failed") under load; the app now fetches such a part again
  // (src/lib/load.ts, tested in tests/e2e/sessions-faults.test.ts), and the test host no longer
  // provokes it more often than a real one would.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://${host}:${address.port}${base}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
