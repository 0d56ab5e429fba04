/**
 * The export file format (see docs/export-format.md and docs/export-format.schema.json).
 *
 * Import never trusts its input: the text is parsed, the envelope checked, and every
 * record REBUILT field by field into a fresh object. Unknown fields (including
 * `__proto__`, `constructor`, `prototype`) are not copied, only reported, so nothing in
 * a file can reach an object's prototype. Strings are copied as they are: no trimming, no
 * Unicode normalisation, so notes round-trip byte for byte.
 */
import type { Action, CardNote, Dataset, Position, Session } from '../store/types';
import { SESSION_KINDS } from '../store/types';
import { MAX_ID_CHARS, MAX_NOTE_CHARS, MAX_SHORT_TEXT_CHARS } from '../store/limits';
import { LANGS, isId, isIsoDate, isPositionValue, isTimestamp } from '../store/validate';

export const EXPORT_TYPE = 'ken-je-kracht/export';
export const EXPORT_VERSION = 1;
export const EXPORT_APP = 'ken-je-kracht';
export const EXPORT_SCOPES = ['all', 'session'] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

/** Also named here so parseExport can tell "encrypted, decrypt first" from "not ours". */
export const ENCRYPTED_TYPE = 'ken-je-kracht/encrypted';

/** Default import limit. A 50 MB export must import (scale target); the UI should also check File.size first. */
export const DEFAULT_MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export interface ExportEnvelope {
  type: typeof EXPORT_TYPE;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 time of the export, for people reading the file. */
  exportedAt: string;
  app: typeof EXPORT_APP;
  scope: ExportScope;
  data: Dataset;
}

