/** Parts of the app loaded on demand: fetched again when they do not arrive, and a failure heard. */
import { describe, expect, it, vi } from 'vitest';
import { loadPart, loadWithRetry, onLoadFailure } from '../../src/lib/load';

const noPause = () => Promise.resolve();
const failing = (times: number) => {
  let calls = 0;
  return vi.fn(async () => {
    calls += 1;
    if (calls <= times) throw new TypeError('Importing a module script failed.');
    return 'module';
  });
};

describe('loadWithRetry', () => {
  it('returns at once when the part arrives', async () => {
    const load = failing(0);
    await expect(loadWithRetry(load, { pause: noPause })).resolves.toBe('module');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed fetch, and pauses before each new try', async () => {
    const load = failing(2);
    const pauses: number[] = [];
    const value = await loadWithRetry(load, { pause: async (n) => void pauses.push(n) });
    expect(value).toBe('module');
    expect(load).toHaveBeenCalledTimes(3);
    expect(pauses).toEqual([2, 3]);
  });

  it('gives up after the last try with the last error', async () => {
    const load = failing(5);
    await expect(loadWithRetry(load, { attempts: 3, pause: noPause })).rejects.toThrow(
      'Importing a module script failed.',
    );
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('tries at least once, whatever it is told', async () => {
    const load = failing(0);
    await expect(loadWithRetry(load, { attempts: 0, pause: noPause })).resolves.toBe('module');
  });
});

describe('loadPart', () => {
  it('tells the listeners only when every try failed', async () => {
    const heard: unknown[] = [];
    const stop = onLoadFailure((e) => heard.push(e));
    await loadPart(failing(1), { pause: noPause });
    expect(heard).toEqual([]);
    await expect(loadPart(failing(9), { pause: noPause })).rejects.toThrow();
    expect(heard).toHaveLength(1);
    stop();
    await expect(loadPart(failing(9), { pause: noPause })).rejects.toThrow();
    expect(heard).toHaveLength(1);
  });
});
