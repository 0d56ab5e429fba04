/**
 * The relay behind Debian's nginx with the blocks of docs/deploy/nginx.conf, as a host would run
 * it: socket.io over WebSocket and over long-polling through the proxied location.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Relay } from '../../relay/relay';
import { freePort, haveNginx, NGINX, ROOT, start, type Child } from './processes';
import { io as connect } from 'socket.io-client';
import { hashPresenterSecret, newPresenterSecret, newRoomId } from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { client, connected, ORIGIN, phone, presenter, request, testRelay, until } from './support';

if (!haveNginx)
  console.warn(`Skipping the nginx test: no nginx at ${NGINX} (apt-get install nginx; .ci/run does this).`);

/** The text between "# >>> room relay: NAME" and "# <<< room relay: NAME" in the deploy config. */
function block(conf: string, name: string): string {
  const m = new RegExp(`# >>> room relay: ${name}.*\\n([\\s\\S]*?)# <<< room relay: ${name}`).exec(conf);
  if (!m) throw new Error(`docs/deploy/nginx.conf lost its "room relay: ${name}" markers`);
  return m[1]!;
}

describe.skipIf(!haveNginx)('the relay behind nginx', () => {
  let relay: Relay;
  let nginx: Child;
  let site: string;
  /** The same location with room for two connections per client, which names itself in X-Test-Client (realip). */
  let tight: string;
  let dir: string;
  beforeAll(async () => {
    // Behind nginx the relay believes its X-Forwarded-For; one room per address shows whose address counts.
    relay = await testRelay({ trustedProxies: ['127.0.0.1'], roomsPerAddress: 1 });
    const conf = readFileSync(join(ROOT, 'docs/deploy/nginx.conf'), 'utf8');
    const upstream = block(conf, 'upstream').replace('127.0.0.1:4322', `127.0.0.1:${relay.port}`);
    expect(upstream).toContain(`127.0.0.1:${relay.port}`);
    const location = block(conf, 'location');
    expect(location).toContain('limit_conn kjk_relay_conn 300;');
    const port = await freePort();
    const tightPort = await freePort();
    dir = mkdtempSync(join(tmpdir(), 'kjk-nginx-'));
    for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d));
    writeFileSync(
      join(dir, 'nginx.conf'),
      `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${upstream}
  server {
    listen 127.0.0.1:${port};
${location}
  }
  server {
    listen 127.0.0.1:${tightPort};
    set_real_ip_from 127.0.0.1;
    real_ip_header X-Test-Client;
${location.replace('limit_conn kjk_relay_conn 300;', 'limit_conn kjk_relay_conn 2;')}
  }
}
`,
    );
    // nginx prints nothing when it is ready: start it, then wait for the port.
    nginx = await start(
      NGINX,
      ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
      null,
      {},
      5000,
    );
    for (let i = 0; ; i++) {
      const up = await new Promise<boolean>((r) => {
        const s = createConnection(port, '127.0.0.1');
        s.once('connect', () => (s.destroy(), r(true)));
        s.once('error', () => (s.destroy(), r(false)));
      });
      if (up) break;
      if (i > 100 || nginx.process.exitCode !== null)
        throw new Error(`nginx did not start:\n${nginx.output()}\n${readFileSync(join(dir, 'error.log'), 'utf8')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    site = `http://127.0.0.1:${port}`;
    tight = `http://127.0.0.1:${tightPort}`;
  }, 30_000);
  afterAll(async () => {
    await nginx?.stop();
    await relay?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('carries a room through /relay/socket.io/ over WebSocket and long-polling', async () => {
    const p = await presenter(site, '/relay/socket.io/');
    const ws = await phone(site, p.room, p.key, undefined, ['websocket'], '/relay/socket.io/');
    const polling = await phone(site, p.room, p.key, undefined, ['polling'], '/relay/socket.io/');
    await ws.send({ t: 'join' });
    await polling.send({ t: 'join' });
    await until('both joins through nginx', () => p.received.length === 2);
    await p.send({
      t: 'state',
      v: ROOM_LIMITS.version,
      seq: 1,
      card: 'doel-of-besparing',
      phase: 'open',
      chosen: 0,
      joined: 2,
    });
    await until('the state on both phones', () => ws.received.length === 1 && polling.received.length === 1);
    expect((ws.socket.io.engine as unknown as { transport: { name: string } }).transport.name).toBe('websocket');
    for (const s of [p.socket, ws.socket, polling.socket]) s.disconnect();
  });

  it('passes the Origin through, so the relay still refuses other sites', async () => {
    const evil = client(site, 'http://evil.example', ['websocket'], '/relay/socket.io/');
    await expect(connected(evil)).rejects.toThrow();
    evil.close();
    expect(relay.metrics.refusedOrigin).toBe(1);
  });

  it('passes the client address, so the per-address bounds count clients, not nginx', async () => {
    const from = async (localAddress: string) => {
      const s = connect(site, {
        path: '/relay/socket.io/',
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { origin: ORIGIN },
        localAddress,
      } as Parameters<typeof connect>[1]);
      await connected(s);
      const reply = await request(s, 'create', {
        room: newRoomId(),
        proof: await hashPresenterSecret(newPresenterSecret()),
      });
      s.disconnect();
      return reply.ok ? 'ok' : reply.error;
    };
    expect(await from('127.0.0.2')).toBe('ok');
    expect(await from('127.0.0.2')).toBe('limit');
    expect(await from('127.0.0.3')).toBe('ok');
  });

  it('counts an IPv6 /64 as one client in limit_conn, IPv4 per address', async () => {
    const from = (client: string) =>
      connect(tight, {
        path: '/relay/socket.io/',
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { origin: ORIGIN, 'x-test-client': client },
      } as Parameters<typeof connect>[1]);
    const open = [from('2001:db8:1:2::1'), from('2001:db8:1:2:ffff:ffff:ffff:a0a')];
    try {
      for (const s of open) await connected(s);
      const third = from('2001:db8:1:2::3');
      open.push(third);
      await expect(connected(third)).rejects.toThrow();
      for (const other of ['2001:db8:1:3::1', '192.0.2.1', '192.0.2.2', '192.0.2.3']) {
        const s = from(other);
        open.push(s);
        await connected(s);
      }
    } finally {
      for (const s of open) s.disconnect();
    }
  });
});
