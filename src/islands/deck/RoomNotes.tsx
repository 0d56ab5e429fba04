/**
 * "Open de zaal" on the cards page's presenter, which belongs to no session: the session it makes
 * for the cards shown (src/lib/deck/room-session.ts, loaded on the press), and the lines under
 * the presenter's bar: making it, a failure, where the positions go, and why the room is off.
 */
import { useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import type { DeckSession } from '../../lib/deck/room-session';
import { loadPart } from '../../lib/load';
import { sessionReturnHref } from '../../lib/sessions/present';
import type { Perspective } from '../../vocab';
import type { DeckStrings, IslandCard } from '../types';
import type { DeckLinks } from './links';

export type Making = 'idle' | 'busy' | 'failed';

/** `make()` stores a workshop session for `deck` (in its order, with the lens), then calls `onMade`. */
export function useDeckSession(
  deck: IslandCard[],
  t: DeckStrings,
  lens: Perspective | undefined,
  onMade: (id: string) => void,
): { made: DeckSession | null; making: Making; make: () => void } {
  const [made, setMade] = useState<DeckSession | null>(null);
  const [making, setMaking] = useState<Making>('idle');
  const make = () => {
    setMaking('busy');
    void loadPart(() => import('../../lib/deck/room-session'))
      .then((m) =>
        m.createDeckSession({
          cards: deck.map((c) => c.id),
          lang: t.lang,
          lens,
          title: (date) => fill(t.lang, t.deck.presenter.roomTitle, { date }),
        }),
      )
      .then(
        (created) => {
          setMade(created);
          setMaking('idle');
          onMade(created.id);
        },
        () => setMaking('failed'),
      );
  };
  return { made, making, make };
}

export function RoomNotes(props: {
  t: DeckStrings;
  making: Making;
  made: DeckSession | null;
  links: DeckLinks | undefined;
  /** The card on the screen: the session's link opens at it. */
  index: number;
  showHelp: boolean;
}) {
  const { t, made, links } = props;
  const p = t.deck.presenter;
  return (
    <>
      {props.making === 'busy' && (
        <p class="presenter-note" role="status">
          {t.room.opening}
        </p>
      )}
      {props.making === 'failed' && (
        <p class="presenter-note" role="alert">
          {p.roomFailed}
        </p>
      )}
      {made && links && (
        // A new tab: following the link must not end the room on the big screen.
        <p class="presenter-note">
          {p.roomWhere}{' '}
          <a href={sessionReturnHref(links.sessions, made.id, props.index)} target="_blank" rel="noopener">
            {made.title}
          </a>
        </p>
      )}
      {props.showHelp && (
        <p class="presenter-note" id="presenter-room-off">
          {p.noRelay} {links?.roomHelp && <a href={links.roomHelp}>{p.noRelayLink}</a>}
        </p>
      )}
    </>
  );
}
