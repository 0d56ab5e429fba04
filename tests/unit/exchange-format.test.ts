import { describe, expect, it } from 'vitest';
import {
  EXPORT_APP,
  EXPORT_TYPE,
  exportFileName,
  fileSlug,
  parseExport,
  serialize,
  utf8Length,
  withoutDeleted,
  type ParseResult,
} from '../../src/lib/exchange/format';
import type { Dataset } from '../../src/lib/store/types';

function sample(): Dataset {
  return {
    sessions: [
      {
        id: 's1',
        kind: 'workshop',
        title: 'Workshop',
        team: 'Team Noord',
        date: '2024-05-01',
        lang: 'nl',
        deck: { seed: 'abc', cards: ['k1', 'k2'] },
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_500,
      },
      {
        id: 's2',
        kind: 'zelfreflectie',
        title: 'Alleen',
        team: '',
        date: '2024-05-02',
        lang: 'en',
        deck: {},
        createdAt: 1_700_000_001_000,
        updatedAt: 1_700_000_001_000,
        deletedAt: 1_700_000_002_000,
      },
    ],
    notes: [{ id: 'n1', sessionId: 's1', cardId: 'k1', text: 'Notitie', updatedAt: 1_700_000_000_100 }],
    positions: [
      { id: 'p1', sessionId: 's1', cardId: 'k1', participant: 'Anna', value: 0, agreed: false, updatedAt: 1 },
      { id: 'p2', sessionId: 's1', cardId: 'k1', participant: 'Team', value: 100, agreed: true, updatedAt: 2 },
    ],
    actions: [
      { id: 'a1', sessionId: 's1', text: 'Bellen', done: false, createdAt: 3, updatedAt: 3 },
      {
        id: 'a2',
        sessionId: 's1',
        cardId: 'k2',
        text: 'Mailen',
        owner: 'Piet',
        due: '2024-06-01',
        done: true,
        createdAt: 4,
        updatedAt: 5,
      },
    ],
  };
}

/** An envelope as plain JSON text, so tests can break any part of it. */
function envelope(data: unknown = sample(), over: Record<string, unknown> = {}): string {
  return JSON.stringify({
    type: EXPORT_TYPE,
    version: 1,
    exportedAt: '2024-05-03T10:00:00.000Z',
    app: EXPORT_APP,
    scope: 'all',
    data,
    ...over,
  });
}

function expectError(result: ParseResult, code: string): string[] {
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(result.error.code).toBe(code);
  return result.error.details;
}