export const PARSE_ERROR_CODES = [
  'not-json',
  'empty',
  'too-big',
  'wrong-type',
  'future-version',
  'old-version',
  'invalid',
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

export interface ParseError {
  code: ParseErrorCode;
  /** Per-path explanations such as "data.notes[3].text: expected a string" (at most MAX_DETAILS, then a count). */
  details: string[];
  /** Set with 'wrong-type' when the file is an encrypted export: ask for the passphrase instead. */
  encrypted?: boolean;
}

export interface RecordCounts {
  sessions: number;
  notes: number;
  positions: number;
  actions: number;
}

export interface ImportReport {
  counts: RecordCounts;
  scope: ExportScope;
  exportedAt: string;
  /** Paths of fields that were not copied, e.g. 'data.notes[0].colour' (capped; see droppedCount). */
  dropped: string[];
  droppedCount: number;
  /** Other remarks: nulls read as "absent", a byte-order mark removed. */
  notes: string[];
}

export type ParseResult =
  | { ok: true; dataset: Dataset; report: ImportReport }
  | { ok: false; error: ParseError };

export interface ParseOptions {
  /** Largest accepted file, in UTF-8 bytes. Default DEFAULT_MAX_IMPORT_BYTES. */
  maxBytes?: number;
}

const MAX_DETAILS = 50;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// ---------------------------------------------------------------------------------------
// Field specifications: the single description of a record used to rebuild (import) and
// to clean (export).

type Issues = {
  error(path: string, message: string): void;
  drop(path: string, unsafe: boolean): void;
  note(message: string): void;
};

interface FieldSpec {
  key: string;
  optional?: boolean;
  /** Returns an error message, or null when the value is acceptable. */
  check(value: unknown): string | null;
  /** For nested objects: rebuild instead of copying. */
  rebuild?(value: unknown, path: string, issues: Issues): unknown;
}

const idField = (key: string, optional = false): FieldSpec => ({
  key,
  optional,
  check: (v) =>
    isId(v, MAX_ID_CHARS) ? null : typeof v === 'string' ? `must be 1 to ${MAX_ID_CHARS} characters` : 'expected a string',
});
const textField = (key: string, max: number, optional = false): FieldSpec => ({
  key,
  optional,
  check: (v) => (typeof v !== 'string' ? 'expected a string' : v.length > max ? `longer than ${max} characters` : null),
});
const timeField = (key: string, optional = false): FieldSpec => ({
  key,
  optional,
  check: (v) => (isTimestamp(v) ? null : 'expected a time in epoch milliseconds (a number ≥ 0)'),
});
const dateField = (key: string, optional = false): FieldSpec => ({
  key,
  optional,
  check: (v) => (isIsoDate(v) ? null : 'expected a real date as "YYYY-MM-DD"'),
});
const boolField = (key: string): FieldSpec => ({
  key,
  check: (v) => (typeof v === 'boolean' ? null : 'expected true or false'),
});
const enumField = (key: string, values: readonly string[]): FieldSpec => ({
  key,
  check: (v) =>
    typeof v === 'string' && values.includes(v) ? null : `expected one of ${values.map((x) => `"${x}"`).join(', ')}`,
});

const deckField: FieldSpec = {
  key: 'deck',
  check: (v) => (isPlainObject(v) ? null : 'expected an object'),
  rebuild(value, path, issues) {
    return rebuildObject(value as Record<string, unknown>, path, DECK_FIELDS, issues);
  },
};

const DECK_FIELDS: FieldSpec[] = [
  textField('seed', MAX_SHORT_TEXT_CHARS, true),
  {
    key: 'cards',
    optional: true,
    check: (v) =>
      Array.isArray(v)
        ? v.every((c) => isId(c, MAX_ID_CHARS))
          ? null
          : 'expected a list of card ids (non-empty strings)'
        : 'expected a list',
    rebuild: (v) => [...(v as string[])],
  },
];

export const SESSION_FIELDS: readonly FieldSpec[] = [
  idField('id'),
  enumField('kind', SESSION_KINDS),
  textField('title', MAX_SHORT_TEXT_CHARS),
  textField('team', MAX_SHORT_TEXT_CHARS),
  dateField('date'),
  enumField('lang', LANGS),
  deckField,
  timeField('createdAt'),
  timeField('updatedAt'),
  timeField('deletedAt', true),
];

export const NOTE_FIELDS: readonly FieldSpec[] = [
  idField('id'),
  idField('sessionId'),
  idField('cardId'),
  textField('text', MAX_NOTE_CHARS),
  timeField('updatedAt'),
];

export const POSITION_FIELDS: readonly FieldSpec[] = [
  idField('id'),
  idField('sessionId'),
  idField('cardId'),
  textField('participant', MAX_SHORT_TEXT_CHARS),
  {
    key: 'value',
    check: (v) => (isPositionValue(v) ? null : 'expected a number from 0 to 100'),
  },
  boolField('agreed'),
  timeField('updatedAt'),
];

export const ACTION_FIELDS: readonly FieldSpec[] = [
  idField('id'),
  idField('sessionId'),
  idField('cardId', true),
  textField('text', MAX_SHORT_TEXT_CHARS),
  textField('owner', MAX_SHORT_TEXT_CHARS, true),
  dateField('due', true),
  boolField('done'),
  timeField('createdAt'),
  timeField('updatedAt'),
];

const COLLECTIONS = [
  ['sessions', SESSION_FIELDS],
  ['notes', NOTE_FIELDS],
  ['positions', POSITION_FIELDS],
  ['actions', ACTION_FIELDS],
] as const;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Builds a new object holding only the specified fields of `raw`. Values are read with
 * Object.hasOwn, so a key like "constructor" is never picked up from Object.prototype.
 */
function rebuildObject(
  raw: Record<string, unknown>,
  path: string,
  fields: readonly FieldSpec[],
  issues: Issues,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const known = knownKeys(fields);
  for (const field of fields) {
    const present = Object.hasOwn(raw, field.key);
    const value = present ? raw[field.key] : undefined;
    const fieldPath = join(path, field.key);
    if (!present || value === undefined || (value === null && field.optional)) {
      if (value === null) issues.note(`${fieldPath}: null read as absent`);
      if (!field.optional) issues.error(fieldPath, 'missing');
      continue;
    }
    const problem = field.check(value);
    if (problem !== null) {
      issues.error(fieldPath, problem);
      continue;
    }
    out[field.key] = field.rebuild ? field.rebuild(value, fieldPath, issues) : value;
  }
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) issues.drop(join(path, key), UNSAFE_KEYS.has(key));
  }
  return out;
}

