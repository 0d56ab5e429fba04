/**
 * The note editor model (lib/sessions/note-editor) against a real repository on fake-indexeddb,
 * with Vitest's fake timers for the debounce and the max wait. fake-indexeddb runs on the real
 * setImmediate, which stays unfaked: `settle()` lets the database finish what is queued.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readDraft, writeDraft, type Draft, type DraftStorage } from '../../src/lib/sessions/drafts';
import {
  createNoteEditor,
  privacyWarning,
  SAVE_DELAY_MS,
  SAVE_MAX_WAIT_MS,
  type NoteEditor,
  type NoteEditorOptions,
  type NoteStatus,
  type NoteStore,
} from '../../src/lib/sessions/note-editor';
import { StoreError } from '../../src/lib/store/errors';
import { MAX_NOTE_CHARS } from '../../src/lib/records/limits';
import { createRepo, type Repo, type SaveNoteInput } from '../../src/lib/store/repo';
import { openKjk, type KjkDb } from '../../src/lib/store/schema';
import type { Session } from '../../src/lib/store/types';

const realImmediate = setImmediate;
const START = 1_700_000_000_000;
const CARD = 'k1';

/** Lets queued IndexedDB work (real setImmediate) and the promises after it run. */
async function settle(rounds = 60): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => realImmediate(resolve));
}

function memoryStorage(): DraftStorage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Wraps a store: records each save's start (fake clock) and text, can hold or fail saves. */
function spyStore(inner: NoteStore) {
  const saves: { at: number; text: string; base: number | null }[] = [];
  let running = 0;
  const spy = {
    saves,
    maxConcurrent: 0,
    hold: null as Promise<void> | null,
    fail: null as unknown,
    failGet: null as unknown,
    getHold: null as Promise<void> | null,
    store: {
      async get(sessionId: string, cardId: string) {
        if (spy.getHold) await spy.getHold;
        if (spy.failGet) throw spy.failGet;
        return inner.get(sessionId, cardId);
      },
      async save(input: SaveNoteInput) {
        saves.push({ at: Date.now(), text: input.text, base: input.baseUpdatedAt });
        spy.maxConcurrent = Math.max(spy.maxConcurrent, ++running);
        try {
          if (spy.hold) await spy.hold;
          if (spy.fail) throw spy.fail;
          return await inner.save(input);
        } finally {
          running--;
        }
      },
    } satisfies NoteStore,
  };
  return spy;
}

const connections: KjkDb[] = [];
const editors: NoteEditor[] = [];
let db: KjkDb;
let repo: Repo;
let other: Repo;
let session: Session;
let drafts: DraftStorage;

beforeEach(async () => {
  db = await openKjk({ name: `kjk-editor-${Math.random().toString(36).slice(2)}` });
  connections.push(db);
  repo = createRepo(db);
  // Another tab: its own repository on the same database.
  other = createRepo(db);
  session = await repo.sessions.create({
    kind: 'zelfreflectie',
    title: 'Notities',
    team: '',
    date: '2024-05-01',
    lang: 'nl',
  });
  drafts = memoryStorage();
  // setImmediate stays real: fake-indexeddb schedules its work with it.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: START });
});

afterEach(() => {
  for (const e of editors.splice(0)) e.dispose();
  vi.useRealTimers();
  for (const c of connections.splice(0)) c.close();
});

/** An editor for card k1 of the session, recording every status it passes through. */
function makeEditor(opts: Partial<NoteEditorOptions> = {}) {
  const editor = createNoteEditor({ sessionId: session.id, cardId: CARD, drafts, tab: 'tab-a', ...opts });
  editors.push(editor);
  const seen: NoteStatus[] = [];
  let notices = 0;
  editor.subscribe(() => {
    notices++;
    const status = editor.getState().status;
    if (seen.at(-1) !== status) seen.push(status);
  });
  return { editor, seen, notices: () => notices, state: () => editor.getState() };
}

const stored = async () => (await repo.notes.get(session.id, CARD))?.text;
const saveAs = async (who: Repo, text: string) => {
  const current = await who.notes.get(session.id, CARD);
  const r = await who.notes.save({
    sessionId: session.id,
    cardId: CARD,
    text,
    baseUpdatedAt: current?.updatedAt ?? null,
  });
  if (!r.ok) throw new Error('unexpected conflict');
  return r.note;
};
const draft = (over: Partial<Draft>): Draft => ({
  sessionId: session.id,
  cardId: CARD,
  text: '',
  base: null,
  at: START,
  tab: 'tab-a',
  ...over,
});

