/**
 * The performance budgets, in one place for `npm run bench` and `npm run bench:js`.
 * JS is the start-up JavaScript of a page, gzip (scripts/lib/page-weight.mjs).
 */
export const BUDGET = {
  /** Every page, every Lighthouse category, at least this (the target is 100). */
  lighthouseFloor: 95,
  lighthouseTarget: 100,
  /** The deck page: the fan must stay light on a phone. */
  deckJsGzip: 20 * 1024,
  /** The sessions page (both languages): all four Lighthouse categories at 100, no layout shift, no long tasks. */
  sessionsJsGzip: 25 * 1024,
  /**
   * The join page (both languages) before a phone can join: its tiny entry and the code that entry
   * loads after the first screen (src/scripts/join-entry.ts → join.ts). socket.io and the room's
   * session load later still (while a name is typed) and are not counted here.
   */
  joinJsGzip: 20 * 1024,
  /**
   * The join pages' Largest Contentful Paint under Lighthouse's mobile throttling, served without
   * compression (venue Wi-Fi, a plain host), with all four categories at 100: scripts/bench-join.mjs.
   */
  joinLcpMs: 1200,
  /**
   * The join pages' HTML, uncompressed and built with a relay address: one round trip (TCP's first
   * window, 10 × 1,460 bytes, less the response headers). At 15.1 KB the LCP was 1.05-1.09 s in every
   * traced run, at 13.2 KB 0.90-0.91 s: scripts/bench-join.mjs.
   */
  joinHtmlBytes: 14 * 1024,
  sessionsCls: 0.01,
  sessionsTbtMs: 50,
  /**
   * The whole site for offline use. 600 KB until December 2026; the trainer notes on every
   * dilemma card, the page for young people and parents, five glossary terms and three
   * werkvormen took it to about 636 KB. Every text stays offline (the train without signal).
   */
  precacheGzip: 660 * 1024,
};

export const DECK_PAGES = ['/kaarten/', '/en/cards/'];
export const SESSIONS_PAGES = ['/sessies/', '/en/sessions/'];
export const JOIN_PAGES = ['/doe-mee/', '/en/join/'];

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The JS budget of a page, or null when it has none of its own. */
export function jsBudget(page) {
  if (DECK_PAGES.includes(page)) return BUDGET.deckJsGzip;
  if (SESSIONS_PAGES.includes(page)) return BUDGET.sessionsJsGzip;
  if (JOIN_PAGES.includes(page)) return BUDGET.joinJsGzip;
  return null;
}
