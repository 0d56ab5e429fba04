/**
 * The security headers a host must send, written three times because hosts read three formats:
 * public/_headers (Netlify, Cloudflare Pages), docs/deploy/nginx-security-headers.conf and the
 * snippet in docs/deploy/Caddyfile. All must say the same, and both must carry what a page's CSP <meta> tag cannot: frame-ancestors
 * (with X-Frame-Options for older browsers) and HSTS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../support/server';

const root = join(import.meta.dirname, '..', '..');
const forAll = parseHeadersFile(readFileSync(join(root, 'public/_headers'), 'utf8')).find(
  (r) => r.pattern.test('/any/page/') && r.pattern.test('/'),
);
const nginx = [
  ...readFileSync(join(root, 'docs/deploy/nginx-security-headers.conf'), 'utf8').matchAll(
    /^add_header ([\w-]+) "([^"]*)" always;$/gm,
  ),
].map((m) => [m[1]!, m[2]!] as const);

const caddyfile = readFileSync(join(root, 'docs/deploy/Caddyfile'), 'utf8');
const caddy = [
  ...(/\(kjk_security_headers\) \{[\s\S]*?header \{([\s\S]*?)\n\t\}/.exec(caddyfile)?.[1] ?? '').matchAll(
    /^\t\t([\w-]+) "([^"]*)"$/gm,
  ),
].map((m) => [m[1]!, m[2]!] as const);

describe('security headers', () => {
  it('are the same in _headers and in the nginx snippet', () => {
    expect(forAll).toBeDefined();
    const sorted = (list: readonly (readonly [string, string])[]) =>
      [...list].map(([k, v]) => `${k.toLowerCase()}: ${v}`).sort();
    expect(sorted(nginx)).toEqual(sorted(forAll!.headers));
  });

  it('are the same in the Caddyfile, on pages and on error pages', () => {
    expect(caddy.length).toBeGreaterThan(0);
    const sorted = (list: readonly (readonly [string, string])[]) =>
      [...list].map(([k, v]) => `${k.toLowerCase()}: ${v}`).sort();
    expect(sorted(caddy)).toEqual(sorted(nginx));
    const errors = /handle_errors \{([\s\S]*?)\n\t\}/.exec(caddyfile)?.[1] ?? '';
    expect(errors).toContain('import kjk_security_headers');
  });

  it('forbid framing and ask for HTTPS', () => {
    const h = new Map(nginx.map(([k, v]) => [k.toLowerCase(), v]));
    expect(h.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(h.get('x-frame-options')).toBe('DENY');
    expect(h.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
  });

  it('plain HTTP only redirects to HTTPS in the nginx example', () => {
    const conf = readFileSync(join(root, 'docs/deploy/nginx.conf'), 'utf8');
    expect(conf).toMatch(/listen 80;[\s\S]*?return 301 https:\/\/\$host\$request_uri;/);
  });
});
