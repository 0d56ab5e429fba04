/**
 * The sessions page keeps its view in the query string, so the one static page (served
 * offline by the service worker with any query) can show the list, a session or a report,
 * and Back works:
 *   /sessies/                         the list
 *   /sessies/?sessie=<id>&kaart=3     a session, at its third card
 *   /sessies/?sessie=<id>&verslag=1   the report of a session
 *   /sessies/?nieuw=1&kaarten=a,b&lens=ouder&soort=workshop
 *                                     the list with the new-session form open, those cards
 *                                     (and lens, and kind) chosen: the deck page, the presenter
 *                                     and each werkvorm link here (a contract between them)
 */
import { MAX_ID_CHARS } from '../records/limits';
import { NEW_SESSION_PARAMS, newSessionSearch, parsePreset, type NewSessionPreset } from './link';

export { newSessionSearch, type NewSessionPreset };

export const ROUTE_PARAMS = { session: 'sessie', card: 'kaart', report: 'verslag', ...NEW_SESSION_PARAMS } as const;

export type SessionsRoute =
  | { view: 'list'; create?: NewSessionPreset }
  | { view: 'session'; id: string; card: number }
  | { view: 'report'; id: string };

/** Reads a query string; anything malformed falls back to the list or to the first card. */
export function parseRoute(search: string): SessionsRoute {
  const params = new URLSearchParams(search);
  const id = params.get(ROUTE_PARAMS.session);
  if (id === null || id === '' || id.length > MAX_ID_CHARS) {
    return params.get(ROUTE_PARAMS.create) === '1' ? { view: 'list', create: parsePreset(params) } : { view: 'list' };
  }
  if (params.has(ROUTE_PARAMS.report)) return { view: 'report', id };
  const raw = params.get(ROUTE_PARAMS.card) ?? '';
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : 1;
  return { view: 'session', id, card: Math.max(0, n - 1) };
}

/** The query string of a route: "" for the list. The card is 1-based for people. */
export function routeSearch(route: SessionsRoute): string {
  if (route.view === 'list') return route.create ? newSessionSearch(route.create) : '';
  const params = new URLSearchParams({ [ROUTE_PARAMS.session]: route.id });
  if (route.view === 'report') params.set(ROUTE_PARAMS.report, '1');
  else if (route.card > 0) params.set(ROUTE_PARAMS.card, String(route.card + 1));
  return `?${params.toString()}`;
}

export function sameRoute(a: SessionsRoute, b: SessionsRoute): boolean {
  return routeSearch(a) === routeSearch(b);
}
