/** Text that the app writes from other text, kept within the limits its own importer checks. */
import { MAX_SHORT_TEXT_CHARS } from './limits';

/**
 * `title` with `suffix`, within MAX_SHORT_TEXT_CHARS: a title already at the limit loses its end
 * (never half a character) rather than the mark that says it is a copy. Appending blindly stored
 * a title the importer then refused, so the next backup could not be restored.
 */
export function withSuffix(title: string, suffix: string, max: number = MAX_SHORT_TEXT_CHARS): string {
  if (title.length + suffix.length <= max) return `${title}${suffix}`;
  let end = Math.max(0, max - suffix.length);
  const last = title.charCodeAt(end - 1);
  // Do not split a surrogate pair; a lone surrogate the title already held is kept as it was.
  if (last >= 0xd800 && last <= 0xdbff && isLowSurrogate(title.charCodeAt(end))) end--;
  return `${title.slice(0, end)}${suffix}`;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
