/**
 * What each session kind means for the facilitator: the werkvorm that describes it, and
 * which cards the new-session form suggests. Pure data plus one function, no DOM.
 */
import type { Kind, SessionKind, Theme } from '../../vocab';

/** The werkvorm (content/werkvormen/<id>.md) that describes how to run each kind. */
export const KIND_FORMAT: Record<SessionKind, string> = {
  teamoverleg: 'teamoverleg',
  workshop: 'workshop',
  zelfreflectie: 'zelfreflectie',
  gesprek: 'gesprek-jongere-ouder',
};

/** The session kind a werkvorm starts, if any ("kies-je-plek" is an exercise, not a kind). */
export function kindOfFormat(formatId: string): SessionKind | undefined {
  return (Object.keys(KIND_FORMAT) as SessionKind[]).find((k) => KIND_FORMAT[k] === formatId);
}

export interface PickableCard {
  id: string;
  number: number;
  theme?: Theme | undefined;
  kind: Kind;
}

/**
 * A sensible first choice of cards for a kind, in fan order, from the cards shown (the
 * picker's filter) or the whole fan:
 * - teamoverleg: two dilemmas (45 minutes holds one or two);
 * - workshop: a kenniskaart followed by its dilemmas, five cards at most (4-6 fit a morning);
 * - zelfreflectie: one spanningsveld (its kenniskaart and dilemmas);
 * - gesprek: one dilemma.
 * The first spanningsveld of the list is used, so a theme filter steers the suggestion.
 */
export function suggestCards<C extends PickableCard>(kind: SessionKind, cards: readonly C[]): string[] {
  const inOrder = [...cards].sort((a, b) => a.number - b.number);
  const dilemmas = inOrder.filter((c) => c.kind === 'dilemma');
  const theme = inOrder.find((c) => c.theme !== undefined && c.kind !== 'uitleg')?.theme;
  const ofTheme = inOrder.filter((c) => c.theme === theme && c.kind !== 'uitleg');
  switch (kind) {
    case 'teamoverleg':
      return dilemmas.slice(0, 2).map((c) => c.id);
    case 'gesprek':
      return dilemmas.slice(0, 1).map((c) => c.id);
    case 'workshop': {
      const knowledge = ofTheme.filter((c) => c.kind === 'kenniskaart');
      const rest = ofTheme.filter((c) => c.kind === 'dilemma');
      const picked = [...knowledge.slice(0, 1), ...rest].slice(0, 5);
      // A spanningsveld with few dilemmas: top up with dilemmas of the next ones, up to four cards.
      for (const c of dilemmas) {
        if (picked.length >= 4) break;
        if (!picked.includes(c)) picked.push(c);
      }
      return picked.map((c) => c.id);
    }
    case 'zelfreflectie':
      return ofTheme.map((c) => c.id);
  }
}

/** Team names are one team regardless of case and extra spaces: "Team  Noord " is "team noord". */
export function teamKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}

/** The spelling already in use for a typed team name, so one team keeps one name; else the typed name, tidied. */
export function canonicalTeam(typed: string, known: readonly string[]): string {
  const key = teamKey(typed);
  if (key === '') return '';
  return known.find((k) => teamKey(k) === key) ?? typed.trim().replace(/\s+/g, ' ');
}
