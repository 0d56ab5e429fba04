/** The storage line and Safari's seven-day rule, decided without a browser. */
import { describe, expect, it } from 'vitest';
import { backupReminderDays, evictionRisk, isAppleMobile, type BrowserFacts } from '../../src/lib/store/eviction';
import { persistenceStatus, storageEstimate } from '../../src/lib/store/persist';
import { summarizeStorage, type StorageFacts } from '../../src/lib/store/status';
import { clearAppKeys } from '../../src/lib/sessions/wipe';

const UA = {
  iPhoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  iPadDesktopSafari:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  iOSChrome:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  desktopSafari:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  androidChrome:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
};

const facts = (userAgent: string, over: Partial<BrowserFacts> = {}): BrowserFacts => ({
  userAgent,
  platform: 'iPhone',
  maxTouchPoints: 5,
  standalone: false,
  ...over,
});

describe('Safari seven-day rule', () => {
  it('applies to a Safari tab on iPhone, with a 3-day backup reminder', () => {
    expect(evictionRisk(facts(UA.iPhoneSafari))).toBe('seven-days');
    expect(backupReminderDays('seven-days')).toBe(3);
  });

  it('applies to iPad Safari asking for desktop sites (MacIntel with touch points)', () => {
    const f = facts(UA.iPadDesktopSafari, { platform: 'MacIntel', maxTouchPoints: 5 });
    expect(isAppleMobile(f)).toBe(true);
    expect(evictionRisk(f)).toBe('seven-days');
  });

  it('applies to Chrome on iOS too: it is WebKit with the same storage rules', () => {
    expect(evictionRisk(facts(UA.iOSChrome))).toBe('seven-days');
  });

  it('does not apply in the installed app (display-mode standalone or navigator.standalone)', () => {
    expect(evictionRisk(facts(UA.iPhoneSafari, { standalone: true }))).toBe('none');
    expect(evictionRisk(facts(UA.iPadDesktopSafari, { platform: 'MacIntel', standalone: true }))).toBe('none');
    expect(backupReminderDays('none')).toBe(7);
  });

  it('does not apply to desktop Safari (no touch points) or Android Chrome', () => {
    expect(evictionRisk(facts(UA.desktopSafari, { platform: 'MacIntel', maxTouchPoints: 0 }))).toBe('none');
    expect(evictionRisk(facts(UA.androidChrome, { platform: 'Linux armv8l', maxTouchPoints: 5 }))).toBe('none');
  });
});

describe('storage line', () => {
  const base: StorageFacts = {
    persist: 'persisted',
    estimate: { usage: 1_900_000, quota: 10_000_000 },
    dataBytes: 0,
    appBytes: 1_880_000,
    risk: 'none',
  };

  it('persisted: says so, and counts the notes apart from the app’s offline copy', () => {
    expect(summarizeStorage(base)).toEqual({
      protection: 'persisted',
      dataBytes: 0,
      appBytes: 1_880_000,
      sevenDays: false,
      reminderDays: 7,
    });
  });

  it('not persisted: the backup advice', () => {
    expect(summarizeStorage({ ...base, persist: 'not-persisted' }).protection).toBe('not-persisted');
  });

  it('no navigator.storage at all (WebKitGTK): "does not say", the same whether or not there are sessions', async () => {
    const persist = await persistenceStatus(undefined);
    const estimate = await storageEstimate(undefined);
    expect(persist).toBe('unsupported');
    expect(estimate).toBeNull();
    const empty = summarizeStorage({ ...base, persist, estimate, appBytes: null, dataBytes: 0 });
    const full = summarizeStorage({ ...base, persist, estimate, appBytes: null, dataBytes: 52_000 });
    expect(empty).toEqual({ ...full, dataBytes: 0 });
    expect(empty.protection).toBe('unknown');
    expect(empty.appBytes).toBeNull();
  });

  it('no estimate (estimate() missing or failing): still the notes’ own size, no guessed app size', async () => {
    const estimate = await storageEstimate({ estimate: () => Promise.reject(new Error('no')) });
    expect(estimate).toBeNull();
    const s = summarizeStorage({ ...base, estimate, appBytes: null, dataBytes: 1234 });
    expect(s.dataBytes).toBe(1234);
    expect(s.appBytes).toBeNull();
  });

  it('on iPhone Safari: the seven-day sentence and a 3-day reminder', () => {
    expect(summarizeStorage({ ...base, risk: 'seven-days' })).toMatchObject({ sevenDays: true, reminderDays: 3 });
  });
});

