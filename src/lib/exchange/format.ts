/**
 * The export file format (see docs/export-format.md and docs/export-format.schema.json).
 *
 * Import never trusts its input: the text is parsed, the envelope's type and version
 * checked, and every record REBUILT field by field into a fresh object against the record
 * schemas (src/lib/records: the same schemas the repository checks its writes with).
 * Unknown fields (including `__proto__`, `constructor`, `prototype`) are not copied, only
 * reported, so nothing in a file can reach an object's prototype. Strings are copied as
 * they are: no trimming, no Unicode normalisation, so notes round-trip byte for byte.
 */
import { DatasetSchema, type Dataset, type RecordCounts } from '../records/schemas';
import {
  ENCRYPTED_TYPE,
  EnvelopeSchema,
  EXPORT_APP,
  EXPORT_TYPE,
  EXPORT_VERSION,
  type ExportEnvelope,
  type ExportScope,
} from '../records/envelope';
import { formatProblem, isPlainObject, pick, rebuild } from '../records/rebuild';

export { ENCRYPTED_TYPE, EXPORT_APP, EXPORT_SCOPES, EXPORT_TYPE, EXPORT_VERSION } from '../records/envelope';
export type { ExportEnvelope, ExportScope } from '../records/envelope';
export type { RecordCounts } from '../records/schemas';

/** Default import limit. A 50 MB export must import (scale target); the UI should also check File.size first. */
export const DEFAULT_MAX_IMPORT_BYTES = 100 * 1024 * 1024;

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

export type ParseResult = { ok: true; dataset: Dataset; report: ImportReport } | { ok: false; error: ParseError };

export interface ParseOptions {
  /** Largest accepted file, in UTF-8 bytes. Default DEFAULT_MAX_IMPORT_BYTES. */
  maxBytes?: number;
}

const MAX_DETAILS = 50;

// ---------------------------------------------------------------------------------------
// Export

/** The records as an export writes them: only the fields the schemas name, in their order. */
export function cleanDataset(dataset: Dataset): Dataset {
  return pick(DatasetSchema, dataset);
}

/**
 * The dataset without deleted sessions and their notes, positions and actions. THE RULE for
 * deleted sessions: one leaves every export at once (backup, single session, the recovery
 * screen's export). It stays restorable on this device only, in the "Verwijderd" list, for
 * DELETED_KEEP_DAYS, and is then purged with its records.
 */
export function withoutDeleted(dataset: Dataset): Dataset {
  const gone = new Set(dataset.sessions.filter((s) => s.deletedAt !== undefined).map((s) => s.id));
  if (gone.size === 0) return dataset;
  const keep = <T extends { sessionId: string }>(records: T[]) => records.filter((r) => !gone.has(r.sessionId));
  return {
    sessions: dataset.sessions.filter((s) => !gone.has(s.id)),
    notes: keep(dataset.notes),
    positions: keep(dataset.positions),
    actions: keep(dataset.actions),
  };
}

/**
 * The export file text: pretty JSON (people open backups in an editor). Deleted sessions are
 * left out (withoutDeleted), whoever calls. JSON.stringify
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
    data: cleanDataset(withoutDeleted(dataset)),
  };
  return JSON.stringify(envelope, null, 2);
}

/** File names live in ./filename (kept here too so callers find them beside serialize). */
export { exportFileName, fileSlug } from './filename';

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

  const dropped: string[] = [];
  let droppedCount = 0;
  const result = rebuild(EnvelopeSchema, root, {
    drop(path, unsafe) {
      droppedCount++;
      if (dropped.length < MAX_DETAILS) dropped.push(unsafe ? `${path} (unsafe key)` : path);
    },
    note(message) {
      if (notes.length < MAX_DETAILS) notes.push(message);
    },
  });

  if (!result.ok) {
    const details = result.problems.slice(0, MAX_DETAILS).map(formatProblem);
    const more = result.problems.length - details.length;
    if (more > 0) details.push(`… and ${more} more problems`);
    return fail('invalid', details);
  }

  const envelope = result.value;
  const dataset = envelope.data;
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
      scope: envelope.scope,
      exportedAt: envelope.exportedAt,
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
