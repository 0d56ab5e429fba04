/**
 * What a page costs a visitor: the JavaScript it loads at start (scripts, island components
 * and renderers, and every static import they pull in; lazy imports are left out, except the
 * join page's code that its entry loads after the load event) and all
 * its bytes, raw and gzip. Reads the built files; no browser needed.
 */
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, posix } from 'node:path';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** Static `import … from "./x.js"` and `import "./x.js"` of a built module (not `import()`). */
function staticImports(code) {
  const out = [];
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) out.push(m[1]);
  for (const m of code.matchAll(/\bexport\s*[\w*{}\s,$]*from\s*["']([^"']+)["']/g)) out.push(m[1]);
  return out;
}

/**
 * `import("./join.X.js")` in a built module: the join page's entry loads its code after the page's
 * load event (src/scripts/join-entry.ts), yet a phone needs it before it can join, so it counts.
 */
function afterLoadImports(code, afterLoad) {
  return [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)]
    .map((m) => m[1])
    .filter((url) => afterLoad.some((name) => posix.basename(url).startsWith(`${name}.`)));
}

/** URLs (site paths) of the start-up JavaScript of an HTML page. */
function entryScripts(html) {
  const urls = new Set();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) urls.add(m[1]);
  for (const m of html.matchAll(/<astro-island[^>]*>/g)) {
    for (const attr of ['component-url', 'renderer-url']) {
      const v = new RegExp(`${attr}="([^"]+)"`).exec(m[0]);
      if (v) urls.add(v[1]);
    }
  }
  return [...urls];
}

/** `afterLoad`: names of modules an entry imports after the load event that still count as start-up. */
export function pageWeight(dist, pagePath, base = '/', afterLoad = ['join']) {
  const file = join(dist, pagePath.replace(/^\//, ''), pagePath.endsWith('/') ? 'index.html' : '');
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const toFile = (url) => join(dist, url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, ''));
  const seen = new Map();
  const visit = (url) => {
    if (seen.has(url) || /^https?:/.test(url)) return;
    const f = toFile(url);
    if (!existsSync(f)) return;
    const buf = readFileSync(f);
    seen.set(url, buf);
    const code = buf.toString('utf8');
    for (const imp of [...staticImports(code), ...afterLoadImports(code, afterLoad)]) {
      if (imp.startsWith('.') || imp.startsWith('/'))
        visit(imp.startsWith('/') ? imp : posix.join(posix.dirname(url), imp));
    }
  };
  entryScripts(text).forEach(visit);
  // Inline scripts count too (Astro's island loader is inline); data blocks (type="application/json",
  // the sessions page's cards and strings) are not run: they count with the HTML, as props did.
  const inline = [...text.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\btype="application\/(ld\+)?json"/.test(m[1]))
    .map((m) => Buffer.from(m[2]));
  const js = [...seen.values(), ...inline];
  const css = [...text.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)]
    .map((m) => toFile(m[1]))
    .filter(existsSync)
    .map((f) => readFileSync(f));
  const sum = (bufs, f) => bufs.reduce((n, b) => n + f(b), 0);
  return {
    page: pagePath,
    jsFiles: [...seen.keys()],
    jsBytes: sum(js, (b) => b.length),
    jsGzip: sum(js, gz),
    cssGzip: sum(css, gz),
    htmlGzip: gz(html),
    totalGzip: sum(js, gz) + sum(css, gz) + gz(html),
  };
}
