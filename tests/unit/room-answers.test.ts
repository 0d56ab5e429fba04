/** Answers from the room: the presenter's reducer (bounds, duplicates, seq, moderation) and what goes down. */
import { describe, expect, it } from 'vitest';
import { ANSWER_LIMITS, askView } from '../../src/lib/room/answers-schema';
import { answersTo, askMessage, answersToSave, shownForPhones } from '../../src/lib/room/answers';
import { newParticipantId, newRoomId, newRoomKey, sealFrame } from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';
import { initialRoom, roomReducer, type RoomEvent, type RoomState } from '../../src/lib/room/reducer';
import { parseHostMessage, parsePhoneMessage } from '../../src/lib/room/schema';
import { A, join, nextSeq } from '../support/room-events';

const B = 'doel-of-besparing';
const [ann, bob, eve] = [newParticipantId(), newParticipantId(), newParticipantId()];
const run = (events: RoomEvent[], start: RoomState = initialRoom(A)) => events.reduce(roomReducer, start);
const mod = (event: Extract<RoomEvent, { type: 'answers' }>['event']): RoomEvent => ({ type: 'answers', event });
const ask = (text = 'Wat heb je nodig?', card = A, only = false) => mod({ type: 'ask', card, text, only });
const answer = (pid: string, peer: string, text: string, q = 1, seq = nextSeq()): RoomEvent => ({
  type: 'phone',
  peer,
  message: { t: 'answer', v: ROOM_LIMITS.version, pid, seq, q, text },
});
const texts = (s: RoomState, q = 1) => answersTo(s.answers, q).map((a) => a.text);
const room = () => run([join(ann, 'p1', 'Ann'), join(bob, 'p2'), ask()]);
/** The room first, then the events: each event's seq must come after the joins'. */
const onRoom = (start: RoomState, events: RoomEvent[]) => run(events, start);

