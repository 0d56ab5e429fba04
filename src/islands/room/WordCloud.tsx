/**
 * Short answers as a word cloud: the visual cloud (sizes by count) is hidden from screen readers,
 * and the same words with their counts stand beside it as a list that every reader gets.
 */
import { fill } from '../../i18n/fill';
import type { CloudWord } from '../../lib/room/words';
import type { Lang } from '../../routes';
import type { AnswersStrings } from './AnswersPanel';

interface Props {
  lang: Lang;
  t: AnswersStrings;
  words: readonly CloudWord[];
}

/** Five sizes: the most frequent word the largest, one mention the smallest. */
function size(count: number, most: number): number {
  return most <= 1 ? 1 : 1 + Math.round(((count - 1) / (most - 1)) * 4);
}

export function WordCloud({ lang, t, words }: Props) {
  const most = words[0]?.count ?? 1;
  return (
    <figure class="word-cloud" aria-labelledby="word-cloud-h">
      <figcaption id="word-cloud-h" class="word-cloud-title">
        {t.cloudTitle}
      </figcaption>
      <p class="word-cloud-visual" aria-hidden="true">
        {words.map((w) => (
          <span key={w.word} class={`word-cloud-word is-${size(w.count, most)}`}>
            {w.word}
          </span>
        ))}
      </p>
      <ul class="word-cloud-list" aria-label={t.cloudList}>
        {words.map((w) => (
          <li key={w.word}>{fill(lang, t.cloudItem, { word: w.word, count: w.count })}</li>
        ))}
      </ul>
    </figure>
  );
}
