import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  persistenceStatus,
  requestPersistence,
  storageEstimate,
  type StorageManagerLike,
} from '../../src/lib/store/persist';
import { salvage } from '../../src/lib/store/bulk';
import { freshRepos } from '../support/store';

const freshRepo = freshRepos('kjk-persist');
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('persistent storage request', () => {
  it('navigator.storage missing: "unsupported", nothing thrown', async () => {
    vi.stubGlobal('navigator', {});
    expect(await persistenceStatus()).toBe('unsupported');
    expect(await requestPersistence()).toBe('unsupported');
    expect(await storageEstimate()).toBeNull();
  });

  it('persist() false: "not-persisted", and the answer is remembered', async () => {
    const repo = await freshRepo();
    const manager: StorageManagerLike = { persisted: async () => false, persist: async () => false };
    expect(await requestPersistence(repo.meta, manager)).toBe('not-persisted');
    expect(await repo.meta.get('persistRequested')).toBe(true);
    expect(await repo.meta.get('persistGranted')).toBe(false);
  });

  it('persist() rejecting or persisted() throwing: "not-persisted"', async () => {
    const manager: StorageManagerLike = {
      persisted: async () => {
        throw new Error('nope');
      },
      persist: async () => {
        throw new DOMException('denied', 'NotAllowedError');
      },
    };
    expect(await persistenceStatus(manager)).toBe('not-persisted');
    expect(await requestPersistence(undefined, manager)).toBe('not-persisted');
  });

  it('granted, or already persisted without asking again', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistence(undefined, { persisted: async () => false, persist })).toBe('persisted');
    const notAsked = vi.fn(async () => false);
    expect(await requestPersistence(undefined, { persisted: async () => true, persist: notAsked })).toBe('persisted');
    expect(notAsked).not.toHaveBeenCalled();
  });

  it('a failing store while remembering the answer does not hide the answer', async () => {
    const meta = { set: vi.fn(async () => Promise.reject(new Error('quota'))) };
    expect(await requestPersistence(meta, { persisted: async () => false, persist: async () => true })).toBe(
      'persisted',
    );
  });

  it('estimate is for display only and tolerates odd answers', async () => {
    expect(await storageEstimate({ estimate: async () => ({ usage: 10, quota: 100 }) })).toEqual({
      usage: 10,
      quota: 100,
    });
    expect(await storageEstimate({ estimate: async () => ({}) })).toBeNull();
    // Chromium breaks the usage down: its Cache Storage figure comes along, 0 when it lists none.
    expect(
      await storageEstimate({ estimate: async () => ({ usage: 10, quota: 100, usageDetails: { caches: 7 } }) }),
    ).toEqual({ usage: 10, quota: 100, caches: 7 });
    expect(
      await storageEstimate({ estimate: async () => ({ usage: 10, quota: 100, usageDetails: { indexedDB: 3 } }) }),
    ).toEqual({ usage: 10, quota: 100, caches: 0 });
    expect(
      await storageEstimate({
        estimate: async () => {
          throw new Error('x');
        },
      }),
    ).toBeNull();
  });
});

describe('salvage (recovery screen after a backing-store error)', () => {
  it('returns what is readable when one store fails, and deletes nothing', async () => {
    const repo = await freshRepo();
    const s = await repo.sessions.create({ kind: 'workshop', title: 'x', team: '', date: '2024-01-01', lang: 'nl' });
    await repo.notes.save({ sessionId: s.id, cardId: 'k', text: 'bewaren', baseUpdatedAt: null });
    await repo.actions.add({ sessionId: s.id, text: 'a' });

    const proto = IDBObjectStore.prototype as unknown as { getAll: (...a: unknown[]) => IDBRequest };
    const original = proto.getAll;
    const spy = vi.spyOn(proto, 'getAll').mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      if (this.name === 'notes') throw new DOMException('Internal error reading', 'UnknownError');
      return original.apply(this, args);
    });
    const result = await salvage(repo.db);
    expect(result.failed).toEqual([{ store: 'notes', code: 'backing-store' }]);
    expect(result.data.sessions).toHaveLength(1);
    expect(result.data.actions).toHaveLength(1);
    expect(result.data.notes).toEqual([]);
    spy.mockRestore();
    expect((await repo.notes.get(s.id, 'k'))?.text).toBe('bewaren');
  });
});