describe('answers from the room', () => {
  it('keeps answers to the open question hidden, and sends the phones nothing of them', () => {
    const s = onRoom(room(), [answer(ann, 'p1', 'Tijd'), answer(bob, 'p2', 'Vertrouwen')]);
    expect(texts(s)).toEqual(['Tijd', 'Vertrouwen']);
    expect(s.answers.answers.every((a) => !a.shown)).toBe(true);
    const down = askMessage(s.answers, 7);
    expect(down).toMatchObject({ t: 'ask', seq: 7, q: 1, text: 'Wat heb je nodig?', open: true, only: false });
    expect(down.shown).toEqual([]);
    expect(parseHostMessage(down).ok).toBe(true);
  });

  it('takes answers only from a phone that joined, on its own socket, to the open question', () => {
    let s = onRoom(room(), [answer(eve, 'p9', 'Niet in de zaal'), answer(ann, 'p2', 'Vreemde socket')]);
    expect(texts(s)).toEqual([]);
    s = run([answer(ann, 'p1', 'Oude vraag', 99)], s);
    expect(texts(s)).toEqual([]);
    s = run([mod({ type: 'stop' }), answer(ann, 'p1', 'Te laat')], s);
    expect(texts(s)).toEqual([]);
    expect(askMessage(s.answers, 1).open).toBe(false);
    // Before any question, nothing is taken.
    expect(texts(run([join(ann, 'p1'), answer(ann, 'p1', 'Vroeg')]))).toEqual([]);
  });

  it('bounds a phone to three answers per question, drops a double tap and a replayed seq', () => {
    let s = room();
    const seq = nextSeq();
    s = run([answer(ann, 'p1', 'Een', 1, seq), answer(ann, 'p1', 'Een (herhaald)', 1, seq)], s);
    expect(texts(s)).toEqual(['Een']);
    s = run(
      [answer(ann, 'p1', 'EEN'), answer(ann, 'p1', 'Twee'), answer(ann, 'p1', 'Drie'), answer(ann, 'p1', 'Vier')],
      s,
    );
    expect(texts(s)).toEqual(['Een', 'Twee', 'Drie']);
    // A new question gives each phone three more.
    s = run([ask('En nu?')], s);
    const next = s.answers.current!.id;
    s = run([answer(ann, 'p1', 'Vijf', next)], s);
    expect(texts(s, next)).toEqual(['Vijf']);
    expect(texts(s, 1)).toHaveLength(ANSWER_LIMITS.answersPerPhone);
  });

  it('bounds the answers of one question over the whole room', () => {
    let s = initialRoom(A);
    const phones = Array.from({ length: ANSWER_LIMITS.answersPerQuestion / 3 + 5 }, () => newParticipantId());
    const events: RoomEvent[] = phones.map((pid, i) => join(pid, `p${i}`));
    s = run([...events.slice(0, 200), ask()], s);
    for (const [i, pid] of phones.slice(0, 200).entries())
      s = run([answer(pid, `p${i}`, 'a'), answer(pid, `p${i}`, 'b'), answer(pid, `p${i}`, 'c')], s);
    expect(texts(s)).toHaveLength(ANSWER_LIMITS.answersPerQuestion);
  });

  it('shows one, shows all, hides one again, highlights one at a time', () => {
    let s = onRoom(room(), [answer(ann, 'p1', 'Tijd'), answer(bob, 'p2', 'Rust'), answer(ann, 'p1', 'Ruimte')]);
    const [tijd, rust, ruimte] = s.answers.answers.map((a) => a.id) as [number, number, number];
    s = run([mod({ type: 'show', id: rust })], s);
    expect(shownForPhones(s.answers)).toEqual([{ text: 'Rust' }]);
    s = run([mod({ type: 'highlight', id: tijd })], s);
    expect(shownForPhones(s.answers)).toEqual([{ text: 'Tijd', hi: true }, { text: 'Rust' }]);
    s = run([mod({ type: 'highlight', id: rust })], s);
    expect(shownForPhones(s.answers)).toEqual([{ text: 'Tijd' }, { text: 'Rust', hi: true }]);
    s = run([mod({ type: 'hide', id: rust })], s);
    expect(s.answers.highlight).toBeNull();
    expect(shownForPhones(s.answers)).toEqual([{ text: 'Tijd' }]);
    s = run([mod({ type: 'show-all' })], s);
    expect(shownForPhones(s.answers).map((a) => a.text)).toEqual(['Tijd', 'Rust', 'Ruimte']);
    expect(s.answers.answers.find((a) => a.id === ruimte)?.seen).toBe(true);
    s = run([mod({ type: 'highlight', id: null })], s);
    expect(s.answers.highlight).toBeNull();
    // An id that is no answer of this question changes nothing.
    expect(run([mod({ type: 'show', id: 999 }), mod({ type: 'highlight', id: 999 })], s).answers).toBe(s.answers);
  });

  it('sends the phones shown texts only: no ids, no names, within a count and a size', () => {
    let s = room();
    const phones = Array.from({ length: 20 }, () => newParticipantId());
    s = run(
      phones.flatMap((pid, i) => [join(pid, `q${i}`, `Naam${i}`), answer(pid, `q${i}`, `${'x'.repeat(250)} ${i}`)]),
      s,
    );
    s = run([mod({ type: 'show-all' }), mod({ type: 'highlight', id: s.answers.answers[0]!.id })], s);
    const down = askMessage(s.answers, 3);
    const json = JSON.stringify(down);
    expect(new TextEncoder().encode(json).length).toBeLessThan(2200);
    expect(down.shown.length).toBeLessThanOrEqual(ANSWER_LIMITS.shownSent);
    // The highlighted one is kept, then the latest.
    expect(down.shown[0]).toMatchObject({ hi: true });
    expect(down.shown.at(-1)?.text.endsWith(' 19')).toBe(true);
    for (const pid of [ann, bob, ...phones]) expect(json).not.toContain(pid);
    expect(json).not.toContain('Naam');
    expect(json).not.toContain('"id"');
    expect(parseHostMessage(down).ok).toBe(true);
  });

  it('takes a question about another card off the phones, and keeps it for the session', () => {
    let s = onRoom(room(), [answer(ann, 'p1', 'Tijd'), mod({ type: 'show-all' })]);
    s = run([{ type: 'card', card: B }], s);
    expect(s.answers.current).toBeNull();
    expect(askMessage(s.answers, 1)).toMatchObject({ q: null, open: false, shown: [] });
    expect(parseHostMessage(askMessage(s.answers, 1)).ok).toBe(true);
    expect(answersToSave(s.answers, 1)).toEqual(['Tijd']);
    // Going to the same card keeps the question.
    const same = run([ask('Op B', B), { type: 'card', card: B }], s);
    expect(same.answers.current?.id).toBe(3);
  });

  it('saves shown answers, and hidden ones too when the presenter chose so', () => {
    let s = onRoom(room(), [answer(ann, 'p1', 'Tijd'), answer(bob, 'p2', 'Rust')]);
    s = run([mod({ type: 'show', id: s.answers.answers[1]!.id })], s);
    expect(answersToSave(s.answers, 1)).toEqual(['Rust']);
    s = run([mod({ type: 'keep-hidden', on: true })], s);
    expect(answersToSave(s.answers, 1)).toEqual(['Tijd', 'Rust']);
  });

  it('forgets the oldest questions with their answers, so the state stays bounded', () => {
    let s = run([join(ann, 'p1'), ask('Vraag 0'), answer(ann, 'p1', 'oud')]);
    for (let i = 1; i <= ANSWER_LIMITS.questionsKept; i++) s = run([ask(`Vraag ${i}`)], s);
    expect(s.answers.questions).toHaveLength(ANSWER_LIMITS.questionsKept);
    expect(s.answers.answers).toEqual([]);
  });

  it('ignores moderation after the room closed', () => {
    const s = onRoom(room(), [{ type: 'close' }]);
    expect(run([ask('Later')], s)).toBe(s);
  });
});

