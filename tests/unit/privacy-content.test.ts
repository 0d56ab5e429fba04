/**
 * No false alarms on the site's own texts: the cards (examples, questions, bodies and every other
 * field), the werkvormen and the begrippen, in both languages, are ordinary prose about made-up
 * cases. Whatever the guard finds there would also be found in a note that quotes them.
 */
import { describe, expect, it } from 'vitest';
import { detectClientData } from '../../src/lib/privacy/detect';
import { allStrings, readEntries } from '../support/content';

// Far ahead, so every date in the texts counts as old enough to be a date of birth: the
// strictest case, and the outcome does not change as the years pass.
const now = new Date(2040, 0, 1);

/** Findings that are allowed, each with why: "collection/lang/slug" → the matched text. */
// None: the guide's tip ("a young person of 15", "een jongere van 15") is worded so that a note
// following it does not get the warning.
const ALLOWED: { where: string; text: string; why: string }[] = [];

describe('the guard on the site’s own texts', () => {
  for (const collection of ['cards', 'werkvormen', 'begrippen']) {
    for (const lang of ['nl', 'en'] as const) {
      it(`${collection} (${lang}) hold nothing that looks like client data`, () => {
        const entries = readEntries(collection, lang);
        expect(entries.length).toBeGreaterThan(0);
        const hits: string[] = [];
        for (const entry of entries) {
          const where = `${collection}/${lang}/${entry.slug}`;
          for (const text of [...allStrings(entry.data), entry.body]) {
            for (const f of detectClientData(text, { now })) {
              const match = text.slice(f.index, f.index + f.length);
              if (ALLOWED.some((a) => a.where === where && a.text === match)) continue;
              hits.push(
                `${where}: ${f.kind} "${match}" in "…${text.slice(Math.max(0, f.index - 30), f.index + f.length + 30)}…"`,
              );
            }
          }
        }
        expect(hits).toEqual([]);
      });
    }
  }
});
