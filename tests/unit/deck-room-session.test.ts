/**
 * The session the cards page's "Open de zaal" makes (src/lib/deck/room-session.ts), and the
 * about page's section that a site without a relay points at (src/lib/deck/room-help.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDeckSession } from '../../src/lib/deck/room-session';
import { ROOM_HELP_ANCHOR, roomHelpHref } from '../../src/lib/deck/room-help';
import { openStore } from '../../src/lib/store/open';
import { createRepo } from '../../src/lib/store/repo';
import { openKjk } from '../../src/lib/store/schema';
import { LANGS } from '../../src/routes';

const fresh = () => {
  const name = `deck-room-${Math.random()}`;
  const store = openStore({ name });
  const close = vi.spyOn(store, 'close');
  return { name, store, close };
};

describe('createDeckSession', () => {
  it('stores a workshop of the cards in their order, with the lens and a dated title, and closes the store', async () => {
    const { name, store, close } = fresh();
    const made = await createDeckSession({
      cards: ['b-kaart', 'a-kaart'],
      lang: 'en',
      lens: 'ouder',
      title: (day) => `Workshop ${day}`,
      now: () => new Date(2026, 11, 7, 9, 30),
      open: () => store,
    });
    expect(made.title).toBe('Workshop 7 December 2026');
    expect(close).toHaveBeenCalledTimes(1);
    const db = await openKjk({ name });
    const session = await createRepo(db).sessions.get(made.id);
    db.close();
    expect(session).toMatchObject({
      kind: 'workshop',
      title: made.title,
      team: '',
      date: '2026-12-07',
      lang: 'en',
      lens: 'ouder',
      deck: { cards: ['b-kaart', 'a-kaart'] },
    });
  });

  it('rejects with the store error and still closes the store', async () => {
    const { store, close } = fresh();
    await expect(
      createDeckSession({ cards: [''], lang: 'nl', title: (d) => d, open: () => store }),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect(close).toHaveBeenCalledTimes(1);
  });
});

describe('the room help link', () => {
  // Astro's heading ids (github-slugger): lower case, punctuation dropped, spaces to hyphens.
  const slug = (heading: string) =>
    heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .replace(/\s/g, '-');

  it.each(LANGS)('points at a heading of the about page in %s', (lang) => {
    const about = readFileSync(join(import.meta.dirname, `../../content/pages/${lang}/over.md`), 'utf8');
    const ids = [...about.matchAll(/^#{2,3} (.+)$/gm)].map((m) => slug(m[1]!));
    expect(ids).toContain(ROOM_HELP_ANCHOR[lang]);
    expect(roomHelpHref(lang)).toBe(`${lang === 'nl' ? '/over/' : '/en/about/'}#${ROOM_HELP_ANCHOR[lang]}`);
  });
});
