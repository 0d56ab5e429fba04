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
  const fixedRandom = () => {
    let n = 0;
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      const bytes = array as unknown as Uint8Array;
      for (let i = 0; i < bytes.length; i++) bytes[i] = (n++ * 37 + 11) & 0xff;
      return array;
    });
  };

  // Version 1 as released (unpadded), with fixed "random" bytes and a low work factor: kept as
  // the record of how version 1 built its header; the low work factor is refused on decryption.
  const V1_LOW = [
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
  ].join('\n');

  // The same, made by the released version 1 with the real 600,000 rounds (the same fixed bytes).
  const V1_REAL = JSON.stringify({
    type: 'ken-je-kracht/encrypted',
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600000, salt: 'CzBVep/E6Q4zWH2ix+wRNg==' },
    cipher: { name: 'AES-GCM', iv: 'W4Clyu8UOV6DqM3y' },
    data: 'uk/Sj0hbSaFXSlvNpLOgYodaNn1ZLOHDtiFgVeCueubgZInLWHtN',
  });

  it('an old unpadded version 1 file still decrypts, and a low work factor is still refused', async () => {
    expect(await decryptExport(V1_REAL, 'geheim')).toEqual({ ok: true, plaintext: '{"hello":"wereld 🌱"}' });
    expect((await decryptExport(V1_LOW, 'geheim')).ok).toBe(false);
    expect((await decryptExport(V1_REAL, 'Geheim')).ok).toBe(false);
  });

  it('version 2 builds the same header (version 2) and authenticates it the same way, over padded text', async () => {
    fixedRandom();
    const text = await encryptExport('{"hello":"wereld 🌱"}', 'geheim', { unsafeTestIterations: 1000 });
    const file = JSON.parse(text) as Record<string, unknown>;
    const { data, ...header } = file;
    expect(text.startsWith(V1_LOW.slice(0, V1_LOW.indexOf('"version"')))).toBe(true);
    expect(header).toEqual({ ...(JSON.parse(V1_LOW) as Record<string, unknown>), version: 2, data: undefined });
    // 1 KiB of padded plaintext and the 16-byte tag.
    expect(atob(data as string)).toHaveLength(1024 + 16);
    expect(text).toMatchInlineSnapshot(`
      "{
        "type": "ken-je-kracht/encrypted",
        "version": 2,
        "kdf": {
          "name": "PBKDF2",
          "hash": "SHA-256",
          "iterations": 1000,
          "salt": "CzBVep/E6Q4zWH2ix+wRNg=="
        },
        "cipher": {
          "name": "AES-GCM",
          "iv": "W4Clyu8UOV6DqM3y"
        },
        "data": "EDZXfIZTh6PjUhocCj/crdmB5PxTjksAdJIZau0dBaFm+vKRNrb2mRW1RVp3ZQ7QgVluAhF7OABBBchz9S41GNi7QGG30E49tyS/GRuza6pHTJZ1d3w5Eh7wgfIYQ7K+DFgZg0qaNRFGnmCGGIcQXHOGGeH7V90S0MdKo/McE/OjUhNCyY0YoSbQnT03ukHq0eJSnBbvX+PYf9MakhautzKAicLxpJisWX36nKmdFePGB3iJjuXHIw6rYLnfJcNHyQ7K0JVBBwYZ+6BC0ih/qIH0mC5O3c0fCL4OG46FUwVui4xh20qIf2um0yZIuRqO8gb3JDgnzZSavZGXxe5CAUPeE/3rFto8oT9SCFNc8I3edKVQyb3usysEWyX7muL6jNRwmjjyswoXYPQDP16QwTLSrtFOvC19iCPd93qCY1PJ7SWLFXAx3VX4jMVDU3LxRVb7qsTRgbTQUrkL2ZySmKjEFrqK0wKDOv0++0pIfgm9UgNJYY/uEv13i4s989LHGrwU3NpVyEtpyBEPqUid0m5dA694hEnp5oUSWfyTJ0/mTidWJufbc8IbptE8K76VjyFBYo8yNWlpQqsD32wbvLyDBg8SLqk4SsckXbntQWvTpW12rXjUIaIffey8t5QTUK9g3ZP+vkyPDRK+ZwY1q2dkaNQcJHvxhQyGBZAHBxpk3Ak5UfezlRh6lV35QAQjgOkQ4HDzuI7QOLscqejhR+OZiJuHoknP0wQwfVQ91bY3+HvQGLrn0k/I6Pd1vyTpbQ8r8QN8AADQUwP8IOblWOLi6Pf8mqxFgbszNuWDkSugzFSTEDDUDWdY0k6YyEoUJZn8X03CPExh2rZ151rHIN+kENDhqGHszQkkM2onp/Krlub4Sj684JX/ZJxAIA3UTuEahG2dTJhFdOuHH4POZp3VBnE08WW/8W0Jum9vOTss3uo4YRBsBFOtm/750aVK4ajehZS7bShFcLEIFUyjBdcSmhejls6Ia7XT1j+8s2rRDHkEc/R4hMmw8LoMNz4XiEBh/gzLUTsRNnhp9zHkXzGpeJeTRvh6in3MDmp1YaPKW4SzniDvE7IYq3gDo/3/4Q0G6ByZ2313fhOBSceMtCObwwVpUNoAPEUd0A/V4/q9rhHhi9vbYdS56TsdV5pImGmJ1xcXcHFwauZYzjnGHXUG8QiLycGuIKHfdQGEe2hWiZty0yjnw8CkHooZj0aqjGeJ0vL37QgzknyROu76GyrrH4p0UEvS5nd5SF3DVMEok/ROddF/j7KVkArWNw+Y+Z/aOayU9OdGaW/fjxuuoimykNJ8p+FG0vWYFEYUHtSLNpzjY8EBQ0ZV17H5TeR0guh1/o6WkdV6Npr09n957RucrIDiNlRSOUTjre7bRY4="
      }"
    `);
    expect((await decryptExport(text, 'geheim')).ok).toBe(false);
  });
});
