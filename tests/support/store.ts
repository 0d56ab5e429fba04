/** Helpers shared by the store tests. */
import { afterEach, expect } from 'vitest';
import { StoreError } from '../../src/lib/store/errors';
import { createRepo, type Repo } from '../../src/lib/store/repo';
import { type KjkDb, openKjk } from '../../src/lib/store/schema';

/**
 * For a test file: a function that opens a repository on a database of its own (fake-indexeddb,
 * named after `prefix`); every database it opened is closed after each test.
 */
export function freshRepos(prefix: string): () => Promise<Repo> {
  const connections: KjkDb[] = [];
  afterEach(() => {
    for (const db of connections.splice(0)) db.close();
  });
  return async () => {
    const db = await openKjk({ name: `${prefix}-${Math.random()}` });
    connections.push(db);
    return createRepo(db);
  };
}

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
