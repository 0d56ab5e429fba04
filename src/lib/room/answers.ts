/**
 * Answers from the room and their moderation, as a pure reducer inside the presenter's room state.
 * The presenter opens a question on the current card; phones answer in text; every answer arrives
 * hidden and reaches the phones (and the projector) only once the presenter shows it. Phone ids are
 * kept here only to bound what one phone may send: they never leave this state (askMessage sends
 * shown texts only, and the session saves texts only).
 */
import { ANSWER_LIMITS, oneLine } from './answers-schema.ts';
import { ROOM_LIMITS } from './limits.ts';
import type { AskMessage } from './schema.ts';

export interface Question {
  id: number;
  card: string;
  text: string;
}

export interface Answer {
  id: number;
  /** The question it answers. */
  q: number;
  text: string;
  /** The sender, to bound its answers; never shown, sent or saved. */
  pid: string;
  shown: boolean;
  /** Shown at least once: an answer never seen by the presenter's audience counts as new. */
  seen: boolean;
}

export interface AnswersState {
  /** Every question asked in this room, oldest first (bounded: the oldest go with their answers). */
  questions: Question[];
  /** The question on the phones: open takes answers; `only` replaces the vote on the phones. */
  current: { id: number; open: boolean; only: boolean } | null;
  answers: Answer[];
  /** The one highlighted answer (shown), if any. */
  highlight: number | null;
  /** Save hidden answers into the session too (the presenter's choice). */
  keepHidden: boolean;
  /** Show the current question's short answers as a word cloud. */
  cloud: boolean;
  /** The last id given to a question or an answer. */
  last: number;
}

export type AnswersEvent =
  /** Opens a question on `card` (closing the one before). */
  | { type: 'ask'; card: string; text: string; only?: boolean }
  /** Stops taking answers; the question and its shown answers stay on the phones. */
  | { type: 'stop' }
  /** Takes the question off the phones (a new card does this too). */
  | { type: 'dismiss' }
  | { type: 'show'; id: number }
  | { type: 'show-all' }
  | { type: 'hide'; id: number }
  /** Highlights one answer (showing it), or none. */
  | { type: 'highlight'; id: number | null }
  | { type: 'keep-hidden'; on: boolean }
  | { type: 'cloud'; on: boolean };

export function initialAnswers(): AnswersState {
  return { questions: [], current: null, answers: [], highlight: null, keepHidden: false, cloud: false, last: 0 };
}

/** The current question's record, or null. */
export function currentQuestion(state: AnswersState): Question | null {
  const id = state.current?.id;
  return id === undefined ? null : (state.questions.find((q) => q.id === id) ?? null);
}

/** The answers to one question, in arrival order. */
export function answersTo(state: AnswersState, q: number): Answer[] {
  return state.answers.filter((a) => a.q === q);
}

const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** A phone's answer (schema-checked, from a phone that joined): kept hidden, or dropped when out of bounds. */
export function receiveAnswer(state: AnswersState, pid: string, q: number, text: string): AnswersState {
  if (!state.current?.open || state.current.id !== q) return state;
  const onQuestion = answersTo(state, q);
  if (onQuestion.length >= ANSWER_LIMITS.answersPerQuestion) return state;
  const own = onQuestion.filter((a) => a.pid === pid);
  // A double tap sends the same words twice: keep them once.
  if (own.length >= ANSWER_LIMITS.answersPerPhone || own.some((a) => same(a.text, text))) return state;
  const id = state.last + 1;
  const answer: Answer = { id, q, text, pid, shown: false, seen: false };
  return { ...state, last: id, answers: [...state.answers, answer] };
}

function setShown(state: AnswersState, shown: (a: Answer) => boolean): AnswersState {
  let changed = false;
  const answers = state.answers.map((a) => {
    const next = shown(a);
    if (next === a.shown) return a;
    changed = true;
    return { ...a, shown: next, seen: a.seen || next };
  });
  if (!changed) return state;
  const hi = answers.find((a) => a.id === state.highlight);
  return { ...state, answers, highlight: hi?.shown ? state.highlight : null };
}

function ask(state: AnswersState, card: string, text: string, only: boolean): AnswersState {
  const id = state.last + 1;
  let questions = [...state.questions, { id, card, text }];
  let answers = state.answers;
  if (questions.length > ANSWER_LIMITS.questionsKept) {
    const gone = questions[0]!.id;
    questions = questions.slice(1);
    answers = answers.filter((a) => a.q !== gone);
  }
  return { ...state, last: id, questions, answers, current: { id, open: true, only }, highlight: null, cloud: false };
}

