/**
 * A private redis-server for the benches (Debian's, or REDIS_SERVER_PATH), on a free port,
 * without persistence: resolves with the child and its URL once it accepts connections.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export const REDIS = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export async function startRedisProcess() {
  const port = await freePort();
  return new Promise((resolve, reject) => {
    const child = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 20_000);
    const onData = (d) => {
      out += d;
      if (/Ready to accept connections/.test(out)) {
        clearTimeout(timer);
        resolve({ child, url: `redis://127.0.0.1:${port}` });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (err) => reject(new Error(`redis-server (${REDIS}): ${err.message}`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${out}`)));
  });
}
