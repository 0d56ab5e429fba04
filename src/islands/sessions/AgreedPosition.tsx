/** After the reveal: the team talks about the spread and records where it stands together. */
import { fill } from '../../i18n/fill';
import { median } from '../../lib/sessions/format';
import { OWN_PARTICIPANT } from '../../lib/sessions/positions';
import type { Position } from '../../lib/store/types';
import { PoleSlider } from '../poles/PoleSlider';
import { useNotices, useStore, useStrings } from './context';
import type { PositionsProps } from './Positions';
import { errorText } from './ui';

export function AgreedPosition({
  id,
  session,
  card,
  poles,
  markers,
  agreed,
  moved,
  onMove,
  onSaved,
}: Omit<PositionsProps, 'list'> & {
  id: string;
  markers: readonly Position[];
  agreed: Position | null;
  /** Where someone moved the slider before saving; kept by the parent, so hiding the spread keeps it. */
  moved: number | null;
  onMove(v: number | null): void;
  /** The placement note above is old news once the agreed position shows in the status line. */
  onSaved(): void;
}) {
  const { repo } = useStore();
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const p = t.s.positions;
  // Until someone moves it: the agreed position so far, else the middle of the markers.
  const proposal = moved ?? agreed?.value ?? median(markers.map((m) => m.value));

  const save = async () => {
    try {
      await repo.positions.agree({
        sessionId: session.id,
        cardId: card.id,
        participant: OWN_PARTICIPANT,
        value: proposal,
      });
      onMove(null);
      onSaved();
    } catch (err) {
      toast(errorText(t, err), { tone: 'error' });
    }
  };

  return (
    <div class="ss-agree">
      <h5>{p.agreedTitle}</h5>
      <p class="ss-hint">{p.agreedHelp}</p>
      <PoleSlider
        id={id}
        label={fill(lang, p.agreedLabel, { a: poles[0], b: poles[1] })}
        value={proposal}
        poles={poles}
        lang={lang}
        words={t.poles}
        onInput={onMove}
      />
      <p>
        <button type="button" class="primary" onClick={() => void save()}>
          {p.agreedSave}
        </button>
      </p>
    </div>
  );
}
