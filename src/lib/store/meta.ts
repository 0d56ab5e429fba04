/** Settings and change times in the `meta` store; the backup reminder is computed from them. */
import { BACKUP_REMINDER_DAYS } from '../records/limits';
import type { MetaKey, MetaValues } from '../records/schemas';
import { inputs } from './checks';
import { mutate, read, type StoreContext } from './write';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupStatus {
  lastChangeAt: number | null;
  lastExportAt: number | null;
  needsReminder: boolean;
}

export function createMeta(ctx: StoreContext) {
  return {
    async get<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
      // Stored data may come from an older or damaged build: never trust its type.
      const { metaValue } = await inputs();
      return read(ctx, ['meta'], async (tx) => metaValue(key, await tx.objectStore('meta').get(key)));
    },

    /** For settings such as persistRequested; change times are kept by the repo itself. */
    async set<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
      const c = await inputs();
      c.checked(c.MetaSchemas[key], value, key);
      await mutate(ctx, ['meta'], async (w) => {
        await w.tx.objectStore('meta').put(value, key);
        w.changed('meta', key, w.stamp());
      });
    },

    /**
     * Call after the user finished an export that was read at `exportedAt`. Changes made
     * after that moment keep the reminder running (counted from `exportedAt`, so it may come
     * slightly early, never late).
     */
    async markExported(exportedAt: number = ctx.now()): Promise<void> {
      const { metaValue } = await inputs();
      await mutate(ctx, ['meta'], async (w) => {
        const store = w.tx.objectStore('meta');
        await store.put(exportedAt, 'lastExportAt');
        const last = metaValue('lastChangeAt', await store.get('lastChangeAt'));
        if (last === undefined || last <= exportedAt) await store.delete('firstUnexportedChangeAt');
        else await store.put(exportedAt, 'firstUnexportedChangeAt');
        w.changed('meta', 'lastExportAt', exportedAt);
      });
    },

    /** `days`: how long unexported changes may wait (shorter where the browser deletes data after 7 days). */
    async backupStatus(at: number = ctx.now(), days: number = BACKUP_REMINDER_DAYS): Promise<BackupStatus> {
      const { metaValue } = await inputs();
      return read(ctx, ['meta'], async (tx) => {
        const store = tx.objectStore('meta');
        const [last, exported, first] = await Promise.all([
          store.get('lastChangeAt'),
          store.get('lastExportAt'),
          store.get('firstUnexportedChangeAt'),
        ]);
        const firstUnexported = metaValue('firstUnexportedChangeAt', first);
        return {
          lastChangeAt: metaValue('lastChangeAt', last) ?? null,
          lastExportAt: metaValue('lastExportAt', exported) ?? null,
          needsReminder: firstUnexported !== undefined && at - firstUnexported >= days * DAY_MS,
        };
      });
    },
  };
}
