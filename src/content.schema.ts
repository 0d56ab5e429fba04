/**
 * The shape of every piece of content, in one place. `content.config.ts` wires these
 * schemas to folders; unit tests import them directly (no Astro runtime needed).
 * Authors read this file: every field says what it is for.
 */
import { z } from 'astro/zod';

import { KINDS, PERSPECTIVES, SLUG, THEMES, type Perspective } from './vocab';

export { KINDS, PERSPECTIVES, SLUG, THEMES };
export type { Kind, Perspective, Theme } from './vocab';

const text = z.string().trim().min(1, 'mag niet leeg zijn / must not be empty');

/** One side of a dilemma. Both poles are worth defending; each goes wrong when pushed too far. */
export const poleSchema = z.strictObject({
  /** Short label, 2 to 5 words, e.g. "Zelfredzaam". Required. */
  label: text.max(60, 'te lang: houd het label kort (2-5 woorden) / too long: keep the label to 2-5 words'),
  /**
   * The same pole in plain words for young people (about A2), 1 to 6 words, e.g. "Het zelf doen".
   * Optional in the schema; the content test requires it on every dilemma. Shown with the young person's lens.
   */
  plain: text.max(50, 'te lang: houd het eenvoudige label kort / too long: keep the plain label short').optional(),
  /** One sentence: what this pole protects. Required. */
  protects: text,
  /** What goes well when a team leans this way. Required. */
  upside: text,
  /** What goes wrong when a team leans too far this way. Required. */
  overshoot: text,
});
export type Pole = z.infer<typeof poleSchema>;

/** A reference into a source document, e.g. "Kamerstuk 31 839, nr. 728, §2.4". */
export const sourceSchema = z.strictObject({
  /** How a reader finds it: paper, number and section. Required. */
  label: text,
  /** A public web address of the source. Optional; only http(s). */
  url: z.url({ protocol: /^https?$/ }).optional(),
});

const questionList = z.array(text);

/**
 * One fact for trainers: a legal or practical point participants will raise (consent from 16,
 * the Meldcode, Wmo or Jeugdwet...), with where to check it.
 */
export const trainerNoteSchema = z.strictObject({
  /** The fact in one or two plain sentences. Required. */
  text,
  /** Where a trainer can check it: a law and article, or a public source. Required. */
  source: text,
  /** A public web address of the source. Optional; only http(s). */
  url: z.url({ protocol: /^https?$/ }).optional(),
});
export type TrainerNote = z.infer<typeof trainerNoteSchema>;

const TRAINER_NOTES_COUNT =
  'een dilemmakaart heeft 2 tot 4 trainersnotities (trainerNotes) / a dilemma card needs 2 to 4 trainer notes (trainerNotes)';
const trainerNotes = z
  .array(trainerNoteSchema, {
    error: (issue) => (issue.input === undefined ? TRAINER_NOTES_COUNT : undefined),
  })
  .min(2, TRAINER_NOTES_COUNT)
  .max(4, TRAINER_NOTES_COUNT);

const cardFields = {
  /** Stable slug; equals the file name and never changes once published (URLs and QR codes point at it). Required. */
  id: z.string().regex(SLUG, 'alleen kleine letters, cijfers en koppeltekens / lower case, digits and hyphens only'),
  /** The card's title as printed. Required. */
  title: text,
  /** One sentence that states the tension; shown on the face of the card and in lists. Required. */
  summary: text,
  /**
   * The tension in one short sentence for young people (about A2). Optional in the schema; the content
   * test requires it on every dilemma. Shown instead of `summary` with the young person's lens.
   */
  youthSummary: text.optional(),
  /** Three to five open conversation questions for the group. Required. */
  questions: questionList
    .min(3, 'minstens 3 vragen / at least 3 questions')
    .max(5, 'hoogstens 5 vragen / at most 5 questions'),
  /** One or two questions from each of the six points of view (see PERSPECTIVES). Required. */
  perspectives: z.strictObject(
    Object.fromEntries(
      PERSPECTIVES.map((p) => [
        p,
        questionList
          .min(1, 'minstens 1 vraag / at least 1 question')
          .max(2, 'hoogstens 2 vragen / at most 2 questions'),
      ]),
    ) as Record<Perspective, z.ZodArray<typeof text>>,
  ),
  /** A short fictional practice case (60-120 words). No real names or places that identify anyone. Required. */
  example: text,
  /** References into the seed documents or other public sources. At least one. */
  sources: z.array(sourceSchema).min(1, 'minstens 1 bron / at least 1 source'),
  /** Glossary term ids this card uses (see content/begrippen). Optional. */
  terms: z.array(z.string().regex(SLUG)).default([]),
  /**
   * Notes for trainers, shown folded under the card: 2 to 4 facts, each with its source.
   * Required on a dilemma; optional on the other kinds.
   */
  trainerNotes: trainerNotes.optional(),
};

/**
 * A card is a kenniskaart (explains a spanningsveld, no poles) or a dilemma (exactly two poles).
 * A discriminated union, so a missing pole is reported together with every other bad field.
 */
