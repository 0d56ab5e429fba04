/**
 * The sessions page's island without a browser: each state of the store as the user sees it
 * (opening, the list, a store that cannot open, a newer tab, a blocking tab, recovery, a part
 * that did not load, the slow banner, a reopened store) and the toasts and Back.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { t as dictionary } from '../../src/i18n';
import { loadPart } from '../../src/lib/load';
import { StoreError } from '../../src/lib/store/errors';
import { createRepo } from '../../src/lib/store/repo';
import { closeKjk, DB_VERSION, MIGRATIONS, openKjk, type OpenKjkOptions } from '../../src/lib/store/schema';
import { TOAST_MS, Toasts, useToasts } from '../../src/islands/sessions/app/notices';
import { useRouter } from '../../src/islands/sessions/app/router';
import SessionsApp from '../../src/islands/sessions/SessionsApp';
import { SESSIONS_DATA_ID, type SessionsData } from '../../src/islands/sessions/types';
import { sessionsStrings } from '../../src/views/island-strings';

const open = vi.hoisted(() => ({
  /** Replaces openKjk for one test; null: the real one. */
  fake: null as null | ((o: OpenKjkOptions) => Promise<unknown>),
}));
vi.mock('../../src/lib/store/schema', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/lib/store/schema')>();
  return { ...real, openKjk: (o: OpenKjkOptions) => (open.fake ? open.fake(o) : real.openKjk(o)) };
});

const d = dictionary('nl');
const s = d.sessions;
const data = {
  cards: [],
  t: sessionsStrings('nl'),
} satisfies SessionsData;

function renderApp() {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = SESSIONS_DATA_ID;
  script.textContent = JSON.stringify(data);
  document.body.append(script);
  const view = render(<SessionsApp lang="nl" cardsHref="/kaarten/" formatsHref="/werkvormen/" />);
  const app = () => view.container.querySelector('.sessions-app') as HTMLElement;
  return { ...view, app };
}

async function deleteDb() {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase('kjk');
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

beforeEach(async () => {
  open.fake = null;
  history.replaceState(null, '', '/sessies/');
  await deleteDb();
});
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.getElementById(SESSIONS_DATA_ID)?.remove();
});

describe('SessionsApp', () => {
  it('shows the list skeleton while opening, then the empty list', async () => {
    const { app } = renderApp();
    expect(app().dataset.store).toBe('opening');
    expect(app().querySelector('[aria-busy="true"]')).not.toBeNull();
    await waitFor(() => expect(app().dataset.store).toBe('ready'));
    expect(await screen.findByText(s.list.empty)).toBeTruthy();
    expect(app().querySelector('[data-banner]')).toBeNull();
  });

  it('lists the sessions already stored', async () => {
    const db = await openKjk();
    await createRepo(db).sessions.create({
      kind: 'teamoverleg',
      title: 'Overleg maart',
      team: 'Noord',
      date: '2024-03-01',
      lang: 'nl',
    });
    closeKjk(db);
    renderApp();
    expect(await screen.findByText('Overleg maart')).toBeTruthy();
  });

  it('a browser without IndexedDB: says so, with the way back to the cards and no reload', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const { app } = renderApp();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(s.banner.unavailable);
    expect(screen.getByRole('link', { name: s.banner.toCards }).getAttribute('href')).toBe('/kaarten/');
    expect(screen.queryByRole('button', { name: s.banner.reload })).toBeNull();
    expect(app().dataset.store).toBe('failed');
  });

  it('a store that fails to upgrade: its own message and a reload', async () => {
    open.fake = () => Promise.reject(new StoreError('upgrade-failed'));
    renderApp();
    expect((await screen.findByRole('alert')).textContent).toContain(s.errors['upgrade-failed']);
    expect(screen.getByRole('button', { name: s.banner.reload })).toBeTruthy();
  });

  it('a newer tab upgrades the store: the version banner asks for a reload', async () => {
    const { app } = renderApp();
    await waitFor(() => expect(app().dataset.store).toBe('ready'));
    const newer = await openKjk({
      name: 'kjk',
      version: DB_VERSION + 1,
      migrations: [...MIGRATIONS, { version: DB_VERSION + 1, run() {} }],
    });
    await waitFor(() => expect(app().querySelector('[data-banner]')?.getAttribute('data-banner')).toBe('version'));
    expect(app().querySelector('[data-banner]')?.textContent).toContain(s.banner.versionChange);
    closeKjk(newer);
  });

  it('an old tab blocks the upgrade: the blocked banner, gone once it lets go', async () => {
    const old = await openDB('kjk', 1, {
      upgrade: (db, _o, _n, tx) => void MIGRATIONS[0]?.run(db as never, tx as never),
    });
    // Let go even when an assertion fails: a connection left open would block every later test.
    onTestFinished(() => old.close());
    const { app } = renderApp();
    await waitFor(() => expect(app().querySelector('[data-banner]')?.getAttribute('data-banner')).toBe('blocked'));
    expect(screen.getByRole('alert').textContent).toContain(s.banner.blocked);
    old.close();
    await waitFor(() => expect(app().dataset.store).toBe('ready'));
    expect(app().querySelector('[data-banner]')).toBeNull();
  });

  it('an unreadable store: the recovery view, which deletes nothing', async () => {
    open.fake = () => Promise.reject(new StoreError('backing-store'));
    const { app } = renderApp();
    expect(await screen.findByRole('heading', { name: s.recovery.title })).toBeTruthy();
    expect(screen.getByText(s.recovery.cannotOpen)).toBeTruthy();
    expect(app().dataset.store).toBe('recovery');
  });

  it('a part of the app that did not arrive: the load banner', async () => {
    const { app } = renderApp();
    await waitFor(() => expect(app().dataset.store).toBe('ready'));
    await act(async () => {
      await loadPart(() => Promise.reject(new Error('chunk')), { attempts: 1 }).catch(() => undefined);
    });
    expect(app().querySelector('[data-banner]')?.getAttribute('data-banner')).toBe('load');
    expect(screen.getByRole('alert').textContent).toContain(s.banner.loadFailed);
  });

  it('a store that does not open within 12 s: the slow banner', async () => {
    vi.useFakeTimers();
    open.fake = () => new Promise(() => {});
    const { app } = renderApp();
    act(() => {
      vi.advanceTimersByTime(11_900);
    });
    expect(app().querySelector('[data-banner]')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(app().querySelector('[data-banner]')?.getAttribute('data-banner')).toBe('slow');
    expect(screen.getByRole('alert').textContent).toContain(s.banner.slow);
  });

  it('the browser drops the store: it opens again and says so', async () => {
    let terminate: (() => void) | undefined;
    open.fake = (o) => {
      terminate = o.onTerminated;
      open.fake = null;
      return openKjk(o);
    };
    const { app } = renderApp();
    await waitFor(() => expect(app().dataset.store).toBe('ready'));
    act(() => terminate?.());
    expect(await screen.findByText(s.banner.reopened)).toBeTruthy();
    // The notice can be closed.
    fireEvent.click(screen.getByRole('button', { name: s.close }));
    expect(screen.queryByText(s.banner.reopened)).toBeNull();
  });
});

