/**
 * "Exporteer deze sessie": one session as a file, plain or protected with a passphrase, after
 * the privacy check (PrivacyGate). Used by the report; the session view can use it as well.
 */
import { useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { useNotices, useStore, useStrings } from './context';
import { useExports, useFieldId } from './hooks';
import { PassphraseFields, passphraseProblem } from './Passphrase';
import { usePrivacyGate } from './PrivacyGate';
import { errorText } from './ui';

export function SessionExport({ id }: { id: string }) {
  const { repo, escalate } = useStore();
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const { exportSession } = useExports();
  const s = t.s;
  const x = s.exchange;
  const fieldId = useFieldId('ss-export-one');
  const [encrypting, setEncrypting] = useState(false);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const privacy = usePrivacyGate();

  const write = async (passphrase?: string) => {
    setBusy(true);
    try {
      const file = await exportSession(id, passphrase);
      setPass('');
      setAgain('');
      setEncrypting(false);
      toast(fill(lang, s.view.exported, { file }));
    } catch (err) {
      if (!escalate(err)) setProblem(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const start = async (passphrase?: string) => {
    setProblem('');
    try {
      await privacy.guard(await repo.exportSession(id), () => write(passphrase));
    } catch (err) {
      if (!escalate(err)) setProblem(errorText(t, err));
    }
  };

  return (
    <div class="ss-session-export no-print">
      <p class="ss-export-row">
        {!encrypting && (
          <button type="button" onClick={() => void start()} disabled={busy || privacy.open}>
            {s.view.exportSession}
          </button>
        )}
        <label class="ss-check">
          <input type="checkbox" checked={encrypting} onChange={(e) => setEncrypting(e.currentTarget.checked)} />
          {x.encrypt}
        </label>
      </p>
      {encrypting && (
        <form
          class="ss-panel"
          aria-label={x.exportSessionTitle}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const wrong = passphraseProblem(t, pass, again);
            if (wrong) return setProblem(wrong);
            void start(pass);
          }}
        >
          <PassphraseFields id={fieldId} t={t} pass={pass} again={again} onPass={setPass} onAgain={setAgain} />
          {busy && <p role="status">{x.encrypting}</p>}
          <p>
            <button type="submit" class="primary" disabled={busy || privacy.open}>
              {s.view.exportSession}
            </button>
          </p>
        </form>
      )}
      {problem && (
        <p class="ss-error" role="alert">
          {problem}
        </p>
      )}
      {privacy.gate}
    </div>
  );
}
