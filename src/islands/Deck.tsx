/**
 * The fan page's island. Without JavaScript its server render is a plain list of links per
 * spanningsveld; once running it adds filters, a seeded shuffle kept in the URL, draw/flip,
 * hand-picked selections, the perspective lens and the presenter. All deck logic lives in
 * src/lib/deck; this file only wires it to the page.
 */
import { loadWithRetry } from '../lib/load';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { hasNext, hasPrev, next as nextIndex, prev as prevIndex, clampIndex } from '../lib/deck/cursor';
import { newSeed } from '../lib/deck/random';
import { PRESENT_PARAM, presentedSession, sessionReturnHref } from '../lib/sessions/present';
import { buildDeck, deckSearch, openDeck, type DeckProblem, type DeckState } from '../lib/deck/state';
import { newSessionSearch } from '../lib/sessions/link';
import { KINDS, NO_THEME, PERSPECTIVES, THEMES, themeRank, type Kind, type Perspective, type Theme } from '../vocab';
import { DeckCard } from './DeckCard';
import type { Presenter as PresenterType } from './Presenter';
import { fill } from '../i18n/fill';
import { announce, type DeckStrings, type IslandCard } from './types';
import '../styles/deck.css';

interface Props {
  cards: IslandCard[];
  t: DeckStrings;
  /** The join page and the sessions page, with the deploy base (the presenter's room and sessions). */
  links?: { join: string; sessions: string };
}

const EMPTY: DeckState = { filter: { themes: [], kinds: [] }, index: 0 };

