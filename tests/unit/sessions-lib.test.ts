/** The pure helpers behind the sessions page: deck of a session, pasted links, drafts, routes, formats, positions. */
import { describe, expect, it, vi } from 'vitest';
import type { DeckCard } from '../../src/lib/deck';
import { CARDS } from '../support/cards';
import { createBus, echoingSync } from '../../src/lib/sessions/bus';
import { deckFromLink, sessionDeck } from '../../src/lib/sessions/deck';
import {
  clearDrafts,
  draftKey,
  listDrafts,
  readDraft,
  recoverDrafts,
  removeDraft,
  writeDraft,
  type Draft,
  type DraftStorage,
} from '../../src/lib/sessions/drafts';
import { formatBytes, formatDay, median, todayIso } from '../../src/lib/sessions/format';
import { sessionDeckSize, teamNames } from '../../src/lib/sessions/list';
import { historyPoints, leaning, ownPosition, participantPositions } from '../../src/lib/sessions/positions';
import { parseRoute, routeSearch } from '../../src/lib/sessions/route';
import type { PositionHistoryEntry } from '../../src/lib/store/repo';
import type { ChangeMessage, SyncChannel } from '../../src/lib/store/sync';
import type { Position, Session } from '../../src/lib/store/types';

const ids = (cards: DeckCard[]) => cards.map((c) => c.id);

describe('sessionDeck', () => {
  it('keeps a hand-picked order and drops cards that no longer exist', () => {
    expect(ids(sessionDeck(CARDS, { cards: ['regie-2', 'gone', 'visies-0'] }))).toEqual(['regie-2', 'visies-0']);
  });
  it('shuffles the whole fan with the seed, the same way every time', () => {
    const a = ids(sessionDeck(CARDS, { seed: 'k7f2x' }));
    expect(a).toHaveLength(25);
    expect(a).not.toEqual(ids(CARDS));
    expect(ids(sessionDeck(CARDS, { seed: 'k7f2x' }))).toEqual(a);
  });
  it('uses fan order without seed or cards, and cards win over a seed', () => {
    expect(ids(sessionDeck(CARDS, {}))).toEqual(ids(CARDS));
    expect(ids(sessionDeck(CARDS, { seed: 'abc', cards: ['grenzen-1'] }))).toEqual(['grenzen-1']);
  });
});

describe('deckFromLink', () => {
  it('reads a shared shuffle as its seed, from a full address or a bare query', () => {
    for (const text of [
      'https://example.org/kaarten/?schud=k7f2x#trek',
      '/kaarten/?schud=k7f2x',
      '?schud=k7f2x',
      ' schud=K7F2X ',
    ]) {
      const r = deckFromLink(text, CARDS);
      expect(r.ref, text).toEqual({ seed: 'k7f2x' });
      expect(r.count).toBe(25);
      expect(r.problems).toEqual([]);
    }
  });
  it('stores a filtered deck as its card ids, in the order the link showed them', () => {
    const r = deckFromLink('/kaarten/?schud=k7f2x&thema=regie&soort=dilemma', CARDS);
    expect(r.ref?.cards).toHaveLength(4);
    expect(r.ref?.cards?.every((id) => id.startsWith('regie-') && id !== 'regie-0')).toBe(true);
    expect(r.ref?.seed).toBe('k7f2x');
    expect(ids(sessionDeck(CARDS, r.ref!))).toEqual(r.ref?.cards);
  });
  it('keeps a hand-picked selection and reports what it skipped', () => {
    const r = deckFromLink('/en/cards/?kaarten=regie-1,nope,regie-1,visies-2', CARDS);
    expect(r.ref).toEqual({ cards: ['regie-1', 'visies-2'] });
    expect(r.problems.map((p) => p.code)).toEqual(['unknown-card', 'duplicate-card']);
  });
  it('refuses a link without a deck, or one that gives no cards', () => {
    expect(deckFromLink('https://example.org/kaarten/', CARDS)).toMatchObject({
      ref: null,
      problems: [{ code: 'no-deck' }],
    });
    expect(deckFromLink('', CARDS).ref).toBeNull();
    const none = deckFromLink('?kaarten=nope', CARDS);
    expect(none.ref).toEqual({});
    expect(none.problems.map((p) => p.code)).toContain('unknown-card');
    const bad = deckFromLink('?schud=NOT A SEED!', CARDS);
    expect(bad.problems[0]?.code).toBe('bad-seed');
  });
});

/** A Storage stand-in; `full` makes setItem throw like a full or blocked localStorage. */
function memoryStorage(opts: { full?: boolean } = {}): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (opts.full) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

