/**
 * The phone's answer form (loaded by join.ts only when the presenter asks a question): the
 * question, a text field of 280 characters, and what the room was shown. Before an answer leaves
 * the phone the privacy guard reads it; a finding stops it and asks to rephrase, the text stays.
 * No name travels with an answer. Plain DOM, text only, as the rest of the join page.
 */
import { fill } from '../i18n/fill';
import { listFormat } from '../i18n/list';
import type { FindingKind } from '../lib/privacy/detect';
import { checkAnswer } from '../lib/room/answers-guard';
import { ANSWER_LIMITS, type AskView } from '../lib/room/answers-schema';
import type { Lang } from '../routes';
import { joinTexts } from './join-texts';

interface Texts {
  heading: string;
  field: string;
  help: string;
  send: string;
  sent: string;
  max: string;
  closed: string;
  empty: string;
  long: string;
  privacy: string;
  failed: string;
  shown: string;
  highlighted: string;
  findings: Record<FindingKind, string>;
}

/** Answers this phone sent, per question: the presenter takes three, so the form says so after three. */
const sent = new Map<number, number>();
let built: ReturnType<typeof build> | null = null;

const make = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text = '') => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text) el.textContent = text;
  return el;
};

function build(slot: HTMLElement, t: Texts) {
  const heading = make('h3', { id: 'room-answer-h' }, t.heading);
  const question = make('p', { id: 'room-answer-q', class: 'room-answer-question' });
  const form = make('form', { class: 'room-answer-form' });
  const label = make('label', { for: 'room-answer-text' }, t.field);
  const field = make('textarea', {
    id: 'room-answer-text',
    maxlength: String(ANSWER_LIMITS.answerMaxChars),
    rows: '3',
    'aria-describedby': 'room-answer-q room-answer-help',
  });
  const help = make('p', { id: 'room-answer-help', class: 'room-hint' }, t.help);
  const problem = make('p', { class: 'room-problem', role: 'alert', hidden: '' });
  const button = make('button', { type: 'submit', class: 'primary' }, t.send);
  form.append(label, field, help, problem, button);
  const status = make('p', { class: 'room-hint', role: 'status' });
  const shownBox = make('div', { hidden: '' });
  const shownList = make('ul', { class: 'room-answer-shown', 'aria-labelledby': 'room-answer-shown-h' });
  shownBox.append(make('h4', { id: 'room-answer-shown-h' }, t.shown), shownList);
  slot.replaceChildren(heading, question, form, status, shownBox);
  return { question, form, field, problem, button, status, shownBox, shownList };
}

/** What the latest draw was given: the form's listener reads it when the participant sends. */
let now: { lang: Lang; t: Texts; ask: AskView; send: (q: number, text: string) => Promise<boolean> } | null = null;

function drawCount(ui: NonNullable<typeof built>) {
  if (!now) return;
  const { lang, t, ask } = now;
  const n = sent.get(ask.q) ?? 0;
  const max = ANSWER_LIMITS.answersPerPhone;
  const full = n >= max;
  ui.form.hidden = full || !ask.open;
  const text = !ask.open ? t.closed : full ? fill(lang, t.max, { max }) : n > 0 ? fill(lang, t.sent, { n, max }) : '';
  if (ui.status.textContent !== text) ui.status.textContent = text;
}

function onSubmit(ui: NonNullable<typeof built>, e: Event) {
  e.preventDefault();
  if (!now) return;
  const { lang, t, ask, send } = now;
  const say = (text: string | null) => {
    ui.problem.textContent = text ?? '';
    ui.problem.hidden = text === null;
  };
  const checked = checkAnswer(ui.field.value);
  if (!checked.ok) {
    // The text stays: the participant rephrases it.
    if (checked.reason === 'private')
      say(
        fill(lang, t.privacy, {
          kinds: listFormat(
            lang,
            checked.kinds.map((k) => t.findings[k]),
          ),
        }),
      );
    else say(checked.reason === 'empty' ? t.empty : t.long);
    ui.field.focus();
    return;
  }
  say(null);
  ui.button.disabled = true;
  const q = ask.q;
  send(q, checked.text).then(
    (ok) => {
      ui.button.disabled = false;
      if (!ok) return say(t.failed);
      sent.set(q, (sent.get(q) ?? 0) + 1);
      ui.field.value = '';
      drawCount(ui);
    },
    () => {
      ui.button.disabled = false;
      say(t.failed);
    },
  );
}

/** Draws `ask` into the page's answer section (again on every change); null hides it. */
export function drawAnswer(
  root: HTMLElement,
  lang: Lang,
  ask: AskView | null,
  send: (q: number, text: string) => Promise<boolean>,
) {
  const slot = root.querySelector<HTMLElement>('[data-answer]')!;
  slot.hidden = ask === null;
  if (ask === null) return;
  const t = now?.t ?? ((joinTexts('answer') ?? {}) as Texts);
  const fresh = now?.ask.q !== ask.q;
  now = { lang, t, ask, send };
  if (!built) {
    const ui = build(slot, t);
    ui.form.addEventListener('submit', (e) => onSubmit(ui, e));
    built = ui;
  }
  const ui = built;
  if (fresh) {
    // A new question: a fresh form.
    ui.field.value = '';
    ui.problem.hidden = true;
  }
  if (ui.question.textContent !== ask.text) ui.question.textContent = ask.text;
  drawCount(ui);
  ui.shownBox.hidden = ask.shown.length === 0;
  ui.shownList.replaceChildren(
    ...ask.shown.map((a) => make('li', a.hi ? { class: 'is-hi' } : {}, a.hi ? `${t.highlighted}: ${a.text}` : a.text)),
  );
}
