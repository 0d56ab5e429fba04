/**
 * Value checks for islands and other modules that need one value, not a record. The record
 * checks themselves are the schemas in src/lib/records (used by the repository and import).
 */
export { daysInMonth, isIsoDate } from '../records/dates';
export { LANGS, type Lang } from '../records/values';
