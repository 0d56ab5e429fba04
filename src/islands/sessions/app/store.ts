/**
 * The sessions page's store: a thin hook over openStore (src/lib/store/open.ts), which owns the
 * lifecycle. This turns its events into what the page draws: the phase, the warnings, and the
 * store context the views read through useStore.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browserDraftStorage } from '../../../lib/sessions/draft-storage';
import type { StoreErrorCode } from '../../../lib/store/errors';
import { openStore, type OpenedStore } from '../../../lib/store/open';
import { persistenceStatus, requestPersistence } from '../../../lib/store/persist';
import type { Repo } from '../../../lib/store/repo';
import type { KjkDb } from '../../../lib/store/schema';
import type { ChangeMessage } from '../../../lib/store/sync';
import type { StoreContext } from '../context';

export type Phase =
  | { kind: 'opening' }
  | { kind: 'ready'; repo: Repo }
  | { kind: 'recovery'; db: KjkDb | null }
  | { kind: 'failed'; code: StoreErrorCode | null };

export interface StoreLifecycle {
  phase: Phase;
  versionChanged: boolean;
  blocked: boolean;
  slow: boolean;
  /** For the views, while the phase is 'ready'. */
  store: StoreContext | null;
}

function newTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Opens the store once for the page. `loading` tells the slow watchdog whether a view still
 * shows "Laden…"; `onReopened` runs after the browser dropped the data and the store is back.
 */
export function useSessionsStore(loading: () => boolean, onReopened: () => void): StoreLifecycle {
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' });
  const [versionChanged, setVersionChanged] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const [slow, setSlow] = useState(false);
  const drafts = useMemo(browserDraftStorage, []);
  const tab = useMemo(newTabId, []);
  const opened = useRef<OpenedStore | null>(null);
  const persistAsked = useRef(false);
  const latest = useRef({ loading, onReopened });
  latest.current = { loading, onReopened };

  useEffect(() => {
    const store = openStore({
      drafts,
      purge: true,
      slow: { loading: () => latest.current.loading() },
      onOpen: (repo, { reopened }) => {
        setPhase({ kind: 'ready', repo });
        if (reopened) latest.current.onReopened();
      },
      onVersionChange: () => setVersionChanged(true),
      onBlocked: setBlocked,
      onSlow: setSlow,
      onRecoveryNeeded: (db) => setPhase({ kind: 'recovery', db }),
      onFailed: (code) => setPhase({ kind: 'failed', code }),
    });
    opened.current = store;
    return () => store.close();
  }, []);

  const repo = phase.kind === 'ready' ? phase.repo : null;
  const store = useMemo<StoreContext | null>(() => {
    const changes = opened.current?.changes;
    if (!repo || !changes) return null;
    return {
      repo,
      subscribe: (listener: (m: ChangeMessage) => void) => changes.subscribe(listener),
      notePersisted() {
        if (persistAsked.current) return;
        persistAsked.current = true;
        void (async () => {
          if ((await persistenceStatus()) === 'persisted') return;
          await requestPersistence(repo.meta);
          changes.emit({ type: 'changed', store: 'meta', id: 'persistGranted', updatedAt: Date.now() });
        })();
      },
      escalate: (err: unknown) => opened.current?.escalate(err) ?? false,
      drafts,
      tab,
    };
  }, [repo]);

  return { phase, versionChanged, blocked, slow, store };
}
