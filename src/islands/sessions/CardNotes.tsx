/**
 * The notes editor of one card in one session: a thin view of lib/sessions/note-editor, which
 * decides when and what to save (400 ms after the last keystroke, at least every 2 s while
 * typing goes on, on blur, when the page is hidden or closed, and before an app update),
 * keeps the draft journal and detects conflicts with other tabs. On any error the text stays.
 */
import { useEffect, useState } from 'preact/hooks';
import { registerFlusher } from '../../lib/lifecycle';
import {
  createNoteEditor,
  privacyWarning,
  type NoteEditor,
  type NoteEditorState,
} from '../../lib/sessions/note-editor';
import type { Session } from '../../lib/store/types';
import type { SessionCard } from './types';
import { fill } from '../../i18n/fill';
import { listFormat } from '../../i18n/list';
import { useNotices, useStore, useStrings } from './context';
import { useChanges, useFieldId as useId } from './hooks';
import { useCheckedExport } from './PrivacyGate';

/** One editor per component instance, and its state for rendering. */
function useNoteEditor(create: () => NoteEditor): [NoteEditor, NoteEditorState] {
  const [editor] = useState(create);
  const [state, setState] = useState(editor.getState);
  useEffect(() => {
    const off = editor.subscribe(() => setState(editor.getState()));
    setState(editor.getState());
    return off;
  }, [editor]);
  return [editor, state];
}

export function CardNotes({ session, card }: { session: Session; card: SessionCard }) {
  const { t, lang } = useStrings();
  const { drafts, tab, repo, notePersisted } = useStore();
  const n = t.s.notes;
  const id = useId('ss-note');
  const [editor, state] = useNoteEditor(() =>
    createNoteEditor({ sessionId: session.id, cardId: card.id, drafts, tab }),
  );
  const { text, loaded, status, error, conflict } = state;

  // Runs again when the store is reopened (storage cleared under the page): unsaved text then stays.
  useEffect(() => {
    void editor.load(repo.notes, notePersisted);
  }, [repo]);

  // Leaving: page hidden, page closed, app update, or this editor unmounting (other card).
  useEffect(() => {
    const onHide = () => editor.leave();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') editor.leave();
    };
    addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    const unregister = registerFlusher(editor.flushForUpdate);
    return () => {
      removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      unregister();
      editor.dispose();
    };
  }, [editor]);

  // Another tab (or an import) changed notes: the editor takes it or reports the conflict.
  useChanges(['notes'], () => void editor.refresh());

  const findings = privacyWarning(state);
  const kindsText = listFormat(
    lang,
    findings.map((k) => n.findings[k]),
  );

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
        onInput={(e) => editor.input(e.currentTarget.value)}
        onBlur={() => void editor.flush()}
      />
      <p class="ss-hint" id={`${id}-hint`}>
        {n.hint} {n.namesNotChecked}
      </p>

      {findings.length > 0 && (
        <div class="ss-privacy" role="status">
          <p>{fill(lang, n.privacy, { kinds: kindsText })}</p>
          <button type="button" onClick={editor.dismissPrivacy}>
            {n.privacyDismiss}
          </button>
        </div>
      )}

      {/* Stays until a save succeeds: a retry in progress must not pull "export now" from under the pointer. */}
      {error && (
        <div class="ss-problems" role="alert">
          <p>{error === 'other' ? t.s.banner.failed : t.s.errors[error]}</p>
          <div class="ss-buttons">
            <button type="button" onClick={() => void editor.flush()}>
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
            <button type="button" class="primary" onClick={() => void editor.keepMine()}>
              {n.keepMine}
            </button>
            <button type="button" onClick={editor.takeTheirs}>
              {n.takeTheirs}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/**
 * The rescue when the disk is full: the same checked export as every other button (the
 * privacy question included, without leaving this note: its text is not stored), plus one
 * that says it skips the check, for when the notes must be out before anything else.
 */
function ExportNow() {
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const exporter = useCheckedExport({ stay: true });
  const rescue = async (skipCheck: boolean) => {
    const file = await exporter.run({ skipCheck });
    if (file) toast(fill(lang, t.s.exchange.exported, { file }));
  };
  const disabled = exporter.busy || exporter.open;
  return (
    <>
      <button type="button" class="primary" disabled={disabled} onClick={() => void rescue(false)}>
        {t.s.storage.exportNow}
      </button>
      <button type="button" disabled={disabled} onClick={() => void rescue(true)}>
        {t.s.storage.exportUnchecked}
      </button>
      {exporter.problem && <p class="ss-error">{exporter.problem}</p>}
      {exporter.gate}
    </>
  );
}
