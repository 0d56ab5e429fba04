import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Every built HTML file under a folder. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

/**
 * Prefix the deploy base to root-relative links that lack it. Authors write "/begrippen/#jim"
 * in Markdown, and Astro 7's Markdown engine (Sätteri) runs no rehype plugins to do this
 * earlier. Without it those links leave a sub-folder site and the service worker's scope.
 */
export function withBaseLinks(html: string, base: string): string {
  const prefix = base.replace(/\/$/, '');
  if (!prefix) return html;
  return html.replace(/(<a\b[^>]*?\shref=")\/(?!\/)/g, (m, start: string, offset: number, all: string) =>
    all.startsWith(`${prefix}/`, offset + start.length) ? m : `${start}${prefix}/`,
  );
}

/**
 * Shapes the build for plain static hosts: sub-folder links, and "<folder>/404.html" per
 * language (Astro only gives the root 404 that name; the English one is built as en/404/index.html).
 */
export function staticHost(): AstroIntegration {
  let base = '/';
  return {
    name: 'kjk:static-host',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const from = `${out}en/404/index.html`;
        if (existsSync(from)) {
          renameSync(from, `${out}en/404.html`);
          rmSync(`${out}en/404`, { recursive: true, force: true });
          logger.info('en/404.html in place');
        }
        if (base.replace(/\/$/, '')) {
          for (const file of htmlFiles(out)) {
            const html = readFileSync(file, 'utf8');
            const fixed = withBaseLinks(html, base);
            if (fixed !== html) writeFileSync(file, fixed);
          }
        }
      },
    },
  };
}
