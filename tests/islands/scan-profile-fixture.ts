/** Scan strings (built as Scan.astro builds them) and cards, for the scan's island tests. */
import type { ScanIslandCard } from '../../src/islands/scan/types';
import type { Theme } from '../../src/vocab';

export { scanStrings } from '../../src/views/island-strings';

/** A dilemma of the scan app's tests: "Links n" against "Rechts n". */
export function dilemma(n: number, theme: Theme): ScanIslandCard {
  return {
    id: `kaart-${n}`,
    number: n,
    theme,
    title: `Dilemma ${n}`,
    summary: `Samenvatting ${n}`,
    href: `/kaarten/${n}/`,
    poles: [
      { label: `Links ${n}`, protects: 'rust' },
      { label: `Rechts ${n}`, protects: 'ruimte' },
    ],
  };
}

export function scanCard(id: string, number: number, theme: Theme, a: string, b: string): ScanIslandCard {
  return {
    id,
    number,
    theme,
    title: `Titel ${id}`,
    summary: '',
    href: `/kaarten/${id}/`,
    poles: [
      { label: a, protects: `bescherming ${a}` },
      { label: b, protects: `bescherming ${b}` },
    ],
  };
}

export const SCAN_CARDS: ScanIslandCard[] = [
  scanCard('k1', 1, 'visies', 'Gewoon opgroeien', 'Zorg'),
  scanCard('k2', 2, 'visies', 'Eigen kracht', 'Veiligheid'),
  scanCard('k3', 3, 'grenzen', 'Nabij', 'Afstand'),
  scanCard('k4', 4, 'regie', 'Jongere beslist', 'Team beslist'),
];
