/**
 * docs/export-format.schema.json, generated from the valibot schemas (scripts/gen-export-schema.ts,
 * `npm run schema:export`; a unit test fails when the committed file is stale).
 *
 * A small converter for exactly the valibot pieces the records use: object, array,
 * optional, string, number, boolean, literal, picklist, unknown; the length, value and
 * regex checks; description; and `metadata({ json })` for keywords valibot cannot express
 * (a format, the items of a list checked as a whole). Custom checks (real calendar days,
 * parseable export times) have no JSON Schema form and are left out: the description says
 * so. Unknown members are allowed (no additionalProperties: false) because the importer
 * drops them with a notice instead of refusing the file.
 */
import { EnvelopeSchema } from './envelope';
import {
  CardNoteSchema,
  DatasetSchema,
  DeckRefSchema,
  Id,
  IsoDate,
  PositionSchema,
  SessionSchema,
  ShortText,
  Time,
  ActionSchema,
} from './schemas';

type Json = Record<string, unknown>;

interface Node {
  kind: string;
  type: string;
  pipe?: readonly Node[];
  entries?: Record<string, Node>;
  wrapped?: Node;
  item?: Node;
  literal?: unknown;
  options?: readonly unknown[];
  requirement?: unknown;
  description?: string;
  metadata?: { json?: Json };
}

/** Schemas written once under $defs and referred to by name. */
const DEFS: [string, unknown][] = [
  ['id', Id],
  ['time', Time],
  ['date', IsoDate],
  ['shortText', ShortText],
  ['dataset', DatasetSchema],
  ['deck', DeckRefSchema],
  ['session', SessionSchema],
  ['note', CardNoteSchema],
  ['position', PositionSchema],
  ['action', ActionSchema],
];

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

export function exportJsonSchema(): Json {
  const names = new Map<unknown, string>(DEFS.map(([name, schema]) => [schema, name]));
  const $defs: Json = {};
  for (const [name, schema] of DEFS) $defs[name] = convert(schema as Node, names, schema);
  return { ...TOP, ...convert(EnvelopeSchema as unknown as Node, names, EnvelopeSchema), $defs };
}

/** The file text, as committed: two-space JSON and a final newline. */
export function exportJsonSchemaText(): string {
  return `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;
}

function convert(node: Node, names: Map<unknown, string>, defining: unknown): Json {
  const name = names.get(node);
  if (name !== undefined && node !== defining) return { $ref: `#/$defs/${name}` };
  if (node.pipe) {
    const [first, ...actions] = node.pipe;
    // A pipe repeats its first schema's members; convert that schema, then add the checks.
    const out = first === node || !first ? base(node, names) : convert(first, names, defining);
    for (const action of actions) applyAction(out, action, names, defining);
    return out;
  }
  return base(node, names);
}

function base(node: Node, names: Map<unknown, string>): Json {
  switch (node.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return { type: node.type };
    case 'literal':
      return { const: node.literal };
    case 'picklist':
      return { enum: [...(node.options ?? [])] };
    case 'unknown':
      return {};
    case 'optional':
      return convert(node.wrapped as Node, names, undefined);
    case 'array':
      return { type: 'array', items: convert(node.item as Node, names, undefined) };
    case 'object': {
      const entries = Object.entries(node.entries ?? {});
      const required = entries.filter(([, entry]) => entry.type !== 'optional').map(([key]) => key);
      const properties = Object.fromEntries(entries.map(([key, entry]) => [key, convert(entry, names, undefined)]));
      return required.length > 0 ? { type: 'object', required, properties } : { type: 'object', properties };
    }
    default:
      throw new Error(`json-schema: no conversion for valibot "${node.type}"`);
  }
}

function applyAction(out: Json, action: Node, names: Map<unknown, string>, defining: unknown): void {
  switch (action.type) {
    case 'min_length':
      out.minLength = action.requirement;
      return;
    case 'max_length':
      out.maxLength = action.requirement;
      return;
    case 'min_value':
      out.minimum = action.requirement;
      return;
    case 'max_value':
      out.maximum = action.requirement;
      return;
    case 'regex':
      out.pattern = (action.requirement as RegExp).source;
      return;
    case 'description':
      out.description = action.description;
      return;
    case 'metadata':
      Object.assign(out, action.metadata?.json ?? {});
      return;
    case 'check':
    case 'transform':
      // No JSON Schema form (see the file comment).
      return;
    default:
      if (action.kind === 'schema') return void Object.assign(out, convert(action, names, defining));
      throw new Error(`json-schema: no conversion for valibot action "${action.type}"`);
  }
}
