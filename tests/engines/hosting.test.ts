/**
 * Hosting as README "Hosting with HTTPS" says: Debian's caddy with docs/deploy/Caddyfile serves
 * the built site and proxies the room relay on a name that is not localhost (kjk.test, mapped to
 * this machine with Chromium's host-resolver rules), over HTTPS with a certificate from Caddy's own
 * certificate authority (a real domain gets a public one the same way, from Let's Encrypt). A
 * trainer opens a room; a phone joins over HTTPS and WSS and votes. Chromium only: the host
 * mapping is a Chromium switch, and the other engines meet the same files in their journeys.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { type Child, freePort, ROOT, start, startRelayProcess } from '../relay/processes';
import { launch } from '../support/browser';
import { buildWithRelay } from '../support/room-build';
import { createWorkshop, joinRoom, shownCard } from '../support/room-steps';
import { DILEMMA } from '../support/sessions';
import { scaled } from '../support/timing';
import { engineName } from './index';

const CADDY = process.env.CADDY_PATH ?? '/usr/bin/caddy';
const HOST = 'kjk.test';
const r = dictionaries.nl.room;
const runs = engineName() === 'chromium';
if (runs && !existsSync(CADDY)) throw new Error(`no caddy at ${CADDY}: apt-get install caddy (npm test does this)`);

let dir: string;
let site: string;
let httpPort: number;
let caddy: Child | undefined;
let relay: (Child & { url: string }) | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

/** The SPKI hash Chromium's --ignore-certificate-errors-spki-list takes, of a certificate in a PEM file. */
function spkiHash(pemFile: string): string {
  const der = new X509Certificate(readFileSync(pemFile)).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

describe.skipIf(!runs)('hosting with Caddy and HTTPS', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kjk-caddy-'));
    const out = join(dir, 'site');
    httpPort = await freePort();
    const httpsPort = await freePort();
    site = `https://${HOST}:${httpsPort}`;
    relay = await startRelayProcess({ KJK_RELAY_ORIGIN: site, KJK_RELAY_TRUSTED_PROXY: '127.0.0.1' });
    await buildWithRelay(out, `${site}/relay/`);
    // The README's Caddyfile as it is; only what a test machine needs around it: other ports, its
    // own state folder, a local certificate authority that is not installed into the system.
    writeFileSync(
      join(dir, 'Caddyfile'),
      `{
\tadmin off
\tlocal_certs
\tskip_install_trust
\thttp_port ${httpPort}
\thttps_port ${httpsPort}
\tstorage file_system {
\t\troot ${join(dir, 'state')}
\t}
}
import ${join(ROOT, 'docs/deploy/Caddyfile')}
`,
    );
    caddy = await start(
      CADDY,
      ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'],
      /serving initial configuration/,
      {
        HOME: dir,
        XDG_DATA_HOME: dir,
        XDG_CONFIG_HOME: dir,
        KJK_DOMAIN: HOST,
        KJK_ROOT: out,
        KJK_RELAY_UPSTREAM: new URL(relay.url).host,
      },
    );
    // The phone trusts exactly Caddy's authority (its intermediate, which every chain it serves holds),
    // as a phone trusts the public authority of a real domain.
    const root = join(dir, 'state/pki/authorities/local/intermediate.crt');
    const end = Date.now() + scaled(10_000);
    while (!existsSync(root) && Date.now() < end) await new Promise((done) => setTimeout(done, 100));
    browser = await launch({
      args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`, `--ignore-certificate-errors-spki-list=${spkiHash(root)}`],
    });
  }, scaled(300_000));

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await caddy?.stop();
    await relay?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const open = async (viewport: {
    width: number;
    height: number;
  }): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser!.newContext({ viewport });
    contexts.push(context);
    return { context, page: await context.newPage() };
  };

  it('serves the site over HTTPS with its headers and 404 pages; plain HTTP only redirects', async () => {
    const { page } = await open({ width: 1280, height: 720 });
    const home = await page.goto(`${site}/kaarten/`);
    expect(home?.status()).toBe(200);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    const headers = home!.headers();
    expect(headers['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
    expect(headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    const missing = await page.goto(`${site}/en/no-such-page/`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(missing!.headers()['x-frame-options']).toBe('DENY');
    const worker = await page.evaluate(async () => (await fetch('/sw.js')).headers.get('cache-control'));
    expect(worker).toBe('no-cache');
    // Plain HTTP (asked as a browser would, by name, on this machine) answers only with a redirect.
    const plain = await new Promise<{ status?: number; location?: string }>((resolve, reject) =>
      request(
        { host: '127.0.0.1', port: httpPort, path: '/kaarten/', headers: { host: `${HOST}:${httpPort}` } },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode, location: res.headers.location });
        },
      )
        .on('error', reject)
        .end(),
    );
    expect(plain.status).toBe(308);
    expect(plain.location).toMatch(new RegExp(`^https://${HOST}[:/]`));
  });

  it('a phone joins the room over HTTPS and WSS and votes; the position reaches the trainer', async () => {
    const { page: laptop } = await open({ width: 1280, height: 720 });
    await createWorkshop(laptop, `${site}/sessies/`);
    await laptop.getByRole('link', { name: dictionaries.nl.sessions.view.present }).click();
    await laptop.getByRole('button', { name: r.open }).click();
    const joinUrl = (await laptop.locator('[data-join-link]').getAttribute('href'))!;
    expect(joinUrl.startsWith(`${site}/doe-mee/#room=`)).toBe(true);

    const sockets: string[] = [];
    const phone = await joinRoom(
      async (viewport) => {
        const opened = await open(viewport);
        opened.page.on('websocket', (ws) => sockets.push(ws.url()));
        return opened;
      },
      joinUrl,
      'Ans',
    );
    await expect.poll(() => shownCard(phone.page)).toBe(DILEMMA);
    await phone.page.locator('#room-position').fill('30');
    await phone.page.getByRole('button', { name: r.join.send }).click();
    await expect
      .poll(() => laptop.locator('.presenter-room-count').textContent())
      .toBe(fill('nl', r.count, { chosen: 1, joined: 1 }));
    // The relay was reached through Caddy, upgraded to a secure WebSocket.
    expect(sockets.some((u) => u.startsWith(`wss://${HOST}:`) && u.includes('/relay/socket.io/'))).toBe(true);
  });
});
