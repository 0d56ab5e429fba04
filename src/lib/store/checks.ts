/**
 * The repository's input checks: the record schemas of src/lib/records, so the store
 * accepts exactly what an import accepts. Caller mistakes (programming or UI errors) are
 * reported as 'invalid', texts over their limit as 'too-large'.
 */
import type * as v from 'valibot';
import { check, formatProblem } from '../records/rebuild';
import { StoreError } from './errors';

export function invalid(message: string): never {
  throw new StoreError('invalid', message);
}

/** `value` checked against `schema` (a fresh copy holding only the schema's fields), or a StoreError. */
export function checked<S extends v.GenericSchema>(schema: S, value: unknown, path = ''): v.InferOutput<S> {
  const result = check(schema, value, path);
  if (result.ok) return result.value;
  const tooLarge = result.problems.every((p) => p.tooLong);
  throw new StoreError(tooLarge ? 'too-large' : 'invalid', result.problems.map(formatProblem).join('; '));
}

/** A shallow copy without members that are `undefined` ("not given"), so none is stored as a key. */
export function defined<T extends object>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}
