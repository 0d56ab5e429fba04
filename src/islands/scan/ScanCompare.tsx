/**
 * Several people's scans side by side, built only from the scans in this browser (a person's
 * own, and colleagues' exported files imported on the sessions page). Nothing is sent
 * anywhere: the team view is arithmetic over local records (lib/scan/profile).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { mostDivergent, spreadOf, type CardSpread } from '../../lib/scan/profile';
import { formatDay, todayIso } from '../../lib/sessions/format';
import { OWN_PARTICIPANT } from '../../lib/sessions/positions';
import type { Repo } from '../../lib/store/repo';
import type { Session } from '../../lib/store/types';
import { fill } from '../../i18n/fill';
import type { ScanIslandCard, ScanStrings } from './types';
import type { Lang } from '../../routes';

interface ScanInfo {
  session: Session;
  answers: Map<string, number>;
}

/** Every live self-scan on this device, newest first (the list is paged; a device holds few). */
async function loadScans(repo: Repo): Promise<ScanInfo[]> {
  const found: Session[] = [];
  let cursor = null;
  for (let page = 0; page < 40; page++) {
    const { items, next } = await repo.sessions.list({ limit: 100, cursor });
    found.push(...items.filter((s) => s.origin === 'scan'));
    if (!next) break;
    cursor = next;
  }
  return Promise.all(
    found.map(async (session) => {
      const positions = await repo.positions.list(session.id);
      return {
        session,
        answers: new Map(
          positions.filter((p) => p.participant === OWN_PARTICIPANT).map((p) => [p.cardId, p.value] as const),
        ),
      };
    }),
  );
}

function SpreadLine({ spread }: { spread: CardSpread }) {
  const x = (v: number) => 8 + (v / 100) * 184;
  return (
    <svg class="scan-scale" viewBox="0 0 200 24" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <line x1={8} y1={12} x2={192} y2={12} class="scan-axis" />
      <line x1={x(spread.min)} y1={12} x2={x(spread.max)} y2={12} class="scan-range" />
      {spread.values.map((v, i) => (
        <circle key={i} cx={x(v)} cy={12} r={4} class="scan-dot" />
      ))}
    </svg>
  );
}

function SpreadRow({ spread, card, t }: { spread: CardSpread; card: ScanIslandCard; t: ScanStrings }) {
  return (
    <li class="scan-row">
      <span class="scan-row-title">{card.title}</span>
      <span class="scan-row-pole scan-row-a">{card.poles[0].label}</span>
      <SpreadLine spread={spread} />
      <span class="scan-row-pole scan-row-b">{card.poles[1].label}</span>
      <span class="scan-row-text">
        {fill(t.lang, t.scan.spreadItem, {
          title: card.title,
          min: spread.min,
          max: spread.max,
          n: spread.values.length,
        })}
      </span>
    </li>
  );
}

export function ScanCompare({
  repo,
  t,
  cards,
  lang,
  sessionsHref,
}: {
  repo: Repo;
  t: ScanStrings;
  cards: ScanIslandCard[];
  lang: Lang;
  sessionsHref: string;
}) {
  const s = t.scan;
  const [scans, setScans] = useState<ScanInfo[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [shown, setShown] = useState<ScanInfo[] | null>(null);
  const [problem, setProblem] = useState('');
  const teamHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    loadScans(repo)
      .then((list) => {
        if (!live) return;
        setScans(list);
        setChosen(new Set(list.map((x) => x.session.id)));
      })
      .catch(() => live && setScans([]));
    return () => {
      live = false;
    };
  }, [repo]);
  useEffect(() => {
    if (shown) teamHeading.current?.focus();
  }, [shown]);

  if (scans === null || scans.length === 0) return null;
  const byId = new Map(cards.map((c) => [c.id, c] as const));

  let team = null;
  if (shown) {
    const spreads = spreadOf(
      cards,
      shown.map((x) => x.answers),
    );
    const most = mostDivergent(spreads);
    const ranked = [...spreads].sort((a, b) => b.spread - a.spread || a.card.number - b.card.number);
    team = (
      <section class="scan-team" aria-labelledby="scan-team-title">
        <h3 id="scan-team-title" tabindex={-1} ref={teamHeading}>
          {s.teamTitle}
        </h3>
        <p class="scan-hint">{fill(t.lang, s.teamBasis, { n: shown.length })}</p>
        <h4>{s.mostTitle}</h4>
        {most.length === 0 ? (
          <p>{s.mostNone}</p>
        ) : (
          <>
            <ol class="scan-rows scan-most">
              {most.map((sp) => {
                const card = byId.get(sp.card.id);
                return card ? <SpreadRow key={card.id} spread={sp} card={card} t={t} /> : null;
              })}
            </ol>
            <button
              type="button"
              class="button primary"
              onClick={async () => {
                try {
                  const date = todayIso();
                  const session = await repo.sessions.create({
                    kind: 'teamoverleg',
                    title: fill(t.lang, s.teamSessionTitle, { date: formatDay(date, lang) }),
                    team: '',
                    date,
                    lang,
                    deck: { cards: most.map((x) => x.card.id) },
                  });
                  location.assign(`${sessionsHref}?sessie=${encodeURIComponent(session.id)}`);
                } catch {
                  setProblem(s.saveFailed);
                }
              }}
            >
              {s.startTeam}
            </button>
          </>
        )}
        <details class="scan-all">
          <summary>{s.allCardsTitle}</summary>
          <ul class="scan-rows">
            {ranked.map((sp) => {
              const card = byId.get(sp.card.id);
              return card ? <SpreadRow key={card.id} spread={sp} card={card} t={t} /> : null;
            })}
          </ul>
        </details>
      </section>
    );
  }

  return (
    <section class="scan-compare tile" aria-labelledby="scan-compare-title">
      <h2 id="scan-compare-title">{s.compareTitle}</h2>
      <p class="scan-hint">{s.compareHelp}</p>
      <p>
        <a href={sessionsHref}>{s.importLink}</a>
      </p>
      {scans.length < 2 ? (
        <p>{s.compareNone}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const picked = scans.filter((x) => chosen.has(x.session.id));
            if (picked.length < 2) return setProblem(s.compareAtLeastTwo);
            setProblem('');
            setShown(picked);
          }}
        >
          <fieldset>
            <legend class="visually-hidden">{s.compareTitle}</legend>
            {scans.map(({ session, answers }) => (
              <label key={session.id} class="scan-pick">
                <input
                  type="checkbox"
                  checked={chosen.has(session.id)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if ((e.currentTarget as HTMLInputElement).checked) next.add(session.id);
                    else next.delete(session.id);
                    setChosen(next);
                  }}
                />{' '}
                {fill(t.lang, s.scanItem, {
                  label: session.team || s.anonymous,
                  date: formatDay(session.date, lang),
                  answered: answers.size,
                  total: session.deck.cards?.length ?? answers.size,
                })}
              </label>
            ))}
          </fieldset>
          <button type="submit" class="button">
            {s.compare}
          </button>
        </form>
      )}
      {problem && (
        <p class="scan-problem" role="alert">
          {problem}
        </p>
      )}
      {team}
    </section>
  );
}
