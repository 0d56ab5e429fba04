/**
 * The presenter's side of the typed code, without DOM: draws a code, opens its channel at the
 * relay (another code when the nameplate is taken), answers every phone's handshake through the
 * code host (pake/handshake.ts), and gives a confirmed phone the room's secrets with a join token
 * of its own, whose hash the relay learns first (grant), and the presenter's public key (grant.ts). When the limiter retires the code, the
 * next one is shown at once. Design: docs/room-code.md.
 */
import type { RoomLink } from './fragment.ts';
import { joinTokenHash } from './crypto.ts';
import { packGrant } from './grant.ts';
import { ROOM_LIMITS } from './limits.ts';
import { generateCode, type RoomCode } from './pake/code.ts';
import { type CodeHost, createCodeHost } from './pake/handshake.ts';
import type { LimiterOptions } from './pake/limiter.ts';
import { decodeMessage, HelloSchema, PAKE_LIMITS } from './pake/schema.ts';
import type { CodeHandlers, Reply } from './session.ts';
import { base64urlToBytes, randomToken } from './wire.ts';

/** What the code channel needs of the presenter's room (session.ts PresenterRoom). */
export interface CodeRoom {
  link: RoomLink;
  openCode(nameplate: string): Promise<Reply>;
  closeCode(): Promise<void>;
  onCode(handlers: CodeHandlers): void;
  sendCode(peer: string, message: object): void;
  grant(proof: string): Promise<boolean>;
}

export interface CodeChannelOptions {
  room: CodeRoom;
  /**
   * The code to show (null while none is open: the relay refused every nameplate drawn); `retired`
   * when it replaces one that the limiter retired (too many wrong tries, too old).
   */
  onCode: (code: RoomCode | null, retired: boolean) => void;
  generate?: () => RoomCode;
  limits?: Partial<LimiterOptions>;
  now?: () => number;
  /** How often a code retired by silent (timed-out) attempts is noticed. */
  checkMs?: number;
}

export interface CodeChannel {
  code(): RoomCode | null;
  stop(): Promise<void>;
}

/** Nameplates drawn before giving up: 529 exist, a relay holds at most a few hundred rooms. */
const DRAWS = 24;

export function startCodeChannel(options: CodeChannelOptions): CodeChannel {
  const { room } = options;
  const roomKey = base64urlToBytes(room.link.key);
  if (!roomKey) throw new Error('not a room key');
  let host: CodeHost | null = null;
  let stopped = false;
  let drawing: Promise<void> | null = null;
  /** Which phone socket began which handshake: a confirmation counts only from the same socket (bounded by the limiter's attempts). */
  const peers = new Map<string, string>();

  // Each confirmed phone gets a token of its own; the relay admits it once the presenter granted its hash.
  // The presenter's public key goes with it, sealed by the handshake: a QR joiner has it from the link.
  const joinProof = async () => {
    const token = randomToken(ROOM_LIMITS.joinTokenBytes);
    if (!(await room.grant(await joinTokenHash(token)))) throw new Error('grant refused');
    return packGrant({ token, pub: room.link.pub });
  };

  const draw = async (retired: boolean) => {
    host = null;
    peers.clear();
    for (let i = 0; i < DRAWS && !stopped; i++) {
      const code = (options.generate ?? generateCode)();
      const reply = await room.openCode(code.nameplate);
      if (stopped) return;
      if (reply.ok) {
        host = createCodeHost({
          code,
          secrets: { roomId: room.link.room, roomKey, joinProof: new Uint8Array() },
          joinProof,
          ...(options.limits ? { limits: options.limits } : {}),
          ...(options.now ? { now: options.now } : {}),
        });
        options.onCode(code, retired);
        return;
      }
      if (reply.error !== 'taken') break;
    }
    options.onCode(null, retired);
  };
  const renew = (retired = false) => {
    drawing ??= draw(retired).finally(() => {
      drawing = null;
    });
    return drawing;
  };
  const retiredNow = () => {
    if (host && host.status().state === 'retired') void renew(true);
  };

  room.onCode({
    message(peer, text) {
      const current = host;
      if (!current || text.length > PAKE_LIMITS.messageMaxChars) return;
      let kind: unknown;
      try {
        kind = (JSON.parse(text) as { t?: unknown }).t;
      } catch {
        return;
      }
      if (kind === 'code-hello') {
        const reply = current.onHello(text);
        if (reply.ok) {
          peers.set(reply.value.sid, peer);
          room.sendCode(peer, reply.value);
        } else if (reply.error === 'busy') {
          const hello = decodeMessage(HelloSchema, text);
          if (hello.ok) room.sendCode(peer, { t: 'code-busy', v: PAKE_LIMITS.version, sid: hello.value.sid });
        }
        retiredNow();
        return;
      }
      if (kind !== 'code-confirm') return;
      const sid = (JSON.parse(text) as { sid?: unknown }).sid;
      if (typeof sid !== 'string' || peers.get(sid) !== peer) return;
      peers.delete(sid);
      void current.onConfirm(text).then((result) => {
        if (result.ok && current === host) room.sendCode(peer, result.value);
        retiredNow();
      });
    },
    lost: () => void renew(),
  });
  const ticker = setInterval(retiredNow, options.checkMs ?? 2000);
  void renew();

  return {
    code: () => host?.code ?? null,
    async stop() {
      stopped = true;
      clearInterval(ticker);
      host = null;
      await room.closeCode();
    },
  };
}
