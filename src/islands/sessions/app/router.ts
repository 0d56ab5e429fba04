/**
 * The sessions page's router: the view lives in the query string so Back works, the tab title
 * follows the view, and focus moves to the next view's heading after a navigation.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { parseRoute, routeSearch, sameRoute, type SessionsRoute } from '../../../lib/sessions/route';
import type { NavigationContext } from '../context';

export interface Router {
  route: SessionsRoute;
  navigation: NavigationContext;
}

/** `onNavigate` runs on every navigation the user sees (a view change, Back): the notices of the old view go. */
export function useRouter(links: { cardsHref: string; formatsHref: string }, onNavigate: () => void): Router {
  const [route, setRoute] = useState<SessionsRoute>(() => parseRoute(location.search));
  // Set by a navigation, taken by the next view (useViewFocus): keyboard and screen reader users land on its heading.
  const focusWanted = useRef(false);
  // The page's own title, before a view put a session's name in front of it.
  const baseTitle = useRef<string | null>(null);
  const latest = useRef(onNavigate);
  latest.current = onNavigate;

  useEffect(() => {
    const onPop = () => {
      latest.current();
      focusWanted.current = true;
      setRoute(parseRoute(location.search));
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const go = useCallback((next: SessionsRoute, opts: { replace?: boolean } = {}) => {
    const url = `${location.pathname}${routeSearch(next)}`;
    if (opts.replace) history.replaceState(history.state, '', url);
    else if (!sameRoute(parseRoute(location.search), next)) history.pushState(null, '', url);
    setRoute(next);
    if (!opts.replace) {
      latest.current();
      focusWanted.current = true;
      scrollTo({ top: 0 });
    }
  }, []);

  const setTitle = useCallback((part: string | null) => {
    if (baseTitle.current === null) baseTitle.current = document.title;
    document.title = part ? `${part} · ${baseTitle.current}` : baseTitle.current;
  }, []);

  const navigation = useMemo<NavigationContext>(
    () => ({
      go,
      cardsHref: links.cardsHref,
      formatsHref: links.formatsHref,
      claimFocus() {
        const wanted = focusWanted.current;
        focusWanted.current = false;
        return wanted;
      },
      setTitle,
    }),
    [],
  );

  useEffect(() => {
    if (route.view === 'list') setTitle(null);
  }, [route.view]);

  // The query string means the same in both languages: the language switch stays on this session and card.
  useEffect(() => {
    const other = document.querySelector<HTMLAnchorElement>('a.lang-switch');
    const base = other?.getAttribute('href')?.split('?')[0];
    if (other && base !== undefined) other.setAttribute('href', `${base}${routeSearch(route)}`);
  }, [route]);

  return { route, navigation };
}
