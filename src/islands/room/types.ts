/** Plain data for the room's islands: the deck's strings carry the room's (one language ships). */
import type { DeckStrings } from '../types';

export type JoinStrings = DeckStrings;
