/** The form inside "Wis alle gegevens" (ImportExport.tsx: WipeAll), loaded when the dialog first opens. */
import { useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { browserDraftStorage, clearDrafts } from '../../lib/sessions/drafts';
import { browserSessionStorage, clearAppKeys } from '../../lib/sessions/wipe';
import { useNotices, useStore, useStrings } from './context';
import { useCheckedExport } from './PrivacyGate';
import { errorText } from './ui';

export interface WipeCounts {
  sessions: number;
  notes: number;
  positions: number;
  actions: number;
}

export function WipeForm({ counts, onClose, onWiped }: { counts: WipeCounts; onClose(): void; onWiped(): void }) {
  const { repo, drafts } = useStore();
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const w = t.s.wipe;
  const [sure, setSure] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const exporter = useCheckedExport();

  const backup = async () => {
    setProblem('');
    const file = await exporter.run();
    if (file) toast(fill(lang, t.s.exchange.exported, { file }));
  };

  const wipe = async (e: Event) => {
    e.preventDefault();
    if (!sure) return;
    setBusy(true);
    try {
      // The database holds the records and the backup-reminder state (meta); the draft journal
      // and the app's other keys live in localStorage and sessionStorage.
      await repo.wipeAll();
      clearDrafts(drafts);
      clearAppKeys(browserDraftStorage());
      clearAppKeys(browserSessionStorage());
      onWiped();
      toast(w.done);
    } catch (err) {
      setProblem(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  // The backup part stays outside the form: its protection dialog is a form of its own, and
  // Enter in a passphrase field must never submit "wipe everything".
  return (
    <>
      <h2 id="ss-wipe-title">{w.title}</h2>
      <p>{fill(lang, w.text, { ...counts })}</p>
      <p>
        <button type="button" onClick={backup} disabled={busy || exporter.busy || exporter.open}>
          {w.backupFirst}
        </button>
      </p>
      {exporter.gate}
      <form onSubmit={wipe}>
        <label class="ss-check">
          <input type="checkbox" checked={sure} onChange={(e) => setSure(e.currentTarget.checked)} />
          {w.confirmCheck}
        </label>
        {(problem || exporter.problem) && (
          <p class="ss-error" role="alert">
            {problem || exporter.problem}
          </p>
        )}
        <div class="ss-buttons">
          <button type="submit" class="ss-danger-solid" disabled={!sure || busy || exporter.busy}>
            {w.confirm}
          </button>
          {/* biome-ignore lint/a11y/noAutofocus: before deleting everything, focus lands on the safe choice */}
          <button type="button" onClick={onClose} autoFocus>
            {w.cancel}
          </button>
        </div>
      </form>
    </>
  );
}
