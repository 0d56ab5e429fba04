/**
 * The presenter's moderation of answers from the room (the control side): ask one of the card's
 * questions or a typed one, close it, and show, hide or highlight what came in. Answers arrive
 * hidden. Plain data in and one callback out, so the control view can mount it anywhere.
 */
import { useState } from 'preact/hooks';
import type { Dictionary } from '../../i18n';
import { fill } from '../../i18n/fill';
import type { AnswersEvent } from '../../lib/room/answers';
import { ANSWER_LIMITS, oneLine } from '../../lib/room/answers-schema';
import { cloudable } from '../../lib/room/words';
import type { Lang } from '../../routes';
import '../../styles/room-answers.css';

export type AnswersStrings = Dictionary['room']['answers'];

export interface AnswersPanelProps {
  lang: Lang;
  t: AnswersStrings;
  /** The card the question is about. */
  card: string;
  /** The card's own questions, to pick from. */
  questions: readonly string[];
  /** The question on the phones, or null. */
  asked: { text: string; open: boolean; only: boolean } | null;
  /** Answers to that question, in arrival order. */
  answers: readonly { id: number; text: string; shown: boolean; seen: boolean }[];
  highlight: number | null;
  keepHidden: boolean;
  cloud: boolean;
  /** No room to send to (yet): the controls wait. */
  disabled?: boolean;
  onEvent(event: AnswersEvent): void;
}

export default function AnswersPanel(props: AnswersPanelProps) {
  const { lang, t, asked, answers, highlight } = props;
  const send = (event: AnswersEvent) => !props.disabled && props.onEvent(event);
  const fresh = answers.filter((a) => !a.seen).length;
  const hidden = answers.filter((a) => !a.shown).length;
  const texts = answers.map((a) => a.text);
  return (
    <section class="answers-panel" aria-labelledby="answers-panel-h">
      <h2 id="answers-panel-h">{t.title}</h2>
      {asked?.open ? (
        <>
          <p class="answers-asked">{fill(lang, t.asked, { question: asked.text })}</p>
          <p class="answers-state" role="status">
            {t.isOpen}
          </p>
          <p class="answers-buttons">
            <button type="button" disabled={props.disabled} onClick={() => send({ type: 'stop' })}>
              {t.stop}
            </button>
          </p>
        </>
      ) : (
        <>
          {asked && (
            <>
              <p class="answers-asked">{fill(lang, t.asked, { question: asked.text })}</p>
              <p class="answers-state" role="status">
                {t.isStopped}{' '}
                <button type="button" disabled={props.disabled} onClick={() => send({ type: 'dismiss' })}>
                  {t.dismiss}
                </button>
              </p>
            </>
          )}
          {!asked && <p class="answers-intro">{t.intro}</p>}
          <AskForm {...props} />
        </>
      )}
      {asked && (
        <>
          <p class="answers-count" aria-live="polite" aria-atomic="true">
            {answers.length === 0 ? t.none : fill(lang, t.count, { n: answers.length, fresh })}
          </p>
          {hidden > 0 && (
            <p class="answers-buttons">
              <button type="button" disabled={props.disabled} onClick={() => send({ type: 'show-all' })}>
                {t.showAll}
              </button>
            </p>
          )}
          {answers.length > 0 && (
            <ul class="answers-list" aria-label={t.listLabel}>
              {answers.map((a) => {
                const hi = a.id === highlight;
                const state = hi ? t.highlighted : a.shown ? t.shown : t.hidden;
                return (
                  <li key={a.id} class={`answers-item${a.shown ? ' is-shown' : ''}${hi ? ' is-hi' : ''}`}>
                    <span id={`answer-${a.id}`} class="answers-text">
                      {a.text}
                    </span>{' '}
                    <span class="answers-tag">({state})</span>
                    <span class="answers-actions">
                      <button
                        type="button"
                        aria-describedby={`answer-${a.id}`}
                        disabled={props.disabled}
                        onClick={() => send(a.shown ? { type: 'hide', id: a.id } : { type: 'show', id: a.id })}
                      >
                        {a.shown ? t.hide : t.show}
                      </button>
                      <button
                        type="button"
                        aria-describedby={`answer-${a.id}`}
                        aria-pressed={hi}
                        disabled={props.disabled}
                        onClick={() => send({ type: 'highlight', id: hi ? null : a.id })}
                      >
                        {hi ? t.unhighlight : t.highlight}
                      </button>
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          <p class="answers-option">
            <label>
              <input
                type="checkbox"
                checked={props.cloud}
                disabled={props.disabled || cloudable(texts) === 0}
                aria-describedby="answers-cloud-help"
                onChange={(e) => send({ type: 'cloud', on: e.currentTarget.checked })}
              />{' '}
              {t.cloud}
            </label>
            <span id="answers-cloud-help" class="answers-help">
              {t.cloudNone}
            </span>
          </p>
        </>
      )}
      <p class="answers-option">
        <label>
          <input
            type="checkbox"
            checked={props.keepHidden}
            disabled={props.disabled}
            aria-describedby="answers-saved-help"
            onChange={(e) => send({ type: 'keep-hidden', on: e.currentTarget.checked })}
          />{' '}
          {t.keepHidden}
        </label>
        <span id="answers-saved-help" class="answers-help">
          {t.saved}
        </span>
      </p>
    </section>
  );
}

/** One of the card's questions or a typed one, and whether the phones answer instead of voting. */
function AskForm(props: AnswersPanelProps) {
  const { t } = props;
  const [picked, setPicked] = useState('');
  const [typed, setTyped] = useState('');
  const [only, setOnly] = useState(false);
  const [missing, setMissing] = useState(false);
  // A question the phones' schema would refuse is not offered.
  const questions = props.questions.filter((q) => q.length <= ANSWER_LIMITS.questionMaxChars);
  return (
    <form
      class="answers-ask"
      onSubmit={(e) => {
        e.preventDefault();
        const text = oneLine(typed) || picked;
        setMissing(!text);
        if (!text || props.disabled) return;
        props.onEvent({ type: 'ask', card: props.card, text, only });
        setTyped('');
      }}
    >
      {questions.length > 0 && (
        <p class="answers-field">
          <label for="answers-pick">{t.fromCard}</label>
          <select id="answers-pick" value={picked} onChange={(e) => setPicked(e.currentTarget.value)}>
            <option value="">—</option>
            {questions.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </p>
      )}
      <p class="answers-field">
        <label for="answers-typed">{t.typed}</label>
        <input
          id="answers-typed"
          type="text"
          maxLength={ANSWER_LIMITS.questionMaxChars}
          value={typed}
          aria-describedby="answers-typed-help"
          aria-invalid={missing || undefined}
          onInput={(e) => setTyped(e.currentTarget.value)}
        />
        <span id="answers-typed-help" class="answers-help">
          {t.typedHelp}
        </span>
      </p>
      <p class="answers-option">
        <label>
          <input type="checkbox" checked={only} onChange={(e) => setOnly(e.currentTarget.checked)} /> {t.only}
        </label>
      </p>
      {missing && (
        <p class="answers-error" role="alert">
          {t.noQuestion}
        </p>
      )}
      <p class="answers-buttons">
        <button type="submit" class="primary" disabled={props.disabled}>
          {t.ask}
        </button>
      </p>
    </form>
  );
}
