/**
 * The self-scan island (client:only: the scan lives in IndexedDB). A scan is a session of
 * kind zelfreflectie whose deck is the chosen dilemmas; each answer is that session's own
 * position on the card, saved as soon as it is chosen. So a scan survives a closed tab, shows
 * up in the sessions list and its trend view, and exports like any other session.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { OWN_PARTICIPANT } from '../../lib/sessions/positions';
import { todayIso, formatDay } from '../../lib/sessions/format';
import { exportScan } from '../../lib/scan/export';
import { loadScan, type LoadedScan } from '../../lib/scan/session';
import { clampIndex, parseScanRoute, scanFileName, scanOrder, scanSearch, type ScanRoute } from '../../lib/scan/walk';
import { openStore } from '../../lib/store/open';
import type { Repo } from '../../lib/store/repo';
import { download } from '../download';
import { fill } from '../../i18n/fill';
import { ScanCompare } from './ScanCompare';
import { ScanProfile } from './ScanProfile';
import { ScanStart } from './ScanStart';
import { ScanStep } from './ScanStep';
import type { ScanIslandCard, ScanStrings } from './types';
import type { Lang } from '../../routes';
import '../../styles/scan.css';

interface Props {
  lang: Lang;
  cards: ScanIslandCard[];
  t: ScanStrings;
  sessionsHref: string;
}

type Phase = { kind: 'opening' } | { kind: 'ready'; repo: Repo } | { kind: 'failed' };

type Loaded = LoadedScan<ScanIslandCard>;

export default function ScanApp({ lang, cards, t, sessionsHref }: Props) {
  const s = t.scan;
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' });
  const [route, setRoute] = useState<ScanRoute>(() => parseScanRoute(location.search));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    const store = openStore({
      onOpen: (repo) => setPhase({ kind: 'ready', repo }),
      // Another tab upgrades the database (openStore already let go of it), or it cannot open.
      onVersionChange: () => setPhase({ kind: 'failed' }),
      onFailed: () => setPhase({ kind: 'failed' }),
    });
    const onPop = () => setRoute(parseScanRoute(location.search));
    addEventListener('popstate', onPop);
    return () => {
      removeEventListener('popstate', onPop);
      store.close();
    };
  }, []);

  const go = useCallback((next: ScanRoute) => {
    // Card steps replace the entry: Back leaves the scan instead of stepping through 20 cards.
    // A bare query keeps the path as it is; "//x/" as a path would name another host.
    const url = scanSearch(next) || location.pathname.replace(/^\/{2,}/, '/');
    if (next.view === 'profile' || next.view === 'start') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    setRoute(next);
  }, []);

  const repo = phase.kind === 'ready' ? phase.repo : null;
  const scanId = route.view === 'start' ? null : route.id;

  // Load the scan named in the address bar (once per scan; answers then change locally).
  useEffect(() => {
    if (!repo || scanId === null || loaded?.session.id === scanId) return;
    let live = true;
    void (async () => {
      try {
        const scan = await loadScan(repo, scanId, cards);
        if (!live) return;
        setMissing(scan === null);
        if (scan) setLoaded(scan);
      } catch {
        if (live) setPhase({ kind: 'failed' });
      }
    })();
    return () => {
      live = false;
    };
  }, [repo, scanId, loaded, cards]);

  if (phase.kind === 'opening') return <p class="scan-status">{s.loading}</p>;
  if (phase.kind === 'failed' || !repo)
    return (
      <p class="scan-status tile" role="alert">
        {s.unavailable}
      </p>
    );

  if (route.view === 'start' || missing) {
    return (
      <>
        <ScanStart
          t={t}
          cards={cards}
          missing={missing}
          onStart={async (themes, label) => {
            const order = scanOrder(cards, themes);
            const date = todayIso();
            const session = await repo.sessions.create({
              kind: 'zelfreflectie',
              title: fill(t.lang, s.sessionTitle, { date: formatDay(date, lang) }),
              // A scan's label lives in `team`: the trend view then follows one person's scans.
              team: label,
              date,
              lang,
              deck: { cards: order.map((c) => c.id) },
              origin: 'scan',
            });
            setMissing(false);
            setLoaded({ session, order, answers: new Map() });
            go({ view: 'card', id: session.id, index: 0 });
          }}
        />
        <ScanCompare repo={repo} t={t} cards={cards} lang={lang} sessionsHref={sessionsHref} />
      </>
    );
  }
  if (!loaded || loaded.session.id !== route.id) return <p class="scan-status">{s.loading}</p>;

  if (route.view === 'profile') {
    return (
      <ScanProfile
        t={t}
        order={loaded.order}
        answers={loaded.answers}
        sessionHref={`${sessionsHref}?sessie=${encodeURIComponent(loaded.session.id)}`}
        onExport={async () => {
          // The one checked export (lib/exchange/export): a label that looks like client details is asked about.
          const { checkedExport } = await import('../../lib/exchange/export');
          const result = await checkedExport({
            // Only the scan and its answers: the file stays plain, so no notes, actions or renamed title.
            read: async () => {
              const id = loaded.session.id;
              const [session, positions] = await Promise.all([repo.sessions.get(id), repo.positions.list(id)]);
              if (!session) throw new Error(`scan ${id} is gone`);
              const title = fill(t.lang, s.sessionTitle, { date: formatDay(session.date, lang) });
              return exportScan(session, positions, title);
            },
            scope: 'session',
            lang,
            confirm: () => window.confirm(s.privacyAsk),
            download,
            fileName: (_data, at) => scanFileName(loaded.session.team, todayIso(at)),
          });
          return result.done ? result.file : null;
        }}
        onAnswer={(index) => go({ view: 'card', id: loaded.session.id, index })}
        onRestart={() => {
          setLoaded(null);
          go({ view: 'start' });
        }}
      />
    );
  }

  const index = clampIndex(route.index, loaded.order.length);
  return (
    <ScanStep
      key={loaded.order[index]?.id}
      t={t}
      loaded={loaded}
      index={index}
      onSave={async (cardId, value) => {
        await repo.positions.set({ sessionId: loaded.session.id, cardId, participant: OWN_PARTICIPANT, value });
        setLoaded((l) => (l ? { ...l, answers: new Map(l.answers).set(cardId, value) } : l));
      }}
      onMove={(to) => {
        if (to >= loaded.order.length) go({ view: 'profile', id: loaded.session.id });
        else go({ view: 'card', id: loaded.session.id, index: Math.max(0, to) });
      }}
    />
  );
}
