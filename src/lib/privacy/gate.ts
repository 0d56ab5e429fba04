/**
 * Privacy at the door: before records leave the app (a file, the clipboard, paper), find the
 * places where they look like client data, so the person is told first and can look or go
 * on anyway. The same guard as in the note editor (./detect); nothing is removed or blocked.
 *
 * Findings are grouped per session and card: the warning names the cards ("kaart 3, Veilig
 * of eigen kracht"); texts that belong to no card (the session's title, an action without a
 * card) are grouped under `cardId: null`.
 */
import type { Dataset } from '../records/schemas';
import { detectClientData, FINDING_KINDS, type DetectOptions, type FindingKind } from './detect';

/** Which field of which record tripped the guard. */
export type FlaggedField = 'note' | 'action' | 'owner' | 'participant' | 'title' | 'team';

export interface PrivacyHit {
  sessionId: string;
  /** The card the text belongs to; null for session fields and actions without a card. */
  cardId: string | null;
  /** What was found, in FINDING_KINDS order, each kind once. */
  kinds: FindingKind[];
  fields: FlaggedField[];
}

/**
 * Every session and card whose texts look like client data, in the order of the dataset's
 * sessions, then session fields first, then cards in the order their records first appear.
 */
export function privacyHits(data: Dataset, opts: DetectOptions = {}): PrivacyHit[] {
  const hits = new Map<string, { hit: PrivacyHit; kinds: Set<FindingKind>; fields: Set<FlaggedField> }>();
  const order: string[] = [];
  const look = (sessionId: string, cardId: string | null, field: FlaggedField, text: string | undefined) => {
    if (!text) return;
    const found = detectClientData(text, opts);
    if (found.length === 0) return;
    const key = JSON.stringify([sessionId, cardId]);
    let entry = hits.get(key);
    if (!entry) {
      entry = { hit: { sessionId, cardId, kinds: [], fields: [] }, kinds: new Set(), fields: new Set() };
      hits.set(key, entry);
      order.push(key);
    }
    for (const f of found) entry.kinds.add(f.kind);
    entry.fields.add(field);
  };
  for (const s of data.sessions) {
    look(s.id, null, 'title', s.title);
    look(s.id, null, 'team', s.team);
  }
  for (const n of data.notes) look(n.sessionId, n.cardId, 'note', n.text);
  for (const a of data.actions) {
    look(a.sessionId, a.cardId ?? null, 'action', a.text);
    look(a.sessionId, a.cardId ?? null, 'owner', a.owner);
  }
  for (const p of data.positions) look(p.sessionId, p.cardId, 'participant', p.participant);

  const sessionOrder = new Map(data.sessions.map((s, i) => [s.id, i]));
  const result = order.map((key) => {
    const entry = hits.get(key) as NonNullable<ReturnType<typeof hits.get>>;
    return {
      ...entry.hit,
      kinds: FINDING_KINDS.filter((k) => entry.kinds.has(k)),
      fields: [...entry.fields],
    };
  });
  // Stable: within a session, session fields (cardId null) first, then cards as found.
  return result
    .map((hit, i) => ({ hit, i }))
    .sort(
      (a, b) =>
        (sessionOrder.get(a.hit.sessionId) ?? Infinity) - (sessionOrder.get(b.hit.sessionId) ?? Infinity) ||
        Number(a.hit.cardId !== null) - Number(b.hit.cardId !== null) ||
        a.i - b.i,
    )
    .map((x) => x.hit);
}
