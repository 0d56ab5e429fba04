/**
 * The notes editor of one card in one session.
 *
 * Saving: 400 ms after the last keystroke, on blur, when the page is hidden or closed, and
 * before an app update (registerFlusher). Every save goes through notes.save with the
 * `updatedAt` the editor started from, so text another tab saved in the meantime is never
 * overwritten: the user sees both and chooses. On any error the text stays in the editor.
 * When the page goes away, the unsaved text is also written to the draft journal
 * (lib/sessions/drafts): an IndexedDB save cannot finish in a closing page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { registerFlusher } from '../../lib/lifecycle';
import { detectClientData, type FindingKind } from '../../lib/privacy/detect';
import { readDraft, removeDraft, writeDraft } from '../../lib/sessions/drafts';
import type { StoreErrorCode } from '../../lib/store/errors';
import type { CardNote, Session } from '../../lib/store/types';
import type { SessionCard } from './types';
import { useApp, useChanges, useFieldId as useId } from './hooks';
import { errorCode } from './ui';

export const SAVE_DELAY_MS = 400;

type Status = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export function CardNotes({ session, card }: { session: Session; card: SessionCard }) {
  const app = useApp();
  const { t, lang, drafts, tab } = app;
  const n = t.s.notes;
  const id = useId('ss-note');
  const ids = { sessionId: session.id, cardId: card.id };

  const [text, setText] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [status, setStatus] = useState<Status>('idle');
  const [error, setError] = useState<StoreErrorCode | 'other' | null>(null);
  const [conflict, setConflict] = useState<CardNote | null>(null);
  const [findings, setFindings] = useState<FindingKind[]>([]);
  const [dismissed, setDismissed] = useState('');

  // The editor's truth lives in refs: saves, timers and page events outlive renders.
  const textRef = useRef('');
  const savedRef = useRef('');
  const baseRef = useRef<number | null>(null);
  const conflictRef = useRef<CardNote | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const appRef = useRef(app);
  appRef.current = app;

  const dirty = () => textRef.current !== savedRef.current;

  const check = (value: string) => {
    const kinds = [...new Set(detectClientData(value).map((f) => f.kind))];
    setFindings(kinds);
  };

  const journal = () => {
    if (!dirty()) return;
    writeDraft(drafts, { ...ids, text: textRef.current, base: baseRef.current, at: Date.now(), tab });
  };

  const showConflict = (stored: CardNote) => {
    conflictRef.current = stored;
    setConflict(stored);
    setStatus('idle');
  };

  /** Saves the current text unless it is already stored; one save at a time. */
  const saveNow = async (): Promise<void> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    if (conflictRef.current || !dirty()) {
      // Typed and then undone back to the stored text: nothing to save, and nothing pending.
      if (!conflictRef.current) setStatus((st) => (st === 'pending' ? (baseRef.current === null ? 'idle' : 'saved') : st));
      return;
    }
    const sending = textRef.current;
    const work = (async () => {
      setStatus('saving');
      try {
        const result = await appRef.current.repo.notes.save({ ...ids, text: sending, baseUpdatedAt: baseRef.current });
        if (!result.ok) {
          showConflict(result.stored);
          return;
        }
        baseRef.current = result.note.updatedAt;
        savedRef.current = sending;
        setError(null);
        // Our own draft is now covered by the store; another tab's draft is left for its owner.
        removeDraft(drafts, ids.sessionId, ids.cardId, (d) => d.tab === tab || d.text === sending);
        if (textRef.current === sending) setStatus('saved');
        else {
          setStatus('pending');
          schedule();
        }
        appRef.current.notePersisted();
      } catch (err) {
        // The text stays where it is; the journal keeps it across a reload too.
        setError(errorCode(err) ?? 'other');
        setStatus('error');
        journal();
      }
    })();
    inFlight.current = work;
    try {
      await work;
    } finally {
      if (inFlight.current === work) inFlight.current = null;
    }
  };

  const schedule = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      check(textRef.current);
      void saveNow();
    }, SAVE_DELAY_MS);
  };

  // Load the stored note, and a draft a closed page left for this card. This runs again
  // when the store is reopened (storage cleared under the page): unsaved text then stays.
  const loadedOnce = useRef(false);
  useEffect(() => {
    let alive = true;
    const keep = loadedOnce.current && dirty() ? textRef.current : null;
    (async () => {
      let note: CardNote | undefined;
      try {
        note = await app.repo.notes.get(ids.sessionId, ids.cardId);
      } catch (err) {
        if (!alive) return;
        setError(errorCode(err) ?? 'other');
        setStatus('error');
        setLoaded(true);
        return;
      }
      if (!alive) return;
      baseRef.current = note?.updatedAt ?? null;
      savedRef.current = note?.text ?? '';
      const draft = readDraft(drafts, ids.sessionId, ids.cardId);
      let start = savedRef.current;
      if (draft && draft.text !== savedRef.current) {
        start = draft.text;
        textRef.current = start;
        // Based on an older version than the stored one: the user chooses, as with two tabs.
        if (note && draft.base !== note.updatedAt) showConflict(note);
        else schedule();
      } else if (draft) {
        removeDraft(drafts, ids.sessionId, ids.cardId);
      }
      if (keep !== null && keep !== savedRef.current) {
        start = keep;
        schedule();
      }
      loadedOnce.current = true;
      textRef.current = start;
      setText(start);
      check(start);
      setStatus(start !== '' && start === savedRef.current ? 'saved' : 'idle');
      setLoaded(true);
    })();
    return () => {
      alive = false;
    };
  }, [app.repo]);

  // Leaving: page hidden, page closed, app update, or this editor unmounting (other card).
  useEffect(() => {
    const onHide = () => {
      if (!dirty()) return;
      journal();
      void saveNow();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHide();
    };
    addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    const unregister = registerFlusher(async () => {
      await saveNow();
      // A reload now would drop what is not stored: make the update wait (lifecycle.ts).
      if (dirty()) throw new Error('note not saved');
    });
    return () => {
      removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      unregister();
      if (dirty()) {
        journal();
        void saveNow();
      }
    };
  }, []);

  // Another tab (or an import) changed this note: take it if we have nothing unsaved,
  // otherwise save now, which reports the conflict instead of overwriting.
  useChanges(['notes'], async () => {
    while (inFlight.current) await inFlight.current;
    let note: CardNote | undefined;
    try {
      note = await app.repo.notes.get(ids.sessionId, ids.cardId);
    } catch {
      return;
    }
    if (!note || note.updatedAt === baseRef.current) return;
    if (conflictRef.current) {
      showConflict(note);
      return;
    }
    if (note.text === textRef.current || !dirty()) {
      baseRef.current = note.updatedAt;
      savedRef.current = note.text;
      textRef.current = note.text;
      setText(note.text);
      check(note.text);
      setStatus('saved');
      return;
    }
    void saveNow();
  });

  const onInput = (value: string) => {
    textRef.current = value;
    setText(value);
    if (conflictRef.current) return;
    setStatus('pending');
    schedule();
  };

  /** Either choice starts from the stored (newer) version: it becomes the base of the next save. */
  const settleConflict = () => {
    const stored = conflictRef.current;
    if (!stored) return null;
    conflictRef.current = null;
    setConflict(null);
    baseRef.current = stored.updatedAt;
    savedRef.current = stored.text;
    return stored;
  };

  const keepMine = async () => {
    if (!settleConflict()) return;
    await saveNow();
  };

  const takeTheirs = () => {
    const stored = settleConflict();
    if (!stored) return;
    textRef.current = stored.text;
    setText(stored.text);
    check(stored.text);
    removeDraft(drafts, ids.sessionId, ids.cardId);
    setStatus('saved');
  };

  const findingsKey = findings.join(',');
  const showPrivacy = findings.length > 0 && findingsKey !== dismissed;
  const kindsText = (() => {
    const words = findings.map((k) => n.findings[k]);
    if (words.length <= 1) return words.join('');
    return `${words.slice(0, -1).join(', ')} ${n.and} ${words.at(-1)}`;
  })();

  const statusText =
    status === 'pending' || status === 'saving' ? n.saving : status === 'saved' && !error ? n.saved : '';

  return (
    <div class="ss-notes">
      <div class="ss-notes-head">
        <label id={`${id}-label`} for={id} class="ss-notes-label">
          {n.label}
        </label>
        <span class={`ss-save-state is-${status}`} id={`${id}-state`}>
          {statusText}
        </span>
      </div>
      <textarea
        id={id}
        class="ss-note-text"
        rows={6}
        value={text}
        disabled={!loaded}
        lang={lang}
        aria-describedby={`${id}-hint ${id}-state`}
        onInput={(e) => onInput(e.currentTarget.value)}
        onBlur={() => void saveNow()}
      />
      <p class="ss-hint" id={`${id}-hint`}>
        {n.hint}
      </p>

      {showPrivacy && (
        <div class="ss-privacy" role="status">
          <p>{fill(lang, n.privacy, { kinds: kindsText })}</p>
          <button type="button" onClick={() => setDismissed(findingsKey)}>
            {n.privacyDismiss}
          </button>
        </div>
      )}

      {/* Stays until a save succeeds: a retry in progress must not pull "export now" from under the pointer. */}
      {error && (
        <div class="ss-problems" role="alert">
          <p>{error === 'other' ? t.s.banner.failed : t.s.errors[error]}</p>
          <div class="ss-buttons">
            <button type="button" onClick={() => void saveNow()}>
              {n.retry}
            </button>
            {error === 'quota' && <ExportNow />}
          </div>
        </div>
      )}

      {conflict && (
        <div class="ss-conflict" role="alert" aria-labelledby={`${id}-conflict-h`}>
          <h4 id={`${id}-conflict-h`}>{n.conflictTitle}</h4>
          <p>{n.conflictText}</p>
          <div class="ss-conflict-grid">
            <div>
              <h5>{n.mine}</h5>
              <p class="ss-note-copy" data-version="mine">
                {text}
              </p>
            </div>
            <div>
              <h5>{n.theirs}</h5>
              <p class="ss-note-copy" data-version="theirs">
                {conflict.text}
              </p>
            </div>
          </div>
          <div class="ss-buttons">
            <button type="button" class="primary" onClick={() => void keepMine()}>
              {n.keepMine}
            </button>
            <button type="button" onClick={takeTheirs}>
              {n.takeTheirs}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function ExportNow() {
  const { t, lang, exportBackup, toast } = useApp();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      class="primary"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const file = await exportBackup();
          toast(fill(lang, t.s.exchange.exported, { file }));
        } catch {
          toast(t.s.banner.failed, { tone: 'error' });
        } finally {
          setBusy(false);
        }
      }}
    >
      {t.s.storage.exportNow}
    </button>
  );
}
