/**
 * Serves a built site the way a plain static host does: files from disk (re-read on every
 * request, so a rebuild is seen at once), the base path, and each language's 404.html.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, base = '/'): Promise<StaticSite> {
  const files = sirv(dir, { dev: true, dotfiles: false, etag: true });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.writeHead(404).end('outside base');
      return;
    }
    // Strip the base so sirv sees paths relative to dist/.
    req.url = `/${url.slice(base.length)}`;
    files(req, res, () => {
      const lang = req.url!.startsWith('/en/') ? 'en/' : '';
      const page = join(dir, `${lang}404.html`);
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(existsSync(page) ? readFileSync(page) : 'Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
