/**
 * The one setting for every wait and time budget of the browser and relay tests: KJK_TIME_SCALE.
 * 1 on a quiet machine. `npm test` (scripts/test.mjs) doubles it when it runs browsers side by
 * side, and doubles it again when the machine was already busy before the tests started, and
 * says so. A wait is a bound on how long a state may take to appear, never a pause; a time budget
 * ("the message comes within a second") is the product's promise at 1, given room under load.
 */
export const TIME_SCALE = Math.max(1, Number(process.env.KJK_TIME_SCALE) || 1);

/** `ms` on a quiet machine, scaled for this run. */
export const scaled = (ms: number): number => Math.round(ms * TIME_SCALE);
