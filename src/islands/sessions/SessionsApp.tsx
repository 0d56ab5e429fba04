/**
 * The sessions page's island (client:only: IndexedDB exists only in the browser). It opens
 * the store, shows what the browser allows (or why not), and switches between the list,
 * one session and its report, kept in the query string so Back works.
 */
import { onLoadFailure } from '../../lib/load';
import { DELETED_KEEP_DAYS } from '../../lib/records/limits';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isStoreError, type StoreErrorCode } from '../../lib/store/errors';
import { persistenceStatus, requestPersistence } from '../../lib/store/persist';
import { createRepo, type Repo } from '../../lib/store/repo';
import { closeKjk, openKjk, type KjkDb } from '../../lib/store/schema';
import { createSync, type ChangeMessage } from '../../lib/store/sync';
import { createBus, echoingSync } from '../../lib/sessions/bus';
import { browserDraftStorage, recoverDrafts, type RecoverOutcome } from '../../lib/sessions/drafts';
import { parseRoute, routeSearch, sameRoute, type SessionsRoute } from '../../lib/sessions/route';
import {
  Navigation,
  Notices,
  Store,
  Strings,
  type NavigationContext,
  type NoticesContext,
  type StoreContext,
  type StringsContext,
  type ToastAction,
  type ToastOptions,
} from './context';
import { useLazy } from './hooks';
import { SessionList } from './SessionList';
import { ListViewSkeleton } from './Skeleton';
import { SESSIONS_DATA_ID, type SessionsData, type SessionsProps, type SessionsStrings } from './types';
import '../../styles/sessions.css';

interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: ToastAction;
  focus: boolean;
}

type Phase =
  | { kind: 'opening' }
  | { kind: 'ready'; repo: Repo; db: KjkDb }
  | { kind: 'recovery'; db: KjkDb | null }
  | { kind: 'failed'; code: StoreErrorCode | null };

const DAY_MS = 24 * 60 * 60 * 1000;
/** Deleted sessions stay restorable this long (also in backups), then they are purged. */
/** Deleted sessions stay in the "Verwijderd" list this long, then go with their records. */
const PURGE_AFTER_MS = DELETED_KEEP_DAYS * DAY_MS;
const TOAST_MS = 8000;
const REOPEN_ATTEMPTS = 5;
// Longer than the store's own 10 s give-up on a blocked open: past it, something else hangs
// (an upgrade, or a first read that never ends: seen in WebKit under load), and only a reload
// helps. It counts until the first view has its data, not only until the store is open.
const SLOW_OPEN_MS = 12_000;

function newTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The cards and strings from the page (see SESSIONS_DATA_ID). */
function pageData(): SessionsData {
  return JSON.parse(document.getElementById(SESSIONS_DATA_ID)?.textContent ?? 'null') as SessionsData;
}

