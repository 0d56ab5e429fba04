/**
 * The UI strings each island gets, built from the dictionary in one place: the pages hand them
 * over, and the island tests build theirs the same way (so a new group reaches both at once).
 * No content import here: this module runs outside Astro too.
 */
import { t } from '../i18n';
import type { ScanStrings } from '../islands/scan/types';
import type { SessionsStrings } from '../islands/sessions/types';
import type { DeckStrings } from '../islands/types';
import type { Lang } from '../routes';
import { THEMES } from '../vocab';

export function deckStrings(lang: Lang): DeckStrings {
  const d = t(lang);
  return {
    lang,
    deck: d.deck,
    themes: d.themes,
    kinds: d.kinds,
    perspectives: d.perspectives,
    card: { number: d.card.number, protects: d.card.protects, versus: d.card.versus },
    room: d.room,
    poles: d.poles,
  };
}

export function sessionsStrings(lang: Lang): SessionsStrings {
  const d = t(lang);
  return {
    s: d.sessions,
    themes: Object.fromEntries(THEMES.map((theme) => [theme, d.themes[theme].short])) as SessionsStrings['themes'],
    cardKinds: d.kinds,
    cardNumber: d.card.number,
    deckProblems: d.deck.problems,
    perspectives: d.perspectives,
    poles: d.poles,
  };
}

export function scanStrings(lang: Lang): ScanStrings {
  const d = t(lang);
  return {
    lang,
    scan: d.scan,
    themes: Object.fromEntries(THEMES.map((theme) => [theme, d.themes[theme].name])) as ScanStrings['themes'],
    protects: d.card.protects,
    lean: d.poles,
  };
}
