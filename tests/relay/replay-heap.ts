/**
 * Run by replay-memory.test.ts in a Node process of its own, with the relay's flags and
 * --expose-gc, so nothing else allocates between two measures. Fills a room's replay window with
 * frames of the largest accepted size, drops the frames, collects, and prints (as JSON) the heap
 * still held per entry. A control keeps the frames themselves, which shows the measure sees a
 * kept frame at all.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULTS } from '../../relay/config.ts';
import { ReplayWindow } from '../../relay/core.ts';
import { ROOM_LIMITS } from '../../src/lib/room/limits.ts';
import { bytesToBase64url } from '../../src/lib/room/wire.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const collect = gc;

const entries = DEFAULTS.replayWindow;

/** A new string of exactly the largest frame, with a random IV, as the relay gets one from a socket. */
const bigFrame = () => bytesToBase64url(randomBytes((ROOM_LIMITS.frameMaxChars * 3) / 4));

function heapAfterGc(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

/** Bytes of heap per frame that `keep` still holds once the frames themselves are unreachable. */
function heldPerFrame(keep: (frame: string) => void): number {
  const before = heapAfterGc();
  for (let i = 0; i < entries; i++) keep(bigFrame());
  return Math.round((heapAfterGc() - before) / entries);
}

const replay = new ReplayWindow(entries);
const windowBytes = heldPerFrame((frame) => {
  if (!replay.fresh(frame)) throw new Error('an IV came twice');
});
const kept: string[] = [];
const controlBytes = heldPerFrame((frame) => kept.push(frame));

console.log(JSON.stringify({ entries, size: replay.size, windowBytes, controlBytes, kept: kept.length }));
