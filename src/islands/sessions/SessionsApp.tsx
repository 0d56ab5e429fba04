/**
 * The sessions page's island (client:only: IndexedDB exists only in the browser). It opens
 * the store, shows what the browser allows (or why not), and switches between the list,
 * one session and its report, kept in the query string so Back works. Its jobs live in app/:
 * the store's lifecycle (store.ts, over lib/store/open.ts), the router (router.ts), the
 * notices (notices.tsx) and the whole-page warnings (Banners.tsx); this file draws the view.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { onLoadFailure } from '../../lib/load';
import { Unavailable, WarningBanner, warningFor } from './app/Banners';
import { Toasts, useToasts } from './app/notices';
import { useRouter } from './app/router';
import { useSessionsStore } from './app/store';
import { Navigation, Notices, Store, Strings, type StringsContext } from './context';
import { useLazy } from './hooks';
import { SessionList } from './SessionList';
import { ListViewSkeleton } from './Skeleton';
import { SESSIONS_DATA_ID, type SessionsData, type SessionsProps } from './types';
import '../../styles/sessions.css';

/** The cards and strings from the page (see SESSIONS_DATA_ID). */
function pageData(): SessionsData {
  return JSON.parse(document.getElementById(SESSIONS_DATA_ID)?.textContent ?? 'null') as SessionsData;
}

export default function SessionsApp({ lang, cardsHref, formatsHref }: SessionsProps) {
  const [{ cards, t }] = useState(pageData);
  const s = t.s;
  const root = useRef<HTMLDivElement>(null);
  const { toasts, toast, clear, notices } = useToasts();
  const { route, navigation } = useRouter({ cardsHref, formatsHref }, clear);
  // Still "Laden…" anywhere in the app: the slow watchdog keeps its banner up until nothing is.
  const { phase, versionChanged, blocked, slow, store } = useSessionsStore(
    () => Boolean(root.current?.querySelector('.ss-loading')),
    () => toast(s.banner.reopened),
  );
  // The session and report views load on first use: the list (the first thing people see) stays light.
  const SessionView = useLazy(route.view === 'session', () => import('./SessionView').then((m) => m.SessionView));
  const Report = useLazy(route.view === 'report', () => import('./Report').then((m) => m.Report));
  // Rarely needed, so loaded only when the stored data turns out unreadable.
  const Recovery = useLazy(phase.kind === 'recovery', () => import('./Recovery').then((m) => m.Recovery));
  // A part of the app that did not arrive after every try (lib/load.ts): only a reload helps.
  const [loadFailed, setLoadFailed] = useState(false);
  useEffect(() => onLoadFailure(() => setLoadFailed(true)), []);

  const cardById = useMemo(() => new Map(cards.map((c) => [c.id, c] as const)), [cards]);
  const strings = useMemo<StringsContext>(() => ({ lang, t, cards, cardById }), []);
  const warning = warningFor({ versionChanged, loadFailed, blocked, slow, failed: phase.kind === 'failed' });
  const loading = <p class="ss-loading">{s.loading}</p>;

  return (
    <div class="sessions-app" ref={root} data-store={phase.kind}>
      {warning && <WarningBanner warning={warning} t={t} />}

      {phase.kind === 'opening' && (route.view === 'list' ? <ListViewSkeleton t={t} lang={lang} /> : loading)}

      {phase.kind === 'failed' && <Unavailable code={phase.code} t={t} cardsHref={cardsHref} />}

      {phase.kind === 'recovery' && (
        <Strings.Provider value={strings}>
          {Recovery ? <Recovery db={phase.db} t={t} lang={lang} /> : loading}
        </Strings.Provider>
      )}

      {store && (
        <Strings.Provider value={strings}>
          <Notices.Provider value={notices}>
            <Navigation.Provider value={navigation}>
              <Store.Provider value={store}>
                {route.view === 'list' && <SessionList {...(route.create ? { preset: route.create } : {})} />}
                {route.view === 'session' &&
                  (SessionView ? <SessionView id={route.id} cardIndex={route.card} /> : loading)}
                {route.view === 'report' && (Report ? <Report id={route.id} /> : loading)}
              </Store.Provider>
            </Navigation.Provider>
          </Notices.Provider>
        </Strings.Provider>
      )}

      <Toasts toasts={toasts} clear={clear} closeLabel={s.close} />
    </div>
  );
}
