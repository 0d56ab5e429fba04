/**
 * "Exporteer deze sessie": one session as a file, plain or protected with a passphrase, after
 * the privacy check (PrivacyGate). Used by the report; the session view can use it as well.
 */
import { useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { useNotices, useStrings } from './context';
import { useFieldId } from './hooks';
import { PassphraseFields, passphraseProblem } from './Passphrase';
import { useCheckedExport } from './PrivacyGate';

export function SessionExport({ id }: { id: string }) {
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const s = t.s;
  const x = s.exchange;
  const fieldId = useFieldId('ss-export-one');
  const [encrypting, setEncrypting] = useState(false);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [wrong, setWrong] = useState('');
  const exporter = useCheckedExport();
  const busy = exporter.busy;
  const problem = wrong || exporter.problem;

  const start = async (passphrase?: string) => {
    setWrong('');
    const file = await exporter.run({ sessionId: id, passphrase });
    if (!file) return;
    setPass('');
    setAgain('');
    setEncrypting(false);
    toast(fill(lang, s.view.exported, { file }));
  };

  return (
    <div class="ss-session-export no-print">
      <p class="ss-export-row">
        {!encrypting && (
          <button type="button" onClick={() => void start()} disabled={busy || exporter.open}>
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
            const invalid = passphraseProblem(t, pass, again);
            if (invalid) return setWrong(invalid);
            void start(pass);
          }}
        >
          <PassphraseFields id={fieldId} t={t} pass={pass} again={again} onPass={setPass} onAgain={setAgain} />
          {busy && <p role="status">{x.encrypting}</p>}
          <p>
            <button type="submit" class="primary" disabled={busy || exporter.open}>
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
      {exporter.gate}
    </div>
  );
}
