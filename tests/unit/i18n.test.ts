import { describe, expect, it } from 'vitest';
import { PERSPECTIVES, THEMES, KINDS } from '../../src/content.schema';
import { dictionaries } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { LANGS } from '../../src/routes';

/** Every leaf of a dictionary as "a.b.c" paths, so the two languages can be compared. */
function leaves(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('UI dictionaries', () => {
  it('have the same keys in every language', () => {
    expect(leaves(dictionaries.en).sort()).toEqual(leaves(dictionaries.nl).sort());
  });

  it('have no empty strings and no untranslated copies of long Dutch texts', () => {
    const nl = dictionaries.nl as unknown as Record<string, unknown>;
    for (const lang of LANGS) {
      for (const key of leaves(dictionaries[lang])) {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], dictionaries[lang]);
        if (typeof value === 'string') expect(value.trim(), `${lang}.${key}`).not.toBe('');
        if (lang === 'en' && typeof value === 'string' && value.length > 30) {
          const dutch = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], nl);
          expect(value, `en.${key} is still Dutch`).not.toBe(dutch);
        }
      }
    }
  });

  it('name every theme, kind and perspective', () => {
    for (const lang of LANGS) {
      const d = dictionaries[lang];
      for (const theme of THEMES) expect(d.themes[theme].name).toBeTruthy();
      for (const kind of KINDS) expect(d.kinds[kind]).toBeTruthy();
      for (const p of PERSPECTIVES) expect(d.perspectives[p]).toBeTruthy();
    }
  });

  it('count cards in both languages', () => {
    expect(fill('nl', dictionaries.nl.cards.count, { n: 1 })).toBe('1 kaart');
    expect(fill('en', dictionaries.en.cards.count, { n: 3 })).toBe('3 cards');
  });
});
