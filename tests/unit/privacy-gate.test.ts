import { describe, expect, it } from 'vitest';
import { privacyHits } from '../../src/lib/privacy/gate';
import type { Dataset } from '../../src/lib/store/types';

const now = new Date(2026, 11, 1);

function data(): Dataset {
  const session = (id: string, title: string, team = '') => ({
    id,
    kind: 'teamoverleg' as const,
    title,
    team,
    date: '2026-11-30',
    lang: 'nl' as const,
    deck: {},
    createdAt: 1,
    updatedAt: 1,
  });
  return {
    sessions: [session('s1', 'Teamoverleg'), session('s2', 'Casus', 'jan@example.nl')],
    notes: [
      { id: 'n1', sessionId: 's1', cardId: 'k1', text: 'Gewone notitie over 14:30 en artikel 2.1', updatedAt: 1 },
      { id: 'n2', sessionId: 's1', cardId: 'k2', text: 'BSN 111222333 en bel 06 12345678', updatedAt: 1 },
      { id: 'n3', sessionId: 's2', cardId: 'k1', text: 'Woont op 1234 AB 12', updatedAt: 1 },
    ],
    positions: [
      {
        id: 'p1',
        sessionId: 's1',
        cardId: 'k3',
        participant: 'piet@example.nl',
        value: 50,
        agreed: false,
        updatedAt: 1,
      },
    ],
    actions: [
      { id: 'a1', sessionId: 's1', text: 'Geboren 12-03-2010 navragen', done: false, createdAt: 1, updatedAt: 1 },
      { id: 'a2', sessionId: 's1', cardId: 'k2', text: 'Mail naar x@y.nl', done: false, createdAt: 1, updatedAt: 1 },
    ],
  };
}

describe('privacyHits (the door check before export, copy and print)', () => {
  it('names each session and card whose texts look like client data, with the kinds found', () => {
    expect(privacyHits(data(), { now })).toEqual([
      { sessionId: 's1', cardId: null, kinds: ['birthdate'], fields: ['action'] },
      { sessionId: 's1', cardId: 'k2', kinds: ['bsn', 'email', 'phone'], fields: ['note', 'action'] },
      { sessionId: 's1', cardId: 'k3', kinds: ['email'], fields: ['participant'] },
      { sessionId: 's2', cardId: null, kinds: ['email'], fields: ['team'] },
      { sessionId: 's2', cardId: 'k1', kinds: ['postcode'], fields: ['note'] },
    ]);
  });

  it('finds nothing in ordinary notes, so the export goes ahead without a question', () => {
    const d = data();
    d.sessions[1]!.team = '';
    d.notes = d.notes.slice(0, 1);
    d.positions = [];
    d.actions = [];
    expect(privacyHits(d, { now })).toEqual([]);
  });
});
