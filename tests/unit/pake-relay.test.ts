/**
 * What the relay checks of the typed code's traffic without knowing the code: a nameplate's shape
 * (code.ts isNameplate) and each handshake message's kind and shape for its direction
 * (schema.ts isRelayable).
 */
import { describe, expect, it } from 'vitest';
import { generateCode, isNameplate, parseCode, type RoomCode } from '../../src/lib/room/pake/code';
import { createCodeHost, startCodeJoin } from '../../src/lib/room/pake/handshake';
import { isRelayable, PAKE_LIMITS } from '../../src/lib/room/pake/schema';
import { newRoomId } from '../../src/lib/room/crypto';

describe('isNameplate', () => {
  it('takes the two canonical first characters of a code, and nothing else', () => {
    expect(isNameplate(generateCode().nameplate)).toBe(true);
    expect(isNameplate('KM')).toBe(true);
    for (const bad of ['km', 'K', 'KMR', 'O0', 'K ', '', 42, null, ['K', 'M']]) expect(isNameplate(bad)).toBe(false);
  });
});

describe('isRelayable', () => {
  it('passes hello and confirm up, reply, secrets and busy down, each only in its direction', async () => {
    const code = parseCode('KM7R4XDA') as RoomCode;
    const join = startCodeJoin(code);
    const host = createCodeHost({
      code,
      secrets: { roomId: newRoomId(), roomKey: new Uint8Array(32), joinProof: new Uint8Array(32) },
    });
    const hello = JSON.stringify(join.hello);
    const reply = host.onHello(hello);
    if (!reply.ok) throw new Error(reply.error);
    const confirm = join.onReply(reply.value);
    if (!confirm.ok) throw new Error(confirm.error);
    const secrets = await host.onConfirm(confirm.value);
    if (!secrets.ok) throw new Error(secrets.error);
    const busy = { t: 'code-busy', v: PAKE_LIMITS.version, sid: join.hello.sid };

    for (const m of [join.hello, confirm.value]) {
      expect(isRelayable('up', JSON.stringify(m))).toBe(true);
      expect(isRelayable('down', JSON.stringify(m))).toBe(false);
    }
    for (const m of [reply.value, secrets.value, busy]) {
      expect(isRelayable('down', JSON.stringify(m))).toBe(true);
      expect(isRelayable('up', JSON.stringify(m))).toBe(false);
    }
  });

  it('refuses objects (only text crosses), broken JSON, extra fields and oversized text', () => {
    const hello = startCodeJoin(parseCode('KM7R4XDA') as RoomCode).hello;
    expect(isRelayable('up', hello)).toBe(false);
    expect(isRelayable('up', '{"t":"code-hello"')).toBe(false);
    expect(isRelayable('up', JSON.stringify({ ...hello, x: 1 }))).toBe(false);
    expect(isRelayable('up', JSON.stringify({ ...hello, ya: 'A'.repeat(PAKE_LIMITS.messageMaxChars) }))).toBe(false);
  });
});
