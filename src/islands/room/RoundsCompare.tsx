/**
 * The shift, on the presenter's screen and in the session's report: each round's spread on one
 * card side by side, with its middle. Only positions: no names, no ids, nothing that links a
 * dot in round one to a dot in round two, so who moved is never shown.
 */
import { fill } from '../../i18n/fill';
import { type DotPlotOptions, type DotPlotStyle, ROOM_DOT_STYLE } from '../../lib/report/chart';
import type { RoomState } from '../../lib/room/reducer';
import { canVoteAgain, MAX_ROUNDS, roundOf, roundsOn, spreadMedian } from '../../lib/room/rounds';
import type { Lang } from '../../routes';
import { DotPlot, type DotPlotClasses } from '../poles/DotPlot';
import type { JoinStrings } from './types';
import '../../styles/rounds.css';

/** The words (the dictionary's `room.rounds`, or the report's own). */
export interface RoundsStrings {
  title: string;
  nameless: string;
  round: string;
  median: string;
  chartText: string;
}

export interface RoundsCompareProps {
  lang: Lang;
  /** Each shown round, first round first (lib/room/rounds roundsOn, or the report's model). */
  rounds: readonly { round: number; spread: readonly number[] }[];
  poles: readonly [string, string];
  strings: RoundsStrings;
  /** Unique on the page: the figures' captions hang from it. */
  id: string;
  /** The heading's level where the comparison sits (the report's card is an h3). */
  level?: 3 | 4;
  classes: DotPlotClasses;
  style: DotPlotStyle;
  options: DotPlotOptions;
}

export function RoundsCompare(props: RoundsCompareProps) {
  const { lang, strings: s, poles, id } = props;
  const H = props.level === 4 ? 'h4' : 'h3';
  const Sub = props.level === 4 ? 'h5' : 'h4';
  return (
    <section class="rounds-compare" aria-labelledby={`${id}-h`}>
      <H id={`${id}-h`}>{s.title}</H>
      {s.nameless && <p class="rounds-compare-help">{s.nameless}</p>}
      <div class="rounds-compare-grid">
        {props.rounds.map((r) => {
          const median = spreadMedian(r.spread);
          const rid = `${id}-r${r.round}`;
          return (
            <div class="rounds-compare-round" key={r.round} role="group" aria-labelledby={`${rid}-h`}>
              <Sub id={`${rid}-h`}>{fill(lang, s.round, { n: r.round })}</Sub>
              <DotPlot
                id={rid}
                dots={r.spread.map((value) => ({ label: '', value }))}
                agreed={null}
                poles={poles}
                caption={fill(lang, s.chartText, {
                  n: r.round,
                  a: poles[0],
                  b: poles[1],
                  list: r.spread.join(', '),
                  median: median ?? '–',
                })}
                options={props.options}
                style={props.style}
                classes={props.classes}
              />
              {median !== null && <p class="rounds-compare-median">{fill(lang, s.median, { value: median })}</p>}
            </div>
          );
        })}
      </div>
    </section>
  );
}

const ROOM_CLASSES = { figure: 'room-spread', svg: 'room-chart', poles: 'room-chart-poles', caption: 'room-caption' };
const ROOM_OPTIONS = { width: 600, radius: 12 };

/** The rounds as the room's screens draw them: the presenter's and the projector's alike. */
export function RoomRounds(props: Pick<RoundsCompareProps, 'lang' | 'rounds' | 'poles' | 'strings' | 'id'>) {
  return <RoundsCompare {...props} classes={ROOM_CLASSES} style={ROOM_DOT_STYLE} options={ROOM_OPTIONS} />;
}

/**
 * The presenter's part of the shift: the round the card is in, "Stem opnieuw" after a reveal
 * (up to the bound), and the rounds side by side once a later round was shown.
 */
export function PresenterRounds(props: {
  t: JoinStrings;
  state: RoomState;
  cardId: string;
  poles: readonly [string, string];
  /** The room is open and its card is this one: the button may act. */
  live: boolean;
  onAgain: () => void;
}) {
  const { t, state, cardId, poles } = props;
  const s = t.room.rounds;
  const round = roundOf(state, cardId);
  const shown = roundsOn(state, cardId);
  const revealed = state.revealed.includes(cardId);
  return (
    <>
      {round > 1 && <p class="presenter-room-round">{fill(t.lang, s.round, { n: round })}</p>}
      {props.live && revealed && canVoteAgain(state) && (
        <p class="presenter-room-buttons">
          <button type="button" class="primary" onClick={props.onAgain} aria-describedby="presenter-again-help">
            {s.again}
          </button>
          <span id="presenter-again-help" class="presenter-room-help">
            {s.againHelp}
          </span>
        </p>
      )}
      {revealed && round >= MAX_ROUNDS && <p class="presenter-room-help">{s.last}</p>}
      {shown.length > 1 && <RoomRounds lang={t.lang} rounds={shown} poles={poles} strings={s} id="presenter-rounds" />}
    </>
  );
}
