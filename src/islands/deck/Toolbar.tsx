/**
 * The deck's toolbar: filters per spanningsveld and kind, the lens, draw/shuffle, hand-picking,
 * sharing, presenting and starting a session, and a status line that says what is in force.
 */
import { useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { toggleIn } from '../../lib/deck/fan';
import { newSeed } from '../../lib/deck/random';
import { deckSearch, type DeckState } from '../../lib/deck/state';
import { newSessionSearch } from '../../lib/sessions/link';
import { KINDS, PERSPECTIVES, THEMES, type Kind, type Perspective, type Theme } from '../../vocab';
import type { DeckStrings, IslandCard } from '../types';
import type { DeckLinks } from './links';

interface Props {
  t: DeckStrings;
  state: DeckState;
  deck: IslandCard[];
  picking: boolean;
  links?: DeckLinks | undefined;
  update(change: Partial<DeckState>): void;
  /** A new seed or none: the card on top shows its face again. */
  onShuffle(seed: string | undefined): void;
  onPicking(): void;
  onPresent(): void;
}

export function Toolbar({ t, state, deck, picking, links, update, onShuffle, onPicking, onPresent }: Props) {
  const [share, setShare] = useState<{ url: string; copied: boolean } | null>(null);
  const primaryRef = useRef<HTMLButtonElement>(null);
  const lens = state.filter.perspective;
  const picks = state.selection ?? [];
  // A hand-picked selection fixes the cards and their order: filters and shuffling would do nothing.
  const locked = picks.length > 0;

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

  return (
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
          <button type="button" class="primary" ref={primaryRef} onClick={() => onShuffle(newSeed())}>
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
        <button type="button" aria-pressed={picking} onClick={onPicking}>
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
        <button type="button" onClick={onPresent} disabled={deck.length === 0}>
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
  );
}
