/**
 * Moving through a deck of `n` cards; `index` is 0-based.
 * next/prev clamp at the ends and never wrap: a trainer must notice the last card,
 * not silently start the round again.
 */

/** An index that exists in a deck of n cards (0 for an empty deck). */
export function clampIndex(index: number, n: number): number {
  if (n <= 0 || !Number.isFinite(index)) return 0;
  return Math.min(Math.max(Math.trunc(index), 0), n - 1);
}

export function next(index: number, n: number): number {
  return clampIndex(index + 1, n);
}

export function prev(index: number, n: number): number {
  return clampIndex(index - 1, n);
}

export function hasNext(index: number, n: number): boolean {
  return index < n - 1;
}

export function hasPrev(index: number): boolean {
  return index > 0;
}

/** "3 / 12" (1-based for people); "0 / 0" for an empty deck. */
export function progress(index: number, n: number): string {
  return n <= 0 ? '0 / 0' : `${clampIndex(index, n) + 1} / ${n}`;
}
