/**
 * Frames leave in the order they were made (src/lib/room/ordered.ts), whatever order their sealing
 * finishes in: a receiver drops a frame numbered below the last it saw.
 */
import { describe, expect, it } from 'vitest';
import { inOrder } from '../../src/lib/room/ordered';

function later<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('frames in order', () => {
  it('emits in the order asked when the second frame is sealed first', async () => {
    const ordered = inOrder();
    const emitted: string[] = [];
    const [a, b] = [later<string>(), later<string>()];
    const sent = [ordered(a.promise, (f) => emitted.push(f)), ordered(b.promise, (f) => emitted.push(f))];
    b.resolve('seq 2');
    await Promise.resolve();
    expect(emitted).toEqual([]);
    a.resolve('seq 1');
    await Promise.all(sent);
    expect(emitted).toEqual(['seq 1', 'seq 2']);
  });

  it('a frame that cannot be sealed fails its own send and holds up none after it', async () => {
    const ordered = inOrder();
    const emitted: string[] = [];
    const [a, b] = [later<string>(), later<string>()];
    const first = ordered(a.promise, (f) => emitted.push(f));
    const second = ordered(b.promise, (f) => emitted.push(f));
    a.reject(new Error('message too large for the relay'));
    b.resolve('seq 2');
    await expect(first).rejects.toThrow('too large');
    await second;
    expect(emitted).toEqual(['seq 2']);
  });
});