describe('SessionsApp notices', () => {
  function Harness({ onReady }: { onReady: (toast: ReturnType<typeof useToasts>['toast']) => void }) {
    const { toasts, toast, clear } = useToasts();
    onReady(toast);
    return <Toasts toasts={toasts} clear={clear} closeLabel={s.close} />;
  }

  it('one message at a time; a plain one fades, one with an action waits and takes focus', async () => {
    vi.useFakeTimers();
    let toast!: ReturnType<typeof useToasts>['toast'];
    render(<Harness onReady={(fn) => (toast = fn)} />);
    act(() => toast(s.list.renamed));
    expect(screen.getByRole('status').textContent).toContain(s.list.renamed);
    act(() => {
      vi.advanceTimersByTime(TOAST_MS);
    });
    expect(screen.getByRole('status').textContent).toBe('');

    const run = vi.fn();
    act(() => toast('Verwijderd', { action: { label: 'Ongedaan maken', run }, focus: true, tone: 'error' }));
    const undo = screen.getByRole('button', { name: 'Ongedaan maken' });
    expect(document.activeElement).toBe(undo);
    act(() => {
      vi.advanceTimersByTime(TOAST_MS * 2);
    });
    await act(async () => {
      fireEvent.click(undo);
    });
    expect(run).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Ongedaan maken' })).toBeNull();
  });
});

describe('SessionsApp router', () => {
  function Harness({
    onNavigate,
    expose,
  }: {
    onNavigate: () => void;
    expose: (r: ReturnType<typeof useRouter>) => void;
  }) {
    const router = useRouter({ cardsHref: '/kaarten/', formatsHref: '/werkvormen/' }, onNavigate);
    expose(router);
    return <p data-view={router.route.view} />;
  }

  it('keeps the view in the query string, follows Back, moves focus once, and names the tab', async () => {
    const link = document.createElement('a');
    link.className = 'lang-switch';
    link.setAttribute('href', '/en/sessions/');
    document.body.append(link);
    document.title = 'Mijn sessies';
    const onNavigate = vi.fn();
    let router!: ReturnType<typeof useRouter>;
    const { container } = render(<Harness onNavigate={onNavigate} expose={(r) => (router = r)} />);
    const view = () => container.querySelector('p')?.dataset.view;
    expect(view()).toBe('list');
    expect(router.navigation.claimFocus()).toBe(false);

    act(() => router.navigation.go({ view: 'report', id: 's1' }));
    expect(view()).toBe('report');
    expect(location.search).toContain('s1');
    expect(link.getAttribute('href')).toBe(`/en/sessions/${location.search}`);
    expect(onNavigate).toHaveBeenCalledTimes(1);
    expect(router.navigation.claimFocus()).toBe(true);
    expect(router.navigation.claimFocus()).toBe(false);

    act(() => router.navigation.setTitle('Overleg'));
    expect(document.title).toBe('Overleg · Mijn sessies');

    // A replace changes the address without a navigation the user sees.
    act(() => router.navigation.go({ view: 'session', id: 's1', card: 0 }, { replace: true }));
    expect(view()).toBe('session');
    expect(onNavigate).toHaveBeenCalledTimes(1);

    history.replaceState(null, '', '/sessies/');
    act(() => {
      dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(view()).toBe('list');
    expect(onNavigate).toHaveBeenCalledTimes(2);
    expect(document.title).toBe('Mijn sessies');
    link.remove();
  });
});