export default function SessionsApp({ lang, cardsHref, formatsHref }: SessionsProps) {
  const [{ cards, t }] = useState(pageData);
  const s = t.s;
  // The session and report views load on first use: the list (the first thing people see) stays light.
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' });
  const [route, setRoute] = useState<SessionsRoute>(() => parseRoute(location.search));
  const SessionView = useLazy(route.view === 'session', () => import('./SessionView').then((m) => m.SessionView));
  const Report = useLazy(route.view === 'report', () => import('./Report').then((m) => m.Report));
  // A part of the app that did not arrive after every try (lib/load.ts): only a reload helps.
  const [loadFailed, setLoadFailed] = useState(false);
  useEffect(() => onLoadFailure(() => setLoadFailed(true)), []);
  // Rarely needed, so loaded only when the stored data turns out unreadable.
  const Recovery = useLazy(phase.kind === 'recovery', () => import('./Recovery').then((m) => m.Recovery));
  const [versionChanged, setVersionChanged] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const [slow, setSlow] = useState(false);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const bus = useMemo(createBus, []);
  const tab = useMemo(newTabId, []);
  const drafts = useMemo(browserDraftStorage, []);
  const cardById = useMemo(() => new Map(cards.map((c) => [c.id, c] as const)), [cards]);
  const persistAsked = useRef(false);
  const toastId = useRef(0);
  const root = useRef<HTMLDivElement>(null);
  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  // Set by a navigation, taken by the next view (useViewFocus): keyboard and screen reader users land on its heading.
  const focusWanted = useRef(false);
  // The page's own title, before a view put a session's name in front of it.
  const baseTitle = useRef<string | null>(null);

  const toast = useCallback((message: string, opts: ToastOptions = {}) => {
    const id = ++toastId.current;
    const next: Toast = { id, message, tone: opts.tone ?? 'info', focus: opts.focus ?? false };
    if (opts.action) next.action = opts.action;
    // One message at a time: the newest is what the user just did.
    setToasts([next]);
    // Plain confirmations fade after a while; one with an action (undo) waits for the user.
    if (!opts.action) setTimeout(() => setToasts((list) => list.filter((x) => x.id !== id)), TOAST_MS);
  }, []);

  // --- Opening the store ---------------------------------------------------------------
  useEffect(() => {
    const sync = createSync();
    const unsubscribe = sync.subscribe((m) => bus.emit(m));
    let disposed = false;
    let current: KjkDb | null = null;

    const open = async (reopening: boolean, attempt = 0) => {
      try {
        const db = await openKjk({
          onVersionChange: () => setVersionChanged(true),
          onBlocked: () => setBlocked(true),
          // Storage cleared or the disk went away: open again (an empty store if it was
          // cleared), keeping the page and whatever is typed in it.
          onTerminated: () => {
            if (!disposed) void open(true);
          },
        });
        if (disposed) {
          closeKjk(db);
          return;
        }
        current = db;
        setBlocked(false);
        const repo = createRepo(db, { sync: echoingSync(sync, bus) });
        await recoverDrafts(drafts, async (d): Promise<RecoverOutcome> => {
          try {
            const r = await repo.notes.save({
              sessionId: d.sessionId,
              cardId: d.cardId,
              text: d.text,
              baseUpdatedAt: d.base,
            });
            return r.ok ? 'saved' : 'conflict';
          } catch (err) {
            return isStoreError(err) && err.code === 'not-found' ? 'gone' : 'error';
          }
        });
        repo.sessions.purgeDeleted(Date.now() - PURGE_AFTER_MS).catch(() => undefined);
        setPhase({ kind: 'ready', repo, db });
        if (reopening) {
          bus.emit({ type: 'changed', store: 'all', id: '*', updatedAt: Date.now() });
          toast(s.banner.reopened);
        }
      } catch (err) {
        if (disposed) return;
        // Right after the browser cleared the data, opening can fail while it finishes
        // deleting: try again a few times before calling the storage unavailable.
        if (reopening && attempt < REOPEN_ATTEMPTS) {
          setTimeout(() => void open(true, attempt + 1), 200 * 2 ** attempt);
          return;
        }
        const code = isStoreError(err) ? err.code : null;
        if (code === 'blocked') setBlocked(true);
        setPhase(code === 'backing-store' ? { kind: 'recovery', db: null } : { kind: 'failed', code });
      }
    };
    void open(false);
    // Still "Laden…" anywhere in the app: the store did not open, or its first read never ended.
    const loading = () => phaseRef.current.kind === 'opening' || Boolean(root.current?.querySelector('.ss-loading'));
    let recheck: ReturnType<typeof setInterval> | undefined;
    const watchdog = setTimeout(() => {
      if (disposed || !loading()) return;
      setSlow(true);
      // The page may still catch up: the banner goes once nothing is loading any more.
      recheck = setInterval(() => {
        if (disposed || loading()) return;
        clearInterval(recheck);
        setSlow(false);
      }, 1000);
    }, SLOW_OPEN_MS);

    const onPop = () => {
      setToasts([]);
      focusWanted.current = true;
      setRoute(parseRoute(location.search));
    };
    addEventListener('popstate', onPop);
    return () => {
      disposed = true;
      clearTimeout(watchdog);
      clearInterval(recheck);
      removeEventListener('popstate', onPop);
      unsubscribe();
      sync.close();
      if (current) closeKjk(current);
    };
  }, []);

  const go = useCallback((next: SessionsRoute, opts: { replace?: boolean } = {}) => {
    const url = `${location.pathname}${routeSearch(next)}`;
    if (opts.replace) history.replaceState(history.state, '', url);
    else if (!sameRoute(parseRoute(location.search), next)) history.pushState(null, '', url);
    setRoute(next);
    if (!opts.replace) {
      setToasts([]);
      focusWanted.current = true;
      scrollTo({ top: 0 });
    }
  }, []);

  const setTitle = useCallback((part: string | null) => {
    if (baseTitle.current === null) baseTitle.current = document.title;
    document.title = part ? `${part} · ${baseTitle.current}` : baseTitle.current;
  }, []);

  const strings = useMemo<StringsContext>(() => ({ lang, t, cards, cardById }), []);
  const notices = useMemo<NoticesContext>(() => ({ toast }), []);
  const navigation = useMemo<NavigationContext>(
    () => ({
      go,
      cardsHref,
      formatsHref,
      claimFocus() {
        const wanted = focusWanted.current;
        focusWanted.current = false;
        return wanted;
      },
      setTitle,
    }),
    [],
  );

  const ready = phase.kind === 'ready' ? phase : null;
  const store = useMemo<StoreContext | null>(() => {
    if (!ready) return null;
    const { repo } = ready;
    return {
      repo,
      subscribe: (listener: (m: ChangeMessage) => void) => bus.subscribe(listener),
      notePersisted() {
        if (persistAsked.current) return;
        persistAsked.current = true;
        void (async () => {
          if ((await persistenceStatus()) === 'persisted') return;
          await requestPersistence(repo.meta);
          bus.emit({ type: 'changed', store: 'meta', id: 'persistGranted', updatedAt: Date.now() });
        })();
      },
      escalate(err: unknown) {
        if (isStoreError(err) && err.code === 'backing-store' && phaseRef.current.kind === 'ready') {
          setPhase({ kind: 'recovery', db: phaseRef.current.db });
          return true;
        }
        return false;
      },
      drafts,
      tab,
    };
  }, [ready?.repo]);

  useEffect(() => {
    if (route.view === 'list') setTitle(null);
  }, [route.view]);

  // The query string means the same in both languages: the language switch stays on this session and card.
  useEffect(() => {
    const other = document.querySelector<HTMLAnchorElement>('a.lang-switch');
    const base = other?.getAttribute('href')?.split('?')[0];
    if (other && base !== undefined) other.setAttribute('href', `${base}${routeSearch(route)}`);
  }, [route]);

  // After "delete", the button that was pressed is gone: offer the undo right where focus lands.
  const toastButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (toasts[0]?.focus) toastButton.current?.focus();
  }, [toasts]);

  return (
    <div class="sessions-app" ref={root} data-store={phase.kind}>
      {(versionChanged || loadFailed || (blocked && phase.kind !== 'failed') || (slow && phase.kind !== 'failed')) && (
        <div
          class="ss-banner ss-banner-warn"
          role="alert"
          data-banner={versionChanged ? 'version' : loadFailed ? 'load' : blocked ? 'blocked' : 'slow'}
        >
          <p>
            {versionChanged
              ? s.banner.versionChange
              : loadFailed
                ? s.banner.loadFailed
                : blocked
                  ? s.banner.blocked
                  : s.banner.slow}
          </p>
          <button type="button" class="primary" onClick={() => location.reload()}>
            {s.banner.reload}
          </button>
        </div>
      )}

      {phase.kind === 'opening' &&
        (route.view === 'list' ? <ListViewSkeleton t={t} lang={lang} /> : <p class="ss-loading">{s.loading}</p>)}

      {phase.kind === 'failed' && <Unavailable code={phase.code} t={t} cardsHref={cardsHref} />}

      {phase.kind === 'recovery' &&
        (Recovery ? <Recovery db={phase.db} t={t} lang={lang} /> : <p class="ss-loading">{s.loading}</p>)}

      {store && (
        <Strings.Provider value={strings}>
          <Notices.Provider value={notices}>
            <Navigation.Provider value={navigation}>
              <Store.Provider value={store}>
                {route.view === 'list' && <SessionList {...(route.create ? { preset: route.create } : {})} />}
                {route.view === 'session' &&
                  (SessionView ? (
                    <SessionView id={route.id} cardIndex={route.card} />
                  ) : (
                    <p class="ss-loading">{s.loading}</p>
                  ))}
                {route.view === 'report' && (Report ? <Report id={route.id} /> : <p class="ss-loading">{s.loading}</p>)}
              </Store.Provider>
            </Navigation.Provider>
          </Notices.Provider>
        </Strings.Provider>
      )}

      <div class="ss-toasts" role="status" aria-live="polite">
        {toasts.map((m) => (
          <div class={`ss-toast${m.tone === 'error' ? ' is-error' : ''}`} key={m.id}>
            <p>{m.message}</p>
            {m.action && (
              <button
                type="button"
                ref={toastButton}
                class="primary"
                onClick={async () => {
                  setToasts([]);
                  await m.action?.run();
                }}
              >
                {m.action.label}
              </button>
            )}
            <button type="button" class="ss-toast-close" onClick={() => setToasts([])}>
              {s.close}
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}

function Unavailable({ code, t, cardsHref }: { code: StoreErrorCode | null; t: SessionsStrings; cardsHref: string }) {
  const s = t.s;
  const text =
    code === 'unavailable' || code === null
      ? s.banner.unavailable
      : code === 'blocked'
        ? s.banner.blocked
        : s.errors[code];
  return (
    <div class="ss-banner ss-banner-error" role="alert">
      <p>{text}</p>
      <p class="ss-buttons">
        {code !== null && code !== 'unavailable' && (
          <button type="button" class="primary" onClick={() => location.reload()}>
            {s.banner.reload}
          </button>
        )}
        <a class="button" href={cardsHref}>
          {s.banner.toCards}
        </a>
      </p>
    </div>
  );
}
