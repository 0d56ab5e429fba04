/** One card, face or back, as the deck and the presenter show it. Text only: no HTML from data. */
import { themeClass, type Perspective } from '../vocab';
import { fill } from '../i18n/fill';
import { lensQuestions, speaksTo } from '../lib/deck/lens';
import { face, type DeckStrings, type IslandCard } from './types';

interface Props {
  card: IslandCard;
  t: DeckStrings;
  flipped: boolean;
  lens?: Perspective | undefined;
  /** Heading level of the card title inside its region. */
  level?: 2 | 3;
  titleId?: string;
}

export function DeckCard({ card, t, flipped, lens, level = 3, titleId }: Props) {
  const Title = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';
  const f = face(card, lens);
  const q = lensQuestions(card, lens);
  return (
    <article class={`deck-card ${themeClass(card.theme)}${flipped ? ' is-flipped' : ''}`} data-card-id={card.id}>
      <p class="deck-card-meta">
        {card.theme && <span class="badge">{t.themes[card.theme].short}</span>}
        <span>
          {t.card.number} {card.number}
        </span>
        <span>{t.kinds[card.kind]}</span>
      </p>
      <Title id={titleId} class="deck-card-title">
        {card.title}
      </Title>
      {!flipped && (
        <div class="deck-card-face">
          <p class="deck-card-summary">{f.summary}</p>
          {f.poles.length > 0 && (
            <div class="deck-card-poles">
              {f.poles.map((pole, i) => (
                <div class={`deck-pole deck-pole-${i === 0 ? 'a' : 'b'}`} key={pole.label}>
                  <Sub class="deck-pole-label">{pole.label}</Sub>
                  <p>
                    <span class="visually-hidden">{t.card.protects}: </span>
                    {pole.protects}
                  </p>
                </div>
              ))}
            </div>
          )}
        </div>
      )}
      {flipped && (
        <div class="deck-card-back">
          {lens && q.role.length > 0 && (
            <>
              <Sub>
                {speaksTo(lens)
                  ? t.deck.lensForYou
                  : fill(t.lang, t.deck.lensQuestions, { role: t.perspectives[lens] })}
              </Sub>
              <ul class="deck-lens">
                {q.role.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          )}
          {q.general.length > 0 ? (
            <>
              <Sub>{t.deck.generalQuestions}</Sub>
              <ol>
                {q.general.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ol>
            </>
          ) : (
            <p class="deck-lens-note">{t.deck.lensForYouNote}</p>
          )}
        </div>
      )}
    </article>
  );
}
