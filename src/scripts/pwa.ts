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

/** How long "ready to work offline" stays: news, not a state, so it goes by itself. */
const READY_MS = 6000;
/** Inputs people type into (a radio or checkbox getting focus is not typing). */
const TYPED = new Set(['text', 'search', 'email', 'tel', 'url', 'number', 'date']);

/**
 * The first-install message: it goes after a few seconds, can be closed, and goes at once
 * when someone starts typing, so it never sits over a note or the privacy warning under it.
 * The close button exists only while the message shows; an update offer ends it too.
 */
function sayReady(text = '') {
  // Beside the notice, not in it: the notice's own button is the update's "refresh".
  const box = root;
  if (!notice || !box) return;
  say(text);
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'pwa-close';
  close.textContent = '×';
  close.setAttribute('aria-label', root?.dataset.close ?? '');
  box.append(close);
  const done = () => {
    clearTimeout(timer);
    removeEventListener('focusin', onFocus);
    close.remove();
    if (notice.textContent === text) say('');
  };
  const onFocus = (e: FocusEvent) => {
    const el = e.target;
    if (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TYPED.has(el.type))) done();
  };
  const timer = setTimeout(done, READY_MS);
  close.addEventListener('click', done);
  addEventListener('focusin', onFocus);
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
  // A page left while Workbox still loads (WebKit rejects the import then), or an old build's
  // chunk gone from the host: the page works without a worker, and the next page tries again.
  import('workbox-window').then(
    ({ Workbox }) =>
      start(new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }), root, refresh),
    () => undefined,
  );
}

function start(wb: WorkboxType, root: HTMLElement, refresh: HTMLButtonElement) {
  let accepted = false;

  const offerUpdate = () => {
    root.querySelector('.pwa-close')?.remove();
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
    if (!event.isUpdate && !event.isExternal) sayReady(root.dataset.ready);
  });

  void wb.register().then(
    (reg) => {
      // The browser may have found the new version while this page was loading, before Workbox
      // listened; it then only reports versions that are already waiting.
      const installing = reg?.installing;
      if (reg && installing && navigator.serviceWorker.controller) {
        installing.addEventListener('statechange', () => {
          if (installing.state === 'installed' && reg.waiting === installing) offerUpdate();
        });
      }
    },
    // A browser may refuse the worker (a private window in Firefox, a policy, a full disk):
    // the site then works online as before, only without its offline copy.
    () => undefined,
  );
}
