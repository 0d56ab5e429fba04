/** Small shared pieces of the sessions island: error sentences, links, the "not found" view. */
import type { ComponentChildren } from 'preact';
import { dateProblem } from '../../lib/records/dates';
import { isStoreError, type StoreErrorCode } from '../../lib/store/errors';
import { routeSearch, type SessionsRoute } from '../../lib/sessions/route';
import { useNavigation, useStrings } from './context';
import type { SessionsStrings } from './types';

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
export function RouteLink(props: {
  route: SessionsRoute;
  class?: string;
  children: ComponentChildren;
  'aria-current'?: 'page';
}) {
  const { go } = useNavigation();
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

/** A session that is not stored (any more): say so and lead back to the list. */
export function SessionNotFound({ headingRef }: { headingRef: { current: HTMLHeadingElement | null } }) {
  const { t } = useStrings();
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

/**
 * The sentence for a date field's value that cannot be saved ("Schrijf het jaar met vier
 * cijfers"), or '' when it can: show it before saving, next to the field (NewSession, Actions).
 */
export function dateError(t: SessionsStrings, value: string): string {
  const problem = dateProblem(value);
  return problem ? t.s.dates[problem] : '';
}
