/**
 * After a backing-store error: offer the readable part as a file, encrypted unless the person
 * chooses a plain one (the same question as every export, NewPassphrase); never delete anything.
 */
import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import type { KjkDb } from '../../lib/store/schema';
import type { Protection } from './NewPassphrase';
import type { SessionsProps, SessionsStrings } from './types';

export function Recovery({ db, t, lang }: { db: KjkDb | null; t: SessionsStrings; lang: SessionsProps['lang'] }) {
  const s = t.s;
  const [result, setResult] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<{
    View: ComponentType<{ onDone(p: Protection | null): void }>;
    answer(p: Protection | null): void;
  } | null>(null);
  const run = async () => {
    if (!db) return;
    const View = (await import('./NewPassphrase')).NewPassphrase;
    const chosen = await new Promise<Protection | null>((answer) => setAsking({ View, answer }));
    setAsking(null);
    if (!chosen) return;
    setBusy(true);
    try {
      const { data, failed } = await (await import('./backup')).exportReadable(db, lang, chosen.passphrase);
      let text = fill(lang, s.recovery.exported, { sessions: data.sessions.length, notes: data.notes.length });
      if (failed.length > 0)
        text += ` ${fill(lang, s.recovery.failedStores, { stores: failed.map((f) => f.store).join(', ') })}`;
      setResult(text);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="ss-banner ss-banner-error" aria-labelledby="ss-recovery-h">
      <h2 id="ss-recovery-h">{s.recovery.title}</h2>
      <p>{db ? s.recovery.text : s.recovery.cannotOpen}</p>
      {db && (
        <p>
          <button type="button" class="primary" onClick={run} disabled={busy || asking !== null}>
            {s.recovery.export}
          </button>
        </p>
      )}
      {asking && <asking.View onDone={asking.answer} />}
      <p role="status">{result}</p>
      <p>
        <button type="button" onClick={() => location.reload()}>
          {s.banner.reload}
        </button>
      </p>
    </section>
  );
}
