/**
 * The phone's side of the typed code, without DOM: one socket to the relay, the CPace handshake
 * with the presenter behind the code's nameplate (pake/handshake.ts), and the room's link (with
 * the presenter's public key, grant.ts) and a join token at the end, with which the phone joins as a QR joiner does. The socket is closed
 * then: the join takes a socket of its own. Load this module only when someone typed a code.
 */
import type { RoomLink } from './fragment.ts';
import { unpackGrant } from './grant.ts';
import { PAKE_LIMITS } from './limits.ts';
import type { RoomCode } from './pake/code.ts';
import { type CodeJoin, startCodeJoin } from './pake/handshake.ts';
import { BusySchema, decodeMessage } from './pake/schema.ts';
import type { Connect, RelayAddress } from './session.ts';
import { bytesToBase64url } from './wire.ts';

export type CodeJoinError =
  /** No presenter holds this code, or its password part is wrong. */
  | 'wrong'
  /** The presenter is busy with other phones' handshakes for too long. */
  | 'busy'
  /** The relay or the presenter did not answer in time, or the connection failed. */
  | 'unreachable';

export type CodeJoinResult = { ok: true; link: RoomLink; token: string } | { ok: false; error: CodeJoinError };

export interface CodeJoinOptions {
  connect: Connect;
  relay: RelayAddress;
  code: RoomCode;
  /** The whole handshake, tries included. */
  timeoutMs?: number;
  /** Tries after a "busy" answer. */
  tries?: number;
}

export async function joinByCode(options: CodeJoinOptions): Promise<CodeJoinResult> {
  const { code } = options;
  const socket = options.connect(options.relay.origin, {
    path: options.relay.path,
    transports: ['websocket', 'polling'],
    reconnection: false,
    timeout: 10_000,
  });
  let join: CodeJoin | null = null;
  let busyTries = options.tries ?? 6;
  let finish: (result: CodeJoinResult) => void = () => undefined;
  const done = new Promise<CodeJoinResult>((resolve) => {
    finish = resolve;
  });
  const send = async (message: object) => {
    try {
      const ack = (await socket
        .timeout(10_000)
        .emitWithAck('code-up', { nameplate: code.nameplate, message: JSON.stringify(message) })) as {
        ok: boolean;
        error?: string;
      };
      if (!ack.ok) finish({ ok: false, error: ack.error === 'unknown' ? 'wrong' : 'unreachable' });
    } catch {
      finish({ ok: false, error: 'unreachable' });
    }
  };
  const begin = () => {
    join = startCodeJoin(code);
    void send(join.hello);
  };

  socket.on('connect', begin);
  socket.on('connect_error', () => finish({ ok: false, error: 'unreachable' }));
  socket.on('disconnect', () => finish({ ok: false, error: 'unreachable' }));
  socket.on('code-down', (text: unknown) => {
    void (async () => {
      if (!join || typeof text !== 'string' || text.length > PAKE_LIMITS.messageMaxChars) return;
      const busy = decodeMessage(BusySchema, text);
      if (busy.ok) {
        if (busy.value.sid !== join.hello.sid) return;
        if (--busyTries <= 0) return finish({ ok: false, error: 'busy' });
        join = null;
        // Thirty phones at once: spread the next tries so they do not meet again.
        setTimeout(begin, 150 + Math.random() * 350);
        return;
      }
      const reply = join.onReply(text);
      if (reply.ok) return void send(reply.value);
      // Another handshake's message, or noise: keep waiting.
      if (reply.error === 'sid' || reply.error === 'malformed' || reply.error === 'oversized') return;
      if (reply.error !== 'state') {
        // Tell the presenter at once that this try failed (a tag that cannot match), so the
        // attempt leaves its count of open ones now instead of after its timeout.
        const tag = bytesToBase64url(crypto.getRandomValues(new Uint8Array(PAKE_LIMITS.tagBytes)));
        // Its ack first: the relay drops what arrives together with the socket's goodbye.
        await send({ t: 'code-confirm', v: PAKE_LIMITS.version, sid: join.hello.sid, tag });
        return finish({ ok: false, error: 'wrong' });
      }
      const secrets = await join.onSecrets(text);
      if (secrets.ok) {
        const { roomId, roomKey, joinProof } = secrets.value;
        const grant = unpackGrant(joinProof);
        // Sealed by the presenter that knew the code: only a presenter of an older version sends another layout.
        if (!grant) return finish({ ok: false, error: 'wrong' });
        finish({
          ok: true,
          link: { room: roomId, key: bytesToBase64url(roomKey), pub: grant.pub },
          token: grant.token,
        });
      } else if (secrets.error !== 'sid' && secrets.error !== 'malformed') finish({ ok: false, error: 'wrong' });
    })();
  });

  const timer = setTimeout(() => finish({ ok: false, error: 'unreachable' }), options.timeoutMs ?? 20_000);
  const result = await done;
  clearTimeout(timer);
  socket.off('disconnect');
  socket.disconnect();
  return result;
}
