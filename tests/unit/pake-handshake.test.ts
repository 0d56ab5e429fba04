/**
 * The code handshake between a phone and the presenter, with the test standing in for a relay
 * that reads, drops, replays and forges what passes.
 */
import { describe, expect, it } from 'vitest';
import { newRoomId } from '../../src/lib/room/crypto.ts';
import { CODE_ALPHABET, formatCode, generateCode, parseCode, type RoomCode } from '../../src/lib/room/pake/code.ts';
import { IDENTITY } from '../../src/lib/room/pake/cpace.ts';
import {
  type CodeHost,
  createCodeHost,
  lvSplit,
  type RoomSecrets,
  startCodeJoin,
} from '../../src/lib/room/pake/handshake.ts';
import { PAKE_LIMITS } from '../../src/lib/room/pake/schema.ts';
import { base64urlToBytes, bytesToBase64url } from '../../src/lib/room/wire.ts';

const secrets: RoomSecrets = {
  roomId: newRoomId(),
  roomKey: crypto.getRandomValues(new Uint8Array(32)),
  joinProof: crypto.getRandomValues(new Uint8Array(48)),
};

function host(code: RoomCode = generateCode(), now = () => 0): CodeHost {
  return createCodeHost({ code, secrets, now });
}

/** Flips one bit of a base64url field, keeping it the same length. */
function flip(text: string, at = 0): string {
  const bytes = base64urlToBytes(text)!;
  bytes[at] = (bytes[at] ?? 0) ^ 1;
  return bytesToBase64url(bytes);
}

