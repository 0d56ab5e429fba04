/** The room at tables saved into the session: positions under "Tafel n · label", summaries as notes. */
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { newParticipantId } from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { initialRoom, type RoomEvent, type RoomState, roomReducer } from '../../src/lib/room/reducer';
import { createRecorder } from '../../src/lib/room/recorder';
import type { Repo } from '../../src/lib/store/repo';
import { freshRepos } from '../support/store';
import { A, join, nextSeq } from '../support/room-events';

const t = dictionaries.nl.room;
const [ann, bob, cas] = [newParticipantId(), newParticipantId(), newParticipantId()];
const run = (from: RoomState, ...events: RoomEvent[]) => events.reduce(roomReducer, from);
const tvote = (pid: string, peer: string, position: number): RoomEvent => ({
  type: 'phone',
  peer,
  message: { t: 'tvote', v: ROOM_LIMITS.version, pid, seq: nextSeq(), card: A, position },
});
const summary = (pid: string, peer: string, text: string): RoomEvent => ({
  type: 'phone',
  peer,
  message: { t: 'summary', v: ROOM_LIMITS.version, pid, seq: nextSeq(), text },
});

const repos = freshRepos('kjk-tables-records');

let tries = 0;
async function recorder(repo: Repo, failing = false) {
  const s = await repo.sessions.create({
    kind: 'teamoverleg',
    title: 'Zaal',
    team: 'Noord',
    date: '2024-05-01',
    lang: 'nl',
  });
  const positions = failing
    ? {
        list: repo.positions.list,
        agree: repo.positions.agree,
        set: () => {
          tries++;
          return Promise.reject(new Error('full'));
        },
      }
    : repo.positions;
  const failed: boolean[] = [];
  const rec = await createRecorder({
    repo: { positions, notes: repo.notes },
    sessionId: s.id,
    anonymous: (n) => fill('nl', t.phoneName, { n }),
    tableLabel: (n, name) => fill('nl', t.tables.label, { n, name }),
    tableNote: (n, text) => fill('nl', t.tables.note, { n, text }),
    onSaveFailed: (f) => failed.push(f),
  });
  return { rec, id: s.id, failed };
}

describe('saving tables', () => {
  it('saves each table position under its table and label, and the scribe’s summary as a note on the card', async () => {
    const repo = await repos();
    const { rec, id } = await recorder(repo);
    let s = run(
      initialRoom(A),
      join(ann, 's1', 'Ann'),
      join(bob, 's2'),
      join(cas, 's3'),
      { type: 'tables', action: { kind: 'start', split: { by: 'count', n: 2 }, card: A } },
      tvote(ann, 's1', 20),
      tvote(bob, 's2', 70),
      summary(ann, 's1', 'We twijfelen'),
    );
    rec.record(s);
    s = run(s, summary(ann, 's1', 'We twijfelen, maar kiezen voor veiligheid'));
    rec.record(s);
    await rec.close();
    const saved = (await repo.positions.list(id)).map((p) => `${p.participant}=${p.value}`).sort();
    expect(saved).toEqual(['Tafel 1 · Ann=20', 'Tafel 2 · Telefoon 1=70']);
    const note = await repo.notes.get(id, A);
    // The block is replaced where it stands, not added again; no device id in it.
    expect(note?.text).toBe('Tafel 1 — samenvatting: We twijfelen, maar kiezen voor veiligheid');
    expect(note?.text).not.toContain(ann);
  });

  it('says a failed write, and tries it again with the next change', async () => {
    const repo = await repos();
    const { rec, failed } = await recorder(repo, true);
    const s = run(
      initialRoom(A),
      join(ann, 's1'),
      join(bob, 's2'),
      { type: 'tables', action: { kind: 'start', split: { by: 'count', n: 2 }, card: A } },
      tvote(ann, 's1', 20),
    );
    rec.record(s);
    await rec.close();
    expect(failed).toEqual([true]);
    expect(tries).toBe(1);
    rec.record(s);
    await rec.close();
    expect(failed).toEqual([true]);
    expect(tries).toBe(2);
  });
});
