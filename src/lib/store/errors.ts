/**
 * Typed storage errors. IndexedDB reports failures as DOMExceptions with browser-specific
 * names, sometimes only as a transaction abort; the UI needs one small set of codes it can
 * turn into a sentence a social worker understands. Nothing in the store deletes data on
 * any of these errors: they are reported, never "repaired" by wiping.
 */

export const STORE_ERROR_CODES = [
  /** The browser refused the write for lack of space (arrives as a transaction abort). */
  'quota',
  /** IndexedDB is missing or refuses to open (private window, blocked storage, closed connection). */
  'unavailable',
  /** The browser's database files are damaged or unreadable (Chrome: UnknownError). */
  'backing-store',
  /** The data changed under us: a unique key or id already exists, or another tab wrote first. */
  'conflict',
  /** The record the caller refers to does not exist (any more). */
  'not-found',
  /** This tab runs older code than the database, or was closed for an upgrade: reload. */
  'version',
  /** Another tab keeps an old connection open, so the upgrade cannot start. */
  'blocked',
  /** A migration step failed; the database stays on its old version with its data. */
  'upgrade-failed',
  /** The caller passed a value the records do not allow (bad date, position outside 0..100). */
  'invalid',
  /** A text is longer than the app allows (kept well below the browser's own limits). */
  'too-large',
] as const;

export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  override readonly cause: unknown;

  constructor(code: StoreErrorCode, message?: string, cause?: unknown) {
    super(message ?? code);
    this.name = 'StoreError';
    this.code = code;
    this.cause = cause;
  }
}

export function isStoreError(value: unknown): value is StoreError {
  return value instanceof StoreError;
}

function errorName(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'name' in err) {
    const name = (err as { name: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}

/**
 * Maps anything thrown by IndexedDB (or idb) to a StoreError. `fallback` is used for
 * names we do not recognise, because guessing "backing-store" for a plain bug would send
 * users to a recovery screen they do not need.
 */
export function toStoreError(err: unknown, fallback: StoreErrorCode = 'unavailable'): StoreError {
  if (err instanceof StoreError) return err;
  const name = errorName(err);
  const message = err instanceof Error ? err.message : String(err);
  switch (name) {
    case 'QuotaExceededError':
      return new StoreError('quota', message, err);
    case 'ConstraintError':
      return new StoreError('conflict', message, err);
    case 'VersionError':
      return new StoreError('version', message, err);
    case 'NotFoundError':
      // A missing object store means the code expects a newer schema than it opened.
      return new StoreError('version', message, err);
    case 'UnknownError':
    case 'NotReadableError':
      return new StoreError('backing-store', message, err);
    case 'InvalidStateError':
    case 'SecurityError':
    case 'InvalidAccessError':
      return new StoreError('unavailable', message, err);
    case 'DataError':
    case 'DataCloneError':
      return new StoreError('invalid', message, err);
    default:
      return new StoreError(fallback, message, err);
  }
}

// The sentence for each code lives in the UI dictionaries: src/i18n (sessions.errors).
