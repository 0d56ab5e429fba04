import { afterEach, describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import {
  DEFAULT_NUMBERED,
  findParticipant,
  freeName,
  leaning,
  leanPhrase,
  leanValueText,
  MIDDLE,
  numberedName,
  participantKey,
  sameParticipant,
} from '../../src/lib/poles';
import { assignLabels, joinOrder, positionsToSave } from '../../src/lib/room/labels';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { initialRoom, roomReducer, type RoomEvent } from '../../src/lib/room/reducer';
import { newParticipantId } from '../../src/lib/room/crypto';
import { createRepo } from '../../src/lib/store/repo';
import { openKjk, type KjkDb } from '../../src/lib/store/schema';

const open: KjkDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
async function repo() {
  const db = await openKjk({ name: `kjk-poles-${Math.random().toString(36).slice(2)}` });
  open.push(db);
  return createRepo(db);
}

describe('the lean of a value', () => {
  it('calls 45 to 55 the middle, below pole A and above pole B', () => {
    expect(MIDDLE).toEqual({ from: 45, to: 55 });
    expect([0, 44, 45, 50, 55, 56, 100].map(leaning)).toEqual(['a', 'a', 'middle', 'middle', 'middle', 'b', 'b']);
  });

  it('says the words of the dictionary, in each language', () => {
    const poles = ['Zelfredzaam', 'Beschermd'];
    for (const lang of ['nl', 'en'] as const) {
      const w = dictionaries[lang].poles;
      expect(leanPhrase(lang, w, poles, 44)).toBe(w.leanA.replace('{a}', 'Zelfredzaam'));
      expect(leanPhrase(lang, w, poles, 56)).toBe(w.leanB.replace('{b}', 'Beschermd'));
      expect(leanPhrase(lang, w, poles, 50)).toBe(w.middle);
    }
    expect(leanValueText('nl', dictionaries.nl.poles, poles, 40)).toBe('40 van 100, dichter bij Zelfredzaam');
    expect(leanValueText('en', dictionaries.en.poles, poles, 70)).toBe('70 of 100, closer to Beschermd');
    // A card without poles (yet) still gets words, not "undefined".
    expect(leanPhrase('nl', dictionaries.nl.poles, [], 10)).toBe('dichter bij ');
  });
});

describe('who counts as the same participant', () => {
  it('ignores case, outer spaces and doubled spaces', () => {
    expect(participantKey('  Anna   de  Vries ')).toBe('anna de vries');
    expect(sameParticipant('anna', 'Anna')).toBe(true);
    expect(sameParticipant(' ANNA ', 'Anna')).toBe(true);
    expect(sameParticipant('Anna', 'Anne')).toBe(false);
    expect(sameParticipant('', '  ')).toBe(true);
  });

  it('finds the record placed under that name', () => {
    const list = [
      { id: 1, participant: 'Anna' },
      { id: 2, participant: 'Bram  de Boer' },
    ];
    expect(findParticipant(list, 'anna')?.id).toBe(1);
    expect(findParticipant(list, 'bram de boer ')?.id).toBe(2);
    expect(findParticipant(list, 'Cas')).toBeUndefined();
  });
});

describe('numbered names', () => {
  it('come from the dictionary template in both languages', () => {
    expect(dictionaries.nl.poles.numbered).toBe(DEFAULT_NUMBERED);
    expect(numberedName('nl', dictionaries.nl.poles.numbered, 'Anna', 2)).toBe('Anna (2)');
    expect(numberedName('en', '{name} #{n}', 'Anna', 3)).toBe('Anna #3');
  });

  it('number a taken name with the first free number, by participant identity', () => {
    const n = (name: string, i: number) => `${name} (${i})`;
    expect(freeName('Bram', ['Anna'], n)).toBe('Bram');
    expect(freeName('anna', ['Anna'], n)).toBe('anna (2)');
    expect(freeName('anna', ['Anna', 'ANNA (2)'], n)).toBe('anna (3)');
    expect(freeName('Anna (2)', ['Anna', 'Anna (2)'], n, { alwaysNumber: true })).toBe('Anna (3)');
    expect(freeName('Anna', [], (name, i) => `${name} #${i}`, { alwaysNumber: true })).toBe('Anna #2');
  });
});

describe('the "anna" beside a stored "Anna"', () => {
  it('the store moves Anna’s marker and keeps her spelling (set and agree)', async () => {
    const r = await repo();
    const s = await r.sessions.create({ kind: 'teamoverleg', title: 'T', team: '', date: '2024-05-01', lang: 'nl' });
    const first = await r.positions.set({ sessionId: s.id, cardId: 'k', participant: 'Anna', value: 20 });
    const again = await r.positions.set({ sessionId: s.id, cardId: 'k', participant: ' anna ', value: 70 });
    expect(again).toMatchObject({ id: first.id, participant: 'Anna', value: 70 });
    const agreed = await r.positions.agree({ sessionId: s.id, cardId: 'k', participant: 'ANNA', value: 60 });
    expect(agreed).toMatchObject({ id: first.id, participant: 'Anna', value: 60, agreed: true });
    expect(await r.positions.list(s.id, 'k')).toHaveLength(1);
  });

  it('the room gives the phone "anna" its own label, so Anna’s marker stays hers', async () => {
    const pid = newParticipantId();
    let state = initialRoom('k');
    const events: RoomEvent[] = [
      { type: 'phone', peer: 'p1', message: { t: 'join', v: ROOM_LIMITS.version, pid, seq: 1, name: 'anna' } },
      {
        type: 'phone',
        peer: 'p1',
        message: { t: 'vote', v: ROOM_LIMITS.version, pid, seq: 2, card: 'k', position: 80 },
      },
    ];
    for (const e of events) state = roomReducer(state, e);
    const labels = assignLabels({}, joinOrder(state), new Set(['Anna']), (n) => `Telefoon ${n}`);
    expect(labels[pid]).toBe('anna (2)');
    const writes = positionsToSave(state, labels, new Map());
    expect(writes).toEqual([{ card: 'k', pid, label: 'anna (2)', value: 80 }]);

    const r = await repo();
    const s = await r.sessions.create({ kind: 'workshop', title: 'W', team: '', date: '2024-05-01', lang: 'nl' });
    await r.positions.set({ sessionId: s.id, cardId: 'k', participant: 'Anna', value: 20 });
    for (const w of writes)
      await r.positions.set({ sessionId: s.id, cardId: w.card, participant: w.label, value: w.value });
    const stored = (await r.positions.list(s.id, 'k')).map((p) => [p.participant, p.value]).sort();
    expect(stored).toEqual([
      ['Anna', 20],
      ['anna (2)', 80],
    ]);
  });

  it('an anonymous label that a stored name already uses is skipped', () => {
    const pid = newParticipantId();
    const labels = assignLabels({}, [{ pid }], new Set(['telefoon 1']), (n) => `Telefoon ${n}`);
    expect(labels[pid]).toBe('Telefoon 2');
  });
});