const draft = (over: Partial<Draft> = {}): Draft => ({
  sessionId: 's1',
  cardId: 'c1',
  text: 'hallo',
  base: null,
  at: 1,
  tab: 't1',
  ...over,
});

describe('draft journal', () => {
  it('writes, reads, lists and removes drafts per session and card', () => {
    const storage = memoryStorage();
    expect(writeDraft(storage, draft())).toBe(true);
    expect(writeDraft(storage, draft({ cardId: 'c2', at: 0, text: 'b' }))).toBe(true);
    storage.setItem('other-app', 'x');
    expect(readDraft(storage, 's1', 'c1')).toEqual(draft());
    expect(listDrafts(storage).map((d) => d.cardId)).toEqual(['c2', 'c1']);
    removeDraft(storage, 's1', 'c1', (d) => d.tab === 'someone-else');
    expect(readDraft(storage, 's1', 'c1')).not.toBeNull();
    removeDraft(storage, 's1', 'c1');
    expect(readDraft(storage, 's1', 'c1')).toBeNull();
    clearDrafts(storage);
    expect(listDrafts(storage)).toEqual([]);
    expect(storage.getItem('other-app')).toBe('x');
  });
  it('ignores damaged entries and tolerates a missing or full storage', () => {
    const storage = memoryStorage();
    storage.setItem(draftKey('s1', 'c1'), '{not json');
    storage.setItem(draftKey('s1', 'c2'), JSON.stringify({ sessionId: 's1' }));
    expect(readDraft(storage, 's1', 'c1')).toBeNull();
    expect(listDrafts(storage)).toEqual([]);
    expect(writeDraft(memoryStorage({ full: true }), draft())).toBe(false);
    expect(writeDraft(null, draft())).toBe(false);
    expect(listDrafts(null)).toEqual([]);
  });
  it('keys cannot collide for ids containing the separator', () => {
    expect(draftKey('a:b', 'c')).not.toBe(draftKey('a', 'b:c'));
  });
  it('recovers drafts through the given save: saved and gone are removed, conflicts stay', async () => {
    const storage = memoryStorage();
    writeDraft(storage, draft({ cardId: 'ok' }));
    writeDraft(storage, draft({ cardId: 'clash' }));
    writeDraft(storage, draft({ cardId: 'deleted' }));
    const save = vi.fn(
      async (d: Draft): Promise<'saved' | 'conflict' | 'gone'> =>
        d.cardId === 'ok' ? 'saved' : d.cardId === 'clash' ? 'conflict' : 'gone',
    );
    expect(await recoverDrafts(storage, save)).toEqual({ saved: 1, conflict: 1, gone: 1, error: 0 });
    expect(listDrafts(storage).map((d) => d.cardId)).toEqual(['clash']);
  });
});

describe('routes in the query string', () => {
  it('round-trips list, session (1-based card) and report', () => {
    expect(parseRoute('')).toEqual({ view: 'list' });
    expect(parseRoute('?sessie=abc&kaart=3')).toEqual({ view: 'session', id: 'abc', card: 2 });
    expect(parseRoute('?sessie=abc&verslag=1')).toEqual({ view: 'report', id: 'abc' });
    for (const r of [
      { view: 'list' },
      { view: 'session', id: 'a b&c', card: 4 },
      { view: 'report', id: 'x' },
    ] as const) {
      expect(parseRoute(routeSearch(r))).toEqual(r);
    }
    expect(routeSearch({ view: 'session', id: 'x', card: 0 })).toBe('?sessie=x');
  });
  it('falls back on anything malformed', () => {
    expect(parseRoute('?sessie=')).toEqual({ view: 'list' });
    expect(parseRoute(`?sessie=${'x'.repeat(300)}`)).toEqual({ view: 'list' });
    expect(parseRoute('?sessie=a&kaart=-2')).toEqual({ view: 'session', id: 'a', card: 0 });
    expect(parseRoute('?sessie=a&kaart=abc')).toEqual({ view: 'session', id: 'a', card: 0 });
  });
});

