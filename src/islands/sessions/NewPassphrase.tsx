/**
 * How a file that leaves the device is protected, asked before every export (useCheckedExport):
 * by default with a passphrase the app makes (six words, shown once, with a copy button and
 * where to keep it), or one the person types (judged by lib/exchange/strength, loaded only
 * then), or, for a reason the dialog names, no passphrase at all. Loaded when an export starts.
 */
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { generatePassphrase, wordList } from '../../lib/exchange/passphrase';
import type { Repo } from '../../lib/store/repo';
import { Store, useStrings } from './context';
import { useFieldId } from './hooks';
import { PassphraseFields, passphraseProblem } from './Passphrase';

/**
 * What the file says about itself to whoever holds it: the session's title and team, or the
 * team names of the newest 200 sessions for a backup (one read; older teams are rarely the
 * ones a passphrase is made of). A store that cannot be read gives none: the check still runs.
 */
async function knownTexts(repo: Repo | null, sessionId: string | undefined): Promise<string[]> {
  if (!repo) return [];
  try {
    if (sessionId !== undefined) {
      const session = await repo.sessions.get(sessionId);
      return session ? [session.title, session.team] : [];
    }
    const { items } = await repo.sessions.list({ limit: 200 });
    return [...new Set(items.map((s) => s.team))];
  } catch {
    return [];
  }
}

/** A passphrase to encrypt with, or an explicit plain file. */
export type Protection = { passphrase: string; plain?: never } | { plain: true; passphrase?: never };
type Mode = 'generated' | 'own' | 'plain';

/**
 * `onDone` gets the choice, or null for "Annuleren". `sessionId` names the one session being
 * exported (absent: a backup of everything): its title and team, or a backup's team names, are
 * words an attacker who holds the file can guess, so a typed passphrase is judged with them.
 */
export function NewPassphrase({ onDone, sessionId }: { onDone(p: Protection | null): void; sessionId?: string }) {
  const { t, lang } = useStrings();
  // The recovery screen asks without a working store: the check then runs without the file's words.
  const repo = useContext(Store)?.repo ?? null;
  const x = t.s.exchange;
  const p = x.protect;
  const id = useFieldId('ss-protect');
  const heading = useRef<HTMLHeadingElement>(null);
  const [mode, setMode] = useState<Mode>('generated');
  const [words, setWords] = useState<readonly string[] | null>(null);
  const [phrase, setPhrase] = useState('');
  const [copy, setCopy] = useState<'' | 'copied' | 'failed'>('');
  const [kept, setKept] = useState(false);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState('');
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    heading.current?.focus();
    void wordList(lang).then((list) => {
      setWords(list);
      setPhrase(generatePassphrase(list));
    });
  }, [lang]);

  const another = () => {
    if (!words) return;
    setPhrase(generatePassphrase(words));
    setCopy('');
    setKept(false);
  };

  const copyPhrase = async () => {
    try {
      await navigator.clipboard.writeText(phrase);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem('');
    if (mode === 'plain') return onDone({ plain: true });
    if (mode === 'generated') {
      if (!phrase) return;
      if (!kept) return setProblem(p.notKept);
      return onDone({ passphrase: phrase });
    }
    const invalid = passphraseProblem(t, pass, again);
    if (invalid) return setProblem(invalid);
    setChecking(true);
    try {
      // About 1 MB of dictionaries: only for someone who types their own passphrase.
      const [{ passphraseStrength }, known] = await Promise.all([
        import('../../lib/exchange/strength'),
        knownTexts(repo, sessionId),
      ]);
      if (!passphraseStrength(pass, known).ok) return setProblem(p.weak);
    } catch {
      return setProblem(p.unavailable);
    } finally {
      setChecking(false);
    }
    onDone({ passphrase: pass });
  };

  const option = (value: Mode, label: string) => (
    <label class="ss-check">
      <input
        type="radio"
        name={`${id}-mode`}
        value={value}
        checked={mode === value}
        onChange={() => {
          setMode(value);
          setProblem('');
        }}
      />
      {label}
    </label>
  );

  return (
    <form class="ss-panel ss-protect" aria-labelledby={`${id}-h`} onSubmit={submit} noValidate>
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {p.title}
      </h3>
      <fieldset>
        <legend>{p.choose}</legend>
        {option('generated', p.generated)}
        {option('own', p.own)}
        {option('plain', p.plain)}
      </fieldset>
      {mode === 'generated' && (
        <div class="ss-generated">
          <p id={`${id}-once`}>{p.shownOnce}</p>
          <p>
            <code class="ss-generated-passphrase" data-passphrase aria-describedby={`${id}-once`}>
              {phrase}
            </code>
          </p>
          <p class="ss-buttons">
            <button type="button" onClick={() => void copyPhrase()} disabled={!phrase}>
              {p.copy}
            </button>
            <button type="button" onClick={another} disabled={!words}>
              {p.another}
            </button>
          </p>
          <p role="status">{copy === 'copied' ? p.copied : copy === 'failed' ? p.copyFailed : ''}</p>
          <p class="ss-warning">{p.where}</p>
          <label class="ss-check">
            <input type="checkbox" checked={kept} onChange={(e) => setKept(e.currentTarget.checked)} />
            {p.kept}
          </label>
        </div>
      )}
      {mode === 'own' && (
        <div>
          <PassphraseFields id={id} t={t} pass={pass} again={again} onPass={setPass} onAgain={setAgain} />
        </div>
      )}
      {mode === 'plain' && (
        <div class="ss-warning">
          <p>{p.plainWarning}</p>
          <p>{t.s.notes.namesNotChecked}</p>
        </div>
      )}
      {/* Keyed: a message that comes and goes must not take the buttons' place (focus stays). */}
      {checking && (
        <p key="checking" role="status">
          {p.checking}
        </p>
      )}
      {problem && (
        <p key="problem" class="ss-error" role="alert">
          {problem}
        </p>
      )}
      <p key="buttons" class="ss-buttons">
        <button type="submit" class="primary" disabled={checking}>
          {p.make}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {p.cancel}
        </button>
      </p>
    </form>
  );
}