describe('the answer messages against a hostile phone', () => {
  const base = { t: 'answer', v: ROOM_LIMITS.version, pid: ann, seq: 5, q: 1 };
  it('accepts a plain answer, trimmed', () => {
    const parsed = parsePhoneMessage({ ...base, text: '  Tijd om te praten  ' });
    expect(parsed).toMatchObject({ ok: true, message: { text: 'Tijd om te praten' } });
  });
  it.each([
    ['too long', { ...base, text: 'x'.repeat(ANSWER_LIMITS.answerMaxChars + 1) }],
    ['empty', { ...base, text: '   ' }],
    ['a line break', { ...base, text: 'een\ntwee' }],
    ['a direction override', { ...base, text: 'abc\u202edef' }],
    ['a name beside it', { ...base, text: 'Tijd', name: 'Ann' }],
    ['a forged question id', { ...base, q: 0, text: 'Tijd' }],
    ['a fractional question id', { ...base, q: 1.5, text: 'Tijd' }],
    ['no text', { ...base }],
    ['a number as text', { ...base, text: 42 }],
  ])('refuses %s', (_, message) => {
    expect(parsePhoneMessage(message).ok).toBe(false);
  });

  it('refuses an ask with too many shown answers, an id in them, or a question without text', () => {
    const ok = {
      t: 'ask',
      v: ROOM_LIMITS.version,
      seq: 1,
      q: 2,
      text: 'Vraag',
      open: true,
      only: false,
      shown: [{ text: 'a' }],
    };
    expect(parseHostMessage(ok).ok).toBe(true);
    const many = Array.from({ length: ANSWER_LIMITS.shownSent + 1 }, () => ({ text: 'a' }));
    expect(parseHostMessage({ ...ok, shown: many }).ok).toBe(false);
    expect(parseHostMessage({ ...ok, shown: [{ text: 'a', pid: ann }] }).ok).toBe(false);
    expect(parseHostMessage({ ...ok, text: undefined }).ok).toBe(false);
    expect(parseHostMessage({ ...ok, q: null }).ok).toBe(false);
    expect(parseHostMessage({ ...ok, text: 'x'.repeat(ANSWER_LIMITS.questionMaxChars + 1) }).ok).toBe(false);
  });
});

describe('askView, the phone’s side', () => {
  it('turns an ask into what the phone shows, or nothing when no question is asked', () => {
    let s = onRoom(room(), [answer(ann, 'p1', 'Tijd'), mod({ type: 'highlight', id: 4 })]);
    s = run([mod({ type: 'show-all' })], s);
    const q = s.answers.current!.id;
    expect(askView(askMessage(s.answers, 1))).toEqual({
      q,
      text: 'Wat heb je nodig?',
      open: true,
      only: false,
      shown: [{ text: 'Tijd' }],
    });
    expect(askView(askMessage(run([mod({ type: 'dismiss' })], s).answers, 2))).toBeNull();
  });
});

describe('the ask message on the wire', () => {
  it('fits the relay’s frame cap at its worst: the longest question and many long shown answers', async () => {
    const key = await newRoomKey();
    const wide = (n: number) => '葉'.repeat(n); // three UTF-8 bytes per character
    let s = run([join(ann, 'p1'), ask(wide(ANSWER_LIMITS.questionMaxChars))]);
    const phones = Array.from({ length: 30 }, () => newParticipantId());
    s = run(
      phones.flatMap((pid, i) => [
        join(pid, `w${i}`),
        answer(pid, `w${i}`, wide(ANSWER_LIMITS.answerMaxChars), s.answers.current!.id),
      ]),
      s,
    );
    s = run([mod({ type: 'show-all' })], s);
    const frame = await sealFrame(key, newRoomId(), 'down', askMessage(s.answers, Number.MAX_SAFE_INTEGER));
    expect(frame.length).toBeLessThanOrEqual(ROOM_LIMITS.frameMaxChars);
    expect(askMessage(s.answers, 1).shown.length).toBeGreaterThan(0);
  });
});
