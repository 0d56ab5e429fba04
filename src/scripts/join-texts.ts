/**
 * The join page's words for its scripts, from one JSON block in the page (src/views/Join.astro):
 * not data- attributes, where every quote is written as &quot; (1.7 KB more HTML, past the first
 * round trip on venue Wi-Fi). Parsed once. The words of a question's answer form and of a table
 * are not in the page: loadLaterTexts() fetches them (room-texts.<lang>.json) with that code.
 */
export const JOIN_TEXTS_ID = 'doe-mee-t';

export type JoinTextsPart = 'phone' | 'code' | 'answer' | 'tables';

let parsed: Partial<Record<JoinTextsPart, unknown>> | null = null;
let later: Promise<void> | null = null;

function all(): Partial<Record<JoinTextsPart, unknown>> {
  if (parsed === null) {
    try {
      parsed = JSON.parse(document.getElementById(JOIN_TEXTS_ID)?.textContent ?? '{}') as typeof parsed;
    } catch {
      parsed = {};
    }
  }
  return parsed ?? {};
}

/** One part's words, or null when the page has none (no relay: no code form, no answers). */
export function joinTexts(part: JoinTextsPart): unknown {
  return all()[part] ?? null;
}

/**
 * Fetches the answer form's and the table's words once (the page names the file in its phone
 * words, `textsUrl`). A page that carries them (the tests' pages) fetches nothing. A failed
 * fetch rejects and is tried anew at the next call, as a failed import of the code is.
 */
export function loadLaterTexts(): Promise<void> {
  const words = all();
  if (words.answer && words.tables) return Promise.resolve();
  const url = (words.phone as { textsUrl?: string } | undefined)?.textsUrl;
  if (!url) return Promise.resolve();
  later ??= fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json() as Promise<{ answer?: unknown; tables?: unknown }>;
    })
    .then((more) => {
      // Words only: an object whose values are strings or objects of strings (the findings' names).
      const isWords = (x: unknown, depth = 0): boolean =>
        typeof x === 'object' &&
        x !== null &&
        !Array.isArray(x) &&
        Object.values(x).every((v) => typeof v === 'string' || (depth === 0 && isWords(v, 1)));
      if (typeof more !== 'object' || more === null || !isWords(more.answer) || !isWords(more.tables))
        throw new Error(`${url}: not the page's words`);
      words.answer ??= more.answer;
      words.tables ??= more.tables;
    })
    .catch((error: unknown) => {
      later = null;
      throw error;
    });
  return later;
}

/** Tests write another page into the same document. */
export function forgetJoinTexts(): void {
  parsed = null;
  later = null;
}
