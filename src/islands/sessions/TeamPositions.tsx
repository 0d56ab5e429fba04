/**
 * Team kinds: participants place markers in turn on one device, hidden from the next person
 * until "show all"; a name already on the card asks first (replace, or add as "Anna (2)").
 * After the reveal: the dot plot and the team's agreed position (AgreedPosition).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { findParticipant, leanPhrase } from '../../lib/poles';
import { INPUT_MAX_CHARS } from '../../lib/records/limits';
import { nextFreeName, participantPositions } from '../../lib/sessions/positions';
import type { Position } from '../../lib/store/types';
import { PoleSlider } from '../poles/PoleSlider';
import { AgreedPosition } from './AgreedPosition';
import { useNotices, useStore, useStrings } from './context';
import { useFieldId } from './hooks';
import { DotPlotFigure } from './PositionCharts';
import type { PositionsProps } from './Positions';
import { errorText } from './ui';

interface Clash {
  participant: string;
  value: number;
  existing: Position;
}

export function TeamPositions({ session, card, poles, list }: PositionsProps & { list: Position[] }) {
  const { repo } = useStore();
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const p = t.s.positions;
  const id = useFieldId('ss-team');
  const markers = participantPositions(list);
  const agreed = list.find((x) => x.agreed) ?? null;
  const [name, setName] = useState('');
  const [value, setValue] = useState(50);
  const [revealed, setRevealed] = useState(false);
  const [agreedValue, setAgreedValue] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const nameInput = useRef<HTMLInputElement>(null);
  // A name already on this card: ask before anything is written (replace, or add as "Anna (2)").
  const [clash, setClash] = useState<Clash | null>(null);
  /** "Anna (2)" from the dictionary's template, numbered after the name as it was stored. */
  const numbered = (stored: string) =>
    nextFreeName(
      stored,
      markers.map((m) => m.participant),
      t.poles.numbered,
    );

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

  /** "Deelnemer 3", or the next number that is still free. */
  const nextDefault = () => {
    for (let n = markers.length + 1; ; n++) {
      const candidate = fill(lang, p.defaultName, { n });
      if (!findParticipant(markers, candidate)) return candidate;
    }
  };

  const place = async (e: Event) => {
    e.preventDefault();
    const participant = name.trim() || nextDefault();
    const placed = value;
    // Cleared at once, before the save: the next person must not see where the previous one
    // put the marker, and may start moving the slider while the save is still running.
    setName('');
    setValue(50);
    const existing = findParticipant(markers, participant);
    if (existing) {
      setClash({ participant, value: placed, existing });
      return;
    }
    nameInput.current?.focus();
    await write(participant, placed);
  };

  const resolveClash = async (how: 'replace' | 'add') => {
    if (!clash) return;
    const { value: placed, existing } = clash;
    setClash(null);
    nameInput.current?.focus();
    if (how === 'replace') await write(existing.participant, placed, existing.id);
    else await write(numbered(existing.participant), placed);
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
          lang={lang}
          words={t.poles}
          onInput={setValue}
        />
        {clash ? (
          <NameClash
            id={`${id}-clash`}
            name={clash.existing.participant}
            next={numbered(clash.existing.participant)}
            onResolve={(how) => void resolveClash(how)}
          />
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
          <p class="ss-agreed-now">
            {fill(lang, t.poles.agreedCurrent, {
              value: agreed.value,
              lean: leanPhrase(lang, t.poles, poles, agreed.value),
            })}
          </p>
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
            <AgreedPosition
              id={`${id}-agreed`}
              session={session}
              card={card}
              poles={poles}
              markers={markers}
              agreed={agreed}
              moved={agreedValue}
              onMove={setAgreedValue}
              onSaved={() => setMessage('')}
            />
          </>
        )}
      </div>
    </section>
  );
}

/** "“Anna” heeft al een positie": replace hers, or add this one as "Anna (2)". Takes the focus when it opens. */
function NameClash(props: { id: string; name: string; next: string; onResolve(how: 'replace' | 'add'): void }) {
  const { t, lang } = useStrings();
  const p = t.s.positions;
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div class="ss-clash" role="group" aria-labelledby={props.id}>
      <p id={props.id}>{fill(lang, p.sameName, { name: props.name, next: props.next })}</p>
      <p class="ss-buttons">
        <button type="button" ref={first} onClick={() => props.onResolve('replace')}>
          {p.replace}
        </button>
        <button type="button" class="primary" onClick={() => props.onResolve('add')}>
          {fill(lang, p.addAs, { next: props.next })}
        </button>
      </p>
    </div>
  );
}
