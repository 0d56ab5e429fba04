/**
 * Child processes for the relay tests: the relay as `npm run relay` starts it, a private Redis,
 * nginx. Each is started on a free port and stopped by its own pid.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { RELAY_NODE_FLAGS } from '../../relay/node-flags.mjs';

export const ROOT = join(import.meta.dirname, '..', '..');
export const REDIS = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const haveRedis = existsSync(REDIS);
export const haveNginx = existsSync(NGINX);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** The lowest port the kernel hands out for listen(0) and outgoing connections. */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 11_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

/**
 * A free port for a server that starts minutes later (the room tests' relay, whose address is
 * built into the room site at the start of a run). A port from freePort() is ephemeral: in those
 * minutes the browsers' own connections may be given it as their local port, and the relay then
 * fails with EADDRINUSE (CI-32, WebKit lane). A port below the ephemeral range is never handed out
 * by the kernel; only another test's explicit pick could take it, from ~20,000 at random.
 */
export async function reservedPort(): Promise<number> {
  const low = ephemeralLow();
  for (let i = 0; i < 50; i++) {
    const port = 10_000 + Math.floor(Math.random() * (low - 10_000));
    if (await canListen(port)) return port;
  }
  return freePort();
}

export interface Child {
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Spawns a command and waits until its output matches `ready` (null: until it has started). */
export function start(
  cmd: string,
  args: string[],
  ready: RegExp | null,
  env: NodeJS.ProcessEnv = {},
  ms = 60_000,
): Promise<Child & { match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      });
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${cmd} did not start within ${ms} ms:\n${out}`));
    }, ms);
    if (!ready) {
      child.once('spawn', () => {
        clearTimeout(timer);
        resolve({ process: child, output: () => out, stop, match: [''] as unknown as RegExpMatchArray });
      });
    }
    const onData = (d: Buffer) => {
      out += d.toString();
      const match = ready && out.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ process: child, output: () => out, stop, match });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} exited (${code}) before it was ready:\n${out}`));
    });
  });
}

/** `node relay/server.ts` with the given environment; resolves with its URL. */
export async function startRelayProcess(env: NodeJS.ProcessEnv): Promise<Child & { url: string }> {
  const child = await start(
    process.execPath,
    [...RELAY_NODE_FLAGS, 'relay/server.ts'],
    /listening on (http:\/\/\S+) /,
    {
      KJK_RELAY_PORT: '0',
      ...env,
    },
  );
  return { ...child, url: child.match[1]! };
}

export async function startRedis(): Promise<Child & { url: string }> {
  const port = await freePort();
  const child = await start(
    REDIS,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    /Ready to accept connections/,
  );
  return { ...child, url: `redis://127.0.0.1:${port}` };
}
