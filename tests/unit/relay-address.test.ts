import { describe, expect, it } from 'vitest';
import { addressKey, canonicalAddress, clientAddress, parseProxies } from '../../relay/core';

describe('the per-address bounds key', () => {
  it('is one key for every spelling of addresses in one IPv6 /64', () => {
    const forms = [
      '2001:db8:1:2::1',
      '2001:DB8:1:2::1',
      '2001:0db8:0001:0002:0000:0000:0000:0001',
      '2001:db8:1:2:ffff:ffff:ffff:ffff',
      '2001:db8:1:2:0:0:0:0',
      '2001:db8:1:2::',
      '[2001:db8:1:2::7]',
      '[2001:db8:1:2::7]:443',
      ' 2001:db8:1:2:a:b:c:d ',
      '2001:db8:1:2::1%eth0',
      '2001:db8:1:2::1.2.3.4',
    ];
    expect(new Set(forms.map(addressKey))).toEqual(new Set(['2001:db8:1:2::/64']));
  });

  it('handles "::" inside the prefix and at its edges', () => {
    expect(addressKey('2001:db8::1')).toBe('2001:db8::/64');
    expect(addressKey('2001:db8:0:0:1::1')).toBe('2001:db8::/64');
    expect(addressKey('2001:db8::1:0:0:1')).toBe('2001:db8::/64');
    expect(addressKey('::1')).toBe('::/64');
    expect(addressKey('::')).toBe('::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80::/64');
    expect(addressKey('1:2:3:4:5:6:7:8')).toBe('1:2:3:4::/64');
    expect(addressKey('0:0:0:1::')).toBe('0:0:0:1::/64');
  });

  it('gives another /64 another key', () => {
    const keys = ['2001:db8:1:2::1', '2001:db8:1:3::1', '2001:db8:1::1', '2001:db9:1:2::1', '2001:db8:1:2:0:0:0:0'].map(
      addressKey,
    );
    expect(new Set(keys).size).toBe(4);
    expect(keys[0]).toBe(keys[4]);
  });

  it('keeps IPv4 per address, also when it arrives as IPv4-mapped IPv6', () => {
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.2')).toBe('192.0.2.2');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('::FFFF:c000:201')).toBe('192.0.2.1');
    expect(addressKey('[::ffff:192.0.2.1]:80')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.1:5678')).toBe('192.0.2.1');
  });

  it('counts a NAT64 client (64:ff9b::/96) by its own IPv4 address, not all of them by one /64', () => {
    expect(addressKey('64:ff9b::c000:201')).toBe('192.0.2.1');
    expect(addressKey('64:ff9b::192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('64:ff9b:0:0:0:0:cb00:7101')).toBe('203.0.113.1');
    expect(addressKey('64:ff9b::c000:201')).not.toBe(addressKey('64:ff9b::c000:202'));
    // Only the well-known /96: 64:ff9b:1::/48 (local use) stays per /64.
    expect(addressKey('64:ff9b:1::c000:201')).toBe('64:ff9b:1::/64');
  });

  it('is null for anything that is not an address, and never throws', () => {
    for (const junk of [
      undefined,
      '',
      ' ',
      'unknown',
      'localhost',
      '2001:db8::1::2',
      '2001:db8:1:2:3:4:5:6:7',
      '12345::',
      '[2001:db8::1',
      '[]',
      '[192.0.2.1]x',
      '192.0.2.256',
      '192.0.2',
      '01.2.3.4',
      '::ffff:999.1.1.1',
      'fe80::1%',
      '%eth0',
      `${'1:'.repeat(5000)}1`,
      '\u0000::1',
    ])
      expect(addressKey(junk), String(junk)).toBeNull();
    expect(canonicalAddress('2001:DB8::0:1')).toBe('2001:db8::1');
  });
});

describe('the client address behind a proxy', () => {
  const proxy = ['127.0.0.1'];
  it('groups forwarded IPv6 clients by /64, and the direct ones too', () => {
    expect(clientAddress('127.0.0.1', { 'x-forwarded-for': '2001:db8:1:2::a' }, proxy)).toBe('2001:db8:1:2::/64');
    expect(clientAddress('::ffff:127.0.0.1', { 'x-real-ip': '[2001:db8:1:2::b]' }, proxy)).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:db8:5:6::1', {}, proxy)).toBe('2001:db8:5:6::/64');
  });

  it('falls back to the connection when the header holds no address', () => {
    expect(clientAddress('127.0.0.1', { 'x-forwarded-for': '198.51.100.4, garbage' }, proxy)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', { 'x-forwarded-for': 'garbage', 'x-real-ip': '198.51.100.5' }, proxy)).toBe(
      '198.51.100.5',
    );
    expect(clientAddress('127.0.0.1', { 'x-real-ip': ['nope'] }, proxy)).toBe('127.0.0.1');
    expect(clientAddress(undefined, { 'x-forwarded-for': '198.51.100.4' }, proxy)).toBe('');
  });

  it('trusts a proxy by its exact address, never by its /64', () => {
    const v6proxy = parseProxies('2001:db8:1:2::5');
    expect(v6proxy).toEqual(['2001:db8:1:2::5']);
    const h = { 'x-forwarded-for': '198.51.100.4' };
    expect(clientAddress('2001:db8:1:2:0::5', h, v6proxy)).toBe('198.51.100.4');
    expect(clientAddress('2001:db8:1:2::6', h, v6proxy)).toBe('2001:db8:1:2::/64');
    expect(parseProxies('::ffff:127.0.0.1, [::1]')).toEqual(['127.0.0.1', '::1']);
    expect(() => parseProxies('127.0.0.1, 2001:db8::/64')).toThrow('KJK_RELAY_TRUSTED_PROXY');
  });
});
