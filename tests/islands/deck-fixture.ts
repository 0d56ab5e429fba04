/** A small deck for island tests: the uitleg card, two dilemmas with poles and a kenniskaart. */
import { deckStrings as buildDeckStrings } from '../../src/views/island-strings';
import type { DeckStrings, IslandCard } from '../../src/islands/types';
import { PERSPECTIVES, type Perspective } from '../../src/vocab';
import type { Lang } from '../../src/routes';

const questions = (id: string) =>
  Object.fromEntries(PERSPECTIVES.map((p) => [p, [`${id}: question for ${p}?`]])) as Record<Perspective, string[]>;

function card(o: Partial<IslandCard> & Pick<IslandCard, 'id' | 'number' | 'kind' | 'title'>): IslandCard {
  return {
    summary: `${o.title} in short.`,
    questions: [`${o.id}: a question for everyone?`],
    href: `/kaarten/${o.id}/`,
    perspectives: questions(o.id),
    ...o,
  };
}

export const CARDS: IslandCard[] = [
  card({ id: 'zo-werkt-de-waaier', number: 0, kind: 'uitleg', title: 'Zo werkt de waaier', questions: [] }),
  card({
    id: 'kind-of-gezin',
    number: 5,
    theme: 'visies',
    kind: 'dilemma',
    title: 'Kracht van het kind of van het gezin?',
    youthSummary: 'Jouw kracht of die van je gezin?',
    poles: [
      { label: 'Kracht van het kind', protects: 'De eigen groei.', plain: 'Jouw kracht' },
      { label: 'Kracht van het gezin', protects: 'Het gezin als plek om op te groeien.' },
    ],
  }),
  card({
    id: 'grens-stellen',
    number: 8,
    theme: 'grenzen',
    kind: 'dilemma',
    title: 'Grens stellen of ruimte geven?',
    poles: [
      { label: 'Grens stellen', protects: 'Veiligheid.' },
      { label: 'Ruimte geven', protects: 'Eigen regie.' },
    ],
  }),
  card({ id: 'wat-is-regie', number: 12, theme: 'regie', kind: 'kenniskaart', title: 'Wat is regie?' }),
];

/** The strings the cards page hands to the deck (src/views/island-strings.ts), Dutch unless told. */
export const deckStrings = (lang: Lang = 'nl'): DeckStrings => buildDeckStrings(lang);
