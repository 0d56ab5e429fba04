/**
 * Offline in every engine. The service worker takes control on the first visit; then the static
 * server is stopped (emulated offline modes leak the service worker's own fetches, and WebKit
 * has none), and every route in both languages and a whole session still work.
 */
import { describe, expect, inject, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { allPaths, path as routePath } from '../../src/routes';
import { readEntries } from '../support/content';
import { serveStatic } from '../support/server';
import { poll } from './driver';
import { useEngine } from './journey';
import { createSession, dump, noteBox, saved } from './sessions-steps';

const ids = readEntries('cards', 'nl').map((c) => c.slug);
const sample = [ids[0], ids[Math.floor(ids.length / 2)], ids.at(-1)];
const pages = allPaths(ids).filter((p) => p.key !== 'card' || sample.includes(p.id));
const j = useEngine();

describe(`offline (${j.name})`, () => {
  it('after one visit, with the server gone, every route and a session work', async () => {
    // A server of its own: the other test files keep theirs.
    const server = await serveStatic(inject('distDir'), inject('siteBase'));
    const at = (p: string) => server.url.replace(/\/$/, '') + p;
    let stopped = false;
    try {
      const { tab } = await j.fresh();
      await tab.goto(at('/'));
      // The first visit precaches the whole site (about 1.4 MB) before the worker takes control: allow for a busy machine.
      await poll(
        () => tab.eval(() => navigator.serviceWorker?.controller?.scriptURL ?? null),
        'service worker in control',
        60_000,
      ).toBe(at('/sw.js'));
      await poll(() => tab.text('#pwa .pwa-notice [role="status"]')).toBe(dictionaries.nl.pwa.ready);

      await server.close();
      stopped = true;
      // Really offline: what the service worker does not hold fails.
      expect(
        await tab.eval(() =>
          fetch('./niet-bewaard.txt?x=1').then(
            (r) => `status ${r.status}`,
            (e) => `failed: ${e.name}`,
          ),
        ),
      ).toMatch(/^failed|^status 50\d/);

      for (const p of pages) {
        await tab.goto(at(p.path));
        await poll(() => tab.attr('html', 'lang'), p.path).toBe(p.lang);
        expect(await tab.count('h1'), p.path).toBe(1);
        expect((await tab.text('h1')).trim().length, p.path).toBeGreaterThan(0);
        expect(await tab.attr('a.lang-switch', 'href'), p.path).toBe(
          new URL(server.url).pathname.replace(/\/$/, '') + routePath(p.key, p.lang === 'nl' ? 'en' : 'nl', p.id),
        );
      }
      // A shared link with a query opens too.
      await tab.goto(at(`/kaarten/?kaarten=${ids[1]},${ids[2]}`));
      await tab.waitFor('.deck-toolbar');
      expect(await tab.count('.fan-live .fan-card')).toBe(2);

      // A whole session, offline.
      await tab.goto(at('/sessies/'));
      await tab.waitFor('.ss-list-head');
      const id = await createSession(tab, { title: 'In de trein' });
      await tab.fill(noteBox(), 'Zonder verbinding geschreven');
      await saved(tab);
      await tab.reload();
      await poll(() => tab.value(noteBox())).toBe('Zonder verbinding geschreven');
      expect((await dump(tab)).notes).toMatchObject([{ sessionId: id, text: 'Zonder verbinding geschreven' }]);
    } finally {
      if (!stopped) await server.close();
    }
  });
});
