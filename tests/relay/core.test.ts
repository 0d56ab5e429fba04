import { describe, expect, it } from 'vitest';
import { configFromEnv, DEFAULTS } from '../../relay/config';
import {
  clientAddress,
  isAllowedOrigin,
  isAllowedRequest,
  newBucket,
  parseOrigins,
  parseProxies,
  RecentSet,
  Registry,
  secretHash,
  secretMatches,
  takeToken,
} from '../../relay/core';
import { newPresenterSecret, newRoomId } from '../../src/lib/room/crypto';
import { ROOM_LIMITS } from '../../src/lib/room/limits';

describe('token bucket', () => {
  it('lets a burst through, then the refill rate', () => {
    const rate = { burst: 3, perSecond: 2 };
    const b = newBucket(rate, 0);
    expect([0, 0, 0, 0].map(() => takeToken(b, rate, 0))).toEqual([true, true, true, false]);
    expect(takeToken(b, rate, 400)).toBe(false);
    expect(takeToken(b, rate, 500)).toBe(true);
    expect(takeToken(b, rate, 10_000) && takeToken(b, rate, 10_000) && takeToken(b, rate, 10_000)).toBe(true);
    expect(takeToken(b, rate, 10_000)).toBe(false);
  });

  it('is not fooled by a clock that goes back', () => {
    const rate = { burst: 1, perSecond: 1 };
    const b = newBucket(rate, 5000);
    expect(takeToken(b, rate, 5000)).toBe(true);
    expect(takeToken(b, rate, 0)).toBe(false);
  });
});

