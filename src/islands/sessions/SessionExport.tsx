/**
 * "Exporteer deze sessie": one session as a file, protected as the person chooses (a passphrase
 * by default, NewPassphrase), after the privacy check (PrivacyGate). Used by the report.
 */
import { fill } from '../../i18n/fill';
import { useNotices, useStrings } from './context';
import { useCheckedExport } from './PrivacyGate';

export function SessionExport({ id }: { id: string }) {
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const s = t.s;
  const exporter = useCheckedExport();

  const start = async () => {
    const file = await exporter.run({ sessionId: id });
    if (file) toast(fill(lang, s.view.exported, { file }));
  };

  return (
    <div class="ss-session-export no-print">
      <p class="ss-export-row">
        <button type="button" onClick={() => void start()} disabled={exporter.busy || exporter.open}>
          {s.view.exportSession}
        </button>
      </p>
      {exporter.busy && <p role="status">{s.exchange.encrypting}</p>}
      {exporter.problem && (
        <p class="ss-error" role="alert">
          {exporter.problem}
        </p>
      )}
      {exporter.gate}
    </div>
  );
}
