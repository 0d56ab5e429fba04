/**
 * docs/export-format.schema.json, generated from the valibot schemas (scripts/gen-export-schema.ts,
 * `npm run schema:export`; a unit test fails when the committed file is stale).
 *
 * Converted by @valibot/to-json-schema. `metadata({ json })` on a schema adds keywords valibot
 * cannot express (a format, the items of a list checked as a whole). Custom checks (real
 * calendar days, parseable export times) have no JSON Schema form and are left out (the
 * description says so); any other schema or action the converter cannot express throws. Unknown members are allowed (no
 * additionalProperties: false) because the importer drops them with a notice instead of
 * refusing the file.
 */
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { EnvelopeSchema } from './envelope';
import {
  ActionSchema,
  CardNoteSchema,
  DatasetSchema,
  DeckRefSchema,
  Id,
  IsoDate,
  PositionSchema,
  SessionSchema,
  ShortText,
  Time,
} from './schemas';

/** Schemas written once under $defs and referred to by name. */
const DEFINITIONS = {
  id: Id,
  time: Time,
  date: IsoDate,
  shortText: ShortText,
  dataset: DatasetSchema,
  deck: DeckRefSchema,
  session: SessionSchema,
  note: CardNoteSchema,
  position: PositionSchema,
  action: ActionSchema,
};

const TOP = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://ken-je-kracht.example/schemas/export-format-v1.schema.json',
  title: 'Ken je Kracht? export file, format version 1',
  description:
    'A backup or single-session export of the notes a team keeps in the browser. Generated from src/lib/records ' +
    '(npm run schema:export); do not edit by hand. The importer (src/lib/exchange/format.ts) accepts exactly the ' +
    'files this schema accepts, except that it also checks that dates are real calendar days, and that unknown ' +
    'members are dropped with a notice rather than rejected (hence no additionalProperties: false). Times are ' +
    'epoch milliseconds; dates chosen by people are YYYY-MM-DD.',
};

export function exportJsonSchema(): JsonSchema {
  const converted = toJsonSchema(EnvelopeSchema, {
    target: 'draft-2020-12',
    definitions: DEFINITIONS,
    // Anything else the converter cannot express fails the build instead of loosening the file.
    errorMode: 'throw',
    ignoreActions: ['check', 'transform'],
    overrideAction: ({ valibotAction, jsonSchema }) => {
      // The converter has set the pattern but refuses any flag; JSON Schema patterns are read with
      // Unicode semantics, which is what the id pattern's `u` flag asks for.
      const { type, requirement } = valibotAction as { type: string; requirement?: unknown };
      if (type === 'regex' && requirement instanceof RegExp && requirement.flags === 'u') return jsonSchema;
      // The converter copies metadata as it is; ours keeps its JSON Schema keywords under `json`.
      if (type !== 'metadata') return undefined;
      const { json, ...rest } = jsonSchema as JsonSchema & { json?: JsonSchema };
      return { ...rest, ...json };
    },
  });
  return { ...TOP, ...converted };
}

/** The file text, as committed: two-space JSON and a final newline. */
export function exportJsonSchemaText(): string {
  return `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;
}