describe('wiping the app’s keys', () => {
  it('removes every kjk key (drafts, settings) and leaves other sites’ keys alone', () => {
    const map = new Map<string, string>([
      ['kjk:draft:["s","k"]', '{"text":"geheim"}'],
      ['kjk.timer.minutes', '5'],
      ['other', 'x'],
    ]);
    const storage = {
      get length() {
        return map.size;
      },
      key: (i: number) => [...map.keys()][i] ?? null,
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    expect(clearAppKeys(storage)).toBe(2);
    expect([...map.keys()]).toEqual(['other']);
    expect(clearAppKeys(null)).toBe(0);
  });
});

describe('backup reminder interval', () => {
  it('comes after 3 days where the seven-day rule applies, after 7 elsewhere', async () => {
    const { openKjk } = await import('../../src/lib/store/schema');
    const { createRepo } = await import('../../src/lib/store/repo');
    const day = 24 * 60 * 60 * 1000;
    let now = 1_000 * day;
    const db = await openKjk({ name: `reminder-${crypto.randomUUID()}` });
    const repo = createRepo(db, { now: () => now });
    await repo.sessions.create({ kind: 'workshop', title: 'W', team: '', date: '2024-05-01', lang: 'nl' });
    now += 3 * day;
    expect(await repo.needsBackupReminder(now, backupReminderDays('seven-days'))).toBe(true);
    expect(await repo.needsBackupReminder(now, backupReminderDays('none'))).toBe(false);
    expect(await repo.needsBackupReminder(now + 4 * day)).toBe(true);
    db.close();
  });
});

describe('datasetBytes', () => {
  it('is 0 for no records and grows with the notes (UTF-8 bytes)', async () => {
    const { datasetBytes } = await import('../../src/lib/store/status');
    expect(datasetBytes({ sessions: [], notes: [], positions: [], actions: [] })).toBe(0);
    const note = { id: 'n', sessionId: 's', cardId: 'k', text: 'é'.repeat(1000), updatedAt: 1 };
    expect(datasetBytes({ sessions: [], notes: [note], positions: [], actions: [] })).toBeGreaterThan(2000);
  });
});

describe('cacheBytes (the app’s offline copy)', () => {
  it('without a figure from the browser, adds up every cached response; null without caches, when empty or when they fail', async () => {
    const { cacheBytes } = await import('../../src/lib/store/persist');
    const files = new Map([
      ['https://x/a.js', 'x'.repeat(1000)],
      ['https://x/b.css', 'y'.repeat(24)],
    ]);
    const cache = {
      keys: async () => [...files.keys()].map((u) => new Request(u)),
      match: async (r: Request) => new Response(files.get(r.url)),
    };
    const both = { keys: async () => ['kjk-precache', 'kjk-runtime'], open: async () => cache };
    expect(await cacheBytes(undefined, both)).toBe(2048);
    expect(await cacheBytes(undefined, undefined)).toBeNull();
    expect(await cacheBytes(undefined, { keys: async () => [], open: async () => cache })).toBeNull();
    expect(
      await cacheBytes(undefined, { keys: () => Promise.reject(new Error('SecurityError')), open: async () => cache }),
    ).toBeNull();
  });

  it('takes the browser’s own figure as it is, without reading a single cached file', async () => {
    const { cacheBytes } = await import('../../src/lib/store/persist');
    let opened = 0;
    const counting = {
      keys: async () => ['kjk-precache'],
      open: async () => {
        opened++;
        return { keys: async () => [], match: async () => undefined };
      },
    };
    expect(await cacheBytes(2_200_000, counting)).toBe(2_200_000);
    // Chromium lists no caches yet (first visit, before the service worker stored the app).
    expect(await cacheBytes(0, counting)).toBeNull();
    expect(opened).toBe(0);
  });

  it('currentBrowserFacts reads the page (here: Node, no standalone app)', async () => {
    const { currentBrowserFacts, evictionRisk } = await import('../../src/lib/store/eviction');
    const facts = currentBrowserFacts();
    expect(facts.standalone).toBe(false);
    expect(evictionRisk(facts)).toBe('none');
  });
});
