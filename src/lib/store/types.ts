/**
 * The records kept in IndexedDB and in export files. Plain, serialisable data only:
 * the same shapes travel through the database, BroadcastChannel and backup files.
 * Times are epoch milliseconds; dates chosen by people are "YYYY-MM-DD" strings.
 */

export const SESSION_KINDS = ['teamoverleg', 'workshop', 'zelfreflectie'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** Which cards a session works through: a seeded shuffle of the (filtered) deck, or a hand-picked list. */
export interface DeckRef {
  /** Seed of the shuffle (see lib/deck), when the session uses a shuffled deck. */
  seed?: string;
  /** Card ids in order, when the session uses a hand-picked selection. */
  cards?: string[];
}

export interface Session {
  id: string;
  kind: SessionKind;
  title: string;
  /** Team or group name; sessions with the same team follow on from each other (open actions carry over). */
  team: string;
  /** The day of the meeting, "YYYY-MM-DD". */
  date: string;
  /** Interface language the session was created in. */
  lang: 'nl' | 'en';
  deck: DeckRef;
  createdAt: number;
  updatedAt: number;
  /** Soft delete: set while the user can still undo; purged later. Absent when live. */
  deletedAt?: number;
}

/** Free-text notes for one card in one session. One per (sessionId, cardId). */
export interface CardNote {
  id: string;
  sessionId: string;
  cardId: string;
  text: string;
  updatedAt: number;
}

/**
 * Where someone stands between a card's two poles: 0 = fully pole A, 100 = fully pole B.
 * `participant` is a label typed by the group ("Anna", "Deelnemer 3"); in zelfreflectie it is "".
 * `agreed` marks the team's agreed position (at most one per session and card).
 */
export interface Position {
  id: string;
  sessionId: string;
  cardId: string;
  participant: string;
  value: number;
  agreed: boolean;
  updatedAt: number;
}

/** An agreed action. `cardId` is the card it came from, when there is one. */
export interface Action {
  id: string;
  sessionId: string;
  cardId?: string;
  text: string;
  owner?: string;
  /** "YYYY-MM-DD" */
  due?: string;
  done: boolean;
  createdAt: number;
  updatedAt: number;
}

/** Everything a backup or a single-session export holds. */
export interface Dataset {
  sessions: Session[];
  notes: CardNote[];
  positions: Position[];
  actions: Action[];
}
