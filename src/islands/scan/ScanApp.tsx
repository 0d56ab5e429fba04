/**
 * The self-scan island (client:only: the scan lives in IndexedDB). A scan is a session of
 * kind zelfreflectie whose deck is the chosen dilemmas; each answer is that session's own
 * position on the card, saved as soon as it is chosen. So a scan survives a closed tab, shows
 * up in the sessions list and its trend view, and exports like any other session.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { INPUT_MAX_CHARS } from '../../lib/records/limits';
import { OWN_PARTICIPANT } from '../../lib/sessions/positions';
import { todayIso, formatDay } from '../../lib/sessions/format';
import {
  clampIndex,
  nextOpen,
  parseScanRoute,
  scanFileName,
  scanOrder,
  scanSearch,
  type ScanRoute,
} from '../../lib/scan/walk';
import { serialize } from '../../lib/exchange/format';
import { createRepo, type Repo } from '../../lib/store/repo';
import { closeKjk, openKjk, type KjkDb } from '../../lib/store/schema';
import { createSync } from '../../lib/store/sync';
import type { Session } from '../../lib/store/types';
import { THEMES, type Theme } from '../../vocab';
import { download } from '../download';
import { fill } from '../../i18n/fill';
import { leanPhrase, leanText } from './lean';
import { ScanCompare } from './ScanCompare';
import { ScanProfile } from './ScanProfile';
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

/** A loaded scan: the session, its cards in order, and the answers so far. */
interface Loaded {
  session: Session;
  order: ScanIslandCard[];
  answers: Map<string, number>;
}

