#!/usr/bin/env node
/**
 * `npm start`: the app as users get it. Builds the site for production (service worker, offline
 * copy, the room) with a local room relay, serves `dist/` as a plain static host does (the
 * headers of public/_headers, each language's 404 page) on http://127.0.0.1:4321, and runs the
 * relay on 127.0.0.1:4322. Stop it and the installed app keeps working offline.
 *
 * `npm run dev` (`--dev`): Astro's development server instead of the build (pages reload on every
 * change; no service worker, so nothing works offline once it stops).
 *
 * The site is told where the relay is (KJK_RELAY_URL), the relay which site may use it
 * (KJK_RELAY_ORIGIN). Ctrl-C stops both; if one of them stops on its own, the other is stopped too.
 * Phones on the network cannot join a room from here: the room's encryption needs HTTPS, which
 * `localhost` is exempt from but a LAN address is not. README "Hosting" shows the way (Caddy).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RELAY_NODE_FLAGS } from '../relay/node-flags.mjs';
import { parseHeadersFile, serveStatic } from './lib/static-site.ts';

const dev = process.argv.includes('--dev');
const root = join(import.meta.dirname, '..');
const sitePort = process.env.KJK_SITE_PORT ?? '4321';
const relayPort = process.env.KJK_RELAY_PORT ?? '4322';
const relayUrl = process.env.KJK_RELAY_URL ?? `http://127.0.0.1:${relayPort}/`;
const origins = process.env.KJK_RELAY_ORIGIN ?? `http://127.0.0.1:${sitePort},http://localhost:${sitePort}`;
const siteEnv = { ...process.env, KJK_RELAY_URL: relayUrl, ASTRO_TELEMETRY_DISABLED: '1' };
const astro = join(root, 'node_modules/astro/bin/astro.mjs');

if (!dev) {
  console.log(`Building the site for production (room relay: ${relayUrl}) …`);
  const build = spawnSync(process.execPath, [astro, 'build'], { cwd: root, stdio: 'inherit', env: siteEnv });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const children = [
  spawn(process.execPath, [...RELAY_NODE_FLAGS, 'relay/server.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, KJK_RELAY_PORT: relayPort, KJK_RELAY_ORIGIN: origins },
  }),
];
let site = null;
if (dev) {
  children.push(
    spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', sitePort], {
      cwd: root,
      stdio: 'inherit',
      env: siteEnv,
    }),
  );
}

let exiting = false;
function stopAll(code) {
  if (exiting) return;
  exiting = true;
  void site?.close();
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    process.exit(code);
  }, 3000);
  Promise.all(
    children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r)))),
  ).then(() => {
    clearTimeout(timer);
    process.exit(code);
  });
}
for (const child of children) child.once('exit', (code) => stopAll(code ?? 0));
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

if (!dev) {
  const dist = resolve(root, process.env.KJK_OUT_DIR ?? 'dist');
  const base = process.env.KJK_BASE ?? '/';
  try {
    const headers = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
    site = await serveStatic(dist, base, { headers, port: Number(sitePort) });
    console.log(`\nKen je Kracht? runs at ${site.url} (room relay ${relayUrl}). Ctrl-C stops it.`);
  } catch (e) {
    console.error(`Cannot serve ${dist} on port ${sitePort}: ${e instanceof Error ? e.message : e}`);
    stopAll(1);
  }
}
