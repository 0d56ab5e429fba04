/**
 * Canonical JSON and a small synchronous content hash. Both must give the same output on
 * every device for the same data, because derived import ids and the encrypted file's
 * authenticated header depend on them.
 */

/**
 * JSON with object keys sorted (by UTF-16 code unit, like Array#sort) and `undefined`
 * members left out, at every depth. Strings are escaped by JSON.stringify, which turns
 * lone surrogates into \uXXXX escapes, so the result is always well-formed Unicode.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    // undefined, functions and symbols have no JSON form; arrays of them are not ours.
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * 128-bit non-cryptographic hash (four multiply-xorshift lanes over UTF-16 code units),
 * as 32 hex characters. Synchronous, so planImport stays a pure function; it only has to
 * make accidental collisions between import copies practically impossible, not resist an
 * attacker (a collision merely yields one more copy, never an overwrite).
 */
export function hash128(text: string): string {
  let h1 = 0x9e3779b9;
  let h2 = 0x85ebca6b;
  let h3 = 0xc2b2ae35;
  let h4 = 0x27d4eb2f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h3 = Math.imul(h3 ^ c, 0x27d4eb2d);
    h4 = Math.imul(h4 ^ c, 0x165667b1);
    h1 ^= h4 >>> 15;
    h2 ^= h1 >>> 13;
    h3 ^= h2 >>> 16;
    h4 ^= h3 >>> 17;
  }
  // Final avalanche so that short inputs differ in every output bit.
  const mix = (h: number, salt: number): number => {
    let x = (h ^ salt ^ text.length) >>> 0;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return (x ^ (x >>> 16)) >>> 0;
  };
  const a = mix(h1 + h3, 0x1b873593);
  const b = mix(h2 + h4, 0xcc9e2d51);
  const c = mix(h3 ^ a, 0xe6546b64);
  const d = mix(h4 ^ b, 0x85ebca77);
  return [a, b, c, d].map((n) => n.toString(16).padStart(8, '0')).join('');
}
