/**
 * Where people stand between a dilemma's two poles (0 = pole A, 100 = pole B).
 * Zelfreflectie: one marker. Team kinds: participants place markers in turn on one device,
 * hidden until "show all"; then a dot plot of the spread and the team's agreed position.
 * Plus the history of "our" position on this card across sessions of the same team.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { INPUT_MAX_CHARS } from '../../lib/records/limits';
import { dotPlot, historyChart } from '../../lib/report/chart';
import { formatDay, median } from '../../lib/sessions/format';
import {
  dotLabel,
  historyPoints,
  isTeamKind,
  teamEntries,
  type HistoryPoint,
  leaning,
  nextFreeName,
  OWN_PARTICIPANT,
  participantPositions,
  sameParticipant,
} from '../../lib/sessions/positions';
import type { Position, Session } from '../../lib/store/types';
import type { SessionCard } from './types';
import { useNotices, useStore, useStrings } from './context';
import { useFieldId, useStoreQuery } from './hooks';
import { errorText } from './ui';

interface Props {
  session: Session;
  card: SessionCard;
  poles: [string, string];
}

/** "dichter bij Zelfredzaam" and "40 van 100, dichter bij Zelfredzaam" for a value. */
function usePoleWords(poles: [string, string]) {
  const { t, lang } = useStrings();
  const p = t.s.positions;
  const lean = (value: number) => {
    const side = leaning(value);
    return side === 'a'
      ? fill(lang, p.leanA, { a: poles[0] })
      : side === 'b'
        ? fill(lang, p.leanB, { b: poles[1] })
        : p.middle;
  };
  return { lean, valueText: (value: number) => fill(lang, p.valueText, { value, lean: lean(value) }) };
}

/** A range input with the two pole labels at its ends; `label` names both poles. */
function PoleSlider(props: {
  id: string;
  label: string;
  value: number;
  poles: [string, string];
  onInput(v: number): void;
  onCommit?(v: number): void;
}) {
  const { valueText } = usePoleWords(props.poles);
  return (
    <div class="ss-slider">
      <label for={props.id} class="ss-slider-label">
        {props.label}
      </label>
      <input
        id={props.id}
        type="range"
        min={0}
        max={100}
        step={1}
        value={props.value}
        aria-valuetext={valueText(props.value)}
        onInput={(e) => props.onInput(Number(e.currentTarget.value))}
        onChange={(e) => props.onCommit?.(Number(e.currentTarget.value))}
      />
      <div class="ss-slider-poles" aria-hidden="true">
        <span>{props.poles[0]}</span>
        <output class="ss-slider-value">{props.value}</output>
        <span>{props.poles[1]}</span>
      </div>
    </div>
  );
}

export function Positions({ session, card, poles }: Props) {
  const { repo } = useStore();
  const { data: list, error } = useStoreQuery(() => repo.positions.list(session.id, card.id), [], {
    stores: ['positions'],
  });

  if (list === undefined) return error ? <p class="ss-error">{error}</p> : null;
  return isTeamKind(session.kind) ? (
    <TeamPositions session={session} card={card} poles={poles} list={list} />
  ) : (
    <OwnPosition session={session} card={card} poles={poles} list={list} />
  );
}

function OwnPosition({ session, card, poles, list }: Props & { list: Position[] }) {
  const { repo } = useStore();
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const p = t.s.positions;
  const id = useFieldId('ss-own');
  const stored = list.find((x) => x.participant === OWN_PARTICIPANT);
  const [value, setValue] = useState(stored?.value ?? 50);
  const [message, setMessage] = useState('');
  const touched = useRef(false);

  // Another tab moved it: follow, unless the user is moving it here right now.
  useEffect(() => {
    if (stored && !touched.current) setValue(stored.value);
  }, [stored?.value]);

  const save = async (v: number) => {
    touched.current = false;
    try {
      await repo.positions.set({ sessionId: session.id, cardId: card.id, participant: OWN_PARTICIPANT, value: v });
      setMessage(fill(lang, p.ownSaved, { value: v }));
    } catch (err) {
      toast(errorText(t, err), { tone: 'error' });
    }
  };

  return (
    <section class="ss-positions" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{p.titleOwn}</h4>
      <PoleSlider
        id={`${id}-range`}
        label={fill(lang, p.own, { a: poles[0], b: poles[1] })}
        value={value}
        poles={poles}
        onInput={(v) => {
          touched.current = true;
          setValue(v);
        }}
        onCommit={(v) => void save(v)}
      />
      <div class="ss-buttons">
        {(!stored || stored.value !== value) && (
          <button type="button" class="primary" onClick={() => void save(value)}>
            {p.saveOwn}
          </button>
        )}
        <p class="ss-hint" role="status">
          {message || (stored ? fill(lang, p.ownSaved, { value: stored.value }) : p.ownNone)}
        </p>
      </div>
    </section>
  );
}

