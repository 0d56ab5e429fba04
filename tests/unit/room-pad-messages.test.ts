/**
 * Padding of the newer room messages (src/lib/room/pad.ts): the table, the timer, the question
 * and the table's summary. Messages of one kind may differ in length only by bucket (the small
 * one, or whole blocks), so the relay learns no position, count, card or time left from a frame;
 * and a table message with a timer at its longest realistic size still fits the small bucket.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANSWER_LIMITS } from '../../src/lib/room/answers-schema';
import { newParticipantId, newRoomId, newRoomKey, sealFrame, sealHostFrame } from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { PAD_BLOCK, PAD_SMALL } from '../../src/lib/room/pad';
import { parseHostMessage, parsePhoneMessage } from '../../src/lib/room/schema';
import { newSigningKeys, SIGNATURE_BYTES } from '../../src/lib/room/sign';

const room = newRoomId();
const pid = newParticipantId();
const v = ROOM_LIMITS.version;
const phoneSeq = Date.now();
const key = await newRoomKey();
const { privateKey } = await newSigningKeys();

/** Frame length (base64url characters) of a padded plaintext of `padded` bytes. */
const upLength = (padded: number) => Math.ceil(((12 + padded + 16) * 4) / 3);
const downLength = (padded: number) => Math.ceil(((12 + padded + 16 + SIGNATURE_BYTES) * 4) / 3);
const bytes = (m: unknown) => new TextEncoder().encode(JSON.stringify(m)).length;

async function downLengths(messages: unknown[]): Promise<Set<number>> {
  for (const m of messages) expect(parseHostMessage(m), JSON.stringify(m).slice(0, 80)).toMatchObject({ ok: true });
  return new Set(await Promise.all(messages.map(async (m) => (await sealHostFrame(key, privateKey, room, m)).length)));
}
async function upLengths(messages: unknown[]): Promise<Set<number>> {
  for (const m of messages) expect(parsePhoneMessage(m), JSON.stringify(m).slice(0, 80)).toMatchObject({ ok: true });
  return new Set(await Promise.all(messages.map(async (m) => (await sealFrame(key, room, 'up', m)).length)));
}

/** The real cards' ids (their file names); the schema allows 80 characters, the deck uses fewer. */
const cardIds = ['nl', 'en'].flatMap((lang) =>
  readdirSync(new URL(`../../content/cards/${lang}/`, import.meta.url)).map((f) => f.replace(/\.md$/, '')),
);
const longestCard = cardIds.reduce((a, b) => (b.length > a.length ? b : a));

/**
 * The largest values a table message carries in a real room: table 20 of 20, every phone of the
 * largest room (1,000) at one of the two tables at least, a presenter counter of eight digits
 * (one message per phone per change: 1,000 phones and 100,000 changes), the timer at 60 minutes.
 */
const REAL_SEQ = 99_999_999;
const crowd = ROOM_LIMITS.phonesPerRoomMax / ROOM_LIMITS.tablesMin;
const longTimer = { run: 'running', leftMs: ROOM_LIMITS.timerMaxMs, totalMs: ROOM_LIMITS.timerMaxMs } as const;
const table = (card: string, over: Record<string, unknown> = {}) => ({
  t: 'table',
  v,
  seq: REAL_SEQ,
  table: {
    n: ROOM_LIMITS.tablesMax,
    card,
    revealed: false,
    chosen: crowd,
    size: crowd,
    scribe: false,
    position: 100,
    called: false,
    timer: longTimer,
    ...over,
  },
});

describe('table messages', () => {
  it('before the reveal: one length whatever the card, counts, position, role or timer, at the small bucket', async () => {
    const short = cardIds.reduce((a, b) => (b.length < a.length ? b : a));
    const lengths = await downLengths(
      [
        { t: 'table', v, seq: 0, table: null },
        table(longestCard),
        table(short, { n: 1, chosen: 0, size: 1, position: null, scribe: true, called: true, timer: undefined }),
        table(longestCard, { timer: { run: 'paused', leftMs: 1, totalMs: 60_000 } }),
        table(longestCard, { timer: { run: 'off', leftMs: 0, totalMs: 0 } }),
        { ...table(longestCard), seq: 1 },
      ].map((m) => JSON.parse(JSON.stringify(m))),
    );
    expect([...lengths]).toEqual([downLength(PAD_SMALL)]);
  });

  it('with a timer at its longest realistic size still fits the small bucket, with room for every real card', () => {
    const longest = bytes(table(longestCard));
    // 248 of 255 bytes with the 40-character card of today’s deck (the audit counted 246 with a six-digit counter).
    expect(longest).toBeLessThan(PAD_SMALL);
    // The longest card id that still fits: a card with a longer id would move the message to a
    // block and tell the relay which card (roughly). The schema's 80 characters do not fit.
    let fits = longestCard.length;
    while (bytes(table('a'.repeat(fits + 1))) < PAD_SMALL) fits++;
    expect(fits).toBeGreaterThanOrEqual(longestCard.length);
    expect(fits).toBeLessThan(ROOM_LIMITS.cardIdMaxChars);
    for (const id of cardIds) expect(bytes(table(id)), id).toBeLessThan(PAD_SMALL);
  });

  it('after the reveal the spread takes whole blocks, and a full table fits one', async () => {
    const revealed = (spread: number[]) =>
      table(longestCard, { revealed: true, spread, chosen: spread.length, size: ROOM_LIMITS.tableSizeMax });
    const full = Array.from({ length: ROOM_LIMITS.tableSizeMax }, () => 100);
    const lengths = await downLengths([revealed([0]), revealed(full), revealed(full.map((_, i) => i * 7))]);
    expect([...lengths].every((l) => [downLength(PAD_SMALL), downLength(PAD_BLOCK)].includes(l))).toBe(true);
    expect(await downLengths([revealed(full)])).toEqual(new Set([downLength(PAD_BLOCK)]));
  });
});

