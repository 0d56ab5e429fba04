/** What the session list shows of each session, without building decks. Pure. */
import type { DeckRef } from '../store/types';
import { teamKey } from './kinds';

/**
 * How many cards a session has: the stored ids that still exist (each once), else the whole
 * fan. Equal to sessionDeck(cards, ref).length (lib/sessions/deck), without the deck code,
 * which the list does not otherwise need.
 */
export function sessionDeckSize(cards: readonly { id: string }[], ref: DeckRef): number {
  if (!ref.cards || ref.cards.length === 0) return cards.length;
  const known = new Set(cards.map((c) => c.id));
  return new Set(ref.cards.filter((id) => known.has(id))).size;
}

/**
 * The team names used so far, each once, sorted (the "team" field's suggestions). Names that
 * differ only in case or spaces are one team: the first spelling met (the newest session) is kept.
 */
export function teamNames(sessions: readonly { team: string }[]): string[] {
  const byKey = new Map<string, string>();
  for (const { team } of sessions) {
    const key = teamKey(team);
    if (key !== '' && !byKey.has(key)) byKey.set(key, team.trim());
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}