describe('origins', () => {
  it('accepts only the configured origins, exactly', () => {
    const allowed = parseOrigins('https://kjk.example, http://127.0.0.1:4321');
    expect(isAllowedOrigin('https://kjk.example', allowed)).toBe(true);
    for (const o of [
      'https://kjk.example.evil',
      'http://kjk.example',
      'https://kjk.example/',
      'null',
      undefined,
      ['https://kjk.example'],
    ]) {
      expect(isAllowedOrigin(o, allowed)).toBe(false);
    }
  });

  it("lets a same-origin long-polling GET without Origin in, for the site's own host only", () => {
    const allowed = ['https://kjk.example'];
    expect(isAllowedRequest({ host: 'kjk.example', 'sec-fetch-site': 'same-origin' }, allowed)).toBe(true);
    expect(isAllowedRequest({ host: 'KJK.example', 'sec-fetch-site': 'same-origin' }, allowed)).toBe(true);
    expect(isAllowedRequest({ host: 'kjk.example' }, allowed)).toBe(false);
    expect(isAllowedRequest({ host: 'evil.example', 'sec-fetch-site': 'same-origin' }, allowed)).toBe(false);
    expect(isAllowedRequest({ host: 'kjk.example', 'sec-fetch-site': 'cross-site' }, allowed)).toBe(false);
    expect(
      isAllowedRequest(
        { host: 'kjk.example', 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' },
        allowed,
      ),
    ).toBe(false);
    expect(isAllowedRequest({ origin: 'https://kjk.example' }, allowed)).toBe(true);
  });

  it('says which setting is wrong', () => {
    expect(() => parseOrigins('kjk.example')).toThrow(/KJK_RELAY_ORIGIN.*not an origin/);
    expect(() => parseOrigins('https://kjk.example/sessies/')).toThrow(/did you mean "https:\/\/kjk.example"/);
    expect(() => parseOrigins(' , ')).toThrow(/names no origin/);
    expect(() => configFromEnv({ KJK_RELAY_PORT: 'abc' })).toThrow(/KJK_RELAY_PORT="abc"/);
    expect(() => configFromEnv({ KJK_RELAY_REDIS_URL: 'localhost:6379' })).toThrow(/KJK_RELAY_REDIS_URL/);
    expect(configFromEnv({ KJK_RELAY_PORT: '0', KJK_RELAY_HOST: '0.0.0.0' })).toMatchObject({
      port: 0,
      host: '0.0.0.0',
    });
    expect(configFromEnv({}).port).toBe(4322);
  });
});

describe('presenter secret', () => {
  it('matches its own hash only', () => {
    const s = newPresenterSecret();
    expect(secretMatches(s, secretHash(s))).toBe(true);
    expect(secretMatches(newPresenterSecret(), secretHash(s))).toBe(false);
    expect(secretMatches(s, 'short')).toBe(false);
  });
});

describe('replay window', () => {
  it('remembers the last N items', () => {
    const set = new RecentSet(2);
    expect(set.add('a')).toBe(true);
    expect(set.add('a')).toBe(false);
    set.add('b');
    set.add('c');
    expect(set.size).toBe(2);
    expect(set.add('a')).toBe(true);
  });
});

describe('room registry', () => {
  const bounds = { ...DEFAULTS, maxRooms: 2, phonesPerRoom: 2, graceMs: 1000, idleMs: 10_000 };

  it('creates, admits up to the room size, releases', () => {
    const r = new Registry(bounds);
    const id = newRoomId();
    const join = secretHash(newPresenterSecret());
    expect(r.create(id, secretHash(newPresenterSecret()), 'h1', 0, '', join)).toBe('ok');
    expect(r.create(id, secretHash(newPresenterSecret()), 'h2', 0)).toBe('taken');
    expect([r.admit(id, join), r.admit(id, join), r.admit(id, join)]).toEqual(['ok', 'ok', 'full']);
    r.release(id);
    expect(r.admit(id, join)).toBe('ok');
    expect(r.admit(newRoomId())).toBe('unknown');
    r.create(newRoomId(), 'x', 'h3', 0);
    expect(r.create(newRoomId(), 'x', 'h4', 0)).toBe('limit');
  });

  it('waits the grace period for the presenter, then forgets and keeps a tombstone', () => {
    const r = new Registry(bounds);
    const id = newRoomId();
    const secret = newPresenterSecret();
    r.create(id, secretHash(secret), 'h1', 0);
    expect(r.hostLeft(id, 'someone-else', 0)).toBe(false);
    expect(r.hostLeft(id, 'h1', 100)).toBe(true);
    expect(r.sweep(1000)).toEqual([]);
    expect(r.rehost(id, newPresenterSecret(), 'h2')).toBe('denied');
    expect(r.rehost(id, secret, 'h2')).toBe('ok');
    r.hostLeft(id, 'h2', 2000);
    expect(r.sweep(3000)).toEqual([{ id, reason: 'gone' }]);
    expect(r.admit(id)).toBe('closed');
    expect(r.create(id, secretHash(secret), 'h3', 3000)).toBe('taken');
    expect(r.rehost(id, secret, 'h3')).toBe('closed');
    // The tombstone goes too, later.
    r.sweep(100_000);
    expect(r.tombstones.size).toBe(0);
  });

  it('says "away" for a presenter who left an open room, not for one who closed it', () => {
    const r = new Registry(bounds);
    const open = newRoomId();
    const closed = newRoomId();
    r.create(open, 'x', 'h1', 0);
    r.create(closed, 'x', 'h2', 0);
    r.close(closed, 10);
    expect(r.hostLeft(open, 'h1', 20)).toBe(true);
    expect(r.hostLeft(closed, 'h2', 20)).toBe(false);
    expect(r.sweep(20)).toEqual([{ id: closed, reason: 'closed' }]);
  });

  it('admits only the join tokens registered or granted by the presenter, a bounded number', () => {
    const r = new Registry({ ...bounds, phonesPerRoom: 1000 });
    const id = newRoomId();
    const link = secretHash(newPresenterSecret());
    r.create(id, 'x', 'h1', 0, '', link);
    const code = secretHash(newPresenterSecret());
    expect([r.admit(id), r.admit(id, code), r.admit(id, link)]).toEqual(['denied', 'denied', 'ok']);
    expect(r.grant(id, 'someone-else', code)).toBe('denied');
    expect(r.grant(id, 'h1', code)).toBe('ok');
    expect(r.admit(id, code)).toBe('ok');
    for (let i = 2; i < ROOM_LIMITS.joinProofsPerRoom; i++) r.grant(id, 'h1', secretHash(newPresenterSecret()));
    expect(r.grant(id, 'h1', secretHash(newPresenterSecret()))).toBe('limit');
    expect(r.grant(id, 'h1', code)).toBe('ok'); // granting the same again takes no room
    expect(r.grant(newRoomId(), 'h1', code)).toBe('unknown');
  });

  it('closes idle rooms and rooms the presenter closed', () => {
    const r = new Registry(bounds);
    const idle = newRoomId();
    const closed = newRoomId();
    r.create(idle, 'x', 'h1', 0);
    r.create(closed, 'x', 'h2', 9000);
    r.close(closed, 9500);
    expect(r.admit(closed)).toBe('closed');
    expect(r.sweep(10_001).sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([
      { id: closed, reason: 'closed' },
      { id: idle, reason: 'idle' },
    ]);
  });
});

describe('client address', () => {
  const proxy = ['127.0.0.1'];
  it('is the socket address unless the connection comes from a trusted proxy', () => {
    expect(clientAddress('::ffff:192.0.2.1', {}, [])).toBe('192.0.2.1');
    expect(clientAddress('192.0.2.1', { 'x-forwarded-for': '10.0.0.1' }, [])).toBe('192.0.2.1');
    expect(clientAddress('192.0.2.1', { 'x-forwarded-for': '10.0.0.1' }, proxy)).toBe('192.0.2.1');
  });

  it('behind the proxy: the entry the proxy added, else X-Real-IP, else the proxy', () => {
    expect(clientAddress('127.0.0.1', { 'x-forwarded-for': 'forged, 198.51.100.4' }, proxy)).toBe('198.51.100.4');
    expect(clientAddress('::ffff:127.0.0.1', { 'x-real-ip': '198.51.100.5' }, proxy)).toBe('198.51.100.5');
    expect(clientAddress('127.0.0.1', {}, proxy)).toBe('127.0.0.1');
  });

  it('reads KJK_RELAY_TRUSTED_PROXY', () => {
    expect(parseProxies('127.0.0.1, ::1')).toEqual(['127.0.0.1', '::1']);
    expect(() => parseProxies('proxy.example')).toThrow('KJK_RELAY_TRUSTED_PROXY');
    expect(configFromEnv({ KJK_RELAY_TRUSTED_PROXY: '127.0.0.1' }).trustedProxies).toEqual(['127.0.0.1']);
    expect(configFromEnv({}).trustedProxies).toEqual([]);
  });
});

describe('rooms per address', () => {
  it('refuses an address a room above its share, and lets it have one again when a room is forgotten', () => {
    const r = new Registry({ ...DEFAULTS, roomsPerAddress: 2, graceMs: 0 });
    const ids = [newRoomId(), newRoomId(), newRoomId()];
    expect(ids.map((id, i) => r.create(id, 'x', `h${i}`, 0, '192.0.2.1'))).toEqual(['ok', 'ok', 'limit']);
    expect(r.create(newRoomId(), 'x', 'h9', 0, '192.0.2.2')).toBe('ok');
    r.close(ids[0]!, 0);
    r.sweep(1);
    expect(r.roomsOf('192.0.2.1')).toBe(1);
    expect(r.create(newRoomId(), 'x', 'h3', 1, '192.0.2.1')).toBe('ok');
  });
});
