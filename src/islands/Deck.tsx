/**
 * The fan page's island. Without JavaScript its server render is a plain list of links per
 * spanningsveld; once running it adds filters, a seeded shuffle kept in the URL, draw/flip,
 * hand-picked selections, the perspective lens and the presenter. All deck logic lives in
 * src/lib/deck; this file keeps the state and wires the parts in src/islands/deck to the page.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { loadPart } from '../lib/load';
import { clampIndex, next as nextIndex, prev as prevIndex } from '../lib/deck/cursor';
import { deckAddress, fanCards, toggleIn, withDeckSearch } from '../lib/deck/fan';
import { newSeed } from '../lib/deck/random';
import { buildDeck, deckSearch, openDeck, type DeckProblem, type DeckState } from '../lib/deck/state';
import { PRESENT_PARAM, presentedSession, sessionReturnHref } from '../lib/sessions/present';
import { THEMES } from '../vocab';
import { fill } from '../i18n/fill';
import { Fan } from './deck/Fan';
import { Stage } from './deck/Stage';
import { StaticFan } from './deck/StaticFan';
import { Toolbar } from './deck/Toolbar';
import type { DeckLinks } from './deck/links';
import type { Presenter as PresenterType } from './Presenter';
import { announce, type DeckStrings, type IslandCard } from './types';
import '../styles/deck.css';

interface Props {
  cards: IslandCard[];
  t: DeckStrings;
  /** The join page and the sessions page, with the deploy base (the presenter's room and sessions). */
  links?: DeckLinks;
}

const EMPTY: DeckState = { filter: { themes: [], kinds: [] }, index: 0 };

export default function Deck({ cards, t, links }: Props) {
  const [mounted, setMounted] = useState(false);
  const [state, setState] = useState<DeckState>(EMPTY);
  const [problems, setProblems] = useState<DeckProblem[]>([]);
  const [flipped, setFlipped] = useState(false);
  const [picking, setPicking] = useState(false);
  const [presenting, setPresenting] = useState(false);
  const [session, setSession] = useState<string | undefined>(undefined);
  // The presenter (with its timer) loads on first use: most visits never present. A chunk that
  // does not arrive is fetched again (lib/load.ts); if it never does, the deck stays as it is.
  // Not useLazy (sessions/hooks.ts): that would bring the sessions store's chunk to the deck page.
  const [Presenter, setPresenter] = useState<typeof PresenterType | null>(null);
  const present = () =>
    void loadPart(() => import('./Presenter')).then(
      (m) => {
        setPresenter(() => m.Presenter);
        setPresenting(true);
      },
      () => undefined,
    );
  const stageRef = useRef<HTMLHeadingElement>(null);

  // The link is the state: read it once on arrival, write it back on every change.
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const opened = openDeck(cards, params);
    // "Presenteren" on a session: the presenter at once, tied to it (src/lib/sessions/present.ts).
    const forSession = presentedSession(params);
    if (forSession) {
      setSession(forSession);
      present();
    }
    let initial = opened.state;
    if (location.hash === '#trek' && !initial.seed && !initial.selection) {
      initial = { ...initial, seed: newSeed(), index: 0 };
      requestAnimationFrame(() => stageRef.current?.scrollIntoView({ block: 'start' }));
    }
    setState(initial);
    setProblems(opened.problems);
    setMounted(true);
    // A link to one spanningsveld (#regie): the groups moved when the toolbar appeared.
    const theme = location.hash.slice(1);
    if ((THEMES as readonly string[]).includes(theme))
      requestAnimationFrame(() => document.getElementById(theme)?.scrollIntoView());
  }, []);

  useEffect(() => {
    if (!mounted) return;
    const search = deckSearch(state);
    // While presenting for a session the link keeps saying so: a reload comes back to the same room's session.
    const tie = presenting && session ? { param: PRESENT_PARAM, session } : undefined;
    history.replaceState(
      history.state,
      '',
      deckAddress({ pathname: location.pathname, search, hash: location.hash }, tie),
    );
    // The deck params are the same in both languages: the language switch keeps the deck.
    const other = document.querySelector<HTMLAnchorElement>('a.lang-switch');
    if (other) other.setAttribute('href', withDeckSearch(other.getAttribute('href')!, search));
  }, [mounted, state, presenting, session]);

  const deck = useMemo(() => buildDeck(cards, state), [cards, state]);
  const index = clampIndex(state.index, deck.length);
  const current = deck[index];
  const lens = state.filter.perspective;
  const inDeck = useMemo(() => new Set(deck.map((c) => c.id)), [deck]);
  const fan = fanCards(cards, inDeck, picking);
  const picks = state.selection ?? [];
  const [announcement, setAnnouncement] = useState('');
  // Announce a card only when it changes or turns, not on every pick or filter change.
  useEffect(() => {
    setAnnouncement(current ? announce(current, t, { index, total: deck.length, flipped, lens }) : t.deck.empty);
  }, [current?.id, flipped, lens]);

  const update = (change: Partial<DeckState>) => setState((s) => ({ ...s, ...change }));
  const goTo = (i: number) => {
    if (i === index) return;
    update({ index: i });
    setFlipped(false);
  };

  const onFanActivate = (card: IslandCard) => {
    if (picking) {
      const selection = toggleIn(picks, card.id);
      update({ selection: selection.length ? selection : undefined, index: 0 });
      return;
    }
    const i = deck.findIndex((c) => c.id === card.id);
    if (i >= 0) goTo(i);
    stageRef.current?.scrollIntoView({ block: 'nearest' });
  };

  if (!mounted) return <StaticFan cards={cards} t={t} />;

  return (
    <div class="deck">
      <Toolbar
        t={t}
        state={state}
        deck={deck}
        picking={picking}
        links={links}
        update={update}
        onShuffle={(seed) => {
          update({ seed, index: 0 });
          setFlipped(false);
        }}
        onPicking={() => setPicking((v) => !v)}
        onPresent={present}
      />

      {problems.length > 0 && (
        <div class="deck-problems" role="alert">
          <h2>{t.deck.problemsTitle}</h2>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{fill(t.lang, t.deck.problems[p.code], { value: p.value })}</li>
            ))}
          </ul>
        </div>
      )}

      <Stage
        t={t}
        current={current}
        index={index}
        total={deck.length}
        flipped={flipped}
        lens={lens}
        announcement={announcement}
        headingRef={stageRef}
        onPrev={() => goTo(prevIndex(index, deck.length))}
        onNext={() => goTo(nextIndex(index, deck.length))}
        onFlip={() => setFlipped((f) => !f)}
      />

      <Fan cards={fan} t={t} picking={picking} picks={picks} currentId={current?.id} onActivate={onFanActivate} />

      {presenting && Presenter && current && (
        <Presenter
          deck={deck}
          index={index}
          flipped={flipped}
          lens={lens}
          t={t}
          announcement={announcement}
          onIndex={(i) => goTo(i)}
          onFlip={() => setFlipped((f) => !f)}
          onClose={() => {
            setPresenting(false);
            // Back to the session, at the card the presentation reached.
            if (session && links) location.assign(sessionReturnHref(links.sessions, session, index));
          }}
          session={session}
          // From here on the presenter is the session's, as if "Presenteren" on it had opened it.
          onSession={setSession}
          links={links}
        />
      )}
    </div>
  );
}
