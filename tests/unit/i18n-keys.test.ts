/**
 * The dictionaries hold only keys the site reads, the same keys in both languages, with the same
 * placeholders. "Reads" is checked by name: a key counts as used when a source file reads a
 * property of that name (`.copyTitle`). Maps read with a computed key (`errors[code]`) are listed
 * below with the reason; their members are all used by construction.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { LANGS } from '../../src/routes';

/** Maps whose members are read as `map[value]`, with the closed list that picks the member. */
const READ_BY_COMPUTED_KEY: Record<string, string> = {
  kinds: 'card kind (KINDS), d.kinds[c.kind]',
  perspectives: 'perspective (PERSPECTIVES), d.perspectives[p]',
  'sessions.kinds': 'session kind (SESSION_KINDS)',
  'sessions.kindHelp': 'session kind (SESSION_KINDS)',
  'sessions.create.suggestion': 'session kind (SESSION_KINDS)',
  'sessions.errors': "StoreError['code']",
  'sessions.dates': 'DateProblem (lib/records/dates)',
  'sessions.notes.findings': 'privacy finding kind (lib/privacy)',
  'sessions.exchange.fileErrors': 'ParseErrorCode (lib/exchange/format)',
  'deck.problems': 'deck link problem code (lib/deck)',
  'room.status': 'room status (lib/room)',
};

/**
 * Read only by a test: chartTitle is the plain word for the dot plot that the content test holds
 * the help texts to ("Alle posities", not "stippenplot"). No view shows it today: either the chart
 * gets it as its caption or both go.
 */
const PENDING: ReadonlySet<string> = new Set(['sessions.positions.chartTitle']);

/** Every leaf as "a.b.c"; a list is one leaf (it is read whole). */
function leaves(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

function at(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|astro|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

const SRC = join(import.meta.dirname, '../../src');
const DICTIONARY_FILES = new Set([join(SRC, 'i18n/nl.ts'), join(SRC, 'i18n/en.ts')]);
const source = sourceFiles(SRC)
  .filter((file) => !DICTIONARY_FILES.has(file))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const isReadByName = (name: string) => new RegExp(`\\.${literal(name)}\\b|\\['${literal(name)}'\\]`).test(source);
const readByComputedKey = (path: string) => Object.keys(READ_BY_COMPUTED_KEY).some((map) => path.startsWith(`${map}.`));

/** The names of a template's placeholders ("{name}", "{n:kaart|kaarten}"), as fill reads them. */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?::[^|{}]*\|[^{}]*)?\}/g)].map((m) => m[1] as string))].sort();
}

describe('dictionary keys', () => {
  const nlKeys = leaves(dictionaries.nl);

  it('exist in every language, and only there', () => {
    for (const lang of LANGS) {
      const keys = new Set(leaves(dictionaries[lang]));
      expect(
        nlKeys.filter((k) => !keys.has(k)),
        `missing in ${lang}`,
      ).toEqual([]);
      expect(
        [...keys].filter((k) => !nlKeys.includes(k)),
        `only in ${lang}`,
      ).toEqual([]);
    }
  });

  it('have the same placeholders in every language', () => {
    const differ: string[] = [];
    for (const key of nlKeys) {
      const dutch = at(dictionaries.nl, key);
      if (typeof dutch !== 'string') continue;
      for (const lang of LANGS) {
        const other = at(dictionaries[lang], key);
        if (typeof other !== 'string') continue;
        const a = placeholders(dutch).join(',');
        const b = placeholders(other).join(',');
        if (a !== b) differ.push(`${key}: nl {${a}}, ${lang} {${b}}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('are all read by some source file', () => {
    const unused = nlKeys.filter((key) => {
      if (readByComputedKey(key) || PENDING.has(key)) return false;
      return !isReadByName(key.split('.').at(-1) as string);
    });
    expect(unused).toEqual([]);
  });

  it('list only maps that exist as maps read by a computed key', () => {
    for (const map of Object.keys(READ_BY_COMPUTED_KEY)) {
      const value = at(dictionaries.nl, map);
      expect(typeof value === 'object' && value !== null && !Array.isArray(value), map).toBe(true);
    }
  });
});
