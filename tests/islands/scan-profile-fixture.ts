/** Scan strings and cards as Scan.astro builds them, for the scan's island tests. */
import { t as dictionary } from '../../src/i18n';
import type { ScanIslandCard, ScanStrings } from '../../src/islands/scan/types';
import type { Lang } from '../../src/routes';
import { THEMES, type Theme } from '../../src/vocab';

export function scanStrings(lang: Lang = 'nl'): ScanStrings {
  const d = dictionary(lang);
  return {
    lang,
    scan: d.scan,
    themes: Object.fromEntries(THEMES.map((theme) => [theme, d.themes[theme].name])) as ScanStrings['themes'],
    protects: d.card.protects,
    lean: d.poles,
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
