/**
 * The one set of limits on record values. Every writer (the repository) and every reader
 * (the import parser) checks records against the schemas in ./schemas, which use these, so
 * anything the app can write it can import again, and an import can never create a record
 * the editor would refuse to save.
 */

/**
 * Longest note text, in UTF-16 code units. A 5 MB note must still save (scale target);
 * browsers accept values of hundreds of MB, so 8 M keeps us well below their cap while
 * the page stays responsive.
 */
export const MAX_NOTE_CHARS = 8_000_000;

/** Longest id (session, record or card). Ours are UUIDs or 33-char derived ids. */
export const MAX_ID_CHARS = 256;

/**
 * What an id may contain: letters, digits, marks, punctuation and symbols, so it survives a
 * trip through the address bar (the sessions page keeps the id in its query string) as it
 * is. Left out: spaces and other separators (trimmed or turned into "+"), control and format
 * characters (removed by URL parsing or invisible), lone surrogates (written as U+FFFD),
 * U+FFFD itself (the sign of a broken decode), private-use and unassigned code points.
 */
export const ID_PATTERN = /^(?:(?!\uFFFD)[\p{L}\p{N}\p{M}\p{P}\p{S}])+$/u;

/** True for a string that is a well-formed id under ID_PATTERN and MAX_ID_CHARS. */
export function isWellFormedId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= MAX_ID_CHARS && ID_PATTERN.test(value);
}

/** Years a date field takes: four digits, so "24" is never read as 24 AD or as 1924. */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

/** Longest short text (title, team, participant, owner, action text, deck seed). */
export const MAX_SHORT_TEXT_CHARS = 100_000;

/**
 * What the app's own text fields let a person type. Far below MAX_SHORT_TEXT_CHARS, so anything
 * typed saves and imports again; short enough for a title or a name to stay readable on a card
 * and on the presenter. Imports may hold longer texts (up to the record limits).
 */
export const INPUT_MAX_CHARS = {
  /** A session's name, also when it is renamed in the list. */
  sessionTitle: 200,
  /** The team (or, for a self-scan, its label: the trend view follows it). */
  team: 200,
  scanLabel: 60,
  /** Who placed a position between the poles. */
  participant: 100,
  actionText: 1000,
  actionOwner: 200,
} as const;

/** Latest time ECMAScript can represent; anything larger is not a real timestamp. */
export const MAX_TIME_MS = 8.64e15;

/** A position between a card's poles: 0 = fully pole A, 100 = fully pole B. */
export const POSITION_MIN = 0;
export const POSITION_MAX = 100;

/** Days of unexported changes before the app suggests a backup. */
export const BACKUP_REMINDER_DAYS = 7;

/**
 * The same where the browser deletes a site's data after 7 days without a visit (Safari on
 * iPhone and iPad, outside the installed app): remind well before that happens.
 */
export const BACKUP_REMINDER_DAYS_SHORT_LIVED = 3;

/** Days a deleted session stays in the "Verwijderd" list on this device before it is purged. */
export const DELETED_KEEP_DAYS = 7;