export default function ScanApp({ lang, cards, t, sessionsHref }: Props) {
  const s = t.scan;
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' });
  const [route, setRoute] = useState<ScanRoute>(() => parseScanRoute(location.search));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    let db: KjkDb | null = null;
    let disposed = false;
    const sync = createSync();
    openKjk({
      // Another tab upgrades the database: let go of it, or that tab waits for us.
      onVersionChange: () => {
        if (db) closeKjk(db);
        setPhase({ kind: 'failed' });
      },
    })
      .then((opened) => {
        if (disposed) return closeKjk(opened);
        db = opened;
        setPhase({ kind: 'ready', repo: createRepo(opened, { sync }) });
      })
      .catch(() => {
        if (!disposed) setPhase({ kind: 'failed' });
      });
    const onPop = () => setRoute(parseScanRoute(location.search));
    addEventListener('popstate', onPop);
    return () => {
      disposed = true;
      removeEventListener('popstate', onPop);
      sync.close();
      if (db) closeKjk(db);
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
        const session = await repo.sessions.get(scanId);
        if (!live) return;
        if (!session || session.deletedAt !== undefined || session.kind !== 'zelfreflectie') {
          setMissing(true);
          return;
        }
        const byId = new Map(cards.map((c) => [c.id, c] as const));
        const order = (session.deck.cards ?? []).flatMap((id) => byId.get(id) ?? []);
        const positions = await repo.positions.list(scanId);
        const answers = new Map(
          positions.filter((p) => p.participant === OWN_PARTICIPANT).map((p) => [p.cardId, p.value] as const),
        );
        if (live) {
          setMissing(false);
          setLoaded({ session, order, answers });
        }
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
          const at = new Date();
          const text = serialize(await repo.exportSession(loaded.session.id), 'session', { exportedAt: at.getTime() });
          const name = scanFileName(loaded.session.team, todayIso(at));
          download(text, name);
          return name;
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

function ScanStart({
  t,
  cards,
  missing,
  onStart,
}: {
  t: ScanStrings;
  cards: ScanIslandCard[];
  missing: boolean;
  onStart(themes: Set<Theme>, label: string): Promise<void>;
}) {
  const s = t.scan;
  const counts = THEMES.map((theme) => ({ theme, n: cards.filter((c) => c.theme === theme).length })).filter(
    (x) => x.n > 0,
  );
  const [chosen, setChosen] = useState<Set<Theme>>(() => new Set(counts.map((x) => x.theme)));
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [label, setLabel] = useState('');
  return (
    <form
      class="scan-start tile"
      onSubmit={async (e) => {
        e.preventDefault();
        if (chosen.size === 0) return setProblem(s.noneChosen);
        setBusy(true);
        setProblem('');
        try {
          await onStart(chosen, label.trim());
        } catch {
          setProblem(s.saveFailed);
          setBusy(false);
        }
      }}
    >
      {missing && (
        <p class="scan-problem" role="alert">
          {s.notFound}
        </p>
      )}
      <fieldset>
        <legend>
          <h2>{s.chooseTitle}</h2>
        </legend>
        <p class="scan-hint">{s.chooseHelp}</p>
        {counts.map(({ theme, n }) => (
          <label key={theme} class={`scan-theme theme-${theme}`}>
            <input
              type="checkbox"
              checked={chosen.has(theme)}
              onChange={(e) => {
                const next = new Set(chosen);
                if ((e.currentTarget as HTMLInputElement).checked) next.add(theme);
                else next.delete(theme);
                setChosen(next);
              }}
            />{' '}
            {fill(t.lang, s.themeOption, { theme: t.themes[theme], n })}
          </label>
        ))}
      </fieldset>
      <p class="scan-label">
        <label for="scan-label">{s.label}</label>
        <input
          id="scan-label"
          type="text"
          maxLength={INPUT_MAX_CHARS.scanLabel}
          autocomplete="off"
          value={label}
          aria-describedby="scan-label-help"
          onInput={(e) => setLabel((e.currentTarget as HTMLInputElement).value)}
        />
        <span id="scan-label-help" class="scan-hint">
          {s.labelHelp}
        </span>
      </p>
      {problem && (
        <p class="scan-problem" role="alert">
          {problem}
        </p>
      )}
      <button class="button primary" type="submit" disabled={busy}>
        {s.start}
      </button>
    </form>
  );
}

function ScanStep({
  t,
  loaded,
  index,
  onSave,
  onMove,
}: {
  t: ScanStrings;
  loaded: Loaded;
  index: number;
  onSave(cardId: string, value: number): Promise<void>;
  onMove(to: number): void;
}) {
  const s = t.scan;
  const card = loaded.order[index];
  const stored = card ? loaded.answers.get(card.id) : undefined;
  const [value, setValue] = useState(stored ?? 50);
  const [failed, setFailed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const total = loaded.order.length;

  // A new card: move focus to its title, so a screen reader reads where the person is.
  useEffect(() => heading.current?.focus({ preventScroll: false }), []);

  if (!card) return <p class="scan-status">{s.notFound}</p>;
  const save = async (v: number): Promise<boolean> => {
    try {
      await onSave(card.id, v);
      setFailed(false);
      return true;
    } catch {
      setFailed(true);
      return false;
    }
  };
  const last = index === total - 1;
  const answered = new Set(loaded.answers.keys());
  const afterThis = () => {
    // Past the last card, or when every other card is done, the profile comes next.
    const open = nextOpen(
      loaded.order.map((c) => c.id),
      new Set([...answered, card.id]),
      index + 1,
    );
    return last || open === -1 || open <= index ? total : open;
  };

  return (
    <section class={`scan-step theme-${card.theme}`} aria-labelledby="scan-card-title">
      <p class="scan-progress">
        <span>{fill(t.lang, s.progress, { i: index + 1, n: total })}</span>
        <progress max={total} value={answered.size} aria-label={s.progressLabel} />
      </p>
      <article class="scan-card">
        <p class="scan-theme-name">{t.themes[card.theme]}</p>
        <h2 id="scan-card-title" tabindex={-1} ref={heading}>
          {card.title}
        </h2>
        <p>{card.summary}</p>
        <div class="scan-poles">
          {card.poles.map((pole, i) => (
            <div key={pole.label} class={`scan-pole scan-pole-${i === 0 ? 'a' : 'b'}`}>
              <h3>{pole.label}</h3>
              <p>
                <strong>{t.protects}:</strong> {pole.protects}
              </p>
            </div>
          ))}
        </div>
        <p>
          <a href={card.href}>{s.readCard}</a>
        </p>
      </article>
      <div class="scan-place">
        <label for="scan-value">{fill(t.lang, s.place, { a: card.poles[0].label, b: card.poles[1].label })}</label>
        <div class="scan-slider">
          <span aria-hidden="true">{card.poles[0].label}</span>
          <input
            id="scan-value"
            type="range"
            min={0}
            max={100}
            step={5}
            value={value}
            aria-valuetext={leanText(value, card.poles, t)}
            aria-describedby="scan-place-status"
            onInput={(e) => setValue(Number((e.currentTarget as HTMLInputElement).value))}
            onChange={(e) => void save(Number((e.currentTarget as HTMLInputElement).value))}
          />
          <span aria-hidden="true">{card.poles[1].label}</span>
        </div>
        <p id="scan-place-status" class="scan-hint" aria-live="polite">
          {failed
            ? ''
            : stored === undefined
              ? s.notPlaced
              : fill(t.lang, s.placed, { value: stored, lean: leanPhrase(stored, card.poles, t) })}
        </p>
        {failed && (
          <p class="scan-problem" role="alert">
            {s.saveFailed}
          </p>
        )}
      </div>
      <div class="scan-buttons">
        <button type="button" class="button" disabled={index === 0} onClick={() => onMove(index - 1)}>
          {s.prev}
        </button>
        {stored === undefined && (
          <button type="button" class="button" onClick={() => onMove(last ? total : index + 1)}>
            {s.skip}
          </button>
        )}
        <button
          type="button"
          class="button primary"
          onClick={async () => {
            if (stored !== value && !(await save(value))) return;
            onMove(afterThis());
          }}
        >
          {last ? s.finish : s.next}
        </button>
      </div>
    </section>
  );
}
