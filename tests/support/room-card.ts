/** The dilemma card the presenter-room island tests show (one place, instead of one copy per test file). */
import type { IslandCard } from '../../src/islands/types';
import { A } from './room-events';

export function roomCard(more: Partial<Record<keyof IslandCard, unknown>> = {}): IslandCard {
  return {
    id: A,
    number: 1,
    kind: 'dilemma',
    theme: 'visies',
    title: 'Eigen kracht of veiligheid',
    summary: 'Samenvatting',
    questions: [],
    href: '/kaarten/1/',
    poles: [
      { label: 'Eigen kracht', protects: 'groei' },
      { label: 'Veiligheid', protects: 'rust' },
    ],
    perspectives: { professional: [], jongere: [], ouder: [], netwerk: [] },
    ...more,
  } as unknown as IslandCard;
}
