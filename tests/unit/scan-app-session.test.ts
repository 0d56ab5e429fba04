/** A self-scan as stored: loading one (or finding none), and where "Volgende" goes. */
import { describe, expect, it } from 'vitest';
import { afterAnswer, loadScan } from '../../src/lib/scan/session';
import { OWN_PARTICIPANT } from '../../src/lib/sessions/positions';
import { freshRepos } from '../support/store';

const repos = freshRepos('kjk-scan-session');
const cards = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
const scan = { kind: 'zelfreflectie', title: 'Scan', team: 'Anna', date: '2026-12-01', lang: 'nl' } as const;

describe('loadScan', () => {
  it('the scan’s cards in its order, and only its own answers', async () => {
    const repo = await repos();
    const s = await repo.sessions.create({ ...scan, deck: { cards: ['c', 'gone', 'a'] } });
    await repo.positions.set({ sessionId: s.id, cardId: 'c', participant: OWN_PARTICIPANT, value: 30 });
    await repo.positions.set({ sessionId: s.id, cardId: 'a', participant: 'Bob', value: 80 });
    const loaded = await loadScan(repo, s.id, cards);
    expect(loaded?.order.map((c) => c.id)).toEqual(['c', 'a']);
    expect([...(loaded?.answers ?? [])]).toEqual([['c', 30]]);
  });

  it('none for an unknown id, a deleted scan, or a session that is not a scan', async () => {
    const repo = await repos();
    expect(await loadScan(repo, 'nope', cards)).toBeNull();
    const deleted = await repo.sessions.create(scan);
    await repo.sessions.softDelete(deleted.id);
    expect(await loadScan(repo, deleted.id, cards)).toBeNull();
    const meeting = await repo.sessions.create({ ...scan, kind: 'teamoverleg' });
    expect(await loadScan(repo, meeting.id, cards)).toBeNull();
  });
});

describe('afterAnswer', () => {
  const order = ['a', 'b', 'c', 'd'];
  it('the next open card, wrapping round to an earlier skipped one', () => {
    expect(afterAnswer(order, new Set(), 0)).toBe(1);
    expect(afterAnswer(order, new Set(['b']), 0)).toBe(2);
    expect(afterAnswer(order, new Set(['c']), 1)).toBe(3);
  });

  it('the profile (order.length) after the last card, or when every other card is done', () => {
    expect(afterAnswer(order, new Set(), 3)).toBe(4);
    expect(afterAnswer(order, new Set(['a', 'c', 'd']), 1)).toBe(4);
    // Only an earlier card is open: finish first, the profile shows what is missing.
    expect(afterAnswer(order, new Set(['c', 'd']), 2)).toBe(4);
  });
});