describe('formats', () => {
  it('writes meeting days in the page language without shifting the day', () => {
    expect(formatDay('2025-03-14', 'nl')).toBe('14 maart 2025');
    expect(formatDay('2025-03-14', 'en')).toBe('14 March 2025');
    expect(formatDay('not a day', 'nl')).toBe('not a day');
    expect(todayIso(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
  it('writes storage sizes for people', () => {
    expect(formatBytes(0, 'nl')).toBe('0 B');
    expect(formatBytes(1536, 'nl')).toBe('1,5 KB');
    expect(formatBytes(5 * 1024 * 1024, 'en')).toBe('5.0 MB');
    expect(formatBytes(Number.NaN, 'en')).toBe('0 B');
  });
  it('finds the middle of the markers', () => {
    expect(median([])).toBe(50);
    expect(median([80, 20, 40])).toBe(40);
    expect(median([10, 20, 30, 41])).toBe(25);
  });
});

const pos = (over: Partial<Position>): Position => ({
  id: 'p',
  sessionId: 's',
  cardId: 'c',
  participant: '',
  value: 50,
  agreed: false,
  updatedAt: 1,
  ...over,
});
const session = (over: Partial<Session>): Session => ({
  id: 's',
  kind: 'teamoverleg',
  title: 'T',
  team: 'Noord',
  date: '2025-01-01',
  lang: 'nl',
  deck: {},
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

describe('positions', () => {
  it('separates named markers from the reserved own/agreed one', () => {
    const list = [
      pos({ id: 'b', participant: 'Bram', updatedAt: 3 }),
      pos({ id: 'x', participant: '', agreed: true }),
      pos({ id: 'a', participant: 'Anna', updatedAt: 2 }),
    ];
    expect(participantPositions(list).map((p) => p.participant)).toEqual(['Anna', 'Bram']);
    expect(ownPosition(list, 'teamoverleg')?.id).toBe('x');
    expect(ownPosition([pos({ id: 'y' })], 'zelfreflectie')?.id).toBe('y');
    expect(ownPosition([pos({ id: 'y' })], 'workshop')).toBeUndefined();
  });
  it('says which pole a value leans to', () => {
    expect([0, 44, 45, 55, 56, 100].map(leaning)).toEqual(['a', 'a', 'middle', 'middle', 'b', 'b']);
  });
  it('makes one history point per session that agreed (or reflected alone)', () => {
    const entries: PositionHistoryEntry[] = [
      {
        session: session({ id: 's1', date: '2025-01-01' }),
        positions: [pos({ participant: 'Anna', value: 10 })],
        agreed: null,
      },
      {
        session: session({ id: 's2', date: '2025-02-01' }),
        positions: [pos({ value: 30, agreed: true })],
        agreed: pos({ value: 30, agreed: true }),
      },
      {
        session: session({ id: 's3', kind: 'zelfreflectie', date: '2025-03-01' }),
        positions: [pos({ value: 70 })],
        agreed: null,
      },
    ];
    expect(historyPoints(entries).map((p) => [p.sessionId, p.value])).toEqual([
      ['s2', 30],
      ['s3', 70],
    ]);
  });
});

describe('change bus', () => {
  it('delivers this tab its own writes after the caller, and other tabs through the channel', async () => {
    const posted: unknown[] = [];
    const sync: SyncChannel = {
      available: true,
      post: (c) => posted.push(c),
      subscribe: () => () => {},
      close: () => {},
    };
    const bus = createBus();
    const seen: ChangeMessage[] = [];
    bus.subscribe((m) => seen.push(m));
    bus.subscribe(() => {
      throw new Error('a broken view');
    });
    const echo = echoingSync(sync, bus);
    echo.post({ store: 'notes', id: 'n1', updatedAt: 5 });
    expect(seen).toEqual([]);
    await Promise.resolve();
    expect(seen).toEqual([{ type: 'changed', store: 'notes', id: 'n1', updatedAt: 5 }]);
    expect(posted).toEqual([{ store: 'notes', id: 'n1', updatedAt: 5 }]);
  });
});

describe('the session list', () => {
  const cards = ['a', 'b', 'c', 'd'].map((id, i) => ({
    id,
    number: i + 1,
    theme: 'visies' as const,
    kind: 'dilemma' as const,
  }));
  it('counts the cards of a session as sessionDeck does, without building the deck', () => {
    const refs = [
      {},
      { seed: 'abc' },
      { cards: [] },
      { cards: ['b', 'a'] },
      { cards: ['a', 'a', 'x'] },
      { cards: ['x', 'y'] },
    ];
    for (const ref of refs)
      expect(sessionDeckSize(cards, ref), JSON.stringify(ref)).toBe(sessionDeck(cards, ref).length);
    expect(sessionDeckSize(cards, { cards: ['a', 'a', 'x'] })).toBe(1);
  });
  it('suggests each team name once, sorted, without empty ones', () => {
    expect(teamNames([{ team: 'Zuid' }, { team: '' }, { team: 'Noord' }, { team: 'Zuid' }])).toEqual(['Noord', 'Zuid']);
  });
});
