/**
 * The repository's input checks. The schemas live in ./inputs and load with the first call
 * of `inputs()` (a write, or a read of meta values), not with the page. Caller mistakes
 * (programming or UI errors) are reported as 'invalid', texts over their limit as 'too-large'.
 */
import { StoreError } from './errors';

export type Inputs = typeof import('./inputs');

let loading: Promise<Inputs> | undefined;

/** The input schemas and `checked`; a failed load (a dropped network) is tried again next time. */
export function inputs(): Promise<Inputs> {
  loading ??= import('./inputs').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export function invalid(message: string): never {
  throw new StoreError('invalid', message);
}

/** A shallow copy without members that are `undefined` ("not given"), so none is stored as a key. */
export function defined<T extends object>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}
