/**
 * An honest line about where the data lives: only on this device, how much space it uses,
 * whether the browser promised to keep it, and a backup reminder after a week of
 * unexported changes.
 */
import { useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { persistenceStatus, storageEstimate } from '../../lib/store/persist';
import { formatBytes } from '../../lib/sessions/format';
import { useNotices, useStore, useStrings } from './context';
import { useExports, useStoreQuery } from './hooks';
import { StorageSkeleton } from './Skeleton';
import { errorText } from './ui';

export function StorageStatus() {
  const { repo } = useStore();
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const { exportBackup } = useExports();
  const s = t.s;
  const [busy, setBusy] = useState(false);

  const status = useStoreQuery(
    async () => {
      const [estimate, persist, reminder] = await Promise.all([
        storageEstimate(),
        persistenceStatus(),
        repo.needsBackupReminder().catch(() => false),
      ]);
      return { usage: estimate?.usage ?? null, persist, reminder };
    },
    [],
    // A line of information: without it the page works just as well.
    { stores: ['meta'], quiet: true },
  );
  const usage = status.data?.usage ?? null;
  const persist = status.data?.persist ?? null;
  const reminder = status.data?.reminder ?? false;

  const exportNow = async () => {
    setBusy(true);
    try {
      const file = await exportBackup();
      toast(fill(lang, s.exchange.exported, { file }));
      await status.reload();
    } catch (err) {
      toast(errorText(t, err), { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  if (!status.data) return <StorageSkeleton t={t} lang={lang} />;
  return (
    <section class="ss-storage" aria-labelledby="ss-storage-h">
      <h2 id="ss-storage-h" class="ss-storage-title">
        {s.storage.title}
      </h2>
      <p>
        <strong>{s.storage.local}</strong>{' '}
        {usage !== null && fill(lang, s.storage.used, { size: formatBytes(usage, lang) })}{' '}
        {persist !== null && (persist === 'persisted' ? s.storage.persisted : s.storage.notPersisted)}
      </p>
      {reminder && (
        <p class="ss-reminder">
          <span>{s.storage.reminder}</span>{' '}
          <button type="button" class="primary" onClick={exportNow} disabled={busy}>
            {s.storage.exportNow}
          </button>
        </p>
      )}
    </section>
  );
}