const knownKeyCache = new WeakMap<readonly FieldSpec[], Set<string>>();

/** Cached per spec list: a 50 MB import rebuilds hundreds of thousands of records. */
function knownKeys(fields: readonly FieldSpec[]): Set<string> {
  let keys = knownKeyCache.get(fields);
  if (!keys) {
    keys = new Set(fields.map((f) => f.key));
    knownKeyCache.set(fields, keys);
  }
  return keys;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Export side: copies the known fields in a fixed order, leaving out anything else a record carries. */
function cleanObject(raw: object, fields: readonly FieldSpec[]): Record<string, unknown> {
  const src = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (!Object.hasOwn(src, field.key)) continue;
    const value = src[field.key];
    if (value === undefined) continue;
    if (field === deckField && isPlainObject(value)) out.deck = cleanObject(value, DECK_FIELDS);
    else if (Array.isArray(value)) out[field.key] = [...(value as unknown[])];
    else out[field.key] = value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Export

export function cleanDataset(dataset: Dataset): Dataset {
  return {
    sessions: dataset.sessions.map((r) => cleanObject(r, SESSION_FIELDS) as unknown as Session),
    notes: dataset.notes.map((r) => cleanObject(r, NOTE_FIELDS) as unknown as CardNote),
    positions: dataset.positions.map((r) => cleanObject(r, POSITION_FIELDS) as unknown as Position),
    actions: dataset.actions.map((r) => cleanObject(r, ACTION_FIELDS) as unknown as Action),
  };
}

/**
 * The export file text: pretty JSON (people open backups in an editor). JSON.stringify
 * writes lone surrogates as \uXXXX escapes, so the file is valid UTF-8 and the exact
 * string comes back on import.
 */
export function serialize(dataset: Dataset, scope: ExportScope, opts: { exportedAt?: number | Date } = {}): string {
  const at = opts.exportedAt === undefined ? new Date() : new Date(opts.exportedAt);
  const envelope: ExportEnvelope = {
    type: EXPORT_TYPE,
    version: EXPORT_VERSION,
    exportedAt: at.toISOString(),
    app: EXPORT_APP,
    scope,
    data: cleanDataset(dataset),
  };
  return JSON.stringify(envelope, null, 2);
}

/** A file name like "ken-je-kracht-2025-03-14.json" (local date, no personal data). */
export function exportFileName(at: Date = new Date(), encrypted = false): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `ken-je-kracht-${day}${encrypted ? '.encrypted' : ''}.json`;
}

// ---------------------------------------------------------------------------------------
// Import

/** UTF-8 length without allocating a copy of a possibly 100 MB string. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function fail(code: ParseErrorCode, details: string[], extra: Partial<ParseError> = {}): ParseResult {
  return { ok: false, error: { code, details, ...extra } };
}

export function parseExport(text: string, opts: ParseOptions = {}): ParseResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  if (typeof text !== 'string') return fail('not-json', ['The file could not be read as text.']);
  // Every UTF-16 code unit is at least one UTF-8 byte: this cheap test settles most huge files.
  if (text.length > maxBytes || utf8Length(text) > maxBytes) {
    return fail('too-big', [`The file is larger than ${maxBytes} bytes.`]);
  }
  const notes: string[] = [];
  let body = text;
  if (body.charCodeAt(0) === 0xfeff) {
    // Some Windows editors add a byte-order mark when a backup is opened and saved.
    body = body.slice(1);
    notes.push('byte-order mark removed');
  }
  if (body.trim() === '') return fail('empty', ['The file is empty.']);

  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (err) {
    return fail('not-json', [err instanceof Error ? err.message : 'The file is not JSON.']);
  }

  if (!isPlainObject(root)) return fail('wrong-type', ['The file does not contain a Ken je Kracht export.']);
  const type = Object.hasOwn(root, 'type') ? root.type : undefined;
  if (type === ENCRYPTED_TYPE) {
    return fail('wrong-type', ['This is an encrypted export: enter the passphrase to open it.'], { encrypted: true });
  }
  if (type !== EXPORT_TYPE) {
    return fail('wrong-type', [`type: expected "${EXPORT_TYPE}", found ${describeValue(type)}`]);
  }
  const version = Object.hasOwn(root, 'version') ? root.version : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return fail('invalid', [`version: expected a whole number, found ${describeValue(version)}`]);
  }
  if (version > EXPORT_VERSION) {
    return fail('future-version', [
      `version: this file has format version ${version}; this app reads up to version ${EXPORT_VERSION}. Update the app.`,
    ]);
  }
  if (version < EXPORT_VERSION) {
    return fail('old-version', [`version: format version ${version} is not supported.`]);
  }

  const errors: string[] = [];
  let errorCount = 0;
  const dropped: string[] = [];
  let droppedCount = 0;
  const issues: Issues = {
    error(path, message) {
      errorCount++;
      if (errors.length < MAX_DETAILS) errors.push(`${path}: ${message}`);
    },
    drop(path, unsafe) {
      droppedCount++;
      if (dropped.length < MAX_DETAILS) dropped.push(unsafe ? `${path} (unsafe key)` : path);
    },
    note(message) {
      if (notes.length < MAX_DETAILS) notes.push(message);
    },
  };

  const envelopeFields: FieldSpec[] = [
    { key: 'type', check: () => null },
    { key: 'version', check: () => null },
    {
      key: 'exportedAt',
      check: (v) =>
        typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? null : 'expected an ISO 8601 date-time string',
    },
    { key: 'app', check: (v) => (v === EXPORT_APP ? null : `expected "${EXPORT_APP}"`) },
    enumField('scope', EXPORT_SCOPES),
    { key: 'data', check: (v) => (isPlainObject(v) ? null : 'expected an object') },
  ];
  const envelope = rebuildObject(root, '', envelopeFields, issues);
  const data = envelope.data;
  const dataset: Dataset = { sessions: [], notes: [], positions: [], actions: [] };

  if (isPlainObject(data)) {
    const known = new Set<string>(COLLECTIONS.map(([name]) => name));
    for (const [name, fields] of COLLECTIONS) {
      const list = Object.hasOwn(data, name) ? data[name] : undefined;
      if (list === undefined) {
        issues.error(`data.${name}`, 'missing');
        continue;
      }
      if (!Array.isArray(list)) {
        issues.error(`data.${name}`, 'expected a list');
        continue;
      }
      const out: unknown[] = dataset[name];
      list.forEach((item: unknown, i: number) => {
        const path = `data.${name}[${i}]`;
        if (!isPlainObject(item)) {
          issues.error(path, 'expected an object');
          return;
        }
        const before = errorCount;
        const record = rebuildObject(item, path, fields, issues);
        if (errorCount === before) out.push(record);
      });
    }
    for (const key of Object.keys(data)) {
      if (!known.has(key)) issues.drop(`data.${key}`, UNSAFE_KEYS.has(key));
    }
  }

  if (errorCount > 0) {
    const details = [...errors];
    if (errorCount > errors.length) details.push(`… and ${errorCount - errors.length} more problems`);
    return fail('invalid', details);
  }

  return {
    ok: true,
    dataset,
    report: {
      counts: {
        sessions: dataset.sessions.length,
        notes: dataset.notes.length,
        positions: dataset.positions.length,
        actions: dataset.actions.length,
      },
      scope: envelope.scope as ExportScope,
      exportedAt: envelope.exportedAt as string,
      dropped,
      droppedCount,
      notes,
    },
  };
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return Array.isArray(v) ? 'a list' : 'an object';
}
