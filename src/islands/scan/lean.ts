/** The words for a position between two poles, shared by the scan's steps and its profile. */
import { leanPhrase as phrase, leanValueText } from '../../lib/poles';
import type { ScanIslandCard, ScanStrings } from './types';

const labels = (poles: ScanIslandCard['poles']) => [poles[0].label, poles[1].label];

/** "dichter bij Gewoon opgroeien" / "in het midden". */
export function leanPhrase(value: number, poles: ScanIslandCard['poles'], t: ScanStrings): string {
  return phrase(t.lang, t.lean, labels(poles), value);
}

/** What a screen reader says for the slider: "35 van 100, dichter bij …". */
export function leanText(value: number, poles: ScanIslandCard['poles'], t: ScanStrings): string {
  return leanValueText(t.lang, t.lean, labels(poles), value);
}
