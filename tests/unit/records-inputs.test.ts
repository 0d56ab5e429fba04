/**
 * The forms' own length limits (INPUT_MAX_CHARS) and the record limits are one set: whatever a
 * person can type into a field at its longest, the repository saves and an export of it imports
 * again. Astral characters count twice in a text field's maxLength, as in the schemas (UTF-16).
 */
import { describe, expect, it } from 'vitest';
import { parseExport, serialize } from '../../src/lib/exchange/format';
import { planImport } from '../../src/lib/exchange/merge';
import { INPUT_MAX_CHARS, MAX_SHORT_TEXT_CHARS } from '../../src/lib/records/limits';
import { readAll } from '../../src/lib/store/bulk';
import { freshRepos } from '../support/store';

const freshRepo = freshRepos('kjk-inputs');

/** A text of exactly `n` UTF-16 units, with an emoji in it (2 units) as people type them. */
const full = (n: number) => `🙂${'a'.repeat(n - 2)}`;

describe('the forms type at most what a record holds', () => {
  it('every form limit is a positive whole number within the short-text limit', () => {
    for (const [field, max] of Object.entries(INPUT_MAX_CHARS)) {
      expect(Number.isInteger(max) && max > 0, field).toBe(true);
      expect(max, field).toBeLessThanOrEqual(MAX_SHORT_TEXT_CHARS);
    }
  });

  it('a session, a position and an action typed at every field’s limit save, export and import again', async () => {
    const source = await freshRepo();
    const session = await source.sessions.create({
      kind: 'teamoverleg',
      title: full(INPUT_MAX_CHARS.sessionTitle),
      team: full(INPUT_MAX_CHARS.team),
      date: '2026-12-02',
      lang: 'nl',
    });
    await source.sessions.create({
      kind: 'zelfreflectie',
      origin: 'scan',
      title: 'Zelfscan',
      team: full(INPUT_MAX_CHARS.scanLabel),
      date: '2026-12-02',
      lang: 'nl',
    });
    await source.positions.set({
      sessionId: session.id,
      cardId: 'kaart-1',
      participant: full(INPUT_MAX_CHARS.participant),
      value: 40,
    });
    await source.actions.add({
      sessionId: session.id,
      text: full(INPUT_MAX_CHARS.actionText),
      owner: full(INPUT_MAX_CHARS.actionOwner),
    });

    const parsed = parseExport(serialize(await source.exportAll(), 'all'));
    if (!parsed.ok) throw new Error(parsed.error.details.join('; '));
    const target = await freshRepo();
    await target.applyImport(planImport(parsed.dataset, await readAll(target.db)));
    const mine = await target.exportAll();
    const byLength = (a: number, b: number) => a - b;
    expect(mine.sessions.map((s) => s.title.length).sort(byLength)).toEqual([8, INPUT_MAX_CHARS.sessionTitle]);
    expect(mine.sessions.map((s) => s.team.length).sort(byLength)).toEqual([
      INPUT_MAX_CHARS.scanLabel,
      INPUT_MAX_CHARS.team,
    ]);
    expect(mine.positions[0]?.participant).toBe(full(INPUT_MAX_CHARS.participant));
    expect(mine.actions[0]).toMatchObject({
      text: full(INPUT_MAX_CHARS.actionText),
      owner: full(INPUT_MAX_CHARS.actionOwner),
    });
  });
});
