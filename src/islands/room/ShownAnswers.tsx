/**
 * What the room sees of the answers: the question, the highlighted answer large, the other shown
 * answers, or the short ones as a word cloud. Plain data in, so the audience view (a second window
 * on the projector) can mount it as well as the presenter's own screen.
 */
import { useMemo } from 'preact/hooks';
import { cloudKey, countWords } from '../../lib/room/words';
import type { Lang } from '../../routes';
import type { AnswersStrings } from './AnswersPanel';
import { WordCloud } from './WordCloud';
import '../../styles/room-answers.css';

export interface ShownAnswersProps {
  lang: Lang;
  t: AnswersStrings;
  question: string | null;
  answers: readonly { text: string; hi: boolean }[];
  cloud: boolean;
}

export default function ShownAnswers({ lang, t, question, answers, cloud }: ShownAnswersProps) {
  const words = useMemo(() => (cloud ? countWords(answers.map((a) => a.text)) : []), [cloud, answers]);
  if (question === null) return null;
  const hi = answers.find((a) => a.hi);
  // In the cloud, the answers too long for it stay readable as a list.
  const listed = answers.filter((a) => !a.hi && !(cloud && cloudKey(a.text) !== null));
  return (
    <section class="shown-answers" aria-labelledby="shown-answers-h">
      <h2 id="shown-answers-h">{t.audience}</h2>
      <p class="shown-answers-question">{question}</p>
      {answers.length === 0 && <p class="shown-answers-empty">{t.nothingShown}</p>}
      {hi && (
        <blockquote class="shown-answers-hi">
          <p>
            <strong class="shown-answers-hi-label">{t.phone.highlighted}: </strong>
            {hi.text}
          </p>
        </blockquote>
      )}
      {cloud && words.length > 0 && <WordCloud lang={lang} t={t} words={words} />}
      {listed.length > 0 && (
        <ul class="shown-answers-list">
          {listed.map((a, i) => (
            <li key={`${i}-${a.text}`}>{a.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