function expectOk<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error}`);
  return r.value;
}

describe('joining by code', () => {
  it('gives the phone the room id, key and join proof when the code is right', async () => {
    const h = host();
    const phone = startCodeJoin(h.code);
    const reply = expectOk(h.onHello(phone.hello));
    const confirm = expectOk(phone.onReply(reply));
    const sealed = expectOk(await h.onConfirm(confirm));
    const got = expectOk(await phone.onSecrets(sealed));
    expect(got.roomId).toBe(secrets.roomId);
    expect([...got.roomKey]).toEqual([...secrets.roomKey]);
    expect([...got.joinProof]).toEqual([...secrets.joinProof]);
    expect(h.status()).toMatchObject({ state: 'active', failures: 0, succeeded: 1 });
  });

  it('joins with the code as a person types it from the big screen', async () => {
    const h = host();
    const typed = parseCode(` ${formatCode(h.code).toLowerCase().replace(' ', ' - ')} `);
    if (!typed.ok) throw new Error(typed.error);
    const phone = startCodeJoin(typed);
    const confirm = expectOk(phone.onReply(expectOk(h.onHello(phone.hello))));
    const got = expectOk(await phone.onSecrets(expectOk(await h.onConfirm(confirm))));
    expect(got.roomId).toBe(secrets.roomId);
  });

  it('works over JSON text, as a socket may deliver it', async () => {
    const h = host();
    const phone = startCodeJoin(h.code);
    const reply = expectOk(h.onHello(JSON.stringify(phone.hello)));
    const confirm = expectOk(phone.onReply(JSON.stringify(reply)));
    const sealed = expectOk(await h.onConfirm(JSON.stringify(confirm)));
    expect(expectOk(await phone.onSecrets(JSON.stringify(sealed))).roomId).toBe(secrets.roomId);
  });

  it('never reveals the password or the room key on the wire', async () => {
    const h = host();
    const phone = startCodeJoin(h.code);
    const reply = expectOk(h.onHello(phone.hello));
    const confirm = expectOk(phone.onReply(reply));
    const sealed = expectOk(await h.onConfirm(confirm));
    const wire = JSON.stringify([phone.hello, reply, confirm, sealed]);
    expect(wire).not.toContain(h.code.password);
    expect(wire).not.toContain(bytesToBase64url(secrets.roomKey));
    expect(wire).not.toContain(secrets.roomId);
  });

  it('fails a wrong code at confirmation, and the room key is never sent', async () => {
    const code = generateCode();
    const h = host(code);
    const other = { ...code, password: code.password === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA' };
    const phone = startCodeJoin(other);
    const reply = expectOk(h.onHello(phone.hello));
    expect(phone.onReply(reply)).toEqual({ ok: false, error: 'confirm' });
    // A phone that ignores the check and confirms anyway gets nothing either.
    const rogue = startCodeJoin(other);
    const rogueReply = expectOk(h.onHello(rogue.hello));
    const forged = { t: 'code-confirm', v: 1, sid: rogueReply.sid, tag: rogueReply.tag };
    expect(await h.onConfirm(forged)).toEqual({ ok: false, error: 'confirm' });
    expect(h.status()).toMatchObject({ failures: 1, pending: 1, succeeded: 0 });
  });

  it('fails with another nameplate: the run is bound to it', () => {
    const code = generateCode();
    const h = host(code);
    const phone = startCodeJoin({ ...code, nameplate: code.nameplate === 'AA' ? 'CC' : 'AA' });
    expect(phone.onReply(expectOk(h.onHello(phone.hello)))).toEqual({ ok: false, error: 'confirm' });
  });

  it('fails on a tampered Ya, Yb or tag', async () => {
    const h = host();
    // Ya changed on the way: the presenter's keys differ from the phone's.
    const a = startCodeJoin(h.code);
    const replyA = h.onHello({ ...a.hello, ya: flip(a.hello.ya) });
    if (replyA.ok) expect(a.onReply(replyA.value)).toEqual({ ok: false, error: 'confirm' });
    else expect(replyA.error).toBe('point');
    // Yb changed: not a valid point, or a valid one with other keys.
    const b = startCodeJoin(h.code);
    const replyB = expectOk(h.onHello(b.hello));
    const tamperedB = b.onReply({ ...replyB, yb: flip(replyB.yb) });
    expect(tamperedB.ok).toBe(false);
    expect(['confirm', 'point']).toContain(tamperedB.ok ? '' : tamperedB.error);
    // The presenter's tag changed.
    const c = startCodeJoin(h.code);
    const replyC = expectOk(h.onHello(c.hello));
    expect(c.onReply({ ...replyC, tag: flip(replyC.tag, 63) })).toEqual({ ok: false, error: 'confirm' });
    // The phone's tag changed.
    const d = startCodeJoin(h.code);
    const confirmD = expectOk(d.onReply(expectOk(h.onHello(d.hello))));
    expect(await h.onConfirm({ ...confirmD, tag: flip(confirmD.tag) })).toEqual({ ok: false, error: 'confirm' });
    // The sealed box changed.
    const e = startCodeJoin(h.code);
    const sealedE = expectOk(await h.onConfirm(expectOk(e.onReply(expectOk(h.onHello(e.hello))))));
    expect(await e.onSecrets({ ...sealedE, box: flip(sealedE.box, 20) })).toEqual({ ok: false, error: 'decrypt' });
  });

  it('refuses the identity and non-points from either side', () => {
    const h = host();
    const identity = bytesToBase64url(IDENTITY);
    const notAPoint = bytesToBase64url(new Uint8Array(32).fill(0xff));
    const a = startCodeJoin(h.code);
    expect(h.onHello({ ...a.hello, ya: identity })).toEqual({ ok: false, error: 'point' });
    const b = startCodeJoin(h.code);
    expect(h.onHello({ ...b.hello, ya: notAPoint })).toEqual({ ok: false, error: 'point' });
    const c = startCodeJoin(h.code);
    const reply = expectOk(h.onHello(c.hello));
    expect(c.onReply({ ...reply, yb: identity })).toEqual({ ok: false, error: 'point' });
    // Broken points count as failed attempts: they are not free probes.
    expect(h.status().failures).toBe(2);
  });

  it('refuses messages replayed from another handshake', async () => {
    const h = host();
    const first = startCodeJoin(h.code);
    const reply1 = expectOk(h.onHello(first.hello));
    const confirm1 = expectOk(first.onReply(reply1));
    const sealed1 = expectOk(await h.onConfirm(confirm1));
    // The same hello again: its sid was used.
    expect(h.onHello(first.hello)).toEqual({ ok: false, error: 'replay' });
    // The same confirmation again: that handshake is closed, no second copy of the secrets.
    expect(await h.onConfirm(confirm1)).toEqual({ ok: false, error: 'unknown' });
    // A second phone is fed the first phone's reply and sealed secrets.
    const second = startCodeJoin(h.code);
    const reply2 = expectOk(h.onHello(second.hello));
    expect(second.onReply(reply1)).toEqual({ ok: false, error: 'sid' });
    expect(second.onReply({ ...reply1, sid: reply2.sid })).toEqual({ ok: false, error: 'confirm' });
    const third = startCodeJoin(h.code);
    const confirm3 = expectOk(third.onReply(expectOk(h.onHello(third.hello))));
    // The first phone's confirmation relabelled for the third's sid.
    expect(await h.onConfirm({ ...confirm1, sid: confirm3.sid })).toEqual({ ok: false, error: 'confirm' });
    const fourth = startCodeJoin(h.code);
    const confirm4 = expectOk(fourth.onReply(expectOk(h.onHello(fourth.hello))));
    expect(await h.onConfirm(confirm4)).toMatchObject({ ok: true });
    expect(await fourth.onSecrets(sealed1)).toEqual({ ok: false, error: 'sid' });
  });

  it('retires the code after 10 wrong guesses; the presenter then shows a new one', async () => {
    const code = generateCode();
    const h = host(code);
    for (let i = 0; i < 10; i++) {
      const guess = startCodeJoin({ ...code, password: `AAAAA${CODE_ALPHABET[i]}` });
      const reply = expectOk(h.onHello(guess.hello));
      expect(await h.onConfirm({ t: 'code-confirm', v: 1, sid: reply.sid, tag: reply.tag })).toEqual({
        ok: false,
        error: 'confirm',
      });
    }
    expect(h.status()).toMatchObject({ state: 'retired', reason: 'failures', failures: 10 });
    const late = startCodeJoin(code);
    expect(h.onHello(late.hello)).toEqual({ ok: false, error: 'retired' });
  });

  it('times out a phone that never confirms, and counts it', async () => {
    let t = 0;
    const h = host(generateCode(), () => t);
    const phone = startCodeJoin(h.code);
    const confirm = expectOk(phone.onReply(expectOk(h.onHello(phone.hello))));
    t += 60_000;
    expect(await h.onConfirm(confirm)).toEqual({ ok: false, error: 'unknown' });
    expect(h.status()).toMatchObject({ failures: 1, pending: 0 });
  });

  it('bounds handshakes open at once', () => {
    const h = host();
    for (let i = 0; i < 8; i++) expect(h.onHello(startCodeJoin(h.code).hello).ok).toBe(true);
    expect(h.onHello(startCodeJoin(h.code).hello)).toEqual({ ok: false, error: 'busy' });
  });

  it('refuses oversized and malformed messages with a typed error', async () => {
    const h = host();
    const phone = startCodeJoin(h.code);
    const { hello } = phone;
    expect(h.onHello('x'.repeat(PAKE_LIMITS.messageMaxChars + 1))).toEqual({ ok: false, error: 'oversized' });
    expect(h.onHello({ ...hello, ya: 'A'.repeat(5000) })).toEqual({ ok: false, error: 'oversized' });
    expect(h.onHello('{not json')).toEqual({ ok: false, error: 'malformed' });
    for (const bad of [
      null,
      42,
      [],
      {},
      { ...hello, t: 'code-reply' },
      { ...hello, v: 2 },
      { ...hello, sid: hello.sid.slice(1) },
      { ...hello, sid: `${hello.sid.slice(1)}+` },
      { ...hello, ya: 42 },
      { ...hello, extra: 1 },
    ]) {
      expect(h.onHello(bad)).toEqual({ ok: false, error: 'malformed' });
    }
    expect(await h.onConfirm({ t: 'code-confirm' })).toEqual({ ok: false, error: 'malformed' });
    expect(phone.onReply({ t: 'code-reply', v: 1 })).toEqual({ ok: false, error: 'malformed' });
    const reply = expectOk(h.onHello(hello));
    const confirm = expectOk(phone.onReply(reply));
    const sealed = expectOk(await h.onConfirm(confirm));
    expect(await phone.onSecrets({ ...sealed, box: 'A'.repeat(4000) })).toEqual({ ok: false, error: 'oversized' });
    expect(h.status().failures).toBe(0);
  });

  it('refuses calls out of order', async () => {
    const h = host();
    const phone = startCodeJoin(h.code);
    expect(await phone.onSecrets({})).toEqual({ ok: false, error: 'state' });
    const reply = expectOk(h.onHello(phone.hello));
    expectOk(phone.onReply(reply));
    expect(phone.onReply(reply)).toEqual({ ok: false, error: 'state' });
  });

  it('refuses a presenter set up without room secrets', () => {
    const code = generateCode();
    expect(() => createCodeHost({ code, secrets: { ...secrets, roomId: 'short' } })).toThrow();
    expect(() => createCodeHost({ code, secrets: { ...secrets, roomKey: new Uint8Array(16) } })).toThrow();
    expect(() => createCodeHost({ code, secrets: { ...secrets, joinProof: new Uint8Array(257) } })).toThrow();
  });

  it('splits lv_cat exactly', () => {
    expect(lvSplit(Uint8Array.of(1, 9, 0), 2)?.map((p) => [...p])).toEqual([[9], []]);
    expect(lvSplit(Uint8Array.of(1, 9, 0, 7), 2)).toBeNull();
    expect(lvSplit(Uint8Array.of(5, 1), 1)).toBeNull();
    expect(lvSplit(Uint8Array.of(0x80), 1)).toBeNull();
    expect(lvSplit(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x7f), 1)).toBeNull();
    const long = new Uint8Array(200).fill(3);
    expect(lvSplit(Uint8Array.of(0xc8, 0x01, ...long), 1)?.[0]?.length).toBe(200);
  });
});
