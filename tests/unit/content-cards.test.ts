/**
 * The editor's checks on the cards' conversation questions and trainer notes. A closed question
 * (yes/no, or "this or that") ends a conversation where the fan wants one to start, so every
 * question on a card must be open in both languages.
 */
import { describe, expect, it } from 'vitest';
import { cardSchema, PERSPECTIVES } from '../../src/content.schema';
import { LANGS } from '../../src/routes';
import { readEntries } from '../support/content';

/**
 * An open question starts with a question word (after a preposition at most: "Met wie",
 * "In welke") or asks to tell ("Vertel", "Tell"). Anything else that ends in "?" opens with a
 * verb (Is/Zijn/Heb/Kan/Mag/Wil/Zou/Vind..., Is/Are/Do/Can/Should/Would...): a yes/no question.
 */
const OPEN_START = {
  nl: /^(?:(?:met|voor|bij|aan|naar|op|in|van|over|door|tot|uit|om|tegen|zonder|na|onder|tussen|vanaf)\s+)?(?:wie|wiens|wat|waar\p{L}*|wanneer|hoe\p{L}*|waarom|welke?|(?:vertel|beschrijf|noem)(?!\s+(?:je|jij|u|we|wij|jullie)\b))\b/iu,
  en: /^(?:(?:with|for|to|at|on|in|from|about|by|of|under|after|between|until)\s+)?(?:who|whom|whose|what|where|when|how|why|which|tell|describe|name)\b/iu,
} as const;
/** A lead-in before the question proper: "Als opa of buur, wat ...", "In the families we see, who ...". */
const LEAD_IN = {
  nl: /^(?:als|stel|bij|na|in|volgens|voor)\b/iu,
  en: /^(?:as|if|suppose|say|after|in|according|for)\b/iu,
} as const;
/** A follow-up that keeps the question open: "En hoe ...?", "And when ...?". */
const AND = { nl: /^(?:en|maar)\s+/iu, en: /^(?:and|but)\s+/iu } as const;

/** " of " / " or " and then one to five words to the end: "..., het kind of de ouders?" */
const EITHER_OR = { nl: /\bof\s+(?:\S+\s+){0,4}\S+\?$/iu, en: /\bor\s+(?:\S+\s+){0,4}\S+\?$/iu } as const;

/**
 * Questions caught by EITHER_OR that are still open: there "of" means "whether", or joins two
 * words of one list. Keep this list short and exact.
 */
const OPEN_WITH_OR = new Set<string>([]);

/** A question as a person asks it: the last sentence of the text, which carries the question mark. */
const lastSentence = (q: string) =>
  q
    .trim()
    .split(/(?<=[.!?])\s+/)
    .at(-1) ?? q;

function closedQuestionProblems(lang: 'nl' | 'en', text: string): string[] {
  const problems: string[] = [];
  for (const sentence of text.trim().split(/(?<=[.!?])\s+/)) {
    if (!sentence.endsWith('?')) continue;
    const bare = sentence.replace(/^['"“‘(]+/, '').replace(AND[lang], '');
    const open =
      OPEN_START[lang].test(bare) ||
      (LEAD_IN[lang].test(bare) && bare.split(/[,:]\s+/).some((part) => OPEN_START[lang].test(part)));
    if (!open) problems.push(`closed (no question word first): "${sentence}"`);
  }
  const last = lastSentence(text).trim();
  if (EITHER_OR[lang].test(last) && !OPEN_WITH_OR.has(text)) problems.push(`either/or: "${last}"`);
  return problems;
}

const cards = Object.fromEntries(LANGS.map((l) => [l, readEntries('cards', l)])) as Record<
  'nl' | 'en',
  ReturnType<typeof readEntries>
>;

const questionsOf = (data: Record<string, unknown>) => [
  ...((data.questions as string[] | undefined) ?? []),
  ...PERSPECTIVES.flatMap((p) => ((data.perspectives as Record<string, string[]> | undefined)?.[p] ?? []) as string[]),
];

describe('the closed-question finder', () => {
  it.each([
    ['nl', 'Is het plan veilig genoeg?'],
    ['nl', 'Vertel je in intervisie soms meer dan nodig is?'],
    ['nl', 'Voor wie ben jij er vooral, voor het kind of voor de ouders?'],
    ['nl', 'Mag de hulpverlener praten met de leraar van je kind?'],
    ['nl', 'Wat weegt zwaarder: de keuze van Mila of de twijfel van het team?'],
    ['nl', 'Stel dat het thuis niet lukt. Moet je familie je helpen?'],
    ['en', 'Does the plan keep the child safe?'],
    ['en', 'Who should help you: your family or the council?'],
  ] as const)('flags %s "%s"', (lang, q) => expect(closedQuestionProblems(lang, q)).not.toEqual([]));

  it.each([
    ['nl', 'Wie zit er aan tafel als er over jou wordt beslist?'],
    ['nl', 'Vertel eens wat je nodig hebt, en van wie.'],
    ['nl', 'Wanneer vraag je een gezin om het zelf te doen, en wanneer om hulp?'],
    ['en', 'What would you need in order to switch to a different youth care worker?'],
    ['en', 'When does asking about your network feel like support, and when like rejection?'],
  ] as const)('lets %s "%s" pass', (lang, q) => expect(closedQuestionProblems(lang, q)).toEqual([]));
});

describe.each(LANGS)('card questions in %s', (lang) => {
  it('asks only open questions (no yes/no, no either/or)', () => {
    const problems = cards[lang].flatMap((c) =>
      questionsOf(c.data).flatMap((q) => closedQuestionProblems(lang, q).map((p) => `${c.slug}: ${p}`)),
    );
    expect(problems).toEqual([]);
  });

  it('gives every dilemma 2 to 4 trainer notes, each with a source', () => {
    const problems: string[] = [];
    for (const c of cards[lang].filter((e) => e.data.kind === 'dilemma')) {
      const notes = (c.data.trainerNotes as { text?: string; source?: string }[] | undefined) ?? [];
      if (notes.length < 2 || notes.length > 4) problems.push(`${c.file}: ${notes.length} trainer notes, expected 2-4`);
      for (const n of notes)
        if (!n.text?.trim() || !n.source?.trim()) problems.push(`${c.file}: a note without text or source`);
    }
    expect(problems).toEqual([]);
  });
});

describe('trainer notes in the schema', () => {
  const dilemma = cards.nl.find((c) => c.data.kind === 'dilemma')!;

  it('rejects a dilemma without trainer notes, naming the field in both languages', () => {
    const { trainerNotes: _drop, ...rest } = dilemma.data;
    const r = cardSchema.safeParse(rest);
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path[0] === 'trainerNotes');
    expect(issue?.message).toMatch(/trainer.*\/.*trainer/i);
  });

  it('rejects a note without a source', () => {
    const notes = [{ text: 'Een feit.' }, { text: 'Nog een feit.', source: 'Jeugdwet' }];
    const r = cardSchema.safeParse({ ...dilemma.data, trainerNotes: notes });
    expect(r.success).toBe(false);
  });

  it('twins have the same number of notes', () => {
    for (const nl of cards.nl) {
      const en = cards.en.find((c) => c.slug === nl.slug)!;
      expect((en.data.trainerNotes as unknown[] | undefined)?.length, en.file).toBe(
        (nl.data.trainerNotes as unknown[] | undefined)?.length,
      );
    }
  });
});
