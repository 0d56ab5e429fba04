/** Hooks every session view uses: reading the store, change notices, focus, title, ids, exports. */
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { loadPart } from '../../lib/load';
import type { ChangeMessage, ChangeStore } from '../../lib/store/sync';
import { useNavigation, useStore, useStrings } from './context';
import { errorText } from './ui';

/**
 * Calls `reload` whenever a change notice for one of `stores` arrives ('all' always counts).
 * The latest `reload` is used, so it may close over fresh state.
 */
export function useChanges(stores: readonly ChangeStore[], reload: (message: ChangeMessage) => void): void {
  const { subscribe } = useStore();
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

export interface QueryOptions<T> {
  /** Reload when one of these stores changes (here or in another tab; 'all' always counts). */
  stores: readonly ChangeStore[];
  /** Narrows which notices count, e.g. only the one session shown. */
  when?(message: ChangeMessage): boolean;
  /** Forget the old data while the next key loads (a view of another record), instead of keeping it. */
  reset?: boolean;
  /** Turns an expected error into data (e.g. 'not-found' → null, or nothing to show → []). */
  recover?(err: unknown): T | undefined;
  /** For extras the view can do without: an error changes nothing and shows nothing. */
  quiet?: boolean;
}

export interface StoreQuery<T> {
  /** undefined until the first load has ended. */
  data: T | undefined;
  /** A sentence for the last failed load ('' when it worked); errors that need the whole page are escalated instead. */
  error: string;
  /** Loads again (after this view wrote something the store does not announce to itself). */
  reload(): Promise<void>;
  /** Changes the data in place (e.g. appends the next page). */
  set(update: (old: T | undefined) => T): void;
}

/**
 * The one recipe for reading the store in a view: load when the view (or `key`) appears and
 * when the store is reopened, load again on change notices, show errors the same way
 * everywhere (escalate, else a sentence), and never let an older load overwrite a newer one.
 */
export function useStoreQuery<T>(
  load: () => Promise<T>,
  key: readonly unknown[],
  options: QueryOptions<T>,
): StoreQuery<T> {
  const { repo, escalate } = useStore();
  const { t } = useStrings();
  const [state, setState] = useState<{ data: T | undefined; error: string }>({ data: undefined, error: '' });
  const latest = useRef({ load, options, escalate, t });
  latest.current = { load, options, escalate, t };
  // Each load takes a number; only the newest may write its result.
  const generation = useRef(0);

  const run = useCallback(async () => {
    const mine = ++generation.current;
    const { load: read, options: o } = latest.current;
    try {
      const data = await read();
      if (mine === generation.current) setState({ data, error: '' });
    } catch (err) {
      if (mine !== generation.current) return;
      const recovered = o.recover?.(err);
      if (recovered !== undefined) setState({ data: recovered, error: '' });
      else if (!o.quiet && !latest.current.escalate(err)) {
        const error = errorText(latest.current.t, err);
        setState((old) => ({ data: old.data, error }));
      }
    }
  }, []);

  useEffect(() => {
    if (latest.current.options.reset) setState({ data: undefined, error: '' });
    void run();
    // A load still running for the old key (or after unmount) must not land.
    return () => {
      generation.current++;
    };
  }, [repo, ...key]);

  useChanges(options.stores, (m) => {
    if (!options.when || options.when(m)) void run();
  });

  const set = useCallback(
    (update: (old: T | undefined) => T) => setState((old) => ({ data: update(old.data), error: old.error })),
    [],
  );
  return { data: state.data, error: state.error, reload: run, set };
}

/** Focuses `el` once it is `ready`, if a navigation asked for it (not on the first page load). */
export function useViewFocus(el: { current: HTMLElement | null }, ready: boolean): void {
  const { claimFocus } = useNavigation();
  useEffect(() => {
    if (ready && claimFocus()) el.current?.focus();
  }, [ready]);
}

/** Puts `part` first in the tab title while this view shows it (see NavigationContext.setTitle). */
export function usePageTitle(part: string | null | undefined): void {
  const { setTitle } = useNavigation();
  useEffect(() => {
    if (part !== undefined) setTitle(part);
  }, [part]);
}

/** A unique id for label/aria wiring, readable in the DOM ("ss-note-P0-3"): Preact's useId with a prefix. */
export function useFieldId(prefix: string): string {
  return `${prefix}-${useId()}`;
}

/** A component from a module loaded the first time it is `wanted` (null until it has arrived). */
export function useLazy<C>(wanted: boolean, load: () => Promise<C>): C | null {
  // Boxed: a component is a function, and useState would call a function as an updater.
  const [box, setBox] = useState<{ value: C } | null>(null);
  useEffect(() => {
    // A chunk that does not arrive is fetched again (lib/load.ts); when every try fails, the
    // page shows a banner with a reload (SessionsApp listens), never "Laden…" for good.
    if (wanted && !box)
      loadPart(load).then(
        (value) => setBox({ value }),
        () => undefined,
      );
  }, [wanted]);
  return box?.value ?? null;
}
