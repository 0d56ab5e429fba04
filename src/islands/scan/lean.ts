/** The words for a position between two poles, shared by the scan's steps and its profile. */
import { leaning } from '../../lib/sessions/positions';
import { fill } from '../../i18n/fill';
import type { ScanIslandCard, ScanStrings } from './types';

/** "dichter bij Gewoon opgroeien" / "in het midden". */
export function leanPhrase(value: number, poles: ScanIslandCard['poles'], t: ScanStrings): string {
  const side = leaning(value);
  return side === 'a'
    ? fill(t.lang, t.lean.leanA, { a: poles[0].label })
    : side === 'b'
      ? fill(t.lang, t.lean.leanB, { b: poles[1].label })
      : t.lean.middle;
}

/** What a screen reader says for the slider: "35 van 100, dichter bij …". */
export function leanText(value: number, poles: ScanIslandCard['poles'], t: ScanStrings): string {
  return fill(t.lang, t.lean.valueText, { value, lean: leanPhrase(value, poles, t) });
}
