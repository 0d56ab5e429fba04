/**
 * The long run of the export → import round-trip property (tests/support/roundtrip-property.ts;
 * the unit suite runs 25 cases with the fixed seed). Run by `npm run bench`, or alone:
 *   node --import ./scripts/lib/ts-imports.mjs scripts/bench-property.ts [--runs=N] [--seed=S] [--json]
 * A fresh seed each time unless --seed is given, so every bench explores new cases; a failure
 * prints the seed and the counterexample to replay. Uses fake-indexeddb, like the unit tests.
 */
import 'fake-indexeddb/auto';
import { runRoundTrip } from '../tests/support/roundtrip-property.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const runs = Number(arg('runs') ?? 500);
const seed = Number(arg('seed') ?? Date.now() % 2 ** 31);
const json = process.argv.includes('--json');

try {
  const { ms } = await runRoundTrip({ numRuns: runs, seed });
  const result = { propertyRuns: runs, propertySeed: seed, propertyMs: Math.round(ms), propertyFailures: 0 };
  if (json) console.log(JSON.stringify(result));
  else console.log(`round trip: ${runs} cases, seed ${seed}, ${Math.round(ms)} ms, 0 failures`);
} catch (err) {
  console.error(`round trip FAILED (seed ${seed}):\n${err instanceof Error ? err.message : String(err)}`);
  if (json)
    console.log(JSON.stringify({ propertyRuns: runs, propertySeed: seed, propertyMs: null, propertyFailures: 1 }));
  process.exitCode = 1;
}