export function answersReducer(state: AnswersState, event: AnswersEvent): AnswersState {
  const q = state.current?.id;
  switch (event.type) {
    case 'ask': {
      // What the phones' schema would refuse never becomes the question.
      const text = oneLine(event.text);
      if (!text || text.length > ANSWER_LIMITS.questionMaxChars) return state;
      return ask(state, event.card, text, event.only === true);
    }
    case 'stop':
      return state.current?.open ? { ...state, current: { ...state.current, open: false } } : state;
    case 'dismiss':
      return state.current ? { ...state, current: null, highlight: null, cloud: false } : state;
    case 'show':
      return setShown(state, (a) => a.shown || (a.id === event.id && a.q === q));
    case 'show-all':
      return setShown(state, (a) => a.shown || a.q === q);
    case 'hide':
      return setShown(state, (a) => a.shown && a.id !== event.id);
    case 'highlight': {
      if (event.id === null) return state.highlight === null ? state : { ...state, highlight: null };
      const target = state.answers.find((a) => a.id === event.id && a.q === q);
      if (!target) return state;
      return { ...setShown(state, (a) => a.shown || a.id === event.id), highlight: event.id };
    }
    case 'keep-hidden':
      return state.keepHidden === event.on ? state : { ...state, keepHidden: event.on };
    case 'cloud':
      return state.cloud === event.on ? state : { ...state, cloud: event.on };
  }
}

/** A new card takes a question about another card off the phones. */
export function answersOnCard(state: AnswersState, card: string | null): AnswersState {
  const current = currentQuestion(state);
  return current && current.card !== card ? answersReducer(state, { type: 'dismiss' }) : state;
}

const encoder = new TextEncoder();

/**
 * The shown answers the phones get: the highlighted one first, then the latest shown, within a
 * count and a size (so the frame stays within the relay's cap), in the order the room sees them.
 */
export function shownForPhones(state: AnswersState): { text: string; hi?: true }[] {
  const q = state.current?.id;
  if (q === undefined) return [];
  const shown = answersTo(state, q).filter((a) => a.shown);
  const picked = new Set<number>();
  let bytes = 0;
  const byPriority = [...shown.filter((a) => a.id === state.highlight), ...shown.reverse()];
  for (const a of byPriority) {
    if (picked.size >= ANSWER_LIMITS.shownSent) break;
    if (picked.has(a.id)) continue;
    const size = encoder.encode(JSON.stringify(a.text)).length + 12;
    if (bytes + size > ANSWER_LIMITS.shownBytes) continue;
    bytes += size;
    picked.add(a.id);
  }
  return answersTo(state, q)
    .filter((a) => picked.has(a.id))
    .map((a) => (a.id === state.highlight ? { text: a.text, hi: true as const } : { text: a.text }));
}

/** What every phone may see of the answers: the question, whether it is open, and the shown texts only. */
export function askMessage(state: AnswersState, seq: number): AskMessage {
  const base = { t: 'ask' as const, v: ROOM_LIMITS.version, seq };
  const question = currentQuestion(state);
  if (!question || !state.current) return { ...base, q: null, open: false, only: false, shown: [] };
  return {
    ...base,
    q: question.id,
    text: question.text,
    open: state.current.open,
    only: state.current.only,
    shown: shownForPhones(state),
  };
}

/** The texts to save for a question: the shown ones, or all when the presenter chose to keep hidden ones too. */
export function answersToSave(state: AnswersState, q: number): string[] {
  return answersTo(state, q)
    .filter((a) => a.shown || state.keepHidden)
    .map((a) => a.text);
}

/** What the moderation panel needs, as plain data (the control view may get it through a channel). */
export function panelData(state: AnswersState) {
  const question = currentQuestion(state);
  return {
    asked:
      question && state.current ? { text: question.text, open: state.current.open, only: state.current.only } : null,
    answers: question
      ? answersTo(state, question.id).map(({ id, text, shown, seen }) => ({ id, text, shown, seen }))
      : [],
    highlight: state.highlight,
    keepHidden: state.keepHidden,
    cloud: state.cloud,
  };
}

/** What the room sees (the audience view): the question and every shown answer, texts only. */
export function audienceData(state: AnswersState) {
  const question = currentQuestion(state);
  return {
    question: question?.text ?? null,
    answers: question
      ? answersTo(state, question.id)
          .filter((a) => a.shown)
          .map((a) => ({ text: a.text, hi: a.id === state.highlight }))
      : [],
    cloud: state.cloud,
  };
}

/** The shown answers as the audience window's snapshot takes them (lib/room/audience.ts). */
export function shownToAudience(room: { answers: AnswersState }) {
  const { question, answers, cloud } = audienceData(room.answers);
  return {
    question,
    cloud,
    answers: answers.map((a) => (a.hi ? { text: a.text, highlighted: true } : { text: a.text })),
  };
}
