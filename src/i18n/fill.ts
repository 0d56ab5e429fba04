/**
 * The one way to fill a UI string. Templates stay plain data (Astro serialises island props,
 * and the two languages are compared by a test), so the dictionaries hold no functions:
 *   "{name}"            the value of `name`;
 *   "{n:kaart|kaarten}" the first word when `Intl.PluralRules` calls the number in `n` "one"
 *                       in this language, else the second ("{n} {n:kaart|kaarten}": 1 kaart, 3 kaarten).
 * A placeholder without a value stays as it is, so a missing one shows up instead of vanishing.
 * Pure: no DOM; used by pages at build time and by islands in the browser.
 */
import type { Lang } from '../routes';

export type FillValues = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g;

// Building a PluralRules is far slower than using one, and fill runs on every render.
const rules = new Map<Lang, Intl.PluralRules>();
function pluralRules(lang: Lang): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  return r;
}

/** `template` with its placeholders filled in for `lang` (see above). */
export function fill(lang: Lang, template: string, values: FillValues = {}): string {
  return template.replace(PLACEHOLDER, (m, key: string, one: string | undefined, other: string | undefined) => {
    if (!Object.hasOwn(values, key)) return m;
    const value = values[key] as string | number;
    if (one === undefined || other === undefined) return String(value);
    return pluralRules(lang).select(Number(value)) === 'one' ? one : other;
  });
}

/** The names a template asks for, sorted, each once: both languages must ask for the same. */
export function placeholders(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1] as string))].sort();
}
