/**
 * The steps of reading a backup after a file was chosen: its passphrase, what is wrong with it,
 * or the preview that changes nothing until confirmed. Loaded with the file (ImportExport.tsx).
 */
import type { RefObject } from 'preact';
import { fill } from '../../i18n/fill';
import type { TextEncodingName } from '../../lib/exchange/decode';
import type { ImportReport } from '../../lib/exchange/format';
import type { ImportPlan } from '../../lib/exchange/merge';
import { useStrings } from './context';

export type Stage =
  | { kind: 'idle' }
  | { kind: 'busy'; message: string }
  | { kind: 'passphrase'; text: string; fileName: string; wrong: boolean; encoding: TextEncodingName }
  | {
      kind: 'preview';
      plan: ImportPlan;
      report: ImportReport;
      fileName: string;
      empty: boolean;
      /** Sentences about how the file was read (another text encoding, damaged characters). */
      warnings: string[];
    }
  | { kind: 'error'; message: string; details: string[] };

export function ImportSteps(props: {
  stage: Exclude<Stage, { kind: 'idle' } | { kind: 'busy' }>;
  id: string;
  pass: string;
  onPass(value: string): void;
  /** The step's first field or heading: ImportPanel moves focus there. */
  focusTarget: RefObject<HTMLElement>;
  onDecrypt(e: Event): void;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useStrings();
  const x = t.s.exchange;
  const { stage, id, pass, focusTarget } = props;
  const decrypt = props.onDecrypt;
  const confirm = props.onConfirm;
  const cancel = props.onCancel;
  const setPass = props.onPass;
  return (
    <>
      {stage.kind === 'error' && (
        <div class="ss-problems" role="alert">
          <p>
            <strong>{stage.message}</strong> {x.unchanged}
          </p>
          {stage.details.length > 0 && (
            <details>
              <summary>{x.details}</summary>
              <ul class="ss-details">
                {stage.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}

      {stage.kind === 'passphrase' && (
        <form class="ss-passphrase" onSubmit={decrypt}>
          <p>{x.askPassphrase}</p>
          <div class="ss-field">
            <label for={`${id}-pass`}>{x.passphrase}</label>
            <input
              id={`${id}-pass`}
              ref={focusTarget as RefObject<HTMLInputElement>}
              type="password"
              autoComplete="off"
              value={pass}
              aria-invalid={stage.wrong}
              aria-describedby={stage.wrong ? `${id}-wrong` : undefined}
              onInput={(e) => setPass(e.currentTarget.value)}
            />
          </div>
          {stage.wrong && (
            <p class="ss-error" id={`${id}-wrong`} role="alert">
              {x.wrongPassphrase}
            </p>
          )}
          <div class="ss-buttons">
            <button type="submit" class="primary" disabled={pass === ''}>
              {x.openFile}
            </button>
            <button type="button" onClick={cancel}>
              {x.cancel}
            </button>
          </div>
        </form>
      )}

      {stage.kind === 'preview' && (
        <ImportPreview
          plan={stage.plan}
          report={stage.report}
          fileName={stage.fileName}
          empty={stage.empty}
          warnings={stage.warnings}
          headingRef={focusTarget as RefObject<HTMLHeadingElement>}
          onConfirm={confirm}
          onCancel={cancel}
        />
      )}
    </>
  );
}

function ImportPreview(props: {
  plan: ImportPlan;
  report: ImportReport;
  fileName: string;
  /** Nothing in the file is new here. */
  empty: boolean;
  warnings: string[];
  headingRef: RefObject<HTMLHeadingElement>;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t, lang } = useStrings();
  const x = t.s.exchange;
  const { plan, report, empty } = props;
  const technical = [...plan.problems.map((p) => `${p.path}: ${p.message}`), ...report.dropped];
  return (
    <section class="ss-preview" aria-labelledby="ss-preview-h">
      <h4 id="ss-preview-h" ref={props.headingRef} tabIndex={-1}>
        {x.previewTitle}
      </h4>
      <p class="ss-hint">{fill(lang, x.previewFile, { file: props.fileName })}</p>
      {props.warnings.map((w) => (
        <p class="ss-warning" key={w}>
          {w}
        </p>
      ))}
      <p>{x.rule}</p>
      {empty ? (
        <p class="ss-ok">
          <strong>{x.nothing}</strong>
        </p>
      ) : (
        <ul class="ss-counts">
          {plan.counts.add.sessions + plan.counts.add.notes + plan.counts.add.positions + plan.counts.add.actions >
            0 && <li>{fill(lang, x.countAdd, { ...plan.counts.add })}</li>}
          {plan.counts.copy.sessions > 0 && <li>{fill(lang, x.countCopy, { sessions: plan.counts.copy.sessions })}</li>}
          {plan.counts.skip.sessions > 0 && <li>{fill(lang, x.countSkip, { sessions: plan.counts.skip.sessions })}</li>}
        </ul>
      )}
      {plan.sessions.length > 0 && (
        <ul class="ss-plan">
          {plan.sessions.slice(0, 50).map((p) => (
            <li key={p.sourceId} class={`is-${p.decision}`}>
              <span class="ss-plan-title">{p.title}</span> — {x.decision[p.decision]}
            </li>
          ))}
          {plan.sessions.length > 50 && <li>…</li>}
        </ul>
      )}
      {plan.problems.length > 0 && <p class="ss-warning">{fill(lang, x.problems, { n: plan.problems.length })}</p>}
      {report.droppedCount > 0 && <p class="ss-warning">{fill(lang, x.dropped, { n: report.droppedCount })}</p>}
      {technical.length > 0 && (
        <details>
          <summary>{x.details}</summary>
          <ul class="ss-details">
            {technical.slice(0, 100).map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </details>
      )}
      <div class="ss-buttons">
        {!empty && (
          <button type="button" class="primary" onClick={props.onConfirm}>
            {x.confirm}
          </button>
        )}
        <button type="button" onClick={props.onCancel}>
          {x.cancel}
        </button>
      </div>
    </section>
  );
}
