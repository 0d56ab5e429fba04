import { describe, expect, it } from 'vitest';
import { exportScan } from '../../src/lib/scan/export';
import { OWN_PARTICIPANT } from '../../src/lib/sessions/positions';
import type { Position, Session } from '../../src/lib/store/types';

const session: Session = {
  id: 's1',
  kind: 'zelfreflectie',
  title: 'Casus Lisa Jansen',
  team: 'Anna',
  date: '2026-12-01',
  lang: 'nl',
  deck: { cards: ['k1', 'k2'] },
  origin: 'scan',
  createdAt: 1,
  updatedAt: 2,
};
const pos = (id: string, participant: string, sessionId = 's1'): Position => ({
  id,
  sessionId,
  cardId: 'k1',
  participant,
  value: 30,
  agreed: false,
  updatedAt: 3,
});

describe('exportScan', () => {
  it('keeps the scan fields and own answers, with the given title', () => {
    const data = exportScan(session, [{ ...pos('p1', OWN_PARTICIPANT), round: 2 }], 'Scan 1 december 2026');
    expect(data).toEqual({
      sessions: [{ ...session, title: 'Scan 1 december 2026' }],
      notes: [],
      positions: [{ ...pos('p1', OWN_PARTICIPANT), round: 2 }],
      actions: [],
    });
  });

  it('drops other people’s markers, other sessions’ answers and any field it does not know', () => {
    const odd = { ...session, lens: 'ouder', extra: 'Lisa Jansen' } as Session;
    const data = exportScan(
      odd,
      [pos('p1', OWN_PARTICIPANT), pos('p2', 'Bram'), pos('p3', OWN_PARTICIPANT, 's2')],
      'Scan',
    );
    expect(data.positions.map((p) => p.id)).toEqual(['p1']);
    expect(JSON.stringify(data)).not.toMatch(/Lisa|Bram|ouder/);
  });

  it('a scan without a card list keeps an empty deck', () => {
    expect(exportScan({ ...session, deck: { seed: 'x' } }, [], 'Scan').sessions[0]?.deck).toEqual({});
  });
});
