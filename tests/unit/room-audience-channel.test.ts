/** The views channel: one name per room, checked messages, a no-op without BroadcastChannel, one send per frame. */
import { describe, expect, it, vi } from 'vitest';
import { newRoomId } from '../../src/lib/room/crypto';
import {
  audienceFragment,
  bye,
  coalesce,
  hello,
  openViewsChannel,
  parseAudienceFragment,
  snapshotMessage,
  viewsChannelName,
} from '../../src/lib/room/views-channel';
import type { ViewsMessage } from '../../src/lib/room/audience';

const room = newRoomId();
const snapshot = { status: 'open', card: null, chosen: 0, joined: 0, revealed: false } as const;

describe('names and fragments', () => {
  it('one channel per room, and the audience address carries the room id only', () => {
    expect(viewsChannelName(room)).toBe(`kjk-views:${room}`);
    expect(viewsChannelName(newRoomId())).not.toBe(viewsChannelName(room));
    expect(() => viewsChannelName('../x')).toThrow();
    expect(audienceFragment(room)).toBe(`#scherm=${room}`);
    expect(() => audienceFragment('x')).toThrow();
    expect(parseAudienceFragment(`#scherm=${room}`)).toBe(room);
    expect(parseAudienceFragment(`foo=1&scherm=${room}`)).toBe(room);
    expect(parseAudienceFragment('#scherm=nope')).toBeNull();
    expect(parseAudienceFragment('')).toBeNull();
    expect(parseAudienceFragment(`#scherm=${room}${'x'.repeat(100)}`)).toBeNull();
  });
});

describe('the channel', () => {
  it('is a no-op where BroadcastChannel is missing', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const channel = openViewsChannel(room);
    vi.unstubAllGlobals();
    expect(channel.available).toBe(false);
    const listener = vi.fn();
    channel.subscribe(listener)();
    channel.post(hello());
    channel.close();
    expect(listener).not.toHaveBeenCalled();
  });

  it('delivers our messages between two windows of one room, and drops junk from another tab', async () => {
    const control = openViewsChannel(room);
    const audience = openViewsChannel(room);
    const other = new BroadcastChannel(viewsChannelName(room));
    const elsewhere = openViewsChannel(newRoomId());
    const heard: ViewsMessage[] = [];
    const strayed = vi.fn();
    elsewhere.subscribe(strayed);
    control.subscribe((m) => heard.push(m));
    other.postMessage({ k: 'snapshot', v: 1, snapshot: { ...snapshot, spread: [1] } });
    other.postMessage('junk');
    audience.post(hello());
    audience.post(snapshotMessage(snapshot));
    audience.post(bye());
    await vi.waitFor(() => expect(heard).toHaveLength(3));
    expect(heard.map((m) => m.k)).toEqual(['hello', 'snapshot', 'bye']);
    expect(strayed).not.toHaveBeenCalled();
    for (const c of [control, audience, elsewhere]) c.close();
    other.close();
    // Closed: posting does not throw.
    audience.post(hello());
  });
});

describe('coalesce', () => {
  it('sends the newest value once per frame, flushes and cancels', () => {
    const frames: (() => void)[] = [];
    const send = vi.fn();
    const c = coalesce<number>(send, (run) => {
      frames.push(run);
      return () => frames.splice(frames.indexOf(run), 1);
    });
    c.push(1);
    c.push(2);
    c.push(3);
    expect(frames).toHaveLength(1);
    frames[0]!();
    expect(send.mock.calls).toEqual([[3]]);
    c.push(4);
    c.flush();
    expect(send.mock.calls).toEqual([[3], [4]]);
    expect(frames).toHaveLength(0);
    c.push(5);
    c.cancel();
    c.flush();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('without frames, a short timer sends', async () => {
    const send = vi.fn();
    const c = coalesce<number>(send);
    c.push(1);
    c.push(2);
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith(2));
    expect(send).toHaveBeenCalledTimes(1);
  });
});
