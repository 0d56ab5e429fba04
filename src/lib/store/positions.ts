/** Positions on a card's poles, the team's agreed one, and a card's history across sessions. */
import { findParticipant } from '../poles';
import type { Position, Session } from '../records/schemas';
import { inputs, invalid } from './checks';
import { StoreError } from './errors';
import { bySessionOrder, mustGetSession } from './lookup';
import type { SessionCardKey } from './schema';
import { issue } from './tx';
import { deleteRecord, mutate, read, type StoreContext } from './write';

export interface SetPositionInput {
  sessionId: string;
  cardId: string;
  participant: string;
  value: number;
  /** Update this record; without it the participant's existing position on the card is updated, or a new one made. */
  id?: string;
  /** The room's round on the card ("Stem opnieuw"); absent: round 1. Each round keeps its own position. */
  round?: number;
}

export interface PositionHistoryEntry {
  session: Session;
  positions: Position[];
  /** The position marked as agreed in that session, if any. */
  agreed: Position | null;
}

export function createPositions(ctx: StoreContext) {
  return {
    async list(sessionId: string, cardId?: string): Promise<Position[]> {
      return read(ctx, ['positions'], async (tx) => {
        if (cardId === undefined) return tx.objectStore('positions').index('sessionId').getAll(sessionId);
        const key: SessionCardKey = [sessionId, cardId];
        return tx.objectStore('positions').index('bySessionCard').getAll(key);
      });
    },

    /** Creates or moves a participant's position on a card (the `agreed` flag is kept). */
    async set(input: SetPositionInput): Promise<Position> {
      const c = await inputs();
      const { sessionId, cardId, participant, value, id, round } = c.checked(c.PositionInputSchema, {
        sessionId: input.sessionId,
        cardId: input.cardId,
        participant: input.participant,
        value: input.value,
        id: input.id,
        round: input.round,
      });
      return mutate(ctx, ['sessions', 'positions'], async (w) => {
        await mustGetSession(w.tx, sessionId);
        const store = w.tx.objectStore('positions');
        let existing: Position | undefined;
        if (id !== undefined) {
          existing = await store.get(id);
          if (!existing) throw new StoreError('not-found', `Position ${id} not found`);
          if (existing.sessionId !== sessionId || existing.cardId !== cardId) {
            invalid('position belongs to another session or card');
          }
        } else {
          const key: SessionCardKey = [sessionId, cardId];
          const onCard = await store.index('bySessionCard').getAll(key);
          // The same person however the name was typed this time (lib/poles); the stored spelling stays.
          existing = findParticipant(
            onCard.filter((p) => (p.round ?? 1) === (round ?? 1)),
            participant,
          );
        }
        const inRound = round ?? existing?.round;
        const position: Position = {
          id: existing?.id ?? ctx.newId(),
          sessionId,
          cardId,
          participant: id === undefined ? (existing?.participant ?? participant) : participant,
          value,
          agreed: existing?.agreed ?? false,
          updatedAt: w.stamp(existing?.updatedAt),
          ...(inRound !== undefined && inRound > 1 ? { round: inRound } : {}),
        };
        await store.put(position);
        w.changed('positions', position.id, position.updatedAt);
        return position;
      });
    },

    /**
     * The team agrees on a value: `participant`'s position on the card moves there and becomes the
     * agreed one, the flag leaves every other position, all in one write (a crash between a move and
     * a flag would leave a moved position that is not agreed, or the old agreed value flagged).
     */
    async agree(input: Omit<SetPositionInput, 'id'>): Promise<Position> {
      const c = await inputs();
      const { sessionId, cardId, participant, value } = c.checked(c.PositionInputSchema, {
        sessionId: input.sessionId,
        cardId: input.cardId,
        participant: input.participant,
        value: input.value,
        id: undefined,
        round: undefined,
      });
      return mutate(ctx, ['sessions', 'positions'], async (w) => {
        await mustGetSession(w.tx, sessionId);
        const store = w.tx.objectStore('positions');
        const key: SessionCardKey = [sessionId, cardId];
        const onCard = await store.index('bySessionCard').getAll(key);
        const existing = findParticipant(onCard, participant);
        const position: Position = {
          id: existing?.id ?? ctx.newId(),
          sessionId,
          cardId,
          participant: existing?.participant ?? participant,
          value,
          agreed: true,
          updatedAt: w.stamp(existing?.updatedAt),
        };
        const cleared = onCard
          .filter((p) => p.agreed && p.id !== position.id)
          .map((p) => ({ ...p, agreed: false, updatedAt: w.stamp(p.updatedAt) }));
        const updates = [position, ...cleared];
        await issue(updates.map((p) => () => store.put(p)));
        for (const p of updates) w.changed('positions', p.id, p.updatedAt);
        return position;
      });
    },

    /** Marks one position as the team's agreed one and clears the flag on the others (null: none agreed). */
    async setAgreed(sessionId: string, cardId: string, positionId: string | null): Promise<void> {
      const c = await inputs();
      c.checked(c.AgreedInputSchema, { sessionId, cardId, positionId });
      await mutate(ctx, ['sessions', 'positions'], async (w) => {
        await mustGetSession(w.tx, sessionId);
        const store = w.tx.objectStore('positions');
        const key: SessionCardKey = [sessionId, cardId];
        const onCard = await store.index('bySessionCard').getAll(key);
        if (positionId !== null && !onCard.some((p) => p.id === positionId)) {
          throw new StoreError('not-found', `Position ${positionId} not found on this card`);
        }
        const updates = onCard
          .filter((p) => p.agreed !== (p.id === positionId))
          .map((p) => ({ ...p, agreed: p.id === positionId, updatedAt: w.stamp(p.updatedAt) }));
        await issue(updates.map((p) => () => store.put(p)));
        for (const p of updates) w.changed('positions', p.id, p.updatedAt);
      });
    },

    delete: (id: string): Promise<void> => deleteRecord(ctx, 'positions', id),
  };
}

/** Every live session with positions on `cardId` (optionally one team's), oldest meeting first. */
export async function positionHistory(
  ctx: StoreContext,
  cardId: string,
  opts: { team?: string } = {},
): Promise<PositionHistoryEntry[]> {
  const team = opts.team?.trim();
  return read(ctx, ['sessions', 'positions'], async (tx) => {
    const all = await tx.objectStore('positions').index('cardId').getAll(cardId);
    const bySession = new Map<string, Position[]>();
    for (const p of all) {
      const list = bySession.get(p.sessionId);
      if (list) list.push(p);
      else bySession.set(p.sessionId, [p]);
    }
    const sessionsFound = await Promise.all([...bySession.keys()].map((id) => tx.objectStore('sessions').get(id)));
    const entries: PositionHistoryEntry[] = [];
    for (const session of sessionsFound) {
      if (!session || session.deletedAt !== undefined) continue;
      if (team !== undefined && session.team !== team) continue;
      const list = bySession.get(session.id) ?? [];
      entries.push({ session, positions: list, agreed: list.find((p) => p.agreed) ?? null });
    }
    return entries.sort((a, b) => bySessionOrder(a.session, b.session));
  });
}
