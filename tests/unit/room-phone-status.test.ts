import { describe, expect, it } from 'vitest';
import { nextPhoneStatus, type PhoneEvent, refusalStatus, type RoomStatus } from '../../src/lib/room/phone-status';

/** Runs events from a status and returns every status on the way. */
function run(from: RoomStatus, events: PhoneEvent[]): RoomStatus[] {
  const out: RoomStatus[] = [];
  let status = from;
  for (const e of events) {
    status = nextPhoneStatus(status, e);
    out.push(status);
  }
  return out;
}

const closedState: PhoneEvent = { type: 'state', phase: 'closed' };
const away: PhoneEvent = { type: 'signal', signal: 'away' };
const back: PhoneEvent = { type: 'signal', signal: 'back' };

describe('a phone’s room status', () => {
  it('goes away and comes back while the room is open', () => {
    expect(run('connecting', [{ type: 'joined', host: true }, away, back, { type: 'state', phase: 'open' }])).toEqual([
      'open',
      'away',
      'open',
      'open',
    ]);
    expect(run('connecting', [{ type: 'joined', host: false }])).toEqual(['away']);
  });

  it('stays closed after the end, whatever arrives: the presenter’s dropped socket ("away"), "back", "gone", a disconnect', () => {
    const after: PhoneEvent[] = [
      away,
      back,
      { type: 'signal', signal: 'gone' },
      { type: 'state', phase: 'open' },
      { type: 'joined', host: true },
      { type: 'refused', error: 'unknown', again: true },
      { type: 'connect-error' },
      { type: 'disconnect', reason: 'io server disconnect' },
      { type: 'disconnect', reason: 'transport close' },
    ];
    expect(run('open', [closedState, ...after])).toEqual(Array(after.length + 1).fill('closed'));
    expect(run('open', [{ type: 'signal', signal: 'closed' }, ...after]).every((s) => s === 'closed')).toBe(true);
  });

  it('the close race: "away" before the closed state is decrypted, then closed for good', () => {
    expect(run('open', [away, closedState, away, { type: 'signal', signal: 'closed' }])).toEqual([
      'away',
      'closed',
      'closed',
      'closed',
    ]);
  });

  it('tells refusals plainly: a token the room does not know is a link to no room', () => {
    expect(run('connecting', [{ type: 'refused', error: 'denied', again: false }])).toEqual(['unknown']);
    expect(run('connecting', [{ type: 'refused', error: 'unknown', again: true }])).toEqual(['gone']);
    expect(run('connecting', [{ type: 'refused', error: 'unknown', again: false }])).toEqual(['unknown']);
    expect(['full', 'closed', 'busy', 'timeout'].map((e) => refusalStatus(e as 'full'))).toEqual([
      'full',
      'closed',
      'unreachable',
      'unreachable',
    ]);
  });

  it('keeps what the relay said when the socket then drops; otherwise it reconnects or is gone', () => {
    for (const settled of ['gone', 'full', 'unknown'] as const)
      expect(nextPhoneStatus(settled, { type: 'disconnect', reason: 'transport close' })).toBe(settled);
    expect(nextPhoneStatus('open', { type: 'disconnect', reason: 'transport close' })).toBe('connecting');
    expect(nextPhoneStatus('open', { type: 'disconnect', reason: 'io server disconnect' })).toBe('gone');
    expect(nextPhoneStatus('open', { type: 'connect-error' })).toBe('unreachable');
    expect(nextPhoneStatus('away', { type: 'connect-error' })).toBe('away');
  });
});