function TeamPositions({ session, card, poles, list }: Props & { list: Position[] }) {
  const { repo } = useStore();
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const p = t.s.positions;
  const id = useFieldId('ss-team');
  const { lean } = usePoleWords(poles);
  const markers = participantPositions(list);
  const agreed = list.find((x) => x.agreed) ?? null;
  const [name, setName] = useState('');
  const [value, setValue] = useState(50);
  const [revealed, setRevealed] = useState(false);
  const [agreedValue, setAgreedValue] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const nameInput = useRef<HTMLInputElement>(null);

  // A name already on this card: ask before anything is written (replace, or add as "Anna (2)").
  const [clash, setClash] = useState<{ participant: string; value: number; existing: Position } | null>(null);
  const clashFirst = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (clash) clashFirst.current?.focus();
  }, [clash]);

  const write = async (participant: string, placed: number, replaceId?: string) => {
    try {
      await repo.positions.set({
        sessionId: session.id,
        cardId: card.id,
        participant,
        value: placed,
        ...(replaceId ? { id: replaceId } : {}),
      });
      setMessage(fill(lang, p.placed, { name: participant }));
    } catch (err) {
      setName(participant);
      setValue(placed);
      toast(errorText(t, err), { tone: 'error' });
    }
  };

  const place = async (e: Event) => {
    e.preventDefault();
    const typed = name.trim();
    const participant = typed || nextDefault();
    const placed = value;
    // Cleared at once, before the save: the next person must not see where the previous one
    // put the marker, and may start moving the slider while the save is still running.
    setName('');
    setValue(50);
    const existing = sameParticipant(markers, participant);
    if (existing) {
      setClash({ participant, value: placed, existing });
      return;
    }
    nameInput.current?.focus();
    await write(participant, placed);
  };

  /** "Deelnemer 3", or the next number that is still free. */
  const nextDefault = () => {
    for (let n = markers.length + 1; ; n++) {
      const candidate = fill(lang, p.defaultName, { n });
      if (!sameParticipant(markers, candidate)) return candidate;
    }
  };

  const resolveClash = async (how: 'replace' | 'add') => {
    if (!clash) return;
    const { value: placed, existing } = clash;
    setClash(null);
    nameInput.current?.focus();
    if (how === 'replace') await write(existing.participant, placed, existing.id);
    // Numbered after the name as it was stored ("Anna (2)"), however the second one typed it.
    else
      await write(
        nextFreeName(
          existing.participant,
          markers.map((m) => m.participant),
        ),
        placed,
      );
  };

  const remove = async (marker: Position) => {
    try {
      await repo.positions.delete(marker.id);
      setMessage(fill(lang, p.removed, { name: marker.participant }));
      nameInput.current?.focus();
    } catch (err) {
      toast(errorText(t, err), { tone: 'error' });
    }
  };

  const proposal = agreedValue ?? agreed?.value ?? median(markers.map((m) => m.value));
  const recordAgreed = async () => {
    try {
      await repo.positions.agree({
        sessionId: session.id,
        cardId: card.id,
        participant: OWN_PARTICIPANT,
        value: proposal,
      });
      setAgreedValue(null);
      // The status line below now shows the agreed position; the placement note is old news.
      setMessage('');
    } catch (err) {
      toast(errorText(t, err), { tone: 'error' });
    }
  };

  const count = markers.length;
  const countText = count === 0 ? p.countNone : fill(lang, p.count, { n: count });

  return (
    <section class="ss-positions" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{p.titleTeam}</h4>
      <p class="ss-hint">{p.turnHelp}</p>
      <form class="ss-place" onSubmit={place}>
        <div class="ss-field">
          <label for={`${id}-name`}>{p.participant}</label>
          <input
            id={`${id}-name`}
            ref={nameInput}
            type="text"
            value={name}
            maxLength={INPUT_MAX_CHARS.participant}
            autoComplete="off"
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <PoleSlider
          id={`${id}-range`}
          label={fill(lang, p.yours, { a: poles[0], b: poles[1] })}
          value={value}
          poles={poles}
          onInput={setValue}
        />
        {clash ? (
          <div class="ss-clash" role="group" aria-labelledby={`${id}-clash`}>
            <p id={`${id}-clash`}>
              {fill(lang, p.sameName, {
                name: clash.existing.participant,
                next: nextFreeName(
                  clash.existing.participant,
                  markers.map((m) => m.participant),
                ),
              })}
            </p>
            <p class="ss-buttons">
              <button type="button" ref={clashFirst} onClick={() => void resolveClash('replace')}>
                {p.replace}
              </button>
              <button type="button" class="primary" onClick={() => void resolveClash('add')}>
                {fill(lang, p.addAs, {
                  next: nextFreeName(
                    clash.existing.participant,
                    markers.map((m) => m.participant),
                  ),
                })}
              </button>
            </p>
          </div>
        ) : (
          <p>
            <button type="submit" class="primary">
              {p.place}
            </button>
          </p>
        )}
      </form>
      <div class="ss-count" role="status">
        <p>
          {message && <span>{message} </span>}
          <strong class="ss-count-text">{countText}</strong>
        </p>
        {agreed && (
          <p class="ss-agreed-now">{fill(lang, p.agreedCurrent, { value: agreed.value, lean: lean(agreed.value) })}</p>
        )}
      </div>
      {!revealed && count > 0 && (
        // Closed by default: the names stay out of sight for the next person until someone needs to remove one.
        <details class="ss-placed">
          <summary>{p.manage}</summary>
          <p class="ss-hint">{p.placedList}</p>
          <ul class="ss-placed-list">
            {markers.map((m) => (
              <li key={m.id}>
                <span>{m.participant}</span>{' '}
                <button
                  type="button"
                  class="ss-link-button"
                  aria-label={fill(lang, p.removeLabel, { name: m.participant })}
                  onClick={() => void remove(m)}
                >
                  {p.remove}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <p>
        <button
          type="button"
          aria-expanded={revealed}
          aria-controls={`${id}-all`}
          disabled={count === 0}
          onClick={() => setRevealed((r) => !r)}
        >
          {revealed ? p.hide : p.reveal}
        </button>
      </p>
      <div id={`${id}-all`}>
        {revealed && count > 0 && (
          <>
            <DotPlotFigure markers={markers} agreed={agreed?.value ?? null} poles={poles} />
            <div class="ss-agree">
              <h5>{p.agreedTitle}</h5>
              <p class="ss-hint">{p.agreedHelp}</p>
              <PoleSlider
                id={`${id}-agreed`}
                label={fill(lang, p.agreedLabel, { a: poles[0], b: poles[1] })}
                value={proposal}
                poles={poles}
                onInput={setAgreedValue}
              />
              <p>
                <button type="button" class="primary" onClick={() => void recordAgreed()}>
                  {p.agreedSave}
                </button>
              </p>
            </div>
          </>
        )}
      </div>
    </section>
  );
}

export function DotPlotFigure({
  markers,
  agreed,
  poles,
}: {
  markers: Position[];
  agreed: number | null;
  poles: [string, string];
}) {
  const { t, lang } = useStrings();
  const p = t.s.positions;
  const id = useFieldId('ss-dots');
  const plot = useMemo(
    () =>
      dotPlot(
        markers.map((m) => ({ label: m.participant, value: m.value })),
        agreed,
        // Room for a name's initials inside each dot.
        { radius: 10 },
      ),
    [markers, agreed],
  );
  const list = markers.map((m) => fill(lang, p.item, { name: m.participant, value: m.value })).join(', ');
  const text = `${fill(lang, p.chartText, { a: poles[0], b: poles[1], list })}${agreed !== null ? ` ${fill(lang, p.chartAgreed, { value: agreed })}` : ''}`;
  return (
    <figure class="ss-figure">
      <svg
        class="ss-chart ss-dotplot"
        viewBox={`0 0 ${plot.width} ${plot.height}`}
        role="img"
        aria-labelledby={`${id}-cap`}
      >
        <line class="ss-axis" x1={plot.x0} x2={plot.x1} y1={plot.axisY} y2={plot.axisY} />
        {plot.ticks.map((tick) => (
          <g key={tick.value}>
            <line class="ss-tick" x1={tick.x} x2={tick.x} y1={plot.axisY - 4} y2={plot.axisY + 4} />
            <text class="ss-tick-label" x={tick.x} y={plot.labelY} text-anchor="middle">
              {tick.value}
            </text>
          </g>
        ))}
        {plot.agreed && (
          <g class="ss-agreed-mark">
            <line x1={plot.agreed.x} x2={plot.agreed.x} y1={4} y2={plot.axisY} />
            <path d={`M${plot.agreed.x} ${plot.axisY - 7}l7 7l-7 7l-7 -7z`} />
          </g>
        )}
        {plot.dots.map((d, i) => (
          <g key={i} class="ss-dot-group">
            <circle class="ss-dot" cx={d.x} cy={d.y} r={plot.radius}>
              <title>{fill(lang, p.item, { name: d.label, value: d.value })}</title>
            </circle>
            <text class="ss-dot-label" x={d.x} y={d.y + 3.5} text-anchor="middle">
              {dotLabel(d.label)}
            </text>
          </g>
        ))}
      </svg>
      <div class="ss-chart-poles" aria-hidden="true">
        <span>{poles[0]}</span>
        <span>{poles[1]}</span>
      </div>
      <figcaption id={`${id}-cap`} class="ss-caption">
        {text}
      </figcaption>
    </figure>
  );
}

/** "Our" position on this card in earlier sessions of the same team (or alone), as a small chart. */
export function PositionHistory({ session, card, poles }: Props) {
  const { repo } = useStore();
  const { t } = useStrings();
  const h = t.s.history;
  const id = useFieldId('ss-hist');
  const points =
    useStoreQuery(async () => historyPoints(teamEntries(await repo.positionHistory(card.id), session)), [], {
      stores: ['positions', 'sessions'],
      // A chart of the past: without it the card works just as well.
      recover: () => [],
    }).data ?? [];

  if (points.length < 2) return null;
  return (
    <section class="ss-history" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{isTeamKind(session.kind) ? h.titleTeam : h.titleOwn}</h4>
      <HistoryFigure points={points} poles={poles} currentId={session.id} />
    </section>
  );
}

/** The history chart with its pole labels and text alternative; the report draws the same figure. */
export function HistoryFigure({
  points,
  poles,
  currentId,
}: {
  points: HistoryPoint[];
  poles: [string, string];
  currentId: string;
}) {
  const { t, lang } = useStrings();
  const h = t.s.history;
  const id = useFieldId('ss-histfig');
  const chart = useMemo(
    () => historyChart(points.map((pt) => ({ label: formatDay(pt.date, lang), value: pt.value }))),
    [points, lang],
  );
  const list = points.map((pt) => fill(lang, h.item, { date: formatDay(pt.date, lang), value: pt.value })).join('; ');
  return (
    <figure class="ss-figure">
      <svg
        class="ss-chart ss-historychart"
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        role="img"
        aria-labelledby={`${id}-cap`}
      >
        {chart.ticks.map((tick) => (
          <g key={tick.value}>
            <line class="ss-grid" x1={tick.x} x2={tick.x} y1={chart.top} y2={chart.bottom} />
            <text class="ss-tick-label" x={tick.x} y={chart.bottom + 16} text-anchor="middle">
              {tick.value}
            </text>
          </g>
        ))}
        {chart.path && <path class="ss-line" d={chart.path} />}
        {chart.rows.map((row, i) => (
          <g key={i} class={points[i]?.sessionId === currentId ? 'is-current' : undefined}>
            <text class="ss-row-label" x={chart.labelX} y={row.y + 4} text-anchor="end">
              {row.label}
            </text>
            <circle class="ss-dot" cx={row.x} cy={row.y} r={6} />
          </g>
        ))}
      </svg>
      <div class="ss-chart-poles ss-chart-poles-history" aria-hidden="true">
        <span>{poles[0]}</span>
        <span>{poles[1]}</span>
      </div>
      <figcaption id={`${id}-cap`} class="ss-caption">
        {fill(lang, h.text, { a: poles[0], b: poles[1], list })}
      </figcaption>
    </figure>
  );
}
