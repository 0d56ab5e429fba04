/**
 * Backups in every engine: export everything, import it into a fresh profile (a real file on a
 * real <input type=file>), the same data arrives; a second import adds nothing; bad files are
 * refused with a clear message and change nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listDir, poll, waitForDownload, type Tab } from './driver';
import { exportText, PROTECT_DIALOG, protectLabels } from '../support/sessions';
import { useEngine } from './journey';
import { DILEMMA, createSession, dump, nl, noteBox, openSessions, saved, sorted, toast } from './sessions-steps';

const j = useEngine();
const tmp = mkdtempSync(join(tmpdir(), 'kjk-backups-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A session with a note, a position and an action, made through the UI. */
async function fillSomething(tab: Tab, title: string, note: string) {
  await createSession(tab, { title, team: 'Team Noord' });
  await tab.fill(noteBox(), note);
  await tab.fill({ label: nl.positions.participant, exact: false }, 'Anna');
  await tab.click({ role: 'button', name: nl.positions.place, exact: false });
  await poll(() => tab.text('.ss-count-text')).toBe('1 positie geplaatst');
  await tab.fill({ label: nl.actions.text, within: '.ss-action-new' }, `Actie bij ${title}`);
  await tab.click({ role: 'button', name: nl.actions.add, exact: false, within: '.ss-action-new' });
  await tab.waitFor('.ss-action');
  await saved(tab);
  await openSessions(tab);
}

function file(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmp, 'f-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const oneSession = {
  id: 'file-s1',
  kind: 'workshop',
  title: 'Uit een bestand',
  team: '',
  date: '2025-02-01',
  lang: 'nl',
  deck: { cards: [DILEMMA] },
  createdAt: 1738400000000,
  updatedAt: 1738400000000,
};

describe(`backups (${j.name})`, () => {
  it('a full backup moves everything to a fresh profile, and a second import adds nothing', async () => {
    const { profile: pa, tab: a } = await j.fresh();
    await fillSomething(a, 'Eerste sessie', 'Notitie één — met “aanhalingstekens” en emoji 🙂');
    await fillSomething(a, 'Tweede sessie', 'Notitie twee\nmet twee regels');
    const before = await dump(a);
    expect(before.sessions).toHaveLength(2);
    expect(before.notes.map((n) => n.text).sort()).toEqual([
      'Notitie twee\nmet twee regels',
      'Notitie één — met “aanhalingstekens” en emoji 🙂',
    ]);

    const seen = listDir(pa.downloads);
    await a.click({ role: 'button', name: nl.exchange.exportAll, exact: false });
    // Encrypted by default: this journey reads the file, so it chooses a plain one, for its reason.
    await a.check({ role: 'radio', name: protectLabels().plain, within: PROTECT_DIALOG });
    await a.click({ role: 'button', name: protectLabels().make, within: PROTECT_DIALOG });
    const downloaded = await waitForDownload(pa.downloads, seen);
    const name = basename(downloaded);
    expect(name).toMatch(/^kjk-back-up-\d{4}-\d{2}-\d{2}\.json$/);
    const text = readFileSync(downloaded, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ type: 'ken-je-kracht/export', version: 1, scope: 'all' });
    await poll(() => a.text(toast)).toContain(`De back-up is gedownload: ${name}.`);

    const { tab: b } = await j.fresh();
    await openSessions(b);
    const path = file(name, text);
    await b.setFiles('input[type=file]', [path]);
    await b.waitFor('.ss-preview');
    const preview = await b.text('.ss-preview');
    expect(preview).toContain(nl.exchange.rule);
    expect(preview).toContain('Nieuw: 2 sessies, 2 notities, 2 posities en 2 afspraken.');
    expect(preview).toContain('Eerste sessie — nieuw');
    // Nothing is written before the confirmation.
    expect((await dump(b)).sessions).toEqual([]);
    await b.click({ role: 'button', name: nl.exchange.confirm, exact: false, within: '.ss-preview' });
    await poll(() => b.text(toast)).toContain('Geïmporteerd: 2 sessies, 2 notities, 2 posities en 2 afspraken.');
    await poll(async () => (await b.texts('.ss-item-title')).sort()).toEqual(['Eerste sessie', 'Tweede sessie']);
    expect(sorted(await dump(b))).toEqual(sorted(before));

    // The same file again: nothing new, nothing to confirm. A fresh input element takes the same path again.
    await b.reload();
    await b.waitFor('.ss-list');
    await b.setFiles('input[type=file]', [path]);
    await b.waitFor('.ss-preview');
    await poll(() => b.text('.ss-preview')).toContain(nl.exchange.nothing);
    expect(await b.count({ role: 'button', name: nl.exchange.confirm, exact: false, within: '.ss-preview' })).toBe(0);
    await b.click({ role: 'button', name: nl.exchange.cancel, exact: false, within: '.ss-preview' });
    expect(sorted(await dump(b))).toEqual(sorted(before));
  });

  const valid = exportText({ sessions: [oneSession], notes: [], positions: [], actions: [] });
  const bad: [string, string | Buffer, string][] = [
    ['not JSON', 'Dit is een boodschappenlijst, geen back-up.', nl.exchange.fileErrors['not-json']],
    ['a truncated file', valid.slice(0, Math.floor(valid.length / 2)), nl.exchange.fileErrors['not-json']],
    ['an empty file', '', nl.exchange.fileErrors.empty],
    [
      'a binary file',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2]),
      nl.exchange.fileErrors['not-json'],
    ],
    ['another app’s JSON', JSON.stringify({ type: 'iets-anders', items: [] }), nl.exchange.fileErrors['wrong-type']],
    [
      'a future version',
      exportText({ sessions: [], notes: [], positions: [], actions: [] }, { version: 2 }),
      nl.exchange.fileErrors['future-version'],
    ],
    [
      'missing fields',
      exportText({
        sessions: [{ id: 'x', kind: 'workshop', date: '2025-01-01', lang: 'nl', deck: {}, createdAt: 1, updatedAt: 1 }],
        notes: [],
        positions: [],
        actions: [],
      }),
      nl.exchange.fileErrors.invalid,
    ],
    ['a missing list', exportText({ sessions: [], notes: [], positions: [] }), nl.exchange.fileErrors.invalid],
    [
      'a position outside 0..100',
      exportText({
        sessions: [oneSession],
        notes: [],
        positions: [
          { id: 'p', sessionId: 'file-s1', cardId: DILEMMA, participant: 'A', value: 140, agreed: false, updatedAt: 1 },
        ],
        actions: [],
      }),
      nl.exchange.fileErrors.invalid,
    ],
  ];
  it('bad files are refused with a clear message and change nothing', async () => {
    const { tab } = await j.fresh();
    await createSession(tab, { title: 'Al opgeslagen' });
    await openSessions(tab);
    const before = await dump(tab);
    for (const [what, content, message] of bad) {
      await openSessions(tab);
      await tab.setFiles('input[type=file]', [file('slecht.json', content)]);
      const alert = '.ss-exchange [role=alert]';
      await tab.waitFor(alert);
      await poll(() => tab.text(alert), what).toContain(message);
      expect(await tab.text(alert), what).toContain(nl.exchange.unchanged);
      expect(await tab.count('.ss-preview'), what).toBe(0);
      expect(await dump(tab), what).toEqual(before);
    }
  });
});
