/**
 * Checking untrusted values against a record schema, for the import parser and the
 * repository alike, with one kind of problem report: a path and a message
 * ("data.notes[3].text: expected a string").
 *
 * `rebuild` never trusts its input: before the schema runs, every object is copied member
 * by member into a fresh object that has no prototype, taking only OWN members the schema
 * names. Anything else (unknown fields, `__proto__`, `constructor`, `prototype`) is not
 * copied, only reported, so nothing in a file can reach an object's prototype or be read
 * from one. Valibot then builds the output, again into fresh objects. Strings are copied
 * as they are: no trimming, no Unicode normalisation, so notes round-trip byte for byte.
 */
import * as v from 'valibot';

export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Every pipe stops at its first failed check: one problem per field. */
const CONFIG = { abortPipeEarly: true } as const;

export interface Problem {
  /** Dotted path with list indexes, e.g. "data.notes[3].text" ("" for the value itself). */
  path: string;
  message: string;
  /** A text longer than its limit (the repository reports these as 'too-large'). */
  tooLong: boolean;
}

export interface RebuildSink {
  /** A member the schema does not name: left out. `unsafe` for prototype keys. */
  drop(path: string, unsafe: boolean): void;
  /** Anything else worth telling, e.g. a null read as absent. */
  note(message: string): void;
}

export type RebuildResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** The parts of a valibot schema object that the walk needs. */
interface SchemaNode {
  type: string;
  entries?: Record<string, SchemaNode>;
  wrapped?: SchemaNode;
  item?: SchemaNode;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

const isOptional = (node: SchemaNode) => node.type === 'optional' || node.type === 'nullish';

/**
 * The prototype-safe copy described above. A list where an object belongs becomes null,
 * so the schema reports "expected an object" there rather than missing members.
 */
function prune(node: SchemaNode, value: unknown, path: string, sink: RebuildSink): unknown {
  if (node.wrapped && isOptional(node)) return prune(node.wrapped, value, path, sink);
  if (node.type === 'object' && node.entries) {
    if (!isPlainObject(value)) return Array.isArray(value) ? null : value;
    const entries = node.entries;
    const out: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value)) {
      const at = joinPath(path, key);
      const entry = Object.hasOwn(entries, key) ? entries[key] : undefined;
      if (!entry) {
        sink.drop(at, UNSAFE_KEYS.has(key));
        continue;
      }
      const member = value[key];
      if (member === null && isOptional(entry)) {
        sink.note(`${at}: null read as absent`);
        continue;
      }
      if (member !== undefined) out[key] = prune(entry, member, at, sink);
    }
    return out;
  }
  if (node.type === 'array' && node.item && Array.isArray(value)) {
    const item = node.item;
    return value.map((member: unknown, i) => prune(item, member, joinPath(path, i), sink));
  }
  return value;
}

const tooLongMessage = (max: unknown) => `longer than ${String(max)} characters`;

/** The one message for a text over its limit; rebuild recognises it to report `tooLong`. */
export const longerThan = (max: number): string => tooLongMessage(max);

/** Problems of a failed valibot run, with paths below `base`. */
export function problemsOf(issues: readonly v.BaseIssue<unknown>[], base = ''): Problem[] {
  return issues.map((issue) => {
    let path = base;
    for (const item of issue.path ?? []) path = joinPath(path, item.key as string | number);
    // A required member that is absent is reported by its object, at the member's path.
    const missing = issue.path?.at(-1)?.origin === 'key';
    return {
      path,
      message: missing ? 'missing' : issue.message,
      tooLong: issue.type === 'max_length' && issue.message === tooLongMessage(issue.requirement),
    };
  });
}

export function formatProblem(problem: Problem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}

/** Checks a value that comes from outside (a file, another tab) and returns a fresh copy. */
export function rebuild<S extends v.GenericSchema>(
  schema: S,
  raw: unknown,
  sink: RebuildSink,
  base = '',
): RebuildResult<v.InferOutput<S>> {
  const pruned = prune(schema as unknown as SchemaNode, raw, base, sink);
  return check(schema, pruned, base);
}

/** Checks a value the app built itself (repository input); nothing is dropped, nothing noted. */
export function check<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  base = '',
): RebuildResult<v.InferOutput<S>> {
  const result = v.safeParse(schema, value, CONFIG);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, problems: problemsOf(result.issues, base) };
}

/**
 * Export side: copies the members the schema names, in the schema's order, leaving out
 * anything else a stored record carries. No checks: an export must never refuse data the
 * store holds (the recovery screen exports whatever it can read).
 */
export function pick<S extends v.GenericSchema>(schema: S, value: v.InferOutput<S>): v.InferOutput<S> {
  return pickNode(schema as unknown as SchemaNode, value) as v.InferOutput<S>;
}

function pickNode(node: SchemaNode, value: unknown): unknown {
  if (node.wrapped && isOptional(node)) return pickNode(node.wrapped, value);
  if (node.type === 'object' && node.entries && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(node.entries)) {
      if (!Object.hasOwn(value, key) || value[key] === undefined) continue;
      out[key] = pickNode(entry, value[key]);
    }
    return out;
  }
  if (Array.isArray(value)) {
    const item = node.type === 'array' ? node.item : undefined;
    return item ? value.map((member: unknown) => pickNode(item, member)) : [...value];
  }
  return value;
}
