import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Static hosts look for "<folder>/404.html". Astro only gives the root 404 that name, so the
 * English one (built as en/404/index.html) is moved next to it.
 */
export function staticHost(): AstroIntegration {
  return {
    name: 'kjk:static-host',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const from = `${out}en/404/index.html`;
        if (existsSync(from)) {
          renameSync(from, `${out}en/404.html`);
          rmSync(`${out}en/404`, { recursive: true, force: true });
          logger.info('en/404.html in place');
        }
      },
    },
  };
}
