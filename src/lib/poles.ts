/**
 * The rules of a position between a card's two poles (0 = pole A, 100 = pole B), shared by the
 * sessions, the self-scan, the presenter's room and the join page: where the middle is, who
 * counts as the same participant, how a second "Anna" is numbered, and the words for a value.
 * Pure: no DOM, no dictionary (the templates come in as plain strings).
 */
import { fill } from '../i18n/fill';
import type { Lang } from '../routes';

export type Leaning = 'a' | 'middle' | 'b';

/** Values from 45 to 55 count as the middle: a small push off 50 is not yet a side. */
export const MIDDLE = { from: 45, to: 55 } as const;

/** Which pole a value is closer to. */
export function leaning(value: number): Leaning {
  if (value < MIDDLE.from) return 'a';
  if (value > MIDDLE.to) return 'b';
  return 'middle';
}

/**
 * The identity of a participant's name: "Anna", " anna " and "ANNA" are one person. Typed on a
 * shared device or a phone, case and stray spaces are accidents, not a second person.
 */
export function participantKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function sameParticipant(a: string, b: string): boolean {
  return participantKey(a) === participantKey(b);
}

/** The record already placed under this name (by participantKey), if any. */
export function findParticipant<T extends { participant: string }>(records: readonly T[], name: string): T | undefined {
  const key = participantKey(name);
  return records.find((r) => participantKey(r.participant) === key);
}

/** A numbered name from the dictionary's template ("{name} ({n})"): "Anna (2)". */
export function numberedName(lang: Lang, template: string, name: string, n: number): string {
  return fill(lang, template, { name, n });
}

/**
 * `name` itself when no one has it yet, else the first free numbered name after it ("Anna (2)",
 * "Anna (3)"); a name that is numbered already is numbered again from its base. Taken names
 * count by participantKey.
 */
export function freeName(
  name: string,
  taken: Iterable<string>,
  numbered: (base: string, n: number) => string,
  opts: { alwaysNumber?: boolean } = {},
): string {
  const used = new Set<string>();
  for (const x of taken) used.add(participantKey(x));
  if (!opts.alwaysNumber && !used.has(participantKey(name))) return name;
  const base = opts.alwaysNumber ? name.trim().replace(/\s+\(\d+\)$/, '') : name;
  for (let n = 2; ; n++) {
    const candidate = numbered(base, n);
    if (!used.has(participantKey(candidate))) return candidate;
  }
}

/** The dictionary's words for a value between two poles (one set per language). */
export interface LeanStrings {
  /** "dichter bij {a}" */
  leanA: string;
  /** "dichter bij {b}" */
  leanB: string;
  /** "in het midden" */
  middle: string;
  /** "{value} van 100, {lean}" */
  valueText: string;
}

/** "dichter bij Zelfredzaam" / "in het midden". */
export function leanPhrase(lang: Lang, words: LeanStrings, poles: readonly string[], value: number): string {
  const side = leaning(value);
  if (side === 'a') return fill(lang, words.leanA, { a: poles[0] ?? '' });
  if (side === 'b') return fill(lang, words.leanB, { b: poles[1] ?? '' });
  return words.middle;
}

/** What a screen reader says for a slider: "40 van 100, dichter bij Zelfredzaam". */
export function leanValueText(lang: Lang, words: LeanStrings, poles: readonly string[], value: number): string {
  return fill(lang, words.valueText, { value, lean: leanPhrase(lang, words, poles, value) });
}

/**
 * The numbered-name template of both dictionaries (`poles.numbered`), for pure code that is
 * called without one; islands pass the dictionary's own.
 */
export const DEFAULT_NUMBERED = '{name} ({n})';
