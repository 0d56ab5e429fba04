/**
 * An honest line about where the data lives: only on this device, how much space it uses,
 * whether the browser promised to keep it, and a backup reminder after a week of
 * unexported changes.
 */
import { useEffect, useState } from 'preact/hooks';
import { persistenceStatus, storageEstimate, type PersistStatus } from '../../lib/store/persist';
import { formatBytes } from '../../lib/sessions/format';
import { errorText, fill, useApp, useChanges } from './ui';

export function StorageStatus() {
  const { repo, t, lang, exportBackup, toast } = useApp();
  const s = t.s;
  const [usage, setUsage] = useState<number | null>(null);
  const [persist, setPersist] = useState<PersistStatus | null>(null);
  const [reminder, setReminder] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const [estimate, status, remind] = await Promise.all([
      storageEstimate(),
      persistenceStatus(),
      repo.needsBackupReminder().catch(() => false),
    ]);
    setUsage(estimate?.usage ?? null);
    setPersist(status);
    setReminder(remind);
  };
  useEffect(() => {
    void load();
  }, [repo]);
  useChanges(['meta'], () => void load());

  const exportNow = async () => {
    setBusy(true);
    try {
      const file = await exportBackup();
      toast(fill(s.exchange.exported, { file }));
      await load();
    } catch (err) {
      toast(errorText(t, err), { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="ss-storage" aria-labelledby="ss-storage-h">
      <h2 id="ss-storage-h" class="ss-storage-title">
        {s.storage.title}
      </h2>
      <p>
        <strong>{s.storage.local}</strong> {usage !== null && fill(s.storage.used, { size: formatBytes(usage, lang) })}{' '}
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
