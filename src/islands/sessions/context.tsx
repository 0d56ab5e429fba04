/**
 * The sessions island's shared state, in four small contexts rather than one: a view takes
 * only what it uses, and a change to one (a new toast) does not re-render readers of another.
 * SessionsApp provides all four; each has one hook.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DraftStorage } from '../../lib/sessions/draft-storage';
import type { SessionsRoute } from '../../lib/sessions/route';
import type { Repo } from '../../lib/store/repo';
import type { ChangeMessage } from '../../lib/store/sync';
import type { SessionCard, SessionsStrings } from './types';
import type { Lang } from '../../routes';

/** The open store and what belongs to it. Replaced as a whole when the store is reopened. */
export interface StoreContext {
  repo: Repo;
  /** Change notices from this tab's writes and from other tabs. */
  subscribe(listener: (message: ChangeMessage) => void): () => void;
  /** Handles errors that need the whole page (backing-store → recovery view); true when handled. */
  escalate(err: unknown): boolean;
  /** Call after a note was saved: asks the browser to keep the data (once per page). */
  notePersisted(): void;
  drafts: DraftStorage | null;
  /** Identifies this page in the draft journal. */
  tab: string;
}

/** What the page handed over: the texts and cards in its one language. Never changes. */
export interface StringsContext {
  lang: Lang;
  t: SessionsStrings;
  cards: SessionCard[];
  cardById: Map<string, SessionCard>;
}

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface ToastOptions {
  action?: ToastAction;
  tone?: 'info' | 'error';
  /** Move focus to the action (after the control the user pressed disappeared). */
  focus?: boolean;
}

export interface NoticesContext {
  /** One short message at a time, with an optional action (undo). */
  toast(message: string, opts?: ToastOptions): void;
}

export interface NavigationContext {
  /** Show another view; pushes a history entry unless `replace`. */
  go(route: SessionsRoute, opts?: { replace?: boolean }): void;
  /** The deck page, with the deploy base. */
  cardsHref: string;
  /** The werkvormen page, with the deploy base (each kind's werkvorm is #<id> there). */
  formatsHref: string;
  /** True once after a navigation asked the next view to take focus (never on the first load). */
  claimFocus(): boolean;
  /** Puts `part` first in the tab title ("Teamoverleg maart · Mijn sessies · …"); null restores it. */
  setTitle(part: string | null): void;
}

export const Store = createContext<StoreContext | null>(null);
export const Strings = createContext<StringsContext | null>(null);
export const Notices = createContext<NoticesContext | null>(null);
export const Navigation = createContext<NavigationContext | null>(null);

function need<T>(value: T | null, name: string): T {
  if (!value) throw new Error(`${name} used outside the sessions app`);
  return value;
}

export const useStore = (): StoreContext => need(useContext(Store), 'useStore');
export const useStrings = (): StringsContext => need(useContext(Strings), 'useStrings');
export const useNotices = (): NoticesContext => need(useContext(Notices), 'useNotices');
export const useNavigation = (): NavigationContext => need(useContext(Navigation), 'useNavigation');
