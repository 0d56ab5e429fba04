/**
 * The new-session link, on its own because the deck page, the werkvormen and the presenter
 * build it too: it needs only the vocabulary, never the sessions code (the deck's JS budget).
 *   /sessies/?nieuw=1&kaarten=a,b&lens=ouder&soort=workshop
 */
import { PERSPECTIVES, SESSION_KINDS, SLUG, type Perspective, type SessionKind } from '../../vocab';
import { MAX_ID_CHARS } from '../records/limits';

export const NEW_SESSION_PARAMS = { create: 'nieuw', cards: 'kaarten', lens: 'lens', kind: 'soort' } as const;
const P = NEW_SESSION_PARAMS;

/** What a link asks the new-session form to start with. Every field is optional and already checked. */
export interface NewSessionPreset {
  /** Card ids, each once, in the link's order (ids the site does not know are left for the form to drop). */
  cards?: string[];
  lens?: Perspective;
  kind?: SessionKind;
}

/** More card ids than any fan has: a longer list is cut, so a hostile link cannot stall the form. */
const MAX_PRESET_CARDS = 100;

/** Reads the preset of a new-session link; anything unknown or malformed is left out, never an error. */
export function parsePreset(params: URLSearchParams): NewSessionPreset {
  const preset: NewSessionPreset = {};
  const raw = params.get(P.cards);
  if (raw !== null) {
    const ids = raw
      .slice(0, MAX_PRESET_CARDS * (MAX_ID_CHARS + 1))
      .split(',', MAX_PRESET_CARDS)
      .map((x) => x.trim().toLowerCase())
      .filter((x) => x.length <= MAX_ID_CHARS && SLUG.test(x));
    const unique = [...new Set(ids)];
    if (unique.length > 0) preset.cards = unique;
  }
  const lens = params.get(P.lens)?.trim().toLowerCase();
  if (lens && (PERSPECTIVES as readonly string[]).includes(lens)) preset.lens = lens as Perspective;
  const kind = params.get(P.kind)?.trim().toLowerCase();
  if (kind && (SESSION_KINDS as readonly string[]).includes(kind)) preset.kind = kind as SessionKind;
  return preset;
}

/** The query string that opens the new-session form with these cards, lens and kind chosen. */
export function newSessionSearch(preset: NewSessionPreset = {}): string {
  const params = new URLSearchParams({ [P.create]: '1' });
  if (preset.cards && preset.cards.length > 0) params.set(P.cards, preset.cards.join(','));
  if (preset.lens) params.set(P.lens, preset.lens);
  if (preset.kind) params.set(P.kind, preset.kind);
  // Commas stay readable: ids are slugs, so nothing else in the list needs escaping.
  return `?${params.toString().replace(/%2C/g, ',')}`;
}
