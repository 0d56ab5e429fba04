/** Anything the app can write, after any edit, imports again into an empty database, identical. */
import { describe, expect, it } from 'vitest';
import { checkRoundTrip, runRoundTrip } from '../support/roundtrip-property';

describe('export → import round trip (property, fixed seed)', () => {
  it('random sessions, notes, positions and actions, edited through the repo, come back the same', async () => {
    const { runs } = await runRoundTrip({ numRuns: 25 });
    expect(runs).toBe(25);
  }, 60_000);

  it('a hand-picked case with every awkward character and every edit', async () => {
    await checkRoundTrip([
      {
        kind: 'teamoverleg',
        title: ' \ud800 titel 🙂 ',
        team: ' Team \u202e ',
        date: '1000-01-01',
        lang: 'nl',
        deck: { seed: '\ufeff', cards: ['a+b&c=d#e%f/g?h', 'ü文🙂'] },
        lens: 'ouder',
        origin: 'scan',
        notes: [{ cardId: 'a+b&c=d#e%f/g?h', texts: ['eerste', '\u0000\r\n\udfff tweede'] }],
        positions: [{ cardId: 'k1', participant: '', value: 0, moveTo: 100, agree: true }],
        actions: [
          {
            text: 'doen',
            cardId: 'k1',
            owner: 'A',
            due: '9999-12-31',
            patch: { owner: null, due: null, cardId: null, text: undefined },
            toggle: true,
            remove: false,
          },
        ],
        rename: '',
        update: { team: 'x', date: '2024-02-29', kind: 'workshop' },
        fate: 'duplicate',
      },
      {
        kind: 'zelfreflectie',
        title: 'weg',
        team: '',
        date: '2024-01-01',
        lang: 'en',
        deck: {},
        lens: undefined,
        origin: undefined,
        notes: [{ cardId: 'k1', texts: ['geheim'] }],
        positions: [],
        actions: [],
        rename: undefined,
        update: undefined,
        fate: 'delete',
      },
    ]);
  });
});
