/**
 * The bounds and the field schemas of answers from the room. Kept apart from answers.ts (the
 * presenter's reducer) so that schema.ts can add the messages to its variants without importing
 * the reducer, and the phone's start-up code pays only for a few schemas.
 */
import * as v from 'valibot';
import { ROOM_LIMITS } from './limits.ts';
import type { AskMessage } from './schema.ts';

export const ANSWER_LIMITS = {
  /** Characters (UTF-16 code units, as a textarea's maxlength counts) of one answer. */
  answerMaxChars: 280,
  /** Characters of a question the presenter types (a card's own questions are shorter). */
  questionMaxChars: 200,
  /** Answers one phone may send to one question. */
  answersPerPhone: 3,
  /** Answers one question keeps: every phone its three, and no more. */
  answersPerQuestion: ROOM_LIMITS.phonesPerRoom * 3,
  /** Questions the presenter's state remembers (the oldest and their answers go first). */
  questionsKept: 60,
  /** Shown answers sent to the phones at most: the highlighted one and the latest shown. */
  shownSent: 12,
  /** UTF-8 bytes of the shown answers sent down, so a question and the spread still fit one frame. */
  shownBytes: 1600,
  /** Words of an answer that can go into the word cloud. */
  cloudMaxWords: 3,
} as const;

// Control characters, bidi overrides and line breaks would let an answer spoof the big screen's layout.
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

const safeText = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max),
    v.trim(),
    v.minLength(1),
    v.check((s) => !UNSAFE_TEXT.test(s), 'invalid characters in text'),
  );

/** One answer: trimmed, 1-280 characters, on one line. */
export const AnswerTextSchema = safeText(ANSWER_LIMITS.answerMaxChars);

/** A question: a card's or one the presenter typed, 1-200 characters, on one line. */
export const QuestionTextSchema = safeText(ANSWER_LIMITS.questionMaxChars);

/** The presenter's number for a question in this room; answers name it, so a late answer to the last one is dropped. */
export const QuestionIdSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(1));

/** A shown answer as phones get it: its text only (no id, no sender), the highlighted one marked. */
export const ShownAnswerSchema = v.strictObject({
  text: AnswerTextSchema,
  hi: v.optional(v.literal(true)),
});

/** Folds white space (line breaks, tabs, runs of spaces) into single spaces: answers travel on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** What a phone shows of the presenter's question. */
export interface AskView {
  q: number;
  text: string;
  open: boolean;
  /** Answers instead of a position: the vote gives way to the answer form. */
  only: boolean;
  shown: { text: string; hi?: true }[];
}

/** The phone's view of an `ask` message (already schema-checked); null when no question is asked. */
export function askView(m: AskMessage): AskView | null {
  if (m.q === null || m.text === undefined) return null;
  return { q: m.q, text: m.text, open: m.open, only: m.only, shown: m.shown };
}
