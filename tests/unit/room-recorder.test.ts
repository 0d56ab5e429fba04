/** The room recorder: a room's votes saved into the presenter's session, once, with retries. */
import { describe, expect, it, vi } from 'vitest';
import { newParticipantId } from '../../src/lib/room/crypto';
import { initialRoom, roomReducer, type RoomEvent, type RoomState } from '../../src/lib/room/reducer';
import { createRecorder } from '../../src/lib/room/recorder';
import { OWN_PARTICIPANT } from '../../src/lib/sessions/positions';
import type { Repo } from '../../src/lib/store/repo';
import { freshRepos } from '../support/store';
import { A, join, vote } from '../support/room-events';

const B = 'doel-of-besparing';
const phone = (n: number) => `Telefoon ${n}`;
const [ann, bob] = [newParticipantId(), newParticipantId()];
const room = (events: RoomEvent[], from: RoomState = initialRoom(A)) => events.reduce(roomReducer, from);

const repos = freshRepos('kjk-recorder');

async function session(repo: Repo) {
  return repo.sessions.create({ kind: 'teamoverleg', title: 'Zaal', team: 'Noord', date: '2024-05-01', lang: 'nl' });
}

/** The repo's positions with spies in front (the real part is a lazy proxy that spyOn cannot wrap). */
function spied(repo: Repo) {
  const p = repo.positions;
  const positions = {
    list: p.list,
    set: vi.fn((input: Parameters<typeof p.set>[0]) => p.set(input)),
    agree: vi.fn((input: Parameters<typeof p.agree>[0]) => p.agree(input)),
  };
  return { positions };
}

/** A recorder over spied positions that notes every "not saved" flag it reports. */
async function flagged(before?: (fake: ReturnType<typeof spied>) => void) {
  const repo = await repos();
  const s = await session(repo);
  const flags: boolean[] = [];
  const fake = spied(repo);
  before?.(fake);
  const rec = await createRecorder({
    repo: fake,
    sessionId: s.id,
    anonymous: phone,
    onSaveFailed: (f) => flags.push(f),
  });
  return { repo, s, flags, fake, rec };
}

const byParticipant = async (repo: Repo, id: string) =>
  Object.fromEntries((await repo.positions.list(id)).map((p) => [`${p.cardId}/${p.participant}`, p.value]));

describe('createRecorder', () => {
  it('saves each vote once under the phone’s label, and a changed vote again', async () => {
    const repo = await repos();
    const s = await session(repo);
    const fake = spied(repo);
    const set = fake.positions.set;
    const rec = await createRecorder({ repo: fake, sessionId: s.id, anonymous: phone });
    let state = room([join(ann, 'p1', 'Ann'), join(bob, 'p2'), vote(ann, 'p1', 30), vote(bob, 'p2', 70)]);
    rec.record(state);
    rec.record(state);
    await rec.close();
    expect(set).toHaveBeenCalledTimes(2);
    expect(rec.labels()).toEqual({ [ann]: 'Ann', [bob]: 'Telefoon 1' });
    expect(await byParticipant(repo, s.id)).toEqual({ [`${A}/Ann`]: 30, [`${A}/Telefoon 1`]: 70 });

    state = room([vote(ann, 'p1', 40), { type: 'card', card: B } as RoomEvent, vote(bob, 'p2', 20, B)], state);
    rec.record(state);
    await rec.close();
    expect(set).toHaveBeenCalledTimes(4);
    expect(await byParticipant(repo, s.id)).toEqual({
      [`${A}/Ann`]: 40,
      [`${A}/Telefoon 1`]: 70,
      [`${B}/Telefoon 1`]: 20,
    });
  });

  it('labels already on the session stay theirs', async () => {
    const repo = await repos();
    const s = await session(repo);
    await repo.positions.set({ sessionId: s.id, cardId: A, participant: 'Ann', value: 10 });
    await repo.positions.set({ sessionId: s.id, cardId: A, participant: 'Telefoon 1', value: 90 });
    const rec = await createRecorder({ repo, sessionId: s.id, anonymous: phone });
    rec.record(room([join(ann, 'p1', 'Ann'), join(bob, 'p2'), vote(ann, 'p1', 30), vote(bob, 'p2', 70)]));
    await rec.close();
    expect(rec.labels()).toEqual({ [ann]: 'Ann (2)', [bob]: 'Telefoon 2' });
    expect(await byParticipant(repo, s.id)).toMatchObject({ [`${A}/Ann`]: 10, [`${A}/Telefoon 1`]: 90 });
  });

  it('a failing write is reported, tried again with the next change, and the flag clears', async () => {
    const { repo, s, flags, rec } = await flagged((f) => f.positions.set.mockRejectedValueOnce(new Error('disk')));
    let state = room([join(ann, 'p1'), vote(ann, 'p1', 30)]);
    rec.record(state);
    await rec.close();
    expect(flags).toEqual([true]);
    expect(await byParticipant(repo, s.id)).toEqual({});

    // Someone else joins: the next change carries the failed vote again.
    state = room([join(bob, 'p2')], state);
    rec.record(state);
    await rec.close();
    expect(flags).toEqual([true, false]);
    expect(await byParticipant(repo, s.id)).toEqual({ [`${A}/Telefoon 1`]: 30 });
  });

  it('one kind of write that works again does not clear another kind’s failure', async () => {
    const { flags, fake, rec } = await flagged();
    fake.positions.agree.mockRejectedValueOnce(new Error('disk'));
    expect(await rec.agree(A, 60)).toBe(false);
    // A vote is saved fine: the agreed position is still not stored, so the alert stays.
    rec.record(room([join(ann, 'p1'), vote(ann, 'p1', 30)]));
    await rec.close();
    expect(flags).toEqual([true]);
    expect(await rec.agree(A, 60)).toBe(true);
    expect(flags).toEqual([true, false]);
  });

  it('close waits for every queued write', async () => {
    const repo = await repos();
    const s = await session(repo);
    const rec = await createRecorder({ repo, sessionId: s.id, anonymous: phone });
    rec.record(room([join(ann, 'p1'), join(bob, 'p2'), vote(ann, 'p1', 30), vote(bob, 'p2', 70)]));
    await rec.close();
    expect(Object.keys(await byParticipant(repo, s.id))).toHaveLength(2);
  });

  it('agree: one write of the own position, flagged agreed, and known to the next recorder', async () => {
    const { repo, s, flags, fake, rec } = await flagged();
    expect(rec.agreed()).toEqual({});
    expect(await rec.agree(A, 55)).toBe(true);
    expect(rec.agreed()).toEqual({ [A]: 55 });
    const [own] = await repo.positions.list(s.id);
    expect(own).toMatchObject({ participant: OWN_PARTICIPANT, value: 55, agreed: true });
    expect((await createRecorder({ repo, sessionId: s.id, anonymous: phone })).agreed()).toEqual({ [A]: 55 });

    expect(fake.positions.agree).toHaveBeenCalledTimes(1);
    fake.positions.agree.mockRejectedValueOnce(new Error('disk'));
    expect(await rec.agree(A, 60)).toBe(false);
    expect(rec.agreed()).toEqual({ [A]: 55 });
    expect(flags).toEqual([true]);
  });
});
