#!/usr/bin/env node
/**
 * `npm start`: the site (astro dev on 127.0.0.1:4321) and a local room relay (127.0.0.1:4322)
 * together, so a room works on one machine with two browser windows. The site is told where the
 * relay is (KJK_RELAY_URL), the relay which site may use it (KJK_RELAY_ORIGIN). Ctrl-C stops both;
 * if one of them stops on its own, the other is stopped too.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { RELAY_NODE_FLAGS } from '../relay/node-flags.mjs';

const root = join(import.meta.dirname, '..');
const sitePort = process.env.KJK_SITE_PORT ?? '4321';
const relayPort = process.env.KJK_RELAY_PORT ?? '4322';
const relayUrl = process.env.KJK_RELAY_URL ?? `http://127.0.0.1:${relayPort}/`;
const origins = process.env.KJK_RELAY_ORIGIN ?? `http://127.0.0.1:${sitePort},http://localhost:${sitePort}`;

const children = [
  spawn(process.execPath, [...RELAY_NODE_FLAGS, 'relay/server.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, KJK_RELAY_PORT: relayPort, KJK_RELAY_ORIGIN: origins },
  }),
  spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', sitePort], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, KJK_RELAY_URL: relayUrl, ASTRO_TELEMETRY_DISABLED: '1' },
  }),
];

let exiting = false;
function stopAll(code) {
  if (exiting) return;
  exiting = true;
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
