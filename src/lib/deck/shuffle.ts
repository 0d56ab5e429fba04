import { createRandom } from './random';

/** A new array with the items in a random order determined by `seed` (Fisher–Yates). Does not touch `items`. */
export function shuffle<T>(items: readonly T[], seed: string): T[] {
  const out = items.slice();
  const random = createRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    // floor(u * (i + 1)) with a 32-bit u: the bias is below (i + 1) / 2^32, far below anything a deck of 25 shows.
    const j = Math.floor(random() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}
