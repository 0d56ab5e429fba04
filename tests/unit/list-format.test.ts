import { describe, expect, it } from 'vitest';
import { listFormat } from '../../src/i18n/list';

describe('listFormat', () => {
  it('joins Dutch words with commas and "en"', () => {
    expect(listFormat('nl', [])).toBe('');
    expect(listFormat('nl', ['een BSN'])).toBe('een BSN');
    expect(listFormat('nl', ['een BSN', 'een telefoonnummer'])).toBe('een BSN en een telefoonnummer');
    expect(listFormat('nl', ['a', 'b', 'c'])).toBe('a, b en c');
  });

  it('joins English words with commas and "and"', () => {
    expect(listFormat('en', ['a BSN'])).toBe('a BSN');
    expect(listFormat('en', ['a BSN', 'a phone number'])).toBe('a BSN and a phone number');
    expect(listFormat('en', ['a', 'b', 'c'])).toBe('a, b, and c');
  });
});
