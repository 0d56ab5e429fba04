/**
 * Issue #27: the replay window held every frame it remembered (a sliced IV keeps its 4 KB parent
 * alive in V8), 16 MB per room at the largest frames. The heap is measured in a child process
 * (replay-heap.ts) started with the relay's own flags and --expose-gc.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ReplayWindow } from '../../relay/core';
import { RELAY_NODE_FLAGS } from '../../relay/node-flags.mjs';
import { frameIv, IV_CHARS } from '../../src/lib/room/wire';

it('copies the IV out of the frame and still drops a frame whose IV the room has seen', () => {
  const frame = `a1B2-_c3D4e5F6g7${'x'.repeat(4080)}`;
  expect(frameIv(frame)).toBe(frame.slice(0, IV_CHARS));
  const replay = new ReplayWindow(8);
  expect(replay.fresh(frame)).toBe(true);
  expect(replay.fresh(frame)).toBe(false);
  // Another body behind the same IV is a replay too: the IV alone decides.
  expect(replay.fresh(`${frame.slice(0, IV_CHARS)}${'y'.repeat(60)}`)).toBe(false);
  expect(replay.fresh(`Z${frame.slice(1)}`)).toBe(true);
});

it("keeps tens of bytes per remembered frame in a room's replay window, not the frame", () => {
  const run = spawnSync(
    process.execPath,
    [...RELAY_NODE_FLAGS, '--expose-gc', join(import.meta.dirname, 'replay-heap.ts')],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(run.status, run.stderr).toBe(0);
  const held = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '');
  expect(held.size).toBe(held.entries);
  // The measure sees a kept 4,096-character frame (about 4.1 KB)...
  expect(held.controlBytes).toBeGreaterThan(3000);
  // ...and the window holds an IV and its set entry (about 70 bytes; 4.1 KB when it kept the frame).
  // The margin is wide both ways, since heap figures after a full GC vary by a few percent only.
  expect(held.windowBytes).toBeLessThan(1024);
});
