/**
 * The closed lists the record schemas are built from, apart from the schemas so that a page
 * can name a session kind or a language without loading the validator (valibot).
 */
// Session kinds are part of the site's vocabulary (kinds link to werkvormen).
export { SESSION_KINDS, type SessionKind } from '../../vocab';
/** What can make a session besides the new-session form. */
export const SESSION_ORIGINS = ['scan'] as const;
export type SessionOrigin = (typeof SESSION_ORIGINS)[number];

// The site's languages are defined once, with its routes (no validator there either).
export { LANGS, type Lang } from '../../routes';

/** The record stores, in the order exports list them. */
export const RECORD_KINDS = ['sessions', 'notes', 'positions', 'actions'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
