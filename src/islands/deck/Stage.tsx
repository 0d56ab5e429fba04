/** The card on top: its position, the card itself (face or back), and the buttons to move and turn it. */
import type { RefObject } from 'preact';
import { hasNext, hasPrev } from '../../lib/deck/cursor';
import type { Perspective } from '../../vocab';
import { DeckCard } from '../DeckCard';
import type { DeckStrings, IslandCard } from '../types';

interface Props {
  t: DeckStrings;
  current: IslandCard | undefined;
  index: number;
  total: number;
  flipped: boolean;
  lens: Perspective | undefined;
  announcement: string;
  headingRef: RefObject<HTMLHeadingElement>;
  onPrev(): void;
  onNext(): void;
  onFlip(): void;
}

export function Stage({ t, current, index, total, flipped, lens, announcement, headingRef, ...on }: Props) {
  return (
    <section class="deck-stage" aria-labelledby="deck-stage-h">
      <h2 id="deck-stage-h" ref={headingRef} tabIndex={-1} class="visually-hidden">
        {t.deck.stage}
      </h2>
      <p class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {current ? (
        <>
          <p class="deck-progress" aria-hidden="true">
            {index + 1} / {total}
          </p>
          <div class="deck-stage-card" key={`${current.id}-${flipped}`}>
            <DeckCard card={current} t={t} flipped={flipped} lens={lens} titleId="deck-current-title" />
          </div>
          <div class="deck-nav">
            {/* aria-disabled, not disabled: a disabled button drops the keyboard focus at the end of the deck. */}
            <button type="button" onClick={on.onPrev} aria-disabled={!hasPrev(index)}>
              ← {t.deck.prev}
            </button>
            <button type="button" class="primary" onClick={on.onFlip} aria-pressed={flipped}>
              {flipped ? t.deck.flipFront : t.deck.flipBack}
            </button>
            <button type="button" onClick={on.onNext} aria-disabled={!hasNext(index, total)}>
              {t.deck.next} →
            </button>
            <a href={current.href}>{t.deck.openCard}</a>
          </div>
        </>
      ) : (
        <p class="deck-empty">{t.deck.empty}</p>
      )}
    </section>
  );
}
