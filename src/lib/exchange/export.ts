/**
 * The one way records leave the app as a file: read once → privacy check → serialise →
 * encrypt (with a passphrase) → download. Every export button (the backup, one session, the
 * storage reminder, "back up first" before wiping, the full-disk rescue and the scan) calls
 * this, so none can forget the check or read the dataset twice.
 *
 * The question to the person (`confirm`) and the download are injected: this module has no
 * DOM, and the islands decide how to ask (the privacy gate) and how to hand over a file.
 */
import { privacyHits, type PrivacyHit } from '../privacy/gate';
import type { ExportScope } from '../records/envelope';
import type { Dataset } from '../records/schemas';
import { exportFileName } from './filename';
import { serialize, withoutDeleted } from './format';
import type { Lang } from '../../routes';

export interface CheckedExportInput {
  /** Reads the records to export; called exactly once. */
  read(): Promise<Dataset>;
  scope: ExportScope;
  lang: Lang;
  /** Encrypts the file with this passphrase when given (and not empty). */
  passphrase?: string;
  /** Asked only when the records look like client data; false stops the export before anything is written. */
  confirm(hits: PrivacyHit[], data: Dataset): boolean | Promise<boolean>;
  /** Hands the finished file to the person. */
  download(text: string, fileName: string): void;
  now?: () => number;
  /**
   * Leaves the privacy check out. Only for the rescue when the disk is full and notes are at
   * risk, and only when the button that asked says so.
   */
  skipCheck?: boolean;
  /** Another name than exportFileName's (the scan names its files after the person). */
  fileName?(data: Dataset, at: Date, encrypted: boolean): string;
  /** Replaceable for tests (the real one takes 600,000 PBKDF2 rounds). */
  encrypt?(text: string, passphrase: string): Promise<string>;
}

export type CheckedExportResult =
  | { done: true; file: string; at: number; data: Dataset }
  /** The person chose not to go on after the privacy question: nothing was written. */
  | { done: false; hits: PrivacyHit[] };

export type ExportStep = 'read' | 'encrypt' | 'download';

/** Why an export failed, and where; `cause` is the original error (a store error keeps its code). */
export class ExportError extends Error {
  constructor(
    readonly step: ExportStep,
    override readonly cause: unknown,
  ) {
    super(`Export failed at ${step}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ExportError';
  }
}

/** The original error behind a failed export (or the error itself when it is not an ExportError). */
export function exportCause(err: unknown): unknown {
  return err instanceof ExportError ? err.cause : err;
}

async function encryptWithCrypto(text: string, passphrase: string): Promise<string> {
  // The crypto code loads only when someone protects a file with a passphrase.
  return (await import('./crypto')).encryptExport(text, passphrase);
}

async function step<T>(name: ExportStep, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw new ExportError(name, err);
  }
}

/**
 * Runs one export. Resolves with the file name once the download was handed over, or with
 * `done: false` when the person stopped at the privacy question. Throws ExportError when a
 * step fails; nothing is downloaded then, and nothing stored is changed in any case.
 */
export async function checkedExport(input: CheckedExportInput): Promise<CheckedExportResult> {
  const at = (input.now ?? Date.now)();
  // What the file will hold (deleted sessions are never in it), checked before it is written.
  const data = withoutDeleted(await step('read', input.read));
  if (!input.skipCheck) {
    const hits = privacyHits(data);
    if (hits.length > 0 && !(await input.confirm(hits, data))) return { done: false, hits };
  }
  const passphrase = input.passphrase || undefined;
  let text = serialize(data, input.scope, { exportedAt: at });
  if (passphrase) {
    const plain = text;
    text = await step('encrypt', () => (input.encrypt ?? encryptWithCrypto)(plain, passphrase));
  }
  const encrypted = passphrase !== undefined;
  const when = new Date(at);
  const file = input.fileName
    ? input.fileName(data, when, encrypted)
    : exportFileName({ scope: input.scope, lang: input.lang, at: when, encrypted });
  await step('download', () => input.download(text, file));
  return { done: true, file, at, data };
}