export const cardSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      ...cardFields,
      /** Position in the printed fan, 1 and up; unique across the deck. Required. */
      number: z.number().int().positive(),
      /** The spanningsveld this card belongs to: one of visies, grenzen, belangen, regie, speelruimte. Required. */
      theme: z.enum(THEMES),
      /** "kenniskaart": explains a spanningsveld. */
      kind: z.literal('kenniskaart'),
      poles: z.undefined({ error: 'een kenniskaart heeft geen polen / a kenniskaart has no poles' }).optional(),
    }),
    z.strictObject({
      ...cardFields,
      /** Position in the printed fan, 1 and up; unique across the deck. Required. */
      number: z.number().int().positive(),
      /** The spanningsveld this card belongs to. Required. */
      theme: z.enum(THEMES),
      /** "dilemma": a tension between two poles. */
      kind: z.literal('dilemma'),
      /** Exactly two poles, A then B. Required on a dilemma. */
      poles: z.tuple([poleSchema, poleSchema], {
        error: 'een dilemmakaart heeft precies twee polen / a dilemma card needs exactly two poles',
      }),
      /** 2 to 4 notes for trainers, each with a source. Required on a dilemma. */
      trainerNotes,
    }),
    z.strictObject({
      ...cardFields,
      /** "uitleg": card 0, how the fan works. It explains all five spanningsvelden, so it has no theme and no poles. */
      kind: z.literal('uitleg'),
      /** Always 0: the uitleg card opens the fan. */
      number: z.literal(0, { error: 'de uitlegkaart heeft nummer 0 / the uitleg card is number 0' }),
      theme: z
        .undefined({ error: 'de uitlegkaart hoort bij geen spanningsveld / the uitleg card has no theme' })
        .optional(),
      poles: z.undefined({ error: 'de uitlegkaart heeft geen polen / the uitleg card has no poles' }).optional(),
    }),
  ],
  { error: 'kind moet "kenniskaart", "dilemma" of "uitleg" zijn / kind must be "kenniskaart", "dilemma" or "uitleg"' },
);
export type CardData = z.infer<typeof cardSchema>;

/** A werkvorm: a guide to using the fan in one setting. Body: the steps, in Markdown. */
export const formatSchema = z.strictObject({
  /** Stable slug, equals the file name. Required. */
  id: z.string().regex(SLUG),
  /** Order on the werkvormen page. Required. */
  order: z.number().int().positive(),
  title: text,
  /** One sentence: who it is for and what it gives. Required. */
  summary: text,
  /** e.g. "45 minuten". Required. */
  duration: text,
  /** e.g. "4 tot 12 mensen". Required. */
  people: text,
  /** e.g. "1 tot 3 kaarten". Required. */
  cards: text,
  /** Which features of the app help, one line each. */
  features: z.array(text).default([]),
});
export type FormatData = z.infer<typeof formatSchema>;

/** A glossary term. Body: the explanation, in Markdown (B1 language). */
export const termSchema = z.strictObject({
  /** Stable slug, equals the file name; cards refer to it in `terms`. Required. */
  id: z.string().regex(SLUG),
  /** The term as written, e.g. "Eigen Kracht-conferentie". Required. */
  term: text,
  /** Other spellings or abbreviations, e.g. "JIM". */
  aliases: z.array(text).default([]),
});
export type TermData = z.infer<typeof termSchema>;

/** A long-form page such as "over". Body: the page text, starting at ## headings. */
export const pageSchema = z.strictObject({
  id: z.string().regex(SLUG),
  title: text,
  /** Used for the meta description. Required. */
  description: text,
});
export type PageData = z.infer<typeof pageSchema>;

/** One writing space on a worksheet: a heading and how many lines to leave for writing. */
const promptSchema = z.strictObject({
  /** The question or heading above the space. Required. */
  label: text,
  /** Writing lines under it, 1 to 12. Required. */
  lines: z.number().int().min(1).max(12),
});

/**
 * A printable A4 worksheet (werkblad). All its words are here, not in a component; the
 * `layout` picks the drawing: two poles on a line, circles of a network, a table of
 * agreements, or a mirror for policy. No body text: a sheet is all front matter.
 */
export const worksheetSchema = z.strictObject({
  /** Stable slug, equals the file name. Required. */
  id: z.string().regex(SLUG),
  /** Order on the worksheets page. Required. */
  order: z.number().int().positive(),
  /** What the sheet draws. Required. */
  layout: z.enum(['poles', 'network', 'actions', 'mirror']),
  title: text,
  /** One sentence: who uses it and when. Required. */
  purpose: text,
  /** What to do on the sheet, one or two sentences (printed at the top). Required. */
  instruction: text,
  /** Writing spaces, 1 to 6. Required. */
  prompts: z.array(promptSchema).min(1).max(6),
  /** network: the rings from the middle outwards (exactly 3), and the label of the middle. */
  rings: z.array(text).length(3).optional(),
  center: text.optional(),
  /** actions: the column headings, and how many empty rows. */
  columns: z.array(text).min(2).max(5).optional(),
  rows: z.number().int().min(1).max(15).optional(),
  /** Filled with a card: print that card's questions for this perspective as well. */
  perspective: z.enum(PERSPECTIVES).optional(),
});
export type WorksheetData = z.infer<typeof worksheetSchema>;