describe('loading', () => {
  it('starts disabled and idle; loads to idle without a note and to saved with one', async () => {
    const a = makeEditor();
    expect(a.state()).toMatchObject({ loaded: false, text: '', status: 'idle', error: null, conflict: null });
    await a.editor.load(repo.notes);
    expect(a.state()).toMatchObject({ loaded: true, text: '', status: 'idle' });

    await saveAs(repo, 'opgeslagen');
    const b = makeEditor();
    await b.editor.load(repo.notes);
    expect(b.state()).toMatchObject({ loaded: true, text: 'opgeslagen', status: 'saved' });
  });

  it('a load that fails says why, enables the field, and typing then saves', async () => {
    const spy = spyStore(repo.notes);
    spy.failGet = new StoreError('unavailable');
    const a = makeEditor();
    await a.editor.load(spy.store);
    expect(a.state()).toMatchObject({ loaded: true, status: 'error', error: 'unavailable', text: '' });
    spy.failGet = null;
    a.editor.input('toch getypt');
    expect(a.state().status).toBe('pending');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();
    expect(a.state()).toMatchObject({ status: 'saved', error: null });
    expect(await stored()).toBe('toch getypt');
  });
});

describe('typing and saving', () => {
  it('saves 400 ms after the last keystroke: idle → pending → saving → saved', async () => {
    const spy = spyStore(repo.notes);
    const onSaved = vi.fn();
    const a = makeEditor();
    await a.editor.load(spy.store, onSaved);
    a.editor.input('W');
    await vi.advanceTimersByTimeAsync(300);
    a.editor.input('Wij');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(spy.saves).toEqual([]);
    expect(a.state().status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(spy.saves.map((s) => s.text)).toEqual(['Wij']);
    expect(a.state().status).toBe('saving');
    await settle();
    expect(a.state().status).toBe('saved');
    expect(a.seen).toEqual(['idle', 'pending', 'saving', 'saved']);
    expect(await stored()).toBe('Wij');
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('typing back to the stored text saves nothing', async () => {
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.load(spy.store);
    a.editor.input('x');
    a.editor.input('');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(a.state().status).toBe('idle');

    await saveAs(repo, 'v1');
    const b = makeEditor();
    await b.editor.load(spy.store);
    b.editor.input('v1 en meer');
    b.editor.input('v1');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();
    expect(b.state().status).toBe('saved');
    expect(spy.saves).toEqual([]);
  });

  it('flush (blur) saves at once; a second flush with nothing new writes nothing', async () => {
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.load(spy.store);
    a.editor.input('meteen');
    await a.editor.flush();
    expect(a.state().status).toBe('saved');
    expect(await stored()).toBe('meteen');
    await a.editor.flush();
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS * 2);
    expect(spy.saves).toHaveLength(1);
  });

  it('text typed during a save is saved after it: saving → pending → saving → saved', async () => {
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.load(spy.store);
    const gate = deferred();
    spy.hold = gate.promise;
    a.editor.input('een');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(a.state().status).toBe('saving');
    a.editor.input('een twee');
    expect(a.state().status).toBe('pending');
    spy.hold = null;
    gate.resolve();
    await settle();
    expect(a.state().status).toBe('pending');
    expect(await stored()).toBe('een');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();
    expect(a.state().status).toBe('saved');
    expect(await stored()).toBe('een twee');
    expect(a.seen).toEqual(['idle', 'pending', 'saving', 'pending', 'saving', 'saved']);
    expect(spy.maxConcurrent).toBe(1);
  });
});

describe('durable while typing (issue 12)', () => {
  it('a key every 100 ms for 10 s: a save starts at least every 2 s, and the last text is saved after the pause', async () => {
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.load(spy.store);
    const typedAt: number[] = [];
    let text = '';
    for (let i = 0; i < 100; i++) {
      text += String.fromCharCode(97 + (i % 26));
      typedAt.push(Date.now());
      a.editor.input(text);
      await vi.advanceTimersByTimeAsync(100);
      await settle();
    }
    const starts = spy.saves.map((s) => s.at - START);
    expect(starts.length).toBeGreaterThanOrEqual(5);
    const gaps = [starts[0]!, ...starts.slice(1).map((at, i) => at - starts[i]!)];
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(SAVE_MAX_WAIT_MS);
    // Each save carried everything typed until it started: at most 2 s of typing was ever unsaved.
    for (const save of spy.saves) {
      const keys = typedAt.filter((t) => t < save.at).length;
      expect(save.text).toBe(text.slice(0, keys));
    }
    // The journal is still written when the page goes away mid-typing.
    a.editor.input(`${text}!`);
    a.editor.leave();
    expect(readDraft(drafts, session.id, CARD)?.text).toBe(`${text}!`);
    await settle();
    expect(await stored()).toBe(`${text}!`);
    expect(readDraft(drafts, session.id, CARD)).toBeNull();
  });

  it('a key every 150 ms: the max wait runs from the previous save, so saves stay at most 2 s apart', async () => {
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.load(spy.store);
    for (let i = 1; i <= 60; i++) {
      a.editor.input('x'.repeat(i));
      await vi.advanceTimersByTimeAsync(150);
      await settle();
    }
    const starts = spy.saves.map((s) => s.at - START);
    expect(starts).toEqual([2000, 4000, 6000, 8000]);
  });

  it('after a quiet spell the max wait runs from the first new keystroke, not from the old save', async () => {
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.load(spy.store);
    a.editor.input('a');
    await a.editor.flush();
    await vi.advanceTimersByTimeAsync(10_000);
    const resumed = Date.now();
    for (let i = 0; i < 25; i++) {
      a.editor.input(`a${'b'.repeat(i + 1)}`);
      await vi.advanceTimersByTimeAsync(100);
      await settle();
    }
    expect(spy.saves.map((s) => s.at - resumed)).toEqual([START - resumed, SAVE_MAX_WAIT_MS]);
  });
});

describe('flush', () => {
  it('a flush while a save is in flight waits for it, then saves the newer text; one save at a time', async () => {
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.load(spy.store);
    const gate = deferred();
    spy.hold = gate.promise;
    a.editor.input('eerste');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    a.editor.input('eerste en tweede');
    const flushed = a.editor.flush();
    await settle();
    expect(spy.saves.map((s) => s.text)).toEqual(['eerste']);
    // Typed while the flush waits: its save takes this too, and no timer is left behind.
    a.editor.input('eerste, tweede, derde');
    spy.hold = null;
    gate.resolve();
    await flushed;
    expect(vi.getTimerCount()).toBe(0);
    expect(spy.saves.map((s) => s.text)).toEqual(['eerste', 'eerste, tweede, derde']);
    expect(spy.maxConcurrent).toBe(1);
    expect(a.state().status).toBe('saved');
    expect(await stored()).toBe('eerste, tweede, derde');
  });

  it('flushForUpdate resolves once the text is stored, and rejects while it cannot be', async () => {
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.load(spy.store);
    await expect(a.editor.flushForUpdate()).resolves.toBeUndefined();
    a.editor.input('voor de update');
    await expect(a.editor.flushForUpdate()).resolves.toBeUndefined();
    expect(await stored()).toBe('voor de update');
    spy.fail = new StoreError('quota');
    a.editor.input('past niet meer');
    await expect(a.editor.flushForUpdate()).rejects.toThrow('note not saved');
    expect(await stored()).toBe('voor de update');
  });

  it('leave journals unsaved text and starts its save; with nothing unsaved it writes nothing', async () => {
    const a = makeEditor();
    await a.editor.load(repo.notes);
    a.editor.leave();
    expect(readDraft(drafts, session.id, CARD)).toBeNull();
    a.editor.input('weg');
    a.editor.leave();
    expect(readDraft(drafts, session.id, CARD)).toMatchObject({ text: 'weg', base: null, tab: 'tab-a', at: START });
    expect(a.state().status).toBe('saving');
    await settle();
    expect(await stored()).toBe('weg');
    expect(readDraft(drafts, session.id, CARD)).toBeNull();
  });
});

describe('conflicts', () => {
  /** Loads 'Begin', then another tab saves 'Van B' before this editor's save of 'Van A'. */
  async function conflictSetup() {
    await saveAs(repo, 'Begin');
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.load(spy.store);
    const theirs = await saveAs(other, 'Van B');
    a.editor.input('Van A');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();
    return { a, spy, theirs };
  }

  it('another writer saved between load and save: conflict, nothing overwritten, nothing saved while it lasts', async () => {
    const { a, spy, theirs } = await conflictSetup();
    expect(a.state()).toMatchObject({ status: 'conflict', text: 'Van A', conflict: theirs });
    expect(a.seen).toEqual(['saved', 'pending', 'saving', 'conflict']);
    expect(await stored()).toBe('Van B');
    a.editor.input('Van A, bewerkt');
    a.editor.leave();
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS * 3);
    await a.editor.flush();
    await settle();
    expect(a.state()).toMatchObject({ status: 'conflict', text: 'Van A, bewerkt' });
    expect(spy.saves).toHaveLength(1);
    expect(await stored()).toBe('Van B');
    await expect(a.editor.flushForUpdate()).rejects.toThrow();
  });

  it('keep mine saves my text over theirs', async () => {
    const { a, spy, theirs } = await conflictSetup();
    await a.editor.keepMine();
    expect(a.state()).toMatchObject({ status: 'saved', conflict: null, text: 'Van A' });
    expect(spy.saves.at(-1)).toMatchObject({ text: 'Van A', base: theirs.updatedAt });
    expect(await stored()).toBe('Van A');
    await a.editor.keepMine();
    expect(spy.saves).toHaveLength(2);
  });

  it('keep mine with the same text as theirs writes nothing', async () => {
    const { a, spy } = await conflictSetup();
    a.editor.input('Van B');
    await a.editor.keepMine();
    expect(a.state()).toMatchObject({ status: 'saved', conflict: null });
    expect(spy.saves).toHaveLength(1);
  });

  it('take theirs shows their text, writes nothing and drops the draft', async () => {
    const { a, spy } = await conflictSetup();
    a.editor.leave();
    expect(readDraft(drafts, session.id, CARD)?.text).toBe('Van A');
    a.editor.takeTheirs();
    expect(a.state()).toMatchObject({ status: 'saved', conflict: null, text: 'Van B' });
    expect(readDraft(drafts, session.id, CARD)).toBeNull();
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    await settle();
    expect(spy.saves).toHaveLength(1);
    expect(await stored()).toBe('Van B');
    a.editor.takeTheirs();
    expect(a.state().text).toBe('Van B');
  });

  it('a newer change while the choice is open replaces "theirs"', async () => {
    const { a } = await conflictSetup();
    const newest = await saveAs(other, 'Nog nieuwer van B');
    await a.editor.refresh();
    expect(a.state()).toMatchObject({ status: 'conflict', text: 'Van A', conflict: newest });
    await a.editor.keepMine();
    expect(await stored()).toBe('Van A');
  });
});

describe('changes from elsewhere', () => {
  it('takes the stored text when nothing here is unsaved', async () => {
    await saveAs(repo, 'eerst');
    const a = makeEditor();
    await a.editor.load(repo.notes);
    await saveAs(other, 'mail jan@example.nl');
    await a.editor.refresh();
    expect(a.state()).toMatchObject({ status: 'saved', text: 'mail jan@example.nl', findings: ['email'] });
  });

  it('takes it when it equals the unsaved text, and saves nothing then', async () => {
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.load(spy.store);
    a.editor.input('zelfde');
    await saveAs(other, 'zelfde');
    await a.editor.refresh();
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(a.state().status).toBe('saved');
    expect(spy.saves).toEqual([]);
  });

  it('with unsaved text here, it saves now and reports the conflict', async () => {
    const a = makeEditor();
    await a.editor.load(repo.notes);
    a.editor.input('hier getypt');
    await saveAs(other, 'daar opgeslagen');
    await a.editor.refresh();
    expect(a.state()).toMatchObject({ status: 'conflict', text: 'hier getypt', conflict: { text: 'daar opgeslagen' } });
  });

  it('ignores its own save, a change to another note, a failing read and a call before loading', async () => {
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.refresh();
    expect(a.state().loaded).toBe(false);
    await a.editor.load(spy.store);
    a.editor.input('eigen');
    await a.editor.flush();
    const before = a.state();
    await a.editor.refresh();
    await other.notes.save({ sessionId: session.id, cardId: 'k2', text: 'andere kaart', baseUpdatedAt: null });
    await a.editor.refresh();
    spy.failGet = new StoreError('unavailable');
    await a.editor.refresh();
    expect(a.state()).toBe(before);
  });
});

describe('draft journal', () => {
  it('a draft newer than the stored note is shown and saved, and then leaves the journal', async () => {
    const v1 = await saveAs(repo, 'v1');
    writeDraft(drafts, draft({ text: 'v1 en wat er nog bij kwam', base: v1.updatedAt, tab: 'closed-tab' }));
    const a = makeEditor();
    await a.editor.load(repo.notes);
    expect(a.state()).toMatchObject({ text: 'v1 en wat er nog bij kwam', status: 'pending', conflict: null });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();
    expect(a.state().status).toBe('saved');
    expect(await stored()).toBe('v1 en wat er nog bij kwam');
    // Another tab's draft goes too once its very text is stored.
    expect(readDraft(drafts, session.id, CARD)).toBeNull();
  });

  it('a draft for a card without a note is saved as the first version', async () => {
    writeDraft(drafts, draft({ text: 'nieuw', base: null }));
    const a = makeEditor();
    await a.editor.load(repo.notes);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();
    expect(await stored()).toBe('nieuw');
  });

  it('a draft based on an older stored version becomes a conflict', async () => {
    const v1 = await saveAs(repo, 'v1');
    const v2 = await saveAs(other, 'v2');
    writeDraft(drafts, draft({ text: 'op v1 verder getypt', base: v1.updatedAt }));
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.load(spy.store);
    expect(a.state()).toMatchObject({ status: 'conflict', text: 'op v1 verder getypt', conflict: v2 });
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(spy.saves).toEqual([]);
    expect(readDraft(drafts, session.id, CARD)?.text).toBe('op v1 verder getypt');
  });

  it('a draft equal to the stored text is dropped at load', async () => {
    const v1 = await saveAs(repo, 'v1');
    writeDraft(drafts, draft({ text: 'v1', base: v1.updatedAt - 5 }));
    const a = makeEditor();
    await a.editor.load(repo.notes);
    expect(a.state()).toMatchObject({ status: 'saved', text: 'v1' });
    expect(readDraft(drafts, session.id, CARD)).toBeNull();
  });

  it("after a save only this tab's draft is cleared; another tab's draft with other text stays", async () => {
    const a = makeEditor();
    await a.editor.load(repo.notes);
    writeDraft(drafts, draft({ text: 'uit tabblad B', tab: 'tab-b' }));
    a.editor.input('uit tabblad A');
    await a.editor.flush();
    expect(await stored()).toBe('uit tabblad A');
    expect(readDraft(drafts, session.id, CARD)).toMatchObject({ text: 'uit tabblad B', tab: 'tab-b' });

    writeDraft(drafts, draft({ text: 'nog een keer A', tab: 'tab-a' }));
    a.editor.input('weer iets anders');
    await a.editor.flush();
    expect(readDraft(drafts, session.id, CARD)).toBeNull();
  });

  it('a failed save journals the text', async () => {
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.load(spy.store);
    spy.fail = new StoreError('quota');
    a.editor.input('in het journaal');
    await a.editor.flush();
    expect(readDraft(drafts, session.id, CARD)).toMatchObject({ text: 'in het journaal', base: null, tab: 'tab-a' });
  });
});

describe('errors', () => {
  it('too-large: error state, the text stays; shortening it saves, and the message stays until then', async () => {
    const a = makeEditor();
    await a.editor.load(repo.notes);
    const big = 'x'.repeat(MAX_NOTE_CHARS + 1);
    a.editor.input(big);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();
    expect(a.state()).toMatchObject({ status: 'error', error: 'too-large', text: big });
    expect(readDraft(drafts, session.id, CARD)?.text).toBe(big);
    a.editor.input(big.slice(1));
    expect(a.state()).toMatchObject({ status: 'pending', error: 'too-large' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();
    expect(a.state()).toMatchObject({ status: 'saved', error: null });
    expect((await stored())?.length).toBe(MAX_NOTE_CHARS);
  });

  it('quota: error state, text kept; the retry saves once there is room', async () => {
    await saveAs(repo, 'past nog');
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.load(spy.store);
    spy.fail = new StoreError('quota');
    a.editor.input('past nog, en nu niet meer');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();
    expect(a.state()).toMatchObject({ status: 'error', error: 'quota', text: 'past nog, en nu niet meer' });
    expect(a.seen).toEqual(['saved', 'pending', 'saving', 'error']);
    expect(await stored()).toBe('past nog');
    spy.fail = null;
    await a.editor.flush();
    expect(a.state()).toMatchObject({ status: 'saved', error: null });
    expect(await stored()).toBe('past nog, en nu niet meer');
  });

  it('anything that is not a StoreError is "other"', async () => {
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.load(spy.store);
    spy.fail = new TypeError('boom');
    a.editor.input('x');
    await a.editor.flush();
    expect(a.state()).toMatchObject({ status: 'error', error: 'other', text: 'x' });
  });
});

describe('the store reopened (load again)', () => {
  it('unsaved text on screen stays and is saved through the new store', async () => {
    const a = makeEditor();
    await a.editor.load(repo.notes);
    a.editor.input('getypt voor het heropenen');
    const reopened = createRepo(db);
    const onSaved = vi.fn();
    await a.editor.load(reopened.notes, onSaved);
    expect(a.state()).toMatchObject({ text: 'getypt voor het heropenen', status: 'pending' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();
    expect(await stored()).toBe('getypt voor het heropenen');
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('kept text over a note that changed meanwhile becomes a conflict', async () => {
    const a = makeEditor();
    await a.editor.load(repo.notes);
    a.editor.input('van mij');
    const theirs = await saveAs(other, 'van een ander');
    await a.editor.load(repo.notes);
    expect(a.state()).toMatchObject({ text: 'van mij', status: 'conflict', conflict: theirs });
  });

  it('only the latest of two overlapping loads counts', async () => {
    const slow = spyStore(repo.notes);
    const gate = deferred();
    slow.getHold = gate.promise;
    const a = makeEditor();
    const first = a.editor.load(slow.store);
    await saveAs(repo, 'nieuw');
    await a.editor.load(repo.notes);
    expect(a.state().text).toBe('nieuw');
    const before = a.state();
    gate.resolve();
    await first;
    expect(a.state()).toBe(before);
  });
});

describe('privacy guard', () => {
  it('checks when the typing pauses; a closed warning stays closed for the same findings only', async () => {
    const a = makeEditor();
    await a.editor.load(repo.notes);
    a.editor.input('Mail jan@example.nl');
    expect(a.state().findings).toEqual([]);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(privacyWarning(a.state())).toEqual(['email']);
    a.editor.dismissPrivacy();
    expect(privacyWarning(a.state())).toEqual([]);
    a.editor.input('Mail jan@example.nl of bel 06-12345678');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(privacyWarning(a.state())).toEqual(['email', 'phone']);
    a.editor.input('Geen gegevens meer');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(privacyWarning(a.state())).toEqual([]);
    await settle();
  });
});

describe('subscribe', () => {
  it('notifies on every change until unsubscribed; getState gives a new object per change', async () => {
    const a = makeEditor();
    await a.editor.load(repo.notes);
    const listener = vi.fn();
    const off = a.editor.subscribe(listener);
    const before = a.editor.getState();
    a.editor.input('een');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(a.editor.getState()).not.toBe(before);
    expect(before.text).toBe('');
    off();
    a.editor.input('twee');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('dispose', () => {
  it('journals and saves unsaved text, then ignores input and notifies nobody', async () => {
    const a = makeEditor();
    await a.editor.load(repo.notes);
    a.editor.input('bij het sluiten');
    a.editor.dispose();
    expect(readDraft(drafts, session.id, CARD)?.text).toBe('bij het sluiten');
    const notices = a.notices();
    a.editor.input('na het sluiten');
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    await settle();
    expect(await stored()).toBe('bij het sluiten');
    expect(readDraft(drafts, session.id, CARD)).toBeNull();
    expect(a.state().text).toBe('bij het sluiten');
    expect(a.notices()).toBe(notices);
    expect(vi.getTimerCount()).toBe(0);
    a.editor.dispose();
  });

  it('a save in flight with newer text after it: both are saved after dispose', async () => {
    const spy = spyStore(repo.notes);
    const a = makeEditor();
    await a.editor.load(spy.store);
    const gate = deferred();
    spy.hold = gate.promise;
    a.editor.input('een');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    a.editor.input('een twee');
    a.editor.dispose();
    spy.hold = null;
    gate.resolve();
    await settle();
    expect(spy.saves.map((s) => s.text)).toEqual(['een', 'een twee']);
    expect(await stored()).toBe('een twee');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a load that finishes after dispose changes nothing, and a refresh after it reads nothing', async () => {
    const spy = spyStore(repo.notes);
    const gate = deferred();
    spy.getHold = gate.promise;
    const a = makeEditor();
    const loading = a.editor.load(spy.store);
    a.editor.dispose();
    gate.resolve();
    await loading;
    expect(a.state().loaded).toBe(false);
    spy.failGet = new StoreError('unavailable');
    const gate2 = deferred();
    spy.getHold = gate2.promise;
    const b = makeEditor();
    const failing = b.editor.load(spy.store);
    b.editor.dispose();
    gate2.resolve();
    await failing;
    expect(b.state()).toMatchObject({ loaded: false, error: null });
  });
});
