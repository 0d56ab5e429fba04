/**
 * Backups: export everything (encrypted unless the person chooses otherwise), import a file with a preview
 * that changes nothing until confirmed, and "wipe all data" behind a real confirmation.
 * All checking is done by src/lib/exchange; this file only asks and shows. The exchange code
 * (./importing, ./backup) loads on first use: showing these panels does not need it.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { formatBytes } from '../../lib/sessions/format';
import { useNotices, useStore, useStrings } from './context';
import { useFieldId } from './hooks';
import type { TextEncodingName } from '../../lib/exchange/decode';
import type { ImportSteps as ImportStepsView, Stage } from './ImportSteps';
import type { WipeCounts, WipeForm as WipeFormView } from './WipeForm';
import { useCheckedExport } from './PrivacyGate';
import { errorCode, errorText } from './ui';

export function ImportExport({ sectionRef }: { sectionRef?: RefObject<HTMLElement> }) {
  const { t } = useStrings();
  const x = t.s.exchange;
  return (
    <section class="ss-section ss-exchange" aria-labelledby="ss-exchange-h" ref={sectionRef}>
      <h2 id="ss-exchange-h">{x.title}</h2>
      <p>{x.intro}</p>
      <div class="ss-exchange-grid">
        <ExportPanel />
        <ImportPanel />
      </div>
    </section>
  );
}

function ExportPanel() {
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const x = t.s.exchange;
  const id = useFieldId('ss-export');
  const exporter = useCheckedExport();

  const start = async () => {
    const file = await exporter.run();
    if (file) toast(fill(lang, x.exported, { file }));
  };

  // Not a form: the protection dialog (a form of its own) opens inside this panel.
  return (
    <div class="ss-panel" role="group" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{x.exportTitle}</h3>
      {exporter.problem && (
        <p class="ss-error" role="alert">
          {exporter.problem}
        </p>
      )}
      {exporter.busy && <p role="status">{x.encrypting}</p>}
      <p>
        <button type="button" class="primary" onClick={() => void start()} disabled={exporter.busy || exporter.open}>
          {x.exportAll}
        </button>
      </p>
      {exporter.gate}
    </div>
  );
}

type Importing = typeof import('./importing');

/** The import code and the views of its steps, loaded together when the first file is chosen. */
async function loadImport(): Promise<[Importing, typeof ImportStepsView]> {
  const [ex, views] = await Promise.all([import('./importing'), import('./ImportSteps')]);
  return [ex, views.ImportSteps];
}

