/**
 * The co-facilitator's screen (the moderator page): the answers to the presenter's question, newest
 * last, each with "Toon"/"Verberg" and "Uitlichten", and the count of new ones. The permission is
 * the #mod= link of the presenter's QR (lib/room/cofac.ts), kept in this tab's sessionStorage and
 * taken out of the address, as the join page does with its link. socket.io and the room's crypto
 * load only when there is a link. When the permission is withdrawn, moved to another device, or
 * the room closes, the list goes and the screen says so.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Dictionary } from '../../i18n';
import { fill } from '../../i18n/fill';
import type { CoFacDevice, CoFacView as DeviceView } from '../../lib/room/cofac-client';
import { type CoFacLink, formatCoFacFragment, parseCoFacFragment } from '../../lib/room/cofac';
import { relayConfig } from '../../lib/room/config';
import type { Lang } from '../../routes';
import '../../styles/room-cofac.css';

export type CoFacStrings = Dictionary['room']['cofac'];
type Verb = 'show' | 'hide' | 'highlight';

/** Where this tab keeps the moderation link (never synced, gone with the tab). */
export const COFAC_STORAGE_KEY = 'kjk.room.cofac';

export type Screen = DeviceView | { phase: 'no-link' | 'bad-link' | 'no-relay'; queue: null };

/** The link from the address (then taken out of it) or, without one there, this tab's stored one. */
export function takeCoFacLink(): CoFacLink | 'missing' | 'damaged' {
  if (location.hash) {
    const link = parseCoFacFragment(location.hash);
    if (link.ok) {
      try {
        sessionStorage.setItem(COFAC_STORAGE_KEY, formatCoFacFragment(link));
      } catch {
        // Private mode without storage: a reload then needs the link again.
      }
      history.replaceState(history.state, '', `${location.pathname}${location.search}`);
      return link;
    }
    if (link.error !== 'missing') return 'damaged';
  }
  let stored: string | null = null;
  try {
    stored = sessionStorage.getItem(COFAC_STORAGE_KEY);
  } catch {
    // No storage: no link.
  }
  const link = stored ? parseCoFacFragment(stored) : null;
  return link?.ok ? link : 'missing';
}

export interface CoFacViewProps {
  lang: Lang;
  t: CoFacStrings;
  /** For tests: joins without socket.io (the default loads it and the relay's address). */
  join?: (link: CoFacLink, onChange: (view: DeviceView) => void) => Promise<CoFacDevice>;
}

async function joinRelay(link: CoFacLink, onChange: (view: DeviceView) => void): Promise<CoFacDevice> {
  const relay = relayConfig();
  if (!relay) throw new Error('no relay');
  const [{ io }, { joinAsCoFac }] = await Promise.all([
    import('socket.io-client'),
    import('../../lib/room/cofac-client'),
  ]);
  return joinAsCoFac({ connect: (url, options) => io(url, options), relay, link, onChange });
}

export default function CoFacView({ lang, t, join }: CoFacViewProps) {
  const [screen, setScreen] = useState<Screen>({ phase: 'connecting', queue: null });
  const [device, setDevice] = useState<CoFacDevice | null>(null);
  useEffect(() => {
    const link = takeCoFacLink();
    if (link === 'missing' || link === 'damaged') {
      setScreen({ phase: link === 'missing' ? 'no-link' : 'bad-link', queue: null });
      return;
    }
    if (!join && !relayConfig()) {
      setScreen({ phase: 'no-relay', queue: null });
      return;
    }
    let stopped = false;
    let joined: CoFacDevice | null = null;
    (join ?? joinRelay)(link, (view) => !stopped && setScreen(view))
      .then((d) => {
        joined = d;
        if (stopped) d.stop();
        else setDevice(d);
      })
      .catch(() => !stopped && setScreen({ phase: 'unreachable', queue: null }));
    return () => {
      stopped = true;
      joined?.stop();
    };
  }, []);
  return <CoFacScreen lang={lang} t={t} screen={screen} onCommand={(verb, id) => void device?.command(verb, id)} />;
}

const ENDED_TEXT = {
  withdrawn: 'ended',
  replaced: 'replaced',
  closed: 'closed',
  unreachable: 'unreachable',
  'no-link': 'noLink',
  'bad-link': 'badLink',
  'no-relay': 'noRelay',
} as const satisfies Partial<Record<Screen['phase'], keyof CoFacStrings>>;

/** What the screen shows for one state; the list and its buttons only while the permission holds. */
export function CoFacScreen(props: {
  lang: Lang;
  t: CoFacStrings;
  screen: Screen;
  onCommand: (verb: Verb, id: number) => void;
}) {
  const { lang, t, screen } = props;
  if (screen.phase === 'connecting')
    return (
      <p class="cofac-status" role="status">
        {t.connecting}
      </p>
    );
  if (screen.phase !== 'ready')
    return (
      <p class={`cofac-status is-ended is-${screen.phase}`} role="alert">
        {t[ENDED_TEXT[screen.phase]]}
      </p>
    );
  const q = screen.queue ?? { question: null, answers: [], fresh: 0, total: 0 };
  const shown = q.answers.filter((a) => a.shown).length;
  return (
    <div class="cofac">
      <p class="cofac-intro">{t.pageIntro}</p>
      <p class="cofac-question">{q.question ? fill(lang, t.question, { question: q.question }) : t.noQuestion}</p>
      {q.question && (
        <p class="cofac-counts" role="status" aria-atomic="true">
          <strong>{fill(lang, t.fresh, { n: q.fresh })}</strong> · {fill(lang, t.count, { shown, total: q.total })}
        </p>
      )}
      {q.question && q.answers.length === 0 && <p>{t.empty}</p>}
      {q.answers.length > 0 && (
        <ul class="cofac-list" aria-label={t.answers}>
          {q.answers.map((a) => (
            <li key={a.id} class={`cofac-answer${a.shown ? ' is-shown' : ''}${a.hi ? ' is-highlighted' : ''}`}>
              <p class="cofac-text" id={`cofac-answer-${a.id}`}>
                {a.text}
              </p>
              <p class="cofac-state">{a.hi ? t.isHighlighted : a.shown ? t.isShown : t.isHidden}</p>
              <div class="cofac-buttons">
                <button
                  type="button"
                  aria-describedby={`cofac-answer-${a.id}`}
                  onClick={() => props.onCommand(a.shown ? 'hide' : 'show', a.id)}
                >
                  {a.shown ? t.hide : t.show}
                </button>
                <button
                  type="button"
                  aria-describedby={`cofac-answer-${a.id}`}
                  aria-pressed={a.hi === true}
                  onClick={() => props.onCommand('highlight', a.id)}
                >
                  {t.highlight}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
