/**
 * A relay process for the benches (`node relay/server.ts` with the production flags): resolves
 * with the child and its URL once it says where it listens; rejects with its output otherwise.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { RELAY_NODE_FLAGS } from '../../relay/node-flags.mjs';

const root = join(import.meta.dirname, '..', '..');

export function startRelayProcess(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...RELAY_NODE_FLAGS, 'relay/server.ts'], {
      cwd: root,
      env: { ...process.env, KJK_RELAY_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`relay did not start:\n${out}`)), 20_000);
    const onData = (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+) /.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`relay exited (${code}):\n${out}`)));
  });
}
