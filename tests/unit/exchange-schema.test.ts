/**
 * docs/export-format.schema.json is generated from the record schemas (npm run
 * schema:export) and must be current; and it must accept and reject the same files as
 * parseExport. A standard JSON Schema validator (Ajv, draft 2020-12, test-only) checks the
 * files, so the committed schema is also proven to be a valid schema that others can use.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import {
  EXPORT_APP,
  EXPORT_SCOPES,
  EXPORT_TYPE,
  EXPORT_VERSION,
  parseExport,
  serialize,
} from '../../src/lib/exchange/format';
import { exportJsonSchemaText } from '../../src/lib/records/json-schema';
import { SESSION_KINDS, type Dataset } from '../../src/lib/store/types';
import { LANGS } from '../../src/lib/store/validate';
import { MAX_ID_CHARS, MAX_NOTE_CHARS, MAX_SHORT_TEXT_CHARS } from '../../src/lib/records/limits';

type Schema = {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  maxLength?: number;
  $defs?: Record<string, Schema>;
};

const committed = readFileSync(fileURLToPath(new URL('../../docs/export-format.schema.json', import.meta.url)), 'utf8');
const root = JSON.parse(committed) as Schema & { $schema: string };

// Formats are annotations here: exportedAt's real check (Date.parse) is the parser's.
const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
const compiled = ajv.compile(root);

/** Returns the paths that fail; [] means valid. */
function validate(value: unknown): string[] {
  return compiled(value) ? [] : (compiled.errors ?? []).map((e) => `${e.instancePath}: ${e.keyword}`);
}

describe('docs/export-format.schema.json is generated', () => {
  it('equals what npm run schema:export writes from src/lib/records (run it after changing a record)', () => {
    expect(committed).toBe(exportJsonSchemaText());
  });
});

function validSample(): Dataset {
  return {
    sessions: [
      {
        id: 's1',
        kind: 'teamoverleg',
        title: 'Overleg',
        team: 'Team',
        date: '2024-05-01',
        lang: 'nl',
        deck: { seed: 'x', cards: ['k1'] },
        createdAt: 1,
        updatedAt: 2,
      },
    ],
    notes: [{ id: 'n1', sessionId: 's1', cardId: 'k1', text: 'tekst', updatedAt: 4 }],
    positions: [{ id: 'p1', sessionId: 's1', cardId: 'k1', participant: 'A', value: 50, agreed: true, updatedAt: 5 }],
    actions: [
      {
        id: 'a1',
        sessionId: 's1',
        cardId: 'k1',
        text: 'doen',
        owner: 'B',
        due: '2024-06-01',
        done: false,
        createdAt: 6,
        updatedAt: 7,
      },
    ],
  };
}

/** Each mutation breaks one rule; schema and parser must both reject the result. */
const badSamples: [string, (env: Record<string, any>) => void][] = [
  ['wrong type', (e) => (e.type = 'excalidraw')],
  ['future version', (e) => (e.version = 2)],
  ['version as text', (e) => (e.version = '1')],
  ['missing exportedAt', (e) => delete e.exportedAt],
  ['wrong app', (e) => (e.app = 'other')],
  ['unknown scope', (e) => (e.scope = 'some')],
  ['data not an object', (e) => (e.data = [])],
  ['missing notes list', (e) => delete e.data.notes],
  ['session kind', (e) => (e.data.sessions[0].kind = 'feest')],
  ['session lang', (e) => (e.data.sessions[0].lang = 'de')],
  ['session date format', (e) => (e.data.sessions[0].date = '1-5-2024')],
  ['session without deck', (e) => delete e.data.sessions[0].deck],
  ['deck cards not ids', (e) => (e.data.sessions[0].deck.cards = [''])],
  ['negative time', (e) => (e.data.sessions[0].createdAt = -1)],
  ['empty id', (e) => (e.data.notes[0].id = '')],
  ['id too long', (e) => (e.data.notes[0].id = 'x'.repeat(MAX_ID_CHARS + 1))],
  ['note text missing', (e) => delete e.data.notes[0].text],
  ['note text number', (e) => (e.data.notes[0].text = 5)],
  ['position above 100', (e) => (e.data.positions[0].value = 100.01)],
  ['position below 0', (e) => (e.data.positions[0].value = -0.5)],
  ['position as text', (e) => (e.data.positions[0].value = '50')],
  ['agreed as text', (e) => (e.data.positions[0].agreed = 'ja')],
  ['action done missing', (e) => delete e.data.actions[0].done],
  ['action due format', (e) => (e.data.actions[0].due = '2024/06/01')],
  ['action owner number', (e) => (e.data.actions[0].owner = 1)],
];

function envelopeOf(data: Dataset): Record<string, any> {
  return JSON.parse(serialize(data, 'all', { exportedAt: 0 }));
}

describe('docs/export-format.schema.json agrees with parseExport', () => {
  it('is a draft 2020-12 schema whose constants equal the TypeScript ones', () => {
    expect(root.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(root.properties?.type?.const).toBe(EXPORT_TYPE);
    expect(root.properties?.version?.const).toBe(EXPORT_VERSION);
    expect(root.properties?.app?.const).toBe(EXPORT_APP);
    expect(root.properties?.scope?.enum).toEqual([...EXPORT_SCOPES]);
    expect(root.$defs?.session?.properties?.kind?.enum).toEqual([...SESSION_KINDS]);
    expect(root.$defs?.session?.properties?.lang?.enum).toEqual([...LANGS]);
    expect(root.$defs?.id?.maxLength).toBe(MAX_ID_CHARS);
    expect(root.$defs?.shortText?.maxLength).toBe(MAX_SHORT_TEXT_CHARS);
    expect(root.$defs?.note?.properties?.text?.maxLength).toBe(MAX_NOTE_CHARS);
  });

  it('lists the same required fields as the parser demands', () => {
    const sample = envelopeOf(validSample());
    const requiredOf = (def: string) => root.$defs?.[def]?.required ?? [];
    const cases: [string, string[], (e: Record<string, any>) => Record<string, unknown>][] = [
      ['envelope', root.required ?? [], (e) => e],
      ['session', requiredOf('session'), (e) => e.data.sessions[0]],
      ['note', requiredOf('note'), (e) => e.data.notes[0]],
      ['position', requiredOf('position'), (e) => e.data.positions[0]],
      ['action', requiredOf('action'), (e) => e.data.actions[0]],
    ];
    for (const [label, required, pick] of cases) {
      const fields = Object.keys(pick(sample));
      for (const field of fields) {
        const copy = JSON.parse(JSON.stringify(sample));
        delete pick(copy)[field];
        const parserRejects = !parseExport(JSON.stringify(copy)).ok;
        expect(parserRejects, `${label}.${field}`).toBe(required.includes(field));
      }
    }
  });

  it('both accept the valid sample', () => {
    const env = envelopeOf(validSample());
    expect(validate(env)).toEqual([]);
    expect(parseExport(JSON.stringify(env)).ok).toBe(true);
  });

  it('both accept unknown extra members (the parser drops them)', () => {
    const env = envelopeOf(validSample());
    env.extra = 1;
    env.data.notes[0].colour = 'red';
    expect(validate(env)).toEqual([]);
    expect(parseExport(JSON.stringify(env)).ok).toBe(true);
  });

  for (const [label, mutate] of badSamples) {
    it(`both reject: ${label}`, () => {
      const env = envelopeOf(validSample());
      mutate(env);
      expect(validate(env).length, 'schema').toBeGreaterThan(0);
      expect(parseExport(JSON.stringify(env)).ok, 'parser').toBe(false);
    });
  }
});