function expectOk(result: ParseResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.details.join('; ')}`);
  return result;
}

describe('serialize', () => {
  it('writes a versioned, pretty envelope that parses back to the same dataset', () => {
    const text = serialize(sample(), 'all', { exportedAt: Date.UTC(2024, 4, 3, 10) });
    const raw = JSON.parse(text);
    expect(raw).toMatchObject({
      type: EXPORT_TYPE,
      version: 1,
      app: EXPORT_APP,
      scope: 'all',
      exportedAt: '2024-05-03T10:00:00.000Z',
    });
    expect(Object.keys(raw)).toEqual(['type', 'version', 'exportedAt', 'app', 'scope', 'data']);
    expect(text).toContain('\n  "data": {');
    const parsed = expectOk(parseExport(text));
    // Everything but the deleted session s2 (a deleted session leaves every export at once).
    expect(parsed.dataset).toEqual(withoutDeleted(sample()));
    expect(parsed.dataset.sessions.map((x) => x.id)).toEqual(['s1']);
    expect(parsed.report).toMatchObject({
      counts: { sessions: 1, notes: 1, positions: 2, actions: 2 },
      droppedCount: 0,
      scope: 'all',
    });
  });

  it('leaves out fields a record should not carry', () => {
    const data = sample();
    (data.notes[0] as unknown as Record<string, unknown>).draft = 'intern';
    const text = serialize(data, 'session');
    expect(text).not.toContain('intern');
    expect(JSON.parse(text).scope).toBe('session');
  });

  it('names a backup by what it is, with the local date and whether it is encrypted', () => {
    const at = new Date(2024, 0, 9);
    expect(exportFileName({ scope: 'all', lang: 'nl', at })).toBe('kjk-back-up-2024-01-09.json');
    expect(exportFileName({ scope: 'all', lang: 'nl', at, encrypted: true })).toBe(
      'kjk-back-up-2024-01-09-versleuteld.json',
    );
    expect(exportFileName({ scope: 'all', lang: 'en', at })).toBe('kjk-backup-2024-01-09.json');
    expect(exportFileName({ scope: 'all', lang: 'en', at, encrypted: true })).toBe(
      'kjk-backup-2024-01-09-encrypted.json',
    );
  });

  it('names a session export neutrally: what it is and when, never its title', () => {
    const at = new Date(2024, 0, 9);
    expect(exportFileName({ scope: 'session', lang: 'nl', at, encrypted: true })).toBe(
      'kjk-sessie-2024-01-09-versleuteld.json',
    );
    expect(exportFileName({ scope: 'session', lang: 'en', at, encrypted: true })).toBe(
      'kjk-session-2024-01-09-encrypted.json',
    );
    // A plain file too: the name travels where the contents do not (attachment lists, logs).
    expect(exportFileName({ scope: 'session', lang: 'nl', at })).toBe('kjk-sessie-2024-01-09.json');
    // A title passed by an old caller is not an accepted input, and never reaches the name.
    const loose = { scope: 'session', lang: 'nl', at, title: 'Casus Jansen, Lisa (14)' } as Parameters<
      typeof exportFileName
    >[0];
    expect(exportFileName(loose)).toBe('kjk-sessie-2024-01-09.json');
  });

  it('fileSlug: a safe slug (a-z, 0-9, "-"), at most 40 characters', () => {
    expect(fileSlug('Teamoverleg: maart (één)')).toBe('teamoverleg-maart-een');
    // Nothing usable: empty, so a caller adds no empty part and no double dash.
    expect(fileSlug('🙂 / \\ ..')).toBe('');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug(`${'a'.repeat(39)} b${'c'.repeat(50)}`)).toBe('a'.repeat(39));
    for (const title of ['CON', 'a<b>c:d"e|f?g*h', 'İstanbul ß æ', '\u0000\u202e']) {
      expect(fileSlug(title)).toMatch(/^[a-z0-9-]*$/);
    }
  });
});

describe('byte-identical round trip', () => {
  const strings = [
    'emoji 🌱👩‍👩‍👧‍👦🏳️‍🌈 en 👍🏽',
    'CJK 你好，世界 こんにちは 안녕하세요',
    'RTL مرحبا بالعالم — שלום עולם \u202Eomgekeerd\u202C',
    'combining e\u0301 vs \u00e9 (NFD and NFC stay apart)',
    'lone high \ud800 and lone low \udfff and a\udc00b and \udbff at the end \ud83d',
    'controls \u0000 \u0007 \t \r\n \u2028 \u2029 \ufeff zero\u200dwidth',
    '"quotes" \\backslashes\\ </script> <!-- -->',
  ];

  it('keeps every string exactly, through text and through UTF-8 bytes as a file would', () => {
    const data = sample();
    data.sessions[0]!.title = strings.join(' | ');
    data.sessions[0]!.team = strings[2]!;
    data.positions[0]!.participant = strings[1]!;
    data.actions[1]!.owner = strings[4]!;
    data.notes = strings.map((text, i) => ({ id: `n${i}`, sessionId: 's1', cardId: `k${i}`, text, updatedAt: i }));

    const text = serialize(data, 'all');
    // JSON.stringify escapes lone surrogates, so the file itself is well-formed Unicode.
    expect(text.isWellFormed()).toBe(true);
    expect(text).toContain('\\ud800');
    expect(text).toContain('\\udfff');

    const viaFile = new TextDecoder().decode(new TextEncoder().encode(text));
    for (const source of [text, viaFile]) {
      const parsed = expectOk(parseExport(source));
      const notes = parsed.dataset.notes.map((n) => n.text);
      expect(notes).toEqual(strings);
      for (let i = 0; i < strings.length; i++) {
        const a = strings[i]!;
        const b = notes[i]!;
        expect(Array.from({ length: b.length }, (_, j) => b.charCodeAt(j))).toEqual(
          Array.from({ length: a.length }, (_, j) => a.charCodeAt(j)),
        );
      }
      expect(parsed.dataset.sessions[0]!.title).toBe(data.sessions[0]!.title);
      expect(parsed.dataset.actions[1]!.owner).toBe(strings[4]);
    }
  });

  it('keeps a note containing <script> and an onerror image as plain text (it is data)', () => {
    const data = sample();
    const hostile = '<script>alert("x")</script><img src=x onerror="alert(1)"><a href="javascript:alert(1)">klik</a>';
    data.notes[0]!.text = hostile;
    const parsed = expectOk(parseExport(serialize(data, 'all')));
    expect(parsed.dataset.notes[0]!.text).toBe(hostile);
  });
});

describe('parseExport rejects broken files before anything is written', () => {
  it('empty', () => {
    expectError(parseExport(''), 'empty');
    expectError(parseExport('  \n\t '), 'empty');
    expectError(parseExport('\ufeff'), 'empty');
  });

  it('truncated or not JSON', () => {
    const text = serialize(sample(), 'all');
    expectError(parseExport(text.slice(0, Math.floor(text.length / 2))), 'not-json');
    expectError(parseExport(text.slice(0, -1)), 'not-json');
    expectError(parseExport('hallo'), 'not-json');
    expectError(parseExport('\u0000\u0001PK\u0003\u0004'), 'not-json');
    expectError(parseExport('{"type": "ken-je-kracht/export",}'), 'not-json');
  });

  it('JSON that is not an export', () => {
    for (const text of ['[]', '42', 'null', '"text"', '{}', '{"type":"excalidraw","version":2}']) {
      expectError(parseExport(text), 'wrong-type');
    }
    const encrypted = parseExport('{"type":"ken-je-kracht/encrypted","version":1}');
    expectError(encrypted, 'wrong-type');
    expect(!encrypted.ok && encrypted.error.encrypted).toBe(true);
  });

  it('future and old versions, with an explanation', () => {
    const future = expectError(parseExport(envelope(sample(), { version: 2 })), 'future-version');
    expect(future.join(' ')).toMatch(/version 2.*up to version 1/);
    expectError(parseExport(envelope(sample(), { version: 0 })), 'old-version');
    expectError(parseExport(envelope(sample(), { version: '1' })), 'invalid');
    expectError(parseExport(envelope(sample(), { version: 1.5 })), 'invalid');
  });

  it('missing fields, reported per record path', () => {
    const data = sample() as unknown as { notes: Record<string, unknown>[]; sessions: Record<string, unknown>[] };
    delete data.notes[0]!.text;
    delete data.sessions[1]!.deck;
    const details = expectError(parseExport(envelope(data)), 'invalid');
    expect(details).toContain('data.notes[0].text: missing');
    expect(details).toContain('data.sessions[1].deck: missing');
    expectError(parseExport(envelope(sample(), { exportedAt: undefined })), 'invalid');
    const noActions = sample() as unknown as Record<string, unknown>;
    delete noActions.actions;
    expect(expectError(parseExport(envelope(noActions)), 'invalid')).toContain('data.actions: missing');
  });

  it('wrong types and values out of range, reported per record path', () => {
    const data = sample() as unknown as Record<string, Record<string, unknown>[]>;
    data.positions![0]!.value = '50';
    data.positions![1]!.value = 101;
    data.sessions![0]!.date = '2024-02-30';
    data.sessions![1]!.kind = 'feest';
    data.sessions![1]!.lang = 'de';
    data.notes![0]!.updatedAt = -5;
    data.actions![0]!.done = 'nee';
    data.actions![1]!.due = '01-06-2024';
    (data.sessions![0]!.deck as Record<string, unknown>).cards = ['k1', 7];
    data.notes!.push('geen object' as never);
    const details = expectError(parseExport(envelope(data)), 'invalid');
    expect(details).toEqual(
      expect.arrayContaining([
        'data.positions[0].value: expected a number from 0 to 100',
        'data.positions[1].value: expected a number from 0 to 100',
        'data.sessions[0].date: expected a real date as "YYYY-MM-DD", year 1000 to 9999',
        'data.sessions[1].kind: expected one of "teamoverleg", "workshop", "zelfreflectie", "gesprek"',
        'data.sessions[1].lang: expected one of "nl", "en"',
        'data.notes[0].updatedAt: expected a time in epoch milliseconds (a number ≥ 0)',
        'data.actions[0].done: expected true or false',
        'data.actions[1].due: expected a real date as "YYYY-MM-DD", year 1000 to 9999',
        'data.sessions[0].deck.cards: expected a list of card ids (non-empty strings)',
        'data.notes[1]: expected an object',
      ]),
    );
    expect(expectError(parseExport(envelope(sample(), { scope: 'alles' })), 'invalid')).toEqual([
      'scope: expected one of "all", "session"',
    ]);
    expectError(parseExport(envelope('data')), 'invalid');
    expectError(parseExport(envelope({ ...sample(), notes: {} })), 'invalid');
  });

  it('caps the list of details for a thoroughly broken file', () => {
    const notes = Array.from({ length: 500 }, (_, i) => ({ id: i }));
    const details = expectError(parseExport(envelope({ ...sample(), notes })), 'invalid');
    expect(details.length).toBe(51);
    expect(details.at(-1)).toMatch(/and \d+ more problems/);
  });

  it('too big, counted in UTF-8 bytes', () => {
    const text = serialize(sample(), 'all');
    expectError(parseExport(text, { maxBytes: 100 }), 'too-big');
    expectOk(parseExport(text, { maxBytes: utf8Length(text) }));
    // 'é' is one UTF-16 unit but two UTF-8 bytes.
    const wide = serialize(
      { ...sample(), notes: [{ id: 'n', sessionId: 's1', cardId: 'k', text: 'é'.repeat(1000), updatedAt: 1 }] },
      'all',
    );
    expect(wide.length).toBeLessThan(utf8Length(wide));
    expectError(parseExport(wide, { maxBytes: wide.length }), 'too-big');
    expect(utf8Length('a\u00e9\u4e16🌱\ud800')).toBe(1 + 2 + 3 + 4 + 3);
    expect(utf8Length('a\u00e9\u4e16🌱')).toBe(new TextEncoder().encode('a\u00e9\u4e16🌱').length);
  });
});

describe('parseExport rebuilds records field by field', () => {
  it('drops unknown fields and reports their paths', () => {
    const data = sample() as unknown as Record<string, unknown> & {
      notes: Record<string, unknown>[];
      sessions: Record<string, unknown>[];
    };
    data.notes[0]!.colour = 'red';
    data.extraCollection = [];
    data.sessions[0]!.deck = { seed: 'abc', cards: ['k1'], shuffleMode: 'x' };
    const parsed = expectOk(parseExport(envelope(data, { comment: 'hallo' })));
    expect(parsed.report.dropped).toEqual(
      expect.arrayContaining([
        'comment',
        'data.extraCollection',
        'data.notes[0].colour',
        'data.sessions[0].deck.shuffleMode',
      ]),
    );
    expect(parsed.report.droppedCount).toBe(4);
    expect(parsed.dataset.notes[0]).not.toHaveProperty('colour');
    expect(parsed.dataset.sessions[0]!.deck).toEqual({ seed: 'abc', cards: ['k1'] });
  });

  it('drops __proto__, constructor and prototype keys; Object.prototype stays clean', () => {
    const note =
      '{"id":"n1","sessionId":"s1","cardId":"k1","text":"x","updatedAt":1,' +
      '"__proto__":{"polluted":"note"},"constructor":{"prototype":{"polluted":"ctor"}},"prototype":{"polluted":"p"}}';
    const session = JSON.stringify(sample().sessions[0]).replace(
      '"deck":{',
      '"deck":{"__proto__":{"polluted":"deck"},',
    );
    const text =
      `{"__proto__":{"polluted":"root"},"type":"${EXPORT_TYPE}","version":1,"exportedAt":"2024-05-03T10:00:00Z",` +
      `"app":"${EXPORT_APP}","scope":"all","data":{"__proto__":{"polluted":"data"},"constructor":1,` +
      `"sessions":[${session}],"notes":[${note}],"positions":[],"actions":[]}}`;
    const parsed = expectOk(parseExport(text));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    const rebuilt = parsed.dataset.notes[0]!;
    expect(Object.getPrototypeOf(rebuilt)).toBe(Object.prototype);
    expect(Object.hasOwn(rebuilt, '__proto__')).toBe(false);
    expect(Object.hasOwn(rebuilt, 'constructor')).toBe(false);
    expect((rebuilt as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect((parsed.dataset.sessions[0]!.deck as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed.report.dropped).toEqual(
      expect.arrayContaining([
        '__proto__ (unsafe key)',
        'data.__proto__ (unsafe key)',
        'data.constructor (unsafe key)',
        'data.notes[0].__proto__ (unsafe key)',
        'data.notes[0].constructor (unsafe key)',
        'data.notes[0].prototype (unsafe key)',
        'data.sessions[0].deck.__proto__ (unsafe key)',
      ]),
    );
  });

  it('does not pick up "constructor" from Object.prototype as a field value', () => {
    // A record missing "id" must not read an inherited property in its place.
    const data = sample() as unknown as { notes: Record<string, unknown>[] };
    delete data.notes[0]!.id;
    expect(expectError(parseExport(envelope(data)), 'invalid')).toContain('data.notes[0].id: missing');
  });

  it('reads null in an optional field as absent and says so; a byte-order mark is accepted', () => {
    const data = sample() as unknown as { actions: Record<string, unknown>[] };
    data.actions[0]!.owner = null;
    data.actions[0]!.due = null;
    const parsed = expectOk(parseExport(`\ufeff${envelope(data)}`));
    expect(parsed.dataset.actions[0]).not.toHaveProperty('owner');
    expect(parsed.report.notes).toEqual(
      expect.arrayContaining(['byte-order mark removed', 'data.actions[0].owner: null read as absent']),
    );
    const required = sample() as unknown as { notes: Record<string, unknown>[] };
    required.notes[0]!.text = null;
    expect(expectError(parseExport(envelope(required)), 'invalid')).toContain('data.notes[0].text: expected a string');
  });
});
