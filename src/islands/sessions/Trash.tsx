/**
 * The "Verwijderd" list: deleted sessions, restorable on this device for DELETED_KEEP_DAYS,
 * then purged with their records (SessionsApp purges on start). They are in no export or
 * backup (serialize leaves them out), and the list says so. Loaded by SessionList only when
 * there are some (most visits have none).
 */
import { fill } from '../../i18n/fill';
import { DELETED_KEEP_DAYS } from '../../lib/records/limits';
import { formatDay, todayIso } from '../../lib/sessions/format';
import type { Session } from '../../lib/store/types';
import { useNotices, useStore, useStrings } from './context';
import { errorText } from './ui';

const DAY_MS = 24 * 60 * 60 * 1000;

export function Trash({ items }: { items: Session[] }) {
  const { repo, escalate } = useStore();
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const s = t.s;
  if (items.length === 0) return null;

  const restore = async (id: string, title: string) => {
    try {
      await repo.sessions.undoDelete(id);
      toast(fill(lang, s.list.restored, { title }));
    } catch (err) {
      if (!escalate(err)) toast(errorText(t, err), { tone: 'error' });
    }
  };

  return (
    <section class="ss-section ss-trash" aria-labelledby="ss-trash-h" data-trash>
      <h2 id="ss-trash-h">{s.trash.title}</h2>
      <p>{fill(lang, s.trash.intro, { n: DELETED_KEEP_DAYS })}</p>
      <ul class="ss-list">
        {items.map((session) => {
          const title = session.title.trim() || s.list.untitled;
          const until = todayIso(new Date((session.deletedAt ?? Date.now()) + DELETED_KEEP_DAYS * DAY_MS));
          return (
            <li class="ss-item" key={session.id}>
              <h3 class="ss-trash-title">{title}</h3>
              <p class="ss-item-meta">
                <span>{formatDay(session.date, lang)}</span>
                <span>{fill(lang, s.trash.until, { date: formatDay(until, lang) })}</span>
              </p>
              <p>
                <button
                  type="button"
                  aria-label={fill(lang, s.trash.restoreLabel, { title })}
                  onClick={() => void restore(session.id, title)}
                >
                  {s.trash.restore}
                </button>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