function ImportPanel() {
  const { repo, escalate } = useStore();
  const { t, lang } = useStrings();
  const { toast } = useNotices();
  const x = t.s.exchange;
  const id = useFieldId('ss-import');
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [Steps, setSteps] = useState<typeof ImportStepsView | null>(null);
  const [over, setOver] = useState(false);
  const [pass, setPass] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const focusTarget = useRef<HTMLElement>(null);

  // Not part of the page's first load, nor fetched while the page settles (an idle-time fetch
  // landed in Lighthouse's blocking time on a slow phone): fetched when a pointer, a focus or a
  // dragged file comes near the panel, so a file chosen or dropped next is read without waiting.
  // The browser keeps a module once loaded: calling this again on every approach costs nothing.
  const prefetch = () => void loadImport().catch(() => undefined);

  // Each stage starts with a heading or field: move focus there so the next step is found.
  useEffect(() => {
    if (stage.kind !== 'idle' && stage.kind !== 'busy') focusTarget.current?.focus();
  }, [stage.kind]);

  const fail = (message: string, details: string[] = []) => setStage({ kind: 'error', message, details });

  const planFrom = async (ex: Importing, text: string, fileName: string, encoding: TextEncodingName) => {
    const parsed = ex.parseExport(text);
    if (!parsed.ok) {
      if (parsed.error.encrypted) return setStage({ kind: 'passphrase', text, fileName, wrong: false, encoding });
      const code = parsed.error.code;
      return fail(
        fill(lang, x.fileErrors[code], { max: formatBytes(ex.DEFAULT_MAX_IMPORT_BYTES, lang) }),
        parsed.error.details,
      );
    }
    try {
      // Planning reads, never writes: cancelling at the preview leaves everything as it was.
      const plan = ex.planImport(parsed.dataset, await repo.exportAll(), { copyTitleSuffix: ex.COPY_SUFFIX[lang] });
      const warnings = [
        ...(encoding === 'windows-1252' ? [x.encodingNote] : []),
        ...(text.includes('\uFFFD') ? [x.replacementNote] : []),
      ];
      setStage({ kind: 'preview', plan, report: parsed.report, fileName, empty: ex.planIsEmpty(plan), warnings });
    } catch (err) {
      if (!escalate(err)) fail(errorText(t, err));
    }
  };

  const takeFile = async (file: File | undefined) => {
    if (!file) return;
    const [ex, steps] = await loadImport();
    setSteps(() => steps);
    // Checked before reading: a huge file would otherwise be loaded into memory first.
    if (file.size > ex.DEFAULT_MAX_IMPORT_BYTES) {
      return fail(fill(lang, x.fileErrors['too-big'], { max: formatBytes(ex.DEFAULT_MAX_IMPORT_BYTES, lang) }));
    }
    setStage({ kind: 'busy', message: x.reading });
    let bytes: Uint8Array;
    try {
      // Bytes, not file.text(): that would turn bytes of another encoding into "�" without a word.
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return fail(x.fileErrors.read);
    }
    const decoded = ex.decodeBackup(bytes);
    if (!decoded.ok) {
      const message = { empty: x.fileErrors.empty, binary: x.fileErrors['not-json'], encoding: x.fileErrors.encoding };
      return fail(message[decoded.code], decoded.details);
    }
    const { text, encoding } = decoded;
    if (ex.isEncryptedExport(text)) {
      return setStage({ kind: 'passphrase', text, fileName: file.name, wrong: false, encoding });
    }
    await planFrom(ex, text, file.name, encoding);
  };

  const decrypt = async (e: Event) => {
    e.preventDefault();
    if (stage.kind !== 'passphrase') return;
    const { text, fileName, encoding } = stage;
    setStage({ kind: 'busy', message: x.decrypting });
    const ex = await import('./importing');
    const result = await ex.decryptExport(text, pass);
    if (!result.ok) return setStage({ kind: 'passphrase', text, fileName, wrong: true, encoding });
    setPass('');
    await planFrom(ex, result.plaintext, fileName, encoding);
  };

  const confirm = async () => {
    if (stage.kind !== 'preview') return;
    const { plan } = stage;
    // Written, not read: the file was read before the preview.
    setStage({ kind: 'busy', message: x.importing });
    try {
      const r = await repo.applyImport(plan);
      setStage({ kind: 'idle' });
      toast(fill(lang, x.done, { sessions: r.sessions, notes: r.notes, positions: r.positions, actions: r.actions }));
    } catch (err) {
      if (escalate(err)) return;
      // 'conflict': something with the same id appeared since the preview; nothing was written.
      fail(errorCode(err) === 'conflict' ? x.changed : `${errorText(t, err)} ${x.unchanged}`);
    }
  };

  const cancel = () => {
    setStage({ kind: 'idle' });
    setPass('');
    toast(x.cancelled);
    fileInput.current?.focus();
  };

  return (
    <div
      class="ss-panel"
      aria-labelledby={`${id}-h`}
      role="group"
      onPointerEnter={prefetch}
      onFocusIn={prefetch}
      onDragEnter={prefetch}
    >
      <h3 id={`${id}-h`}>{x.importTitle}</h3>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping a file is a mouse extra; the file input inside is the keyboard and screen-reader path */}
      <div
        class={`ss-drop${over ? ' is-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void takeFile(e.dataTransfer?.files[0]);
        }}
      >
        <p id={`${id}-drop`}>{x.drop}</p>
        <label class="button" for={`${id}-file`}>
          {x.choose}
        </label>
        <input
          id={`${id}-file`}
          ref={fileInput}
          class="ss-file"
          type="file"
          accept=".json,application/json"
          aria-describedby={`${id}-drop`}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            // Cleared so that choosing the same file again (a second import) is noticed.
            input.value = '';
            void takeFile(file);
          }}
        />
      </div>

      {stage.kind === 'busy' && (
        <p role="status" class="ss-busy">
          {stage.message}
        </p>
      )}

      {Steps && stage.kind !== 'idle' && stage.kind !== 'busy' && (
        <Steps
          stage={stage}
          id={id}
          pass={pass}
          onPass={setPass}
          focusTarget={focusTarget}
          onDecrypt={decrypt}
          onConfirm={confirm}
          onCancel={cancel}
        />
      )}
    </div>
  );
}

/** "Wis alle gegevens": a modal dialog that says what goes, offers a backup first, and needs a tick (WipeForm, loaded on first use). */
export function WipeAll() {
  const { repo } = useStore();
  const { t } = useStrings();
  const w = t.s.wipe;
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState<{ counts: WipeCounts } | null>(null);
  const [Form, setForm] = useState<typeof WipeFormView | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const show = async () => {
    const [form, counts] = await Promise.all([
      import('./WipeForm').then((m) => m.WipeForm),
      repo
        .exportAll()
        .then((all) => ({
          sessions: all.sessions.length,
          notes: all.notes.length,
          positions: all.positions.length,
          actions: all.actions.length,
        }))
        // The dialog still works; the numbers are a courtesy.
        .catch(() => ({ sessions: 0, notes: 0, positions: 0, actions: 0 })),
    ]);
    setForm(() => form);
    setOpen({ counts });
  };
  const close = () => {
    setOpen(null);
    opener.current?.focus();
  };

  return (
    <section class="ss-section ss-wipe" aria-labelledby="ss-wipe-h">
      <h2 id="ss-wipe-h" class="visually-hidden">
        {w.open}
      </h2>
      <p>
        <button type="button" class="ss-danger" ref={opener} onClick={show}>
          {w.open}
        </button>
      </p>
      <dialog
        ref={dialog}
        class="ss-dialog"
        aria-labelledby="ss-wipe-title"
        onClose={() => setOpen(null)}
        onCancel={() => setOpen(null)}
      >
        {open && Form && <Form counts={open.counts} onClose={close} onWiped={() => setOpen(null)} />}
      </dialog>
    </section>
  );
}
