/**
 * Where people stand between a dilemma's two poles (0 = pole A, 100 = pole B).
 * Zelfreflectie: one marker (here). Team kinds: participants place markers in turn on one
 * device, then the spread and the team's agreed position (TeamPositions). The charts are in
 * PositionCharts, shared with the report.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { isTeamKind, OWN_PARTICIPANT } from '../../lib/sessions/positions';
import type { Position, Session } from '../../lib/store/types';
import { PoleSlider } from '../poles/PoleSlider';
import { useNotices, useStore, useStrings } from './context';
import { useFieldId, useStoreQuery } from './hooks';
import { TeamPositions } from './TeamPositions';
import type { SessionCard } from './types';
import { errorText } from './ui';

export { PositionHistory } from './PositionCharts';

export interface PositionsProps {
  session: Session;
  card: SessionCard;
  poles: [string, string];
}

export function Positions({ session, card, poles }: PositionsProps) {
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

function OwnPosition({ session, card, poles, list }: PositionsProps & { list: Position[] }) {
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
        lang={lang}
        words={t.poles}
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
