/**
 * Serves the site that `npm test` built (dist/, or KJK_OUT_DIR with KJK_BASE) for the browser
 * tests. Building is not done here: scripts/test.mjs builds once before any test runs.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { reservedPort } from '../relay/processes';
import { roomRelayUrl, roomSiteDir } from './room-build';
import { serveStatic } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    /** The same site on another port, whose sw.js answers 404: no offline copy is installed. */
    siteUrlNoWorker: string;
    siteBase: string;
    distDir: string;
    /** The port every room test of this run starts its relay on, so they share one build (room-build.ts). */
    roomRelayPort: number;
  }
}

export default async function setup(project: TestProject) {
  const root = join(import.meta.dirname, '..', '..');
  const dist = process.env.KJK_OUT_DIR ?? join(root, 'dist');
  const base = process.env.KJK_BASE ?? '/';
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`No built site in ${dist}. Run "npm test" (it builds first) or "npm run build".`);
  }
  const site = await serveStatic(dist, base);
  const noWorker = await serveStatic(dist, base, { serviceWorker: false });
  project.provide('siteUrl', site.url);
  project.provide('siteUrlNoWorker', noWorker.url);
  project.provide('siteBase', base);
  project.provide('distDir', dist);
  const roomRelayPort = await reservedPort();
  project.provide('roomRelayPort', roomRelayPort);
  return async () => {
    await site.close();
    await noWorker.close();
    rmSync(roomSiteDir(roomRelayUrl(roomRelayPort)), { recursive: true, force: true });
  };
}
