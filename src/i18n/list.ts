/** Joins words into one phrase the way the language does ("a, b en c", "a, b, and c"). */
const formats = new Map<string, Intl.ListFormat>();

export function listFormat(lang: 'nl' | 'en', words: readonly string[]): string {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' });
    formats.set(lang, format);
  }
  return format.format(words);
}
