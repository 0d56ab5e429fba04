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

/** Longest short text (title, team, participant, owner, action text, deck seed). */
export const MAX_SHORT_TEXT_CHARS = 100_000;

/** Latest time ECMAScript can represent; anything larger is not a real timestamp. */
export const MAX_TIME_MS = 8.64e15;

/** A position between a card's poles: 0 = fully pole A, 100 = fully pole B. */
export const POSITION_MIN = 0;
export const POSITION_MAX = 100;

/** Days of unexported changes before the app suggests a backup. */
export const BACKUP_REMINDER_DAYS = 7;
