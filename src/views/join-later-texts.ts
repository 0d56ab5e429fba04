/**
 * The join page's words that only a question from the presenter or a seat at a table needs
 * (src/scripts/join-answer.ts, join-table.ts): served as room-texts.<lang>.json
 * (src/pages/room-texts.[lang].json.ts) and fetched with that code, not carried in the page's
 * HTML, which then fits one round trip on venue Wi-Fi (2.2 KB less). One builder for the file
 * and for the tests that put a page together.
 */
import { t } from '../i18n';
import type { Lang } from '../routes';

export function joinLaterTexts(lang: Lang) {
  const d = t(lang);
  return {
    answer: { ...d.room.answers.phone, findings: d.sessions.notes.findings },
    tables: d.room.tables.phone,
  };
}
