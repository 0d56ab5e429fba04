/**
 * The repository's input schemas, cut from the record schemas so that the store accepts
 * exactly what an import accepts. This module (and with it the validator) is loaded with the
 * first write or meta read through `inputs()` in ./checks: the session list's first view
 * carries no validator, which keeps /sessies/ in its JS budget.
 */
import * as v from 'valibot';
import {
  ActionSchema,
  CardNoteSchema,
  DeckRefSchema,
  Id,
  IsoDate,
  MetaSchemas,
  PositionSchema,
  SessionSchema,
  ShortText,
  type MetaKey,
  type MetaValues,
} from '../records/schemas';
import { check, formatProblem } from '../records/rebuild';
import { StoreError } from './errors';

export { DeckRefSchema, IsoDate, MetaSchemas, ShortText };

/** `value` checked against `schema` (a fresh copy holding only the schema's fields), or a StoreError. */
export function checked<S extends v.GenericSchema>(schema: S, value: unknown, path = ''): v.InferOutput<S> {
  const result = check(schema, value, path);
  if (result.ok) return result.value;
  const tooLarge = result.problems.every((p) => p.tooLong);
  throw new StoreError(tooLarge ? 'too-large' : 'invalid', result.problems.map(formatProblem).join('; '));
}

/** A stored meta value, or undefined when an older or damaged build left something else. */
export function metaValue<K extends MetaKey>(key: K, value: unknown): MetaValues[K] | undefined {
  return v.is(MetaSchemas[key], value) ? (value as MetaValues[K]) : undefined;
}

/** What the user chooses for a new session: every session field except ids and times. */
export const NewSessionSchema = v.object({
  ...v.omit(SessionSchema, ['id', 'createdAt', 'updatedAt', 'deletedAt']).entries,
  deck: v.optional(DeckRefSchema),
});
export type NewSession = v.InferOutput<typeof NewSessionSchema>;

/** A change to a session: a field left out stays as it is; `lens: null` takes the lens away ("all roles"). */
export const SessionPatchSchema = v.object({
  ...v.partial(NewSessionSchema).entries,
  lens: v.nullish(SessionSchema.entries.lens.wrapped),
});
export type SessionPatch = v.InferOutput<typeof SessionPatchSchema>;

export const NoteInputSchema = v.pick(CardNoteSchema, ['sessionId', 'cardId', 'text']);

export const PositionInputSchema = v.object({
  ...v.pick(PositionSchema, ['sessionId', 'cardId', 'participant', 'value', 'round']).entries,
  id: v.optional(Id),
});

export const AgreedInputSchema = v.object({ sessionId: Id, cardId: Id, positionId: v.nullable(Id) });

export const NewActionSchema = v.pick(ActionSchema, ['sessionId', 'text', 'cardId', 'owner', 'due']);
export type NewAction = v.InferOutput<typeof NewActionSchema>;

const { text, done, cardId, owner, due } = ActionSchema.entries;
/** A change to an action: a field left out stays as it is, `null` removes an optional field. */
export const ActionPatchSchema = v.object({
  text: v.optional(text),
  cardId: v.nullish(cardId.wrapped),
  owner: v.nullish(owner.wrapped),
  due: v.nullish(due.wrapped),
  done: v.optional(done),
});
export type ActionPatch = v.InferOutput<typeof ActionPatchSchema>;
