/**
 * The join page's words for its scripts, from one JSON block in the page (src/views/Join.astro):
 * not data- attributes, where every quote is written as &quot; (1.7 KB more HTML, past the first
 * round trip on venue Wi-Fi). Parsed once.
 */
export const JOIN_TEXTS_ID = 'doe-mee-t';

export type JoinTextsPart = 'phone' | 'code' | 'answer' | 'tables';

let parsed: Partial<Record<JoinTextsPart, unknown>> | null = null;

/** One part's words, or null when the page has none (no relay: no code form, no answers). */
export function joinTexts(part: JoinTextsPart): unknown {
  if (parsed === null) {
    try {
      parsed = JSON.parse(document.getElementById(JOIN_TEXTS_ID)?.textContent ?? '{}') as typeof parsed;
    } catch {
      parsed = {};
    }
  }
  return parsed?.[part] ?? null;
}

/** Tests write another page into the same document. */
export function forgetJoinTexts(): void {
  parsed = null;
}
