/** The two passphrase fields of an encrypted export (a backup of everything, or one session). */
import type { SessionsStrings } from './types';

/** Shorter passphrases are refused: the file may travel by mail or USB stick. */
export const MIN_PASSPHRASE = 8;

/** The sentence for a passphrase that cannot be used, or '' when it can. */
export function passphraseProblem(t: SessionsStrings, pass: string, again: string): string {
  const x = t.s.exchange;
  if (pass.length < MIN_PASSPHRASE) return x.tooShort;
  if (pass !== again) return x.mismatch;
  return '';
}

export function PassphraseFields(props: {
  id: string;
  t: SessionsStrings;
  pass: string;
  again: string;
  onPass(value: string): void;
  onAgain(value: string): void;
}) {
  const { id, pass, again } = props;
  const x = props.t.s.exchange;
  return (
    <>
      <p class="ss-warning" id={`${id}-hint`}>
        {x.passphraseHint}
      </p>
      <div class="ss-field">
        <label for={`${id}-p1`}>{x.passphrase}</label>
        <input
          id={`${id}-p1`}
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSPHRASE}
          value={pass}
          aria-describedby={`${id}-hint`}
          onInput={(e) => props.onPass(e.currentTarget.value)}
        />
      </div>
      <div class="ss-field">
        <label for={`${id}-p2`}>{x.passphraseAgain}</label>
        <input
          id={`${id}-p2`}
          type="password"
          autoComplete="new-password"
          value={again}
          onInput={(e) => props.onAgain(e.currentTarget.value)}
        />
      </div>
    </>
  );
}
