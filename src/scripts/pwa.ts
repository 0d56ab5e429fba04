/**
 * Registers the Workbox service worker and tells the user what it does: ready to work
 * offline (first install), offline right now, and a new version that waits for their click.
 * The texts come from data- attributes on #pwa (Base.astro), so this script carries no dictionary.
 */
import type { Workbox as WorkboxType } from 'workbox-window';
import { flushAll } from '../lib/lifecycle';

const root = document.getElementById('pwa');
const offline = root?.querySelector<HTMLElement>('.pwa-offline');
const notice = root?.querySelector<HTMLElement>('.pwa-notice [role="status"]');
const refresh = root?.querySelector<HTMLButtonElement>('.pwa-notice button');

function showOffline() {
  if (offline) offline.textContent = navigator.onLine ? '' : (root?.dataset.offline ?? '');
}

function say(text = '') {
  if (notice) notice.textContent = text;
}

if (root && offline && notice && refresh) {
  showOffline();
  addEventListener('online', showOffline);
  addEventListener('offline', showOffline);
}

// No worker in dev: sw.js only exists after a build.
// Workbox loads after the page's own script: registering waits for the load event anyway,
// and every page's first view stays lighter by its size.
if (import.meta.env.PROD && root && refresh && 'serviceWorker' in navigator) {
  void import('workbox-window').then(({ Workbox }) =>
    start(new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }), root, refresh),
  );
}

function start(wb: WorkboxType, root: HTMLElement, refresh: HTMLButtonElement) {
  let accepted = false;

  const offerUpdate = () => {
    say(root.dataset.update);
    refresh.hidden = false;
  };

  refresh.addEventListener('click', async () => {
    refresh.disabled = true;
    try {
      await flushAll();
    } catch {
      // A reload now would lose the draft that failed to save: wait for the next click.
      say(root.dataset.saveFailed);
      refresh.disabled = false;
      return;
    }
    accepted = true;
    const reg = await navigator.serviceWorker.getRegistration(import.meta.env.BASE_URL);
    if (reg?.waiting) {
      wb.messageSkipWaiting();
      // Reload once the new worker controls the page; if it never does, reload anyway.
      setTimeout(() => location.reload(), 5000);
    } else {
      // Another tab already activated the new version: only this page is old.
      location.reload();
    }
  });

  wb.addEventListener('waiting', offerUpdate);
  wb.addEventListener('controlling', (event) => {
    if (accepted) location.reload();
    // Another tab switched to a new version under this page: offer the reload, never force it.
    else if (event.isUpdate) offerUpdate();
  });
  wb.addEventListener('activated', (event) => {
    if (!event.isUpdate && !event.isExternal) say(root.dataset.ready);
  });

  void wb.register().then((reg) => {
    // The browser may have found the new version while this page was loading, before Workbox
    // listened; it then only reports versions that are already waiting.
    const installing = reg?.installing;
    if (reg && installing && navigator.serviceWorker.controller) {
      installing.addEventListener('statechange', () => {
        if (installing.state === 'installed' && reg.waiting === installing) offerUpdate();
      });
    }
  });
}
