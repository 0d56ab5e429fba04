/**
 * What a self-scan's file holds: the scan and its answers, nothing a person typed besides the
 * label. The file is meant to be shared with colleagues and stays plain, so it must never carry
 * the notes and actions that the sessions app lets anyone add to any session (also to a scan),
 * nor a title someone renamed there. Pure: the island reads the records, this picks the fields.
 */
import { OWN_PARTICIPANT } from '../sessions/positions';
import type { Dataset, Position, Session } from '../store/types';

/**
 * The dataset of one scan: the session's scan fields with `title` in place of its stored one
 * (the app's own "Scan <date>"), and the person's own answers. Every field is copied by name,
 * so a field added to sessions later does not slip into the plain file unseen.
 */
export function exportScan(session: Session, positions: readonly Position[], title: string): Dataset {
  const scan: Session = {
    id: session.id,
    kind: session.kind,
    title,
    team: session.team,
    date: session.date,
    lang: session.lang,
    deck: session.deck.cards ? { cards: [...session.deck.cards] } : {},
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  };
  if (session.origin !== undefined) scan.origin = session.origin;
  if (session.deletedAt !== undefined) scan.deletedAt = session.deletedAt;
  const answers = positions
    .filter((p) => p.sessionId === session.id && p.participant === OWN_PARTICIPANT)
    .map((p): Position => {
      const answer: Position = {
        id: p.id,
        sessionId: p.sessionId,
        cardId: p.cardId,
        participant: OWN_PARTICIPANT,
        value: p.value,
        agreed: p.agreed,
        updatedAt: p.updatedAt,
      };
      if (p.round !== undefined) answer.round = p.round;
      return answer;
    });
  return { sessions: [scan], notes: [], positions: answers, actions: [] };
}
