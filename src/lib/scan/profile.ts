/**
 * The self-scan's arithmetic: one person's profile, and the spread of several people's
 * answers per card. Plain data in, plain data out; the views only draw it.
 *
 * Why no "direction" per spanningsveld: the two poles of the cards in one spanningsveld are
 * not ordered the same way (pole A is "Bewezen effectief" on one card and "Tijd investeren"
 * on another), so an average of positions within a spanningsveld would mean nothing. What
 * does carry across cards is how far someone stands from the middle: `strength`, 0 (in the
 * middle on every card) to 100 (at a pole on every card). Where someone leans is shown per
 * card, by naming the pole.
 */
import { leaning, type Leaning } from '../sessions/positions';
import type { Theme } from '../../vocab';

/** What the scan needs to know of a dilemma card. */
export interface ScanCard {
  id: string;
  number: number;
  theme: Theme;
}

/** One person's answers: card id → 0 (pole A) … 100 (pole B). Skipped cards are absent. */
export type ScanAnswers = ReadonlyMap<string, number>;

export interface CardAnswer {
  card: ScanCard;
  value: number;
  leaning: Leaning;
  /** Distance from the middle, 0-100 (0 = exactly in the middle, 100 = at a pole). */
  strength: number;
}

export interface ThemeProfile {
  theme: Theme;
  /** Dilemmas of this spanningsveld in the scan. */
  total: number;
  answered: CardAnswer[];
  /** Mean distance from the middle over the answered cards, 0-100, rounded; null when none answered. */
  strength: number | null;
  /** Answered cards that lean to a pole, and that stay in the middle. */
  decided: number;
  middle: number;
}

export interface Profile {
  themes: ThemeProfile[];
  answered: number;
  skipped: ScanCard[];
  total: number;
}

const isValue = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;

/** Distance from the middle on a 0-100 scale. */
export function strengthOf(value: number): number {
  return Math.round(Math.abs(value - 50) * 2);
}

/**
 * The profile of one scan over `cards` (the scan's dilemmas in order). Themes appear in
 * the order of `themes`, and only those that have cards in the scan. Answers for cards
 * outside `cards`, or with values outside 0-100, are ignored rather than trusted.
 */
export function profileOf(cards: readonly ScanCard[], answers: ScanAnswers, themes: readonly Theme[]): Profile {
  const skipped: ScanCard[] = [];
  const byTheme = new Map<Theme, ThemeProfile>();
  for (const theme of themes)
    byTheme.set(theme, { theme, total: 0, answered: [], strength: null, decided: 0, middle: 0 });
  for (const card of cards) {
    const entry = byTheme.get(card.theme);
    if (!entry) continue;
    entry.total += 1;
    const value = answers.get(card.id);
    if (!isValue(value)) {
      skipped.push(card);
      continue;
    }
    const side = leaning(value);
    entry.answered.push({ card, value, leaning: side, strength: strengthOf(value) });
    if (side === 'middle') entry.middle += 1;
    else entry.decided += 1;
  }
  const list = [...byTheme.values()].filter((t) => t.total > 0);
  for (const t of list) {
    if (t.answered.length > 0) {
      t.strength = Math.round(t.answered.reduce((sum, a) => sum + a.strength, 0) / t.answered.length);
    }
  }
  const answered = list.reduce((sum, t) => sum + t.answered.length, 0);
  return { themes: list, answered, skipped, total: answered + skipped.length };
}

// ---------------------------------------------------------------------------------------
// Several people

export interface CardSpread {
  card: ScanCard;
  /** The answers given, in the order of the respondents. */
  values: number[];
  min: number;
  max: number;
  /** max - min, 0-100. */
  range: number;
  /** Population standard deviation, rounded to one decimal; 0 with one answer. */
  spread: number;
}

/** Below this standard deviation (in points on the 0-100 scale) people broadly agree. */
export const AGREEMENT_SPREAD = 10;

/** Spread per card over several scans; cards that fewer than two people answered are left out. */
export function spreadOf(cards: readonly ScanCard[], scans: readonly ScanAnswers[]): CardSpread[] {
  const out: CardSpread[] = [];
  for (const card of cards) {
    const values = scans.map((s) => s.get(card.id)).filter(isValue);
    if (values.length < 2) continue;
    const min = Math.min(...values);
    const max = Math.max(...values);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
    out.push({ card, values, min, max, range: max - min, spread: Math.round(Math.sqrt(variance) * 10) / 10 });
  }
  return out;
}

/**
 * "Hier verschillen jullie het meest": the cards with the widest spread, at most `most`
 * (5). Cards where people broadly agree (spread below AGREEMENT_SPREAD) are listed only
 * to reach `least` (3), and cards where everyone gave the same answer never are. Ties go
 * to the larger range, then to the card's place in the fan, so the list is stable.
 */
export function mostDivergent(
  spreads: readonly CardSpread[],
  opts: { least?: number; most?: number } = {},
): CardSpread[] {
  const least = opts.least ?? 3;
  const most = opts.most ?? 5;
  const ranked = spreads
    .filter((s) => s.range > 0)
    .sort((a, b) => b.spread - a.spread || b.range - a.range || a.card.number - b.card.number);
  const wide = ranked.filter((s) => s.spread >= AGREEMENT_SPREAD).slice(0, most);
  return wide.length >= least ? wide : ranked.slice(0, Math.min(least, most));
}
