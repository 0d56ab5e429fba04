/**
 * Sessions in every engine: create, a note saved as you type, reload, two tabs, positions,
 * actions and the report. Each test starts with a fresh, empty profile.
 */
import { describe, expect, it } from 'vitest';
import { readEntries } from '../support/content';
import { poll, type Tab } from './driver';
import { useEngine } from './journey';
import {
  DILEMMA,
  KENNIS,
  createSession,
  dump,
  nl,
  noteBox,
  openSessions,
  saved,
  saveState,
  toast,
} from './sessions-steps';

const cardTitle = (id: string) => String(readEntries('cards', 'nl').find((c) => c.slug === id)?.data.title);
const poles = (id: string) =>
  ((readEntries('cards', 'nl').find((c) => c.slug === id)?.data.poles ?? []) as { label: string }[]).map(
    (p) => p.label,
  );
const j = useEngine();

/**
 * Requests this document made to another origin, from its resource timing (fetch, XHR, scripts,
 * styles, images, fonts, beacons): the app promises that nothing leaves the site. Per document,
 * so read it before a reload too.
 */
const foreignRequests = (tab: Tab) =>
  tab.eval(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => !u.startsWith(`${location.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')),
  );

describe(`sessions (${j.name})`, () => {
  it('creates a session, saves a note as you type, and keeps it after a reload', async () => {
    const { tab } = await j.fresh();
    await openSessions(tab);
    expect(await tab.text('.ss-empty')).toContain(nl.list.empty);
    // The storage status reads well also without navigator.storage (WebKitGTK has none).
    await tab.waitFor('.ss-storage');
    const storage = await tab.text('.ss-storage');
    expect(storage).toContain(nl.storage.local);
    expect(storage).not.toMatch(/undefined|NaN|null/);
    // One honest sentence on protection, the same before and after the first session (issue 14).
    const protection = [nl.storage.persisted, nl.storage.notPersisted, nl.storage.unknown].filter((p) =>
      storage.includes(p),
    );
    expect(protection).toHaveLength(1);
    if (j.name === 'webkit') expect(protection).toEqual([nl.storage.unknown]);
    const id = await createSession(tab, { title: 'Teamoverleg maart', team: 'Team Noord', date: '2025-03-14' });
    expect(await tab.text('.ss-session h2')).toBe('Teamoverleg maart');
    expect(await tab.text('#ss-card-h')).toBe(cardTitle(DILEMMA));
    expect(await tab.text('.ss-progress')).toBe('Kaart 1 van 3');

    // Every text the save line shows from here on: "saving" while typing, then "saved".
    await tab.eval(() => {
      const w = window as unknown as { __kjkSaveStates: string[] };
      w.__kjkSaveStates = [];
      const read = () => {
        const t = document.querySelector('.ss-save-state')?.textContent?.trim() ?? '';
        if (w.__kjkSaveStates.at(-1) !== t) w.__kjkSaveStates.push(t);
      };
      new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await tab.fill(noteBox(), 'Wij vinden het netwerk belangrijk.');
    await saved(tab);
    const states = await tab.eval(() => (window as unknown as { __kjkSaveStates: string[] }).__kjkSaveStates);
    expect(states).toContain(nl.notes.saving);
    expect(states.lastIndexOf(nl.notes.saved)).toBeGreaterThan(states.indexOf(nl.notes.saving));
    expect((await dump(tab)).notes).toMatchObject([
      { sessionId: id, cardId: DILEMMA, text: 'Wij vinden het netwerk belangrijk.' },
    ]);
    expect(await foreignRequests(tab)).toEqual([]);

    await tab.reload();
    await poll(() => tab.value(noteBox())).toBe('Wij vinden het netwerk belangrijk.');
    expect(await tab.text(saveState)).toContain(nl.notes.saved);
    // The card menu marks cards with a note.
    expect(await tab.text('.ss-goto option')).toBe(`1. ${cardTitle(DILEMMA)} (notitie)`);

    // Next card, and Back returns to the list.
    await tab.click({ role: 'button', name: nl.view.next, exact: false });
    await poll(() => tab.text('#ss-card-h')).toBe(cardTitle(KENNIS));
    await poll(async () => new URL(await tab.url()).searchParams.get('kaart')).toBe('2');
    await tab.back();
    await tab.waitFor('.ss-list');
    expect(await tab.texts('.ss-item-title')).toEqual(['Teamoverleg maart']);
    await poll(() => tab.text('.ss-storage')).toContain(protection[0] as string);
    expect(await foreignRequests(tab)).toEqual([]);
  });

  it('leaving a session while a note is being saved holds up no other page, and the note is kept', async () => {
    const { tab } = await j.fresh();
    const id = await createSession(tab, { title: 'Weg tijdens het opslaan' });
    await poll(() => tab.attr(noteBox(), 'disabled')).toBeNull();
    // A page frozen in the middle of a save, on purpose: the next note save's transaction stays
    // open (it keeps asking for a count) until the app ends it. WebKit keeps a left page in its
    // back/forward cache like that; other pages' reads then wait behind it.
    await tab.eval(() => {
      const w = window as unknown as { __kjkHeld: number };
      w.__kjkHeld = 0;
      const open = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof open>) {
        const tx = open.apply(this, args);
        if (tx.mode === 'readwrite' && tx.objectStoreNames.contains('notes') && w.__kjkHeld === 0) {
          w.__kjkHeld++;
          const store = tx.objectStore(tx.objectStoreNames[0] as string);
          const hold = () => {
            try {
              store.count().onsuccess = hold;
            } catch {
              // Ended by the app: nothing left to hold.
            }
          };
          hold();
        }
        return tx;
      } as typeof open;
    });
    await tab.fill(noteBox(), 'Opgeschreven vlak voor het weggaan.');
    await poll(() => tab.eval(() => (window as unknown as { __kjkHeld: number }).__kjkHeld)).toBeGreaterThan(0);
    expect(await tab.text(saveState)).toContain(nl.notes.saving);

    // To the list, as a person would (openSessions fails if the page says its data hangs).
    await openSessions(tab);
    expect(await tab.texts('.ss-item-title')).toEqual(['Weg tijdens het opslaan']);
    await poll(async () => (await dump(tab)).notes.map((n) => n.text)).toEqual(['Opgeschreven vlak voor het weggaan.']);

    // Back to the session (from the back/forward cache where the engine has one): it opens its
    // storage again and saves the next words.
    await tab.back();
    await poll(async () => new URL(await tab.url()).searchParams.get('sessie')).toBe(id);
    await poll(() => tab.value(noteBox())).toBe('Opgeschreven vlak voor het weggaan.');
    await tab.fill(noteBox(), 'Terug, en verder geschreven.');
    await saved(tab);
    await poll(async () => (await dump(tab)).notes.map((n) => n.text)).toEqual(['Terug, en verder geschreven.']);
  });

  it('an edit in one tab appears in the other', async () => {
    const { profile, tab: a } = await j.fresh();
    const id = await createSession(a, { title: 'Twee tabbladen' });
    const b = await j.tab(profile);
    await openSessions(b, 'nl', `?sessie=${id}`);
    // The note field is disabled until its text has loaded.
    await poll(() => b.attr(noteBox(), 'disabled')).toBeNull();
    // Work happens in the front tab (a background tab's animation frames are throttled).
    await a.front();
    await a.fill(noteBox(), 'Geschreven in tabblad A');
    // Within 5 s, as the Chromium test had it: the other tab hears of it, it does not poll for it.
    await poll(() => b.value(noteBox()), undefined, 5_000).toBe('Geschreven in tabblad A');
    await a.front();
    await a.fill({ label: nl.positions.participant, exact: false }, 'Anna');
    await a.click({ role: 'button', name: nl.positions.place, exact: false });
    await poll(() => b.text('.ss-count-text')).toBe('1 positie geplaatst');
    await a.front();
    await a.click({ role: 'link', name: nl.view.back, exact: false });
    await a.click({ role: 'button', name: nl.list.rename, exact: false });
    await a.fill({ label: nl.list.renameLabel, exact: false }, 'Nieuwe naam');
    await a.click({ role: 'button', name: nl.list.save, exact: false });
    await poll(() => b.text('.ss-session h2')).toBe('Nieuwe naam');
  });

  it('positions: one marker in zelfreflectie, kept; team markers hidden until shown, then the agreed position', async () => {
    const { tab } = await j.fresh();
    const alone = await createSession(tab, { title: 'Alleen', kind: 'zelfreflectie' });
    const [a, b] = poles(DILEMMA);
    const own = { label: `Jouw positie tussen ${a} en ${b}`, exact: false };
    expect(await tab.text('.ss-positions h4')).toBe(nl.positions.titleOwn);
    await tab.fill(own, '30');
    await poll(() => tab.text('.ss-positions [role=status]')).toBe('Je positie is bewaard: 30 van 100.');
    expect(await tab.attr(own, 'aria-valuetext')).toBe(`30 van 100, dichter bij ${a}`);
    await tab.reload();
    await poll(() => tab.value(own)).toBe('30');
    expect((await dump(tab)).positions).toMatchObject([
      { sessionId: alone, cardId: DILEMMA, participant: '', value: 30 },
    ]);

    await openSessions(tab);
    const team = await createSession(tab, { title: 'Samen', team: 'Team Zuid' });
    const place = async (name: string, value: number) => {
      await tab.fill({ label: nl.positions.participant, exact: false }, name);
      await tab.fill(own, String(value));
      await tab.click({ role: 'button', name: nl.positions.place, exact: false });
    };
    await place('Anna', 20);
    await poll(() => tab.text('.ss-count-text')).toBe('1 positie geplaatst');
    // The next person starts from the middle, with an empty name: nothing to see of Anna's marker.
    await poll(() => tab.value(own)).toBe('50');
    expect(await tab.value({ label: nl.positions.participant, exact: false })).toBe('');
    await place('Bram', 45);
    await poll(() => tab.text('.ss-count-text')).toBe('2 posities geplaatst');
    await place('', 80);
    await poll(() => tab.text('.ss-count-text')).toBe('3 posities geplaatst');
    expect(await tab.count('.ss-dotplot')).toBe(0);
    expect(await tab.text('.ss-positions')).not.toMatch(/Anna|Bram/);
    await tab.click({ role: 'button', name: nl.positions.reveal, exact: false });
    await tab.waitFor({ role: 'img', name: /Posities van/ });
    expect(await tab.count('.ss-dotplot circle')).toBe(3);
    expect(await tab.text('.ss-dotplot + .ss-chart-poles + figcaption')).toBe(
      `Posities van ${a} (0) tot ${b} (100): Anna: 20, Bram: 45, Deelnemer 3: 80.`,
    );
    const agreed = { label: `Gezamenlijke positie tussen ${a} en ${b}`, exact: false };
    expect(await tab.value(agreed)).toBe('45');
    await tab.fill(agreed, '40');
    await tab.click({ role: 'button', name: nl.positions.agreedSave, exact: false });
    await poll(() => tab.text('.ss-agreed-now')).toBe(`Gezamenlijke positie: 40 van 100 (dichter bij ${a}).`);
    await poll(() => tab.text('.ss-dotplot + .ss-chart-poles + figcaption')).toContain('Gezamenlijke positie: 40.');
    expect(await tab.count('.ss-agreed-mark')).toBe(1);
    const stored = (await dump(tab)).positions.filter((p) => p.sessionId === team);
    expect(stored.filter((p) => p.agreed)).toMatchObject([{ participant: '', value: 40 }]);
    expect(stored.filter((p) => !p.agreed)).toHaveLength(3);
    expect(stored).toHaveLength(4);
  });

  it('adds, ticks off, edits and deletes actions', async () => {
    const { tab } = await j.fresh();
    await createSession(tab, { title: 'Afspraken' });
    const form = '.ss-action-new';
    await tab.click({ role: 'button', name: nl.actions.add, exact: false, within: form });
    await poll(() => tab.text({ role: 'alert', within: form })).toBe(nl.actions.needText);
    await tab.fill({ label: nl.actions.text, within: form }, 'Netwerk in kaart brengen');
    await tab.fill({ label: nl.actions.owner, exact: false, within: form }, 'Anna');
    await tab.fill({ label: nl.actions.due, exact: false, within: form }, '2025-04-01');
    await tab.click({ role: 'button', name: nl.actions.add, exact: false, within: form });
    await tab.waitFor('.ss-action');
    expect(await tab.text('.ss-action')).toMatch(
      /Netwerk in kaart brengen[\s\S]*Wie: Anna[\s\S]*Klaar op 1 april 2025[\s\S]*Kaart 2/,
    );

    await tab.check({ role: 'checkbox', within: '.ss-action' });
    await poll(async () => (await dump(tab)).actions[0]?.done).toBe(true);
    await poll(() => tab.attr('.ss-action', 'class')).toContain('is-done');

    await tab.click({ role: 'button', name: /Wijzigen/, within: '.ss-action' });
    await tab.fill({ label: nl.actions.text, within: '.ss-action.is-editing' }, 'Netwerk tekenen met het gezin');
    await tab.fill({ label: nl.actions.owner, exact: false, within: '.ss-action.is-editing' }, '');
    await tab.click({ role: 'button', name: nl.actions.save, exact: false, within: '.ss-action.is-editing' });
    await poll(async () => (await dump(tab)).actions[0]).toMatchObject({
      text: 'Netwerk tekenen met het gezin',
      done: true,
    });
    expect((await dump(tab)).actions[0]?.owner).toBeUndefined();

    await tab.click({ role: 'button', name: /Verwijderen/, within: '.ss-action' });
    await poll(async () => (await dump(tab)).actions.length).toBe(0);
    await tab.waitFor({ css: '.ss-actions .ss-hint', hasText: nl.actions.none });
  });

  it('the report shows notes, positions and actions, copies as Markdown, and leads back to the session', async () => {
    const { tab } = await j.fresh();
    await createSession(tab, { title: 'Verslag maken', team: 'Team Noord', date: '2025-03-14' });
    await tab.fill(noteBox(), 'Regel een\nRegel twee');
    await tab.fill({ label: nl.positions.participant, exact: false }, 'Anna');
    await tab.click({ role: 'button', name: nl.positions.place, exact: false });
    await poll(() => tab.text('.ss-count-text')).toBe('1 positie geplaatst');
    await tab.click({ role: 'button', name: nl.positions.reveal, exact: false });
    await tab.click({ role: 'button', name: nl.positions.agreedSave, exact: false });
    await tab.waitFor('.ss-agreed-now');
    await tab.fill({ label: nl.actions.text, within: '.ss-action-new' }, 'Opa bellen');
    await tab.click({ role: 'button', name: nl.actions.add, exact: false, within: '.ss-action-new' });
    await tab.waitFor('.ss-action');
    await saved(tab);
    expect((await dump(tab)).notes.map((n) => n.text)).toEqual(['Regel een\nRegel twee']);

    await tab.click({ role: 'link', name: nl.view.report, exact: false });
    await tab.waitFor('.ss-report');
    await poll(async () => new URL(await tab.url()).searchParams.get('verslag')).toBe('1');
    const text = await tab.text('.ss-report');
    expect(text).toContain(`Kaart 2: ${cardTitle(DILEMMA)}`);
    expect(text).toContain('Regel een\nRegel twee');
    expect(text).toContain('Anna: 50');
    expect(text).toContain('Gezamenlijke positie: 50');
    expect(text).toContain('[open] Opa bellen');

    // The Markdown that "copy" hands to the clipboard. A page may not read the real clipboard in
    // every engine, so the clipboard is replaced by a recorder here; tests/e2e/sessions.test.ts
    // checks the real clipboard in Chromium, where Playwright can grant the permission.
    await tab.eval(() => {
      const w = window as unknown as { __kjkCopied?: string };
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: {
          writeText: (t: string) => {
            w.__kjkCopied = t;
            return Promise.resolve();
          },
        },
      });
    });
    await tab.click({ role: 'button', name: nl.report.copy, exact: false });
    await poll(() => tab.text(toast)).toContain(nl.report.copied);
    const markdown = await tab.eval(() => (window as unknown as { __kjkCopied?: string }).__kjkCopied ?? '');
    expect(markdown).toContain('# Verslag maken');
    expect(markdown).toContain('- Datum: 14 maart 2025');
    expect(markdown).toContain('> Regel een\n> Regel twee');
    expect(markdown).toContain('- **Gezamenlijke positie: 50**');
    expect(markdown).toContain('- [ ] Opa bellen');

    await tab.click({ role: 'link', name: nl.report.back, exact: false });
    await tab.waitFor('.ss-session');
    // The note editor loads the stored text after the view appears.
    await poll(() => tab.value(noteBox())).toBe('Regel een\nRegel twee');
  });
});
