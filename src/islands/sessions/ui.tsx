/** Shared pieces of the sessions island: the app context, links, downloads, small widgets. */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import { isStoreError, type StoreErrorCode } from '../../lib/store/errors';
import type { Repo } from '../../lib/store/repo';
import type { ChangeMessage, ChangeStore } from '../../lib/store/sync';
import type { DraftStorage } from '../../lib/sessions/drafts';
import { routeSearch, type SessionsRoute } from '../../lib/sessions/route';
import { fillText } from '../../lib/sessions/format';
import type { SessionCard, SessionsStrings } from './types';

/** "{n}" placeholders and "{n:one|many}" plurals (lib/sessions/format). */
export const fill = fillText;

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: ToastAction;
  /** Move focus to the action (after the control the user pressed disappeared). */
  focus: boolean;
}

export interface AppContext {
  repo: Repo;
  lang: 'nl' | 'en';
  t: SessionsStrings;
  cards: SessionCard[];
  cardById: Map<string, SessionCard>;
  cardsHref: string;
  /** Show another view; pushes a history entry unless `replace`. */
  go(route: SessionsRoute, opts?: { replace?: boolean }): void;
  toast(message: string, opts?: { action?: ToastAction; tone?: 'info' | 'error'; focus?: boolean }): void;
  /** Change notices from this tab's writes and from other tabs. */
  subscribe(listener: (message: ChangeMessage) => void): () => void;
  /** Downloads a backup of everything (optionally encrypted) and records the export; returns the file name. */
  exportBackup(passphrase?: string): Promise<string>;
  exportSession(id: string): Promise<string>;
  /** Call after a note was saved: asks the browser to keep the data (once per page). */
  notePersisted(): void;
  /** Handles errors that need the whole page (backing-store → recovery view); true when handled. */
  escalate(err: unknown): boolean;
  drafts: DraftStorage | null;
  /** Identifies this page in the draft journal. */
  tab: string;
}

export const App = createContext<AppContext | null>(null);

export function useApp(): AppContext {
  const ctx = useContext(App);
  if (!ctx) throw new Error('useApp outside the sessions app');
  return ctx;
}

/**
 * Calls `reload` whenever a change notice for one of `stores` arrives ('all' always counts).
 * The latest `reload` is used, so it may close over fresh state.
 */
export function useChanges(stores: readonly ChangeStore[], reload: (message: ChangeMessage) => void): void {
  const { subscribe } = useApp();
  const latest = useRef(reload);
  latest.current = reload;
  const key = stores.join(',');
  useEffect(
    () =>
      subscribe((m) => {
        if (m.store === 'all' || stores.includes(m.store)) latest.current(m);
      }),
    [subscribe, key],
  );
}

export function errorCode(err: unknown): StoreErrorCode | null {
  return isStoreError(err) ? err.code : null;
}

/** A sentence for any error a store call can throw. */
export function errorText(t: SessionsStrings, err: unknown): string {
  const code = errorCode(err);
  return code ? t.s.errors[code] : t.s.banner.failed;
}

export function routeHref(route: SessionsRoute): string {
  return `${location.pathname}${routeSearch(route)}`;
}

/** A real link (open in a new tab works), handled in the page for a plain click. */
export function RouteLink(props: { route: SessionsRoute; class?: string; children: ComponentChildren; 'aria-current'?: 'page' }) {
  const { go } = useApp();
  return (
    <a
      class={props.class}
      href={routeHref(props.route)}
      aria-current={props['aria-current']}
      onClick={(e) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        go(props.route);
      }}
    >
      {props.children}
    </a>
  );
}

/** Offers `text` as a file download; nothing leaves the device. */
export function download(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

let idCounter = 0;
/** A stable id for label/aria wiring within one component instance. */
export function useId(prefix: string): string {
  const ref = useRef<string>('');
  if (ref.current === '') ref.current = `${prefix}-${++idCounter}`;
  return ref.current;
}

/** Moves focus to an element after it appears (e.g. a view's heading after navigation). */
export function focusSoon(el: HTMLElement | null | undefined): void {
  if (!el) return;
  requestAnimationFrame(() => el.focus({ preventScroll: false }));
}

let focusRequested = false;
/** Called by go(): the next view moves focus to its heading, so keyboard and screen reader users land there. */
export function requestViewFocus(): void {
  focusRequested = true;
}
/** Focuses `el` if a navigation asked for it (not on the first page load). */
/** A session that is not stored (any more): say so and lead back to the list. */
export function SessionNotFound({ headingRef }: { headingRef: { current: HTMLHeadingElement | null } }) {
  const { t } = useApp();
  return (
    <div class="ss-empty">
      <h2 ref={headingRef} tabIndex={-1}>
        {t.s.view.notFound}
      </h2>
      <p>
        <RouteLink route={{ view: 'list' }}>← {t.s.view.back}</RouteLink>
      </p>
    </div>
  );
}

export function useViewFocus(el: { current: HTMLElement | null }, ready: boolean): void {
  useEffect(() => {
    if (!ready || !focusRequested) return;
    focusRequested = false;
    el.current?.focus();
  }, [ready]);
}

let baseTitle: string | null = null;
/** Puts the current session first in the tab title ("Teamoverleg maart · Mijn sessies · …"); null restores it. */
export function pageTitle(part: string | null): void {
  if (baseTitle === null) baseTitle = document.title;
  document.title = part ? `${part} · ${baseTitle}` : baseTitle;
}

export function Pluralised({ n, one, many }: { n: number; one: string; many: string }) {
  return <>{(n === 1 ? one : many).replace(/\{n\}/g, String(n))}</>;
}
