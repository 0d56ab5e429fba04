/**
 * Limits shared by the store and the import parser, so that an import can never create
 * a record the editor would refuse to save.
 */

/**
 * Longest note text, in UTF-16 code units. A 5 MB note must still save (scale target);
 * browsers accept values of hundreds of MB, so 8 M keeps us well below their cap while
 * the page stays responsive.
 */
export const MAX_NOTE_CHARS = 8_000_000;

/** Longest id (session, record or card). Ours are UUIDs or 33-char derived ids. */
export const MAX_ID_CHARS = 256;

/** Longest short text (title, team, participant, owner, action text). */
export const MAX_SHORT_TEXT_CHARS = 100_000;

/** Days of unexported changes before the app suggests a backup. */
export const BACKUP_REMINDER_DAYS = 7;
