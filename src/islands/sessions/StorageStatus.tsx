/**
 * An honest line about where the data lives: only on this device, how much space the user's
 * sessions take (apart from the app's own offline copy), whether the browser promised to keep
 * it (or does not say), on iPhone and iPad the 7-day rule, and a backup reminder after a week
 * (three days where the 7-day rule applies) of unexported changes. What to say is decided in
 * lib/store/status; this view only shows it.
 */
import { fill } from '../../i18n/fill';
import { currentBrowserFacts, evictionRisk } from '../../lib/store/eviction';
import { cacheBytes, persistenceStatus, storageEstimate } from '../../lib/store/persist';
import { datasetBytes, summarizeStorage } from '../../lib/store/status';
import { formatBytes } from '../../lib/sessions/format';
import { useNotices, useStore, useStrings } from './context';
import { useStoreQuery } from './hooks';
import { useCheckedExport } from './PrivacyGate';
import { longestProtection, Reserved, sizesReserve, StorageSkeleton } from './Skeleton';

export function StorageStatus() {
  const { repo } = useStore();
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const s = t.s;
  const exporter = useCheckedExport();

  const status = useStoreQuery(
    async () => {
      const [estimate, persist] = await Promise.all([storageEstimate(), persistenceStatus()]);
      // Only when a service worker controls the page: it takes control after it stored the whole
      // app, so before that (a first visit) the caches hold a part and the line would say too
      // little. Not drawn again when it takes control later: that came in the middle of a slow
      // phone's first load (Lighthouse: more blocking time and a small shift); the next visit shows it.
      const appBytes = navigator.serviceWorker?.controller ? await cacheBytes(estimate?.caches) : null;
      const summary = summarizeStorage({
        persist,
        estimate,
        dataBytes: null,
        appBytes,
        risk: evictionRisk(currentBrowserFacts()),
      });
      const reminder = await repo.needsBackupReminder(undefined, summary.reminderDays).catch(() => false);
      return { summary, reminder };
    },
    [],
    // A line of information: without it the page works just as well.
    { stores: ['meta'], quiet: true },
  );
  // The size of the user's own records: read again when sessions come or go, not on every keystroke's save.
  const size = useStoreQuery(async () => datasetBytes(await repo.exportAll()), [], {
    stores: ['sessions'],
    quiet: true,
  });

  const exportNow = async () => {
    const file = await exporter.run();
    if (!file) return;
    toast(fill(lang, s.exchange.exported, { file }));
    await status.reload();
  };

  if (!status.data) return <StorageSkeleton t={t} lang={lang} />;
  const { summary, reminder } = status.data;
  const protection =
    summary.protection === 'persisted'
      ? s.storage.persisted
      : summary.protection === 'not-persisted'
        ? s.storage.notPersisted
        : s.storage.unknown;
  return (
    <section class="ss-storage" aria-labelledby="ss-storage-h">
      <h2 id="ss-storage-h" class="ss-storage-title">
        {s.storage.title}
      </h2>
      {/* One short block per fact, as in StorageSkeleton: none of them outgrows the page's
          static text, so drawing them later does not make them the largest paint (LCP). */}
      <div class="ss-storage-facts" data-storage-line>
        <p>
          <strong>{s.storage.local}</strong>
        </p>
        <Reserved reserve={sizesReserve(t, lang)}>
          {size.data !== undefined && (
            <span data-storage-data>{fill(lang, s.storage.used, { size: formatBytes(size.data, lang) })}</span>
          )}{' '}
          {summary.appBytes !== null && (
            <span data-storage-app>{fill(lang, s.storage.app, { size: formatBytes(summary.appBytes, lang) })}</span>
          )}
        </Reserved>
        <Reserved reserve={longestProtection(s.storage)} data-storage-protection>
          {protection}
        </Reserved>
      </div>
      {summary.sevenDays && (
        <div class="ss-warning" data-seven-days>
          <p>
            <strong>{s.storage.sevenDays}</strong>
          </p>
          <p>{s.storage.homeScreen}</p>
        </div>
      )}
      {reminder && (
        <p class="ss-reminder">
          <span>{fill(lang, s.storage.reminder, { n: summary.reminderDays })}</span>{' '}
          <button type="button" class="primary" onClick={exportNow} disabled={exporter.busy || exporter.open}>
            {s.storage.exportNow}
          </button>
        </p>
      )}
      {exporter.problem && (
        <p class="ss-error" role="alert">
          {exporter.problem}
        </p>
      )}
      {exporter.gate}
    </section>
  );
}