function toggleIn<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export default function Deck({ cards, t, links }: Props) {
  const [mounted, setMounted] = useState(false);
  const [state, setState] = useState<DeckState>(EMPTY);
  const [problems, setProblems] = useState<DeckProblem[]>([]);
  const [flipped, setFlipped] = useState(false);
  const [picking, setPicking] = useState(false);
  const [presenting, setPresenting] = useState(false);
  const [session, setSession] = useState<string | undefined>(undefined);
  // The presenter (with its timer) loads on first use: most visits never present.
  const [Presenter, setPresenter] = useState<typeof PresenterType | null>(null);
  // Fetched again when it does not arrive at once (lib/load.ts); if it never does, the deck stays as it is.
  const present = () =>
    void loadWithRetry(() => import('./Presenter')).then(
      (m) => {
        setPresenter(() => m.Presenter);
        setPresenting(true);
      },
      () => undefined,
    );
  const [share, setShare] = useState<{ url: string; copied: boolean } | null>(null);
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const fanRefs = useRef(new Map<string, HTMLButtonElement>());
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
    const tie = presenting && session ? `${search ? '&' : '?'}${PRESENT_PARAM}=${session}` : '';
    history.replaceState(history.state, '', `${location.pathname}${search}${tie}${location.hash}`);
    // The deck params are the same in both languages: the language switch keeps the deck.
    const other = document.querySelector<HTMLAnchorElement>('a.lang-switch');
    if (other) other.setAttribute('href', `${other.getAttribute('href')!.split('?')[0]}${search}`);
  }, [mounted, state, presenting, session]);

  const deck = useMemo(() => buildDeck(cards, state), [cards, state]);
  const index = clampIndex(state.index, deck.length);
  const current = deck[index];
  const lens = state.filter.perspective;
  const inDeck = useMemo(() => new Set(deck.map((c) => c.id)), [deck]);
  // The fan stays grouped per spanningsveld, whatever the order of drawing.
  const fanCards = (picking ? cards : cards.filter((c) => inDeck.has(c.id)))
    .slice()
    .sort((a, b) => themeRank(a.theme) - themeRank(b.theme) || a.number - b.number);
  const picks = state.selection ?? [];
  // A hand-picked selection fixes the cards and their order: filters and shuffling would do nothing.
  const locked = picks.length > 0;
  const primaryRef = useRef<HTMLButtonElement>(null);
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

  // Roving tabindex: the fan is one tab stop; arrow keys move within it.
  const focusable = focusId && fanCards.some((c) => c.id === focusId) ? focusId : (current?.id ?? fanCards[0]?.id);
  const onFanKey = (e: KeyboardEvent, i: number) => {
    const last = fanCards.length - 1;
    const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const target = fanCards[Math.max(0, Math.min(last, to))];
    if (!target) return;
    setFocusId(target.id);
    fanRefs.current.get(target.id)?.focus();
  };
  const onFanActivate = (card: IslandCard) => {
    setFocusId(card.id);
    if (picking) {
      const selection = toggleIn(picks, card.id);
      update({ selection: selection.length ? selection : undefined, index: 0 });
      return;
    }
    const i = deck.findIndex((c) => c.id === card.id);
    if (i >= 0) goTo(i);
    stageRef.current?.scrollIntoView({ block: 'nearest' });
  };

  const shareDeck = async () => {
    const url = new URL(`${location.pathname}${deckSearch({ ...state, index: 0 })}`, location.href).href;
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // No clipboard permission (or an old browser): show the link to copy by hand.
    }
    setShare({ url, copied });
  };

  if (!mounted) {
    // Server render and no-JavaScript view: every card as a link, grouped per spanningsveld.
    return (
      <div class="fan fan-static">
        {[undefined, ...THEMES].map((theme) => (
          <section
            class={`fan-group theme-${theme ?? NO_THEME}`}
            id={theme ?? NO_THEME}
            aria-labelledby={`h-${theme ?? NO_THEME}`}
            key={theme ?? NO_THEME}
          >
            <h2 id={`h-${theme ?? NO_THEME}`}>
              <span class="swatch" aria-hidden="true" />
              {theme ? t.themes[theme].name : t.kinds.uitleg}
            </h2>
            <ul class="fan-list">
              {cards
                .filter((c) => c.theme === theme)
                .map((c) => (
                  <li key={c.id}>
                    <a class="fan-card theme-band" href={c.href}>
                      <span class="fan-card-meta">
                        {t.card.number} {c.number} · {t.kinds[c.kind]}
                      </span>
                      <span class="fan-card-title">{c.title}</span>
                      <span class="fan-card-summary">{c.summary}</span>
                    </a>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    );
  }

  return (
    <div class="deck">
      <section class="deck-toolbar" aria-labelledby="deck-toolbar-h">
        <h2 id="deck-toolbar-h" class="visually-hidden">
          {t.deck.toolbar}
        </h2>
        <fieldset disabled={locked}>
          <legend>{t.deck.themes}</legend>
          {THEMES.map((theme: Theme) => (
            <label class={`chip theme-${theme}`} key={theme}>
              <input
                type="checkbox"
                checked={state.filter.themes.includes(theme)}
                onChange={() =>
                  update({ filter: { ...state.filter, themes: toggleIn(state.filter.themes, theme) }, index: 0 })
                }
              />
              <span class="swatch" aria-hidden="true" />
              {t.themes[theme].short}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={locked}>
          <legend>{t.deck.kinds}</legend>
          {KINDS.map((kind: Kind) => (
            <label class="chip" key={kind}>
              <input
                type="checkbox"
                checked={state.filter.kinds.includes(kind)}
                onChange={() =>
                  update({ filter: { ...state.filter, kinds: toggleIn(state.filter.kinds, kind) }, index: 0 })
                }
              />
              {t.kinds[kind]}
            </label>
          ))}
        </fieldset>
        <label class="deck-lens-select">
          {t.deck.lens}
          <select
            value={lens ?? ''}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value as Perspective | '';
              const { perspective: _old, ...rest } = state.filter;
              update({ filter: v ? { ...rest, perspective: v } : rest });
            }}
          >
            <option value="">{t.deck.lensAll}</option>
            {PERSPECTIVES.map((p) => (
              <option value={p} key={p}>
                {t.perspectives[p]}
              </option>
            ))}
          </select>
        </label>
        <div class="deck-buttons">
          {!locked && (
            <button
              type="button"
              class="primary"
              ref={primaryRef}
              onClick={() => (update({ seed: newSeed(), index: 0 }), setFlipped(false))}
            >
              {state.seed ? t.deck.shuffle : t.deck.draw}
            </button>
          )}
          {state.seed && !locked && (
            <button
              type="button"
              onClick={() => {
                update({ seed: undefined, index: 0 });
                // This button disappears: keep the keyboard user in the toolbar.
                primaryRef.current?.focus();
              }}
            >
              {t.deck.unshuffle}
            </button>
          )}
          <button type="button" aria-pressed={picking} onClick={() => setPicking((v) => !v)}>
            {picking ? t.deck.pickDone : t.deck.pickStart}
          </button>
          {picks.length > 0 && (
            <button
              type="button"
              onClick={() => {
                update({ selection: undefined, index: 0 });
                // This button disappears; the draw button comes back: focus it once it is there.
                requestAnimationFrame(() => primaryRef.current?.focus());
              }}
            >
              {t.deck.pickClear}
            </button>
          )}
          <button type="button" onClick={shareDeck}>
            {t.deck.share}
          </button>
          <button type="button" onClick={present} disabled={!current}>
            {t.deck.present}
          </button>
          {links && deck.length > 0 && (
            // The cards shown, in the order shown, and the lens: the session starts where the deck is.
            <a
              class="button"
              data-start-session
              href={`${links.sessions}${newSessionSearch({ cards: deck.map((c) => c.id), ...(lens ? { lens } : {}) })}`}
            >
              {t.deck.startSession}
            </a>
          )}
        </div>
        <div class="deck-status" role="status">
          {state.seed && <p>{fill(t.lang, t.deck.shuffled, { seed: state.seed })}</p>}
          {locked && (
            <p>
              {fill(t.lang, t.deck.selection, { n: picks.length })}. {t.deck.selectionLocks}
            </p>
          )}
          {share && (
            <p class="deck-share">
              {share.copied ? t.deck.shareCopied : t.deck.shareManual}{' '}
              <input
                readOnly
                value={share.url}
                aria-label={t.deck.share}
                onFocus={(e) => (e.target as HTMLInputElement).select()}
              />
            </p>
          )}
        </div>
      </section>

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

      <section class="deck-stage" aria-labelledby="deck-stage-h">
        <h2 id="deck-stage-h" ref={stageRef} tabIndex={-1} class="visually-hidden">
          {t.deck.stage}
        </h2>
        <p class="visually-hidden" aria-live="polite" aria-atomic="true">
          {announcement}
        </p>
        {current ? (
          <>
            <p class="deck-progress" aria-hidden="true">
              {index + 1} / {deck.length}
            </p>
            <div class="deck-stage-card" key={`${current.id}-${flipped}`}>
              <DeckCard card={current} t={t} flipped={flipped} lens={lens} titleId="deck-current-title" />
            </div>
            <div class="deck-nav">
              {/* aria-disabled, not disabled: a disabled button drops the keyboard focus at the end of the deck. */}
              <button type="button" onClick={() => goTo(prevIndex(index, deck.length))} aria-disabled={!hasPrev(index)}>
                ← {t.deck.prev}
              </button>
              <button type="button" class="primary" onClick={() => setFlipped((f) => !f)} aria-pressed={flipped}>
                {flipped ? t.deck.flipFront : t.deck.flipBack}
              </button>
              <button
                type="button"
                onClick={() => goTo(nextIndex(index, deck.length))}
                aria-disabled={!hasNext(index, deck.length)}
              >
                {t.deck.next} →
              </button>
              <a href={current.href}>{t.deck.openCard}</a>
            </div>
          </>
        ) : (
          <p class="deck-empty">{t.deck.empty}</p>
        )}
      </section>

      <section class="fan" aria-labelledby="fan-h">
        <h2 id="fan-h">{t.deck.fan}</h2>
        <p id="fan-help" class="fan-help">
          {picking ? t.deck.pickHelp : t.deck.fanHelp}
        </p>
        {/* The uitleg card has no theme: its own group, first, like card 0 in the paper fan. */}
        {[undefined, ...THEMES].map((theme) => {
          const group = fanCards.filter((c) => c.theme === theme);
          if (group.length === 0) return null;
          const key = theme ?? NO_THEME;
          return (
            <section class={`fan-group theme-${key}`} id={key} aria-labelledby={`fan-h-${key}`} key={key}>
              <h3 id={`fan-h-${key}`}>
                <span class="swatch" aria-hidden="true" />
                {theme ? t.themes[theme].name : t.kinds.uitleg}
              </h3>
              <ul class="fan-list fan-live">
                {group.map((c) => {
                  const i = fanCards.indexOf(c);
                  const pickNumber = picks.indexOf(c.id) + 1;
                  return (
                    <li key={c.id}>
                      <button
                        type="button"
                        ref={(el) => {
                          if (el) fanRefs.current.set(c.id, el);
                          else fanRefs.current.delete(c.id);
                        }}
                        class={`fan-card theme-band${c.id === current?.id && !picking ? ' is-current' : ''}`}
                        tabIndex={c.id === focusable ? 0 : -1}
                        aria-current={!picking && c.id === current?.id ? 'true' : undefined}
                        aria-pressed={picking ? pickNumber > 0 : undefined}
                        aria-describedby="fan-help"
                        onKeyDown={(e) => onFanKey(e, i)}
                        onClick={() => onFanActivate(c)}
                      >
                        <span class="fan-card-meta">
                          {t.card.number} {c.number} · {t.kinds[c.kind]}
                          {pickNumber > 0 && (
                            <span class="fan-pick"> · {fill(t.lang, t.deck.picked, { n: pickNumber })}</span>
                          )}
                        </span>
                        <span class="fan-card-title">{c.title}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </section>

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
          links={links}
        />
      )}
    </div>
  );
}
