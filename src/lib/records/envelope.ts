/**
 * The export file's envelope: `{ type, version, exportedAt, app, scope, data }`. Its schema
 * is the root of docs/export-format.schema.json.
 */
import * as v from 'valibot';
import { DatasetSchema, oneOf } from './schemas';

export const EXPORT_TYPE = 'ken-je-kracht/export';
export const EXPORT_VERSION = 1;
export const EXPORT_APP = 'ken-je-kracht';
export const EXPORT_SCOPES = ['all', 'session'] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

/** Also named here so the import can tell "encrypted, decrypt first" from "not ours". */
export const ENCRYPTED_TYPE = 'ken-je-kracht/encrypted';

const DATE_TIME_MESSAGE = 'expected an ISO 8601 date-time string';

export const EnvelopeSchema = v.object(
  {
    /** Checked before the schema runs (so "encrypted" and "not ours" get their own answers). */
    type: v.pipe(
      v.literal(EXPORT_TYPE, `expected "${EXPORT_TYPE}"`),
      v.description('Identifies the file. Encrypted files use ken-je-kracht/encrypted instead.'),
    ),
    version: v.pipe(
      v.literal(EXPORT_VERSION, `expected ${EXPORT_VERSION}`),
      v.description('Format version. Readers refuse higher versions with an explanation.'),
    ),
    /** ISO 8601 time of the export, for people reading the file. */
    exportedAt: v.pipe(
      v.string(DATE_TIME_MESSAGE),
      v.check((text) => !Number.isNaN(Date.parse(text)), DATE_TIME_MESSAGE),
      v.metadata({ json: { format: 'date-time' } }),
      v.description('When the export was made (ISO 8601).'),
    ),
    app: v.literal(EXPORT_APP, `expected "${EXPORT_APP}"`),
    scope: v.pipe(
      v.picklist(EXPORT_SCOPES, oneOf(EXPORT_SCOPES)),
      v.description('A full backup, or one session with its records.'),
    ),
    data: DatasetSchema,
  },
  'expected an object',
);

export type ExportEnvelope = v.InferOutput<typeof EnvelopeSchema>;
