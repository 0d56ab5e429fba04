/**
 * A self-scan as stored: a session of kind zelfreflectie whose deck is the chosen dilemmas,
 * with the session's own position on each card as the answer. Pure over the store; no DOM.
 */
import { nextOpen } from './walk';
import { OWN_PARTICIPANT } from '../sessions/positions';
import type { Repo } from '../store/repo';
import type { Session } from '../store/types';

/** A loaded scan: the session, its cards in order, and the answers so far (card id → value). */
export interface LoadedScan<C extends { id: string }> {
  session: Session;
  order: C[];
  answers: Map<string, number>;
}

/** The scan `id`, or null when there is none (deleted, or a session that is not a scan). */
export async function loadScan<C extends { id: string }>(
  repo: Pick<Repo, 'sessions' | 'positions'>,
  id: string,
  cards: readonly C[],
): Promise<LoadedScan<C> | null> {
  const session = await repo.sessions.get(id);
  if (!session || session.deletedAt !== undefined || session.kind !== 'zelfreflectie') return null;
  const byId = new Map(cards.map((c) => [c.id, c] as const));
  // A card that left the deck since (a new release) is skipped, not shown empty.
  const order = (session.deck.cards ?? []).flatMap((cardId) => byId.get(cardId) ?? []);
  const positions = await repo.positions.list(id);
  const answers = new Map(
    positions.filter((p) => p.participant === OWN_PARTICIPANT).map((p) => [p.cardId, p.value] as const),
  );
  return { session, order, answers };
}

/**
 * Where "Volgende" goes after card `index` is answered: the next card still open, or the
 * profile (returned as `order.length`) past the last card or when every other card is done.
 */
export function afterAnswer(order: readonly string[], answered: ReadonlySet<string>, index: number): number {
  const total = order.length;
  const current = order[index];
  const done = new Set(answered);
  if (current !== undefined) done.add(current);
  const open = nextOpen(order, done, index + 1);
  return index === total - 1 || open === -1 || open <= index ? total : open;
}
