/**
 * The phone's check before an answer leaves it: one line, within its length, and without what
 * looks like a client's data (the privacy guard: BSN, phone number, e-mail, address, date of
 * birth, age, IBAN). A finding stops the answer: the phone asks to rephrase and keeps the text.
 * Loaded with the answer form only, so the join page's start-up code does not carry the guard.
 */
import { detectClientData, type FindingKind } from '../privacy/detect';
import { ANSWER_LIMITS, oneLine } from './answers-schema.ts';

export type AnswerCheck =
  | { ok: true; text: string }
  | { ok: false; reason: 'empty' | 'long' }
  | { ok: false; reason: 'private'; kinds: FindingKind[] };

/** `max`: a table's summary (tables.ts) goes through the same guard with its own length. */
export function checkAnswer(input: string, now?: Date, max: number = ANSWER_LIMITS.answerMaxChars): AnswerCheck {
  const text = oneLine(input);
  if (!text) return { ok: false, reason: 'empty' };
  if (text.length > max) return { ok: false, reason: 'long' };
  const findings = detectClientData(text, now ? { now } : {});
  if (findings.length > 0) return { ok: false, reason: 'private', kinds: [...new Set(findings.map((f) => f.kind))] };
  return { ok: true, text };
}
