/**
 * The records kept in IndexedDB and in export files. Their shapes are defined once, as
 * schemas in src/lib/records/schemas.ts; these are the types inferred from them, re-exported
 * here so that importers need not know where the schemas live.
 */
export { SESSION_KINDS } from '../records/values';
export type {
  Action,
  CardNote,
  Dataset,
  DeckRef,
  Position,
  RecordCounts,
  Session,
  SessionKind,
} from '../records/schemas';
