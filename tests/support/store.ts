/** Helpers shared by the store tests. */
import { expect } from 'vitest';
import { StoreError } from '../../src/lib/store/errors';

/** Awaits `promise` and asserts that it rejected with a StoreError of `code`. */
export async function expectStoreError(promise: Promise<unknown>, code: StoreError['code']): Promise<StoreError> {
  const err = await promise.then(
    () => {
      throw new Error(`expected StoreError ${code}, but it resolved`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  expect((err as StoreError).code).toBe(code);
  return err as StoreError;
}