describe('timer messages', () => {
  it('one length for every run state, time left and counter', async () => {
    const max = ROOM_LIMITS.timerMaxMs;
    const lengths = await downLengths([
      { t: 'timer', v, seq: 0, run: 'off', leftMs: 0, totalMs: 0 },
      { t: 'timer', v, seq: 7, run: 'running', leftMs: 1, totalMs: 60_000 },
      { t: 'timer', v, seq: Number.MAX_SAFE_INTEGER, run: 'paused', leftMs: max, totalMs: max },
      { t: 'timer', v, seq: REAL_SEQ, run: 'running', leftMs: max - 1, totalMs: max },
    ]);
    expect([...lengths]).toEqual([downLength(PAD_SMALL)]);
  });
});

describe('ask messages', () => {
  const ask = (text: string | null, shown: { text: string; hi?: true }[] = [], open = true) => ({
    t: 'ask',
    v,
    seq: REAL_SEQ,
    q: text === null ? null : 123_456,
    ...(text === null ? {} : { text }),
    open,
    only: false,
    shown,
  });

  it('no question, a closed one and a short one look alike; any question alone takes at most one block', async () => {
    expect(await downLengths([ask(null, [], false), ask('Wat valt je op?'), ask('Waarom?', [], false)])).toEqual(
      new Set([downLength(PAD_SMALL)]),
    );
    const texts = ['x', 'é', '€', '"'].flatMap((c) =>
      [1, 50, 100, 150, ANSWER_LIMITS.questionMaxChars].map((n) => c.repeat(n)),
    );
    const lengths = await downLengths(texts.map((text) => ask(text)));
    expect([...lengths].sort()).toEqual([downLength(PAD_SMALL), downLength(PAD_BLOCK)].sort());
  });

  it('with the shown answers at their most: whole blocks, under the frame cap', async () => {
    // Twelve shown answers of up to 1,600 bytes together (the presenter's cut, answers.ts).
    const each = Math.floor(ANSWER_LIMITS.shownBytes / ANSWER_LIMITS.shownSent / 3);
    const shown = Array.from({ length: ANSWER_LIMITS.shownSent }, (_, i) => ({
      text: '€'.repeat(each),
      ...(i === 0 ? { hi: true as const } : {}),
    }));
    const lengths = await downLengths([ask('€'.repeat(ANSWER_LIMITS.questionMaxChars), shown)]);
    for (const l of lengths) {
      expect(l).toBeLessThanOrEqual(ROOM_LIMITS.frameMaxChars);
      expect([1, 2, 3, 4, 5].map((k) => downLength(k * PAD_BLOCK))).toContain(l);
    }
  });
});

describe('table summaries and table votes', () => {
  const summary = (text: string) => ({ t: 'summary', v, pid, seq: phoneSeq, text });
  const vote = { t: 'vote', v, pid, seq: phoneSeq, card: longestCard, position: 100 };

  it('a table vote and a short summary look like a vote, whatever the card or position', async () => {
    const lengths = await upLengths([
      vote,
      ...[0, 55, 100].map((position) => ({ t: 'tvote', v, pid, seq: phoneSeq, card: longestCard, position })),
      { t: 'tvote', v, pid, seq: phoneSeq, card: 'a'.repeat(ROOM_LIMITS.cardIdMaxChars), position: 100 },
      summary('Ja'),
      summary('x'.repeat(100)),
    ]);
    expect([...lengths]).toEqual([upLength(PAD_SMALL)]);
  });

  it('a summary of up to 500 characters takes the small bucket or whole blocks, at most two', async () => {
    const texts = ['x', 'é', '€', '"'].flatMap((c) =>
      [1, 120, 250, 400, ROOM_LIMITS.summaryMaxChars].map((n) => c.repeat(n)),
    );
    const lengths = await upLengths(texts.map(summary));
    for (const l of lengths) expect([upLength(PAD_SMALL), upLength(PAD_BLOCK), upLength(2 * PAD_BLOCK)]).toContain(l);
    // The longest in the widest script: two blocks, never more.
    expect(await upLengths([summary('€'.repeat(ROOM_LIMITS.summaryMaxChars))])).toEqual(
      new Set([upLength(2 * PAD_BLOCK)]),
    );
  });
});
