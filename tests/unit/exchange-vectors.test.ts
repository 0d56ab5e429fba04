/**
 * Pinned outputs of every function whose result is stored or exchanged: derived import ids
 * (canonicalJson + hash128 in merge.ts), the export file text, and the encrypted file with
 * its authenticated header. The expected values were computed from the code as released;
 * if one of these fails, a change would make re-imports add duplicates or old files fail
 * to decrypt. Change the code back, do not update the vectors.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalJson, hash128 } from '../../src/lib/exchange/canonical';
import { decryptExport, encryptExport } from '../../src/lib/exchange/crypto';
import { serialize } from '../../src/lib/exchange/format';
import { deriveId, planImport } from '../../src/lib/exchange/merge';
import type { Dataset, Session } from '../../src/lib/store/types';

afterEach(() => {
  vi.restoreAllMocks();
});

const session: Session = {
  id: 's1',
  kind: 'teamoverleg',
  title: 'Sessie',
  team: 'Team',
  date: '2024-05-01',
  lang: 'nl',
  deck: { seed: 'abc' },
  createdAt: 10,
  updatedAt: 10,
};

const file: Dataset = {
  sessions: [session],
  notes: [{ id: 'n1', sessionId: 's1', cardId: 'k1', text: 'een', updatedAt: 11 }],
  positions: [{ id: 'p1', sessionId: 's1', cardId: 'k1', participant: 'A', value: 25, agreed: true, updatedAt: 14 }],
  actions: [{ id: 'a1', sessionId: 's1', text: 'doen', done: false, createdAt: 15, updatedAt: 15 }],
};

describe('canonicalJson (pinned)', () => {
  it('gives the same text as the released version', () => {
    const cases: [unknown, string][] = [
      [null, 'null'],
      [true, 'true'],
      [0, '0'],
      [-0, '0'],
      [1.5, '1.5'],
      [1e21, '1e+21'],
      ['a"b\\c', '"a\\"b\\\\c"'],
      ['\ud800', '"\\ud800"'],
      [[1, undefined, 'x'], '[1,null,"x"]'],
      [
        { b: 1, a: [{ d: undefined, c: 'é' }], A: null, '10': 1, '9': 2 },
        '{"10":1,"9":2,"A":null,"a":[{"c":"é"}],"b":1}',
      ],
      [{ z: { y: { x: '🌱' } } }, '{"z":{"y":{"x":"🌱"}}}'],
    ];
    for (const [value, expected] of cases) expect(canonicalJson(value), expected).toBe(expected);
  });
});

describe('hash128 (pinned)', () => {
  it('gives the same 32 hex characters as the released version', () => {
    const cases: [string, string][] = [
      ['', '0cbddfd1689e489e74e67c7ba891b854'],
      ['a', '75684cac3f6b208d3a792c7b982ccc21'],
      ['b', '99981a04ba6b43d527aa11b490e92c37'],
      ['ab', '8598af29cfa8fd00cdb55be808dc64bf'],
      ['ba', '70abaab0127a0aeb954a5fd0571d36b5'],
      ['Ken je Kracht?', '3922feda17232a102117870eb8a243ef'],
      ['🌱 שלום 世界', '5d21e3a96b0bec04a99d183a980289fa'],
      ['\ud800', 'da8d12263cf09e97367ef905b457bf6b'],
      ['x'.repeat(1000), '4b58c0c713ce2d83718931141064a311'],
    ];
    for (const [text, expected] of cases) expect(hash128(text), text.slice(0, 20)).toBe(expected);
  });
});

describe('derived import ids (pinned)', () => {
  it('deriveId', () => {
    expect(deriveId('s1', hash128('x'), 0)).toBe('iec045416802007c721f510c907e47b63');
    expect(deriveId('n1', '0123456789abcdef0123456789abcdef', 3)).toBe('ie0fff33040059ea77b0ab327df887267');
  });

  it('a copied session and its records get the same ids as in the released version', () => {
    const stored: Dataset = { sessions: [{ ...session, title: 'Anders' }], notes: [], positions: [], actions: [] };
    const plan = planImport(file, stored);
    expect(plan.sessions).toEqual([
      {
        sourceId: 's1',
        targetId: 'i5214e178225d7ab7d8799be1fe747a3b',
        title: 'Sessie (geïmporteerd)',
        decision: 'copy',
        reason: 'differs',
        records: { sessions: 1, notes: 1, positions: 1, actions: 1 },
      },
    ]);
    expect(plan.write.sessions.map((r) => r.id)).toEqual(['i5214e178225d7ab7d8799be1fe747a3b']);
    expect(plan.write.notes.map((r) => r.id)).toEqual(['iaf56d69bfe924eb419d38fe65edf1cbe']);
    expect(plan.write.positions.map((r) => r.id)).toEqual(['i692fcc8e81d1c0a45c7fc54df20861b1']);
    expect(plan.write.actions.map((r) => r.id)).toEqual(['ied14b9076ed8caa2a455af7a1fff1ee7']);
  });
});

describe('export file text (pinned)', () => {
  it('serialize writes the same bytes as the released version', () => {
    const expected = [
      '{',
      '  "type": "ken-je-kracht/export",',
      '  "version": 1,',
      '  "exportedAt": "2024-05-03T10:00:00.000Z",',
      '  "app": "ken-je-kracht",',
      '  "scope": "all",',
      '  "data": {',
      '    "sessions": [',
      '      {',
      '        "id": "s1",',
      '        "kind": "teamoverleg",',
      '        "title": "Sessie",',
      '        "team": "Team",',
      '        "date": "2024-05-01",',
      '        "lang": "nl",',
      '        "deck": {',
      '          "seed": "abc"',
      '        },',
      '        "createdAt": 10,',
      '        "updatedAt": 10',
      '      }',
      '    ],',
      '    "notes": [',
      '      {',
      '        "id": "n1",',
      '        "sessionId": "s1",',
      '        "cardId": "k1",',
      '        "text": "een",',
      '        "updatedAt": 11',
      '      }',
      '    ],',
      '    "positions": [',
      '      {',
      '        "id": "p1",',
      '        "sessionId": "s1",',
      '        "cardId": "k1",',
      '        "participant": "A",',
      '        "value": 25,',
      '        "agreed": true,',
      '        "updatedAt": 14',
      '      }',
      '    ],',
      '    "actions": [',
      '      {',
      '        "id": "a1",',
      '        "sessionId": "s1",',
      '        "text": "doen",',
      '        "done": false,',
      '        "createdAt": 15,',
      '        "updatedAt": 15',
      '      }',
      '    ]',
      '  }',
      '}',
    ].join('\n');
    expect(serialize(file, 'all', { exportedAt: Date.UTC(2024, 4, 3, 10) })).toBe(expected);
  });
});

describe('encrypted file (pinned)', () => {
  it('builds the same header and authenticates it the same way as the released version', async () => {
    // Fixed "random" bytes and a low work factor make the output deterministic.
    let n = 0;
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      const bytes = array as unknown as Uint8Array;
      for (let i = 0; i < bytes.length; i++) bytes[i] = (n++ * 37 + 11) & 0xff;
      return array;
    });
    const text = await encryptExport('{"hello":"wereld 🌱"}', 'geheim', { unsafeTestIterations: 1000 });
    expect(text).toBe(
      [
        '{',
        '  "type": "ken-je-kracht/encrypted",',
        '  "version": 1,',
        '  "kdf": {',
        '    "name": "PBKDF2",',
        '    "hash": "SHA-256",',
        '    "iterations": 1000,',
        '    "salt": "CzBVep/E6Q4zWH2ix+wRNg=="',
        '  },',
        '  "cipher": {',
        '    "name": "AES-GCM",',
        '    "iv": "W4Clyu8UOV6DqM3y"',
        '  },',
        // Ciphertext and GCM tag: the tag covers canonicalJson(header) as additional data.
        '  "data": "EDZXfIZTh6PjUhocCj/crdmB5PxTjktB7rRx5ZRFrrSM267RdjNH"',
        '}',
      ].join('\n'),
    );
    // The low work factor is refused on decryption (files must ask for >= 600,000).
    expect((await decryptExport(text, 'geheim')).ok).toBe(false);
  });
});
