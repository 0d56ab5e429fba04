import { describe, expect, it, vi } from 'vitest';
import { decryptExport } from '../../src/lib/exchange/crypto';
import { decodeBackup } from '../../src/lib/exchange/decode';
import { checkedExport, exportCause, ExportError, type CheckedExportInput } from '../../src/lib/exchange/export';
import { parseExport } from '../../src/lib/exchange/format';
import type { Dataset } from '../../src/lib/store/types';

const AT = Date.UTC(2026, 11, 7, 12, 0, 0);

function dataset(note = 'Gewone notitie'): Dataset {
  const session = (id: string, title: string, deletedAt?: number) => ({
    id,
    kind: 'teamoverleg' as const,
    title,
    team: 'Team',
    date: '2026-12-01',
    lang: 'nl' as const,
    deck: {},
    createdAt: 1,
    updatedAt: 1,
    ...(deletedAt === undefined ? {} : { deletedAt }),
  });
  return {
    sessions: [session('s1', 'Overleg maart'), session('gone', 'Weg', 5)],
    notes: [
      { id: 'n1', sessionId: 's1', cardId: 'k1', text: note, updatedAt: 1 },
      { id: 'n2', sessionId: 'gone', cardId: 'k1', text: 'BSN 111222333', updatedAt: 1 },
    ],
    positions: [],
    actions: [],
  };
}

function setup(data: Dataset, over: Partial<CheckedExportInput> = {}) {
  const read = vi.fn(async () => data);
  const confirm = vi.fn(() => true);
  const files: { text: string; name: string }[] = [];
  const download = vi.fn((text: string, name: string) => void files.push({ text, name }));
  const input: CheckedExportInput = { read, scope: 'all', lang: 'nl', confirm, download, now: () => AT, ...over };
  return { input, read, confirm, download, files };
}

describe('checkedExport', () => {
  it('reads once, asks nothing without client data, and downloads the file without deleted sessions', async () => {
    const { input, read, confirm, files } = setup(dataset());
    const result = await checkedExport(input);
    expect(read).toHaveBeenCalledTimes(1);
    expect(confirm).not.toHaveBeenCalled();
    expect(result).toMatchObject({ done: true, at: AT });
    expect(files).toHaveLength(1);
    expect(files[0]?.name).toMatch(/^kjk-back-up-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = parseExport(files[0]?.text ?? '');
    expect(parsed.ok && parsed.dataset.sessions.map((s) => s.id)).toEqual(['s1']);
  });

  it('asks with the hits when the records look like client data, and downloads after yes', async () => {
    const { input, read, confirm, files } = setup(dataset('Bel 06 12345678'));
    const result = await checkedExport(input);
    expect(read).toHaveBeenCalledTimes(1);
    expect(confirm).toHaveBeenCalledTimes(1);
    const [hits, data] = confirm.mock.calls[0] as unknown as Parameters<CheckedExportInput['confirm']>;
    expect(hits).toEqual([{ sessionId: 's1', cardId: 'k1', kinds: ['phone'], fields: ['note'] }]);
    // The question is about what the file holds: the deleted session's BSN is not in it.
    expect(data.sessions.map((s) => s.id)).toEqual(['s1']);
    expect(result.done).toBe(true);
    expect(files).toHaveLength(1);
  });

  it('downloads nothing when the person says no', async () => {
    const { input, download } = setup(dataset('BSN 111222333'), { confirm: async () => false });
    const result = await checkedExport(input);
    expect(result).toEqual({ done: false, hits: [expect.objectContaining({ kinds: ['bsn'] })] });
    expect(download).not.toHaveBeenCalled();
  });

  it('skips the question only when the rescue asks to, and still writes the file', async () => {
    const { input, confirm, files } = setup(dataset('BSN 111222333'), { skipCheck: true });
    expect((await checkedExport(input)).done).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
    expect(files[0]?.text).toContain('111222333');
  });

  // The real 600,000 PBKDF2 rounds: decryptExport refuses fewer.
  it('encrypts with a passphrase: the file decrypts and round-trips through the importer', async () => {
    const data = dataset('Vertrouwelijk 🌱');
    const { input, files } = setup(data, {
      scope: 'session',
      lang: 'en',
      passphrase: 'lang genoeg wachtwoord',
      read: async () => ({ ...data, sessions: data.sessions.slice(0, 1), notes: data.notes.slice(0, 1) }),
    });
    const result = await checkedExport(input);
    // Named for what it is and when, never after the session's title.
    expect(result.done && result.file).toMatch(/^kjk-session-\d{4}-\d{2}-\d{2}-encrypted\.json$/);
    const file = files[0]?.text ?? '';
    expect(file).not.toContain('Vertrouwelijk');
    const decoded = decodeBackup(new TextEncoder().encode(file));
    if (!decoded.ok) throw new Error('not decodable');
    const opened = await decryptExport(decoded.text, 'lang genoeg wachtwoord');
    if (!opened.ok) throw new Error('not decryptable');
    const parsed = parseExport(opened.plaintext);
    if (!parsed.ok) throw new Error('not importable');
    expect(parsed.dataset.notes.map((n) => n.text)).toEqual(['Vertrouwelijk 🌱']);
    expect(JSON.parse(opened.plaintext)).toMatchObject({ scope: 'session', exportedAt: new Date(AT).toISOString() });
  });

  it('names the file as the caller asks (the scan)', async () => {
    const { input, files } = setup(dataset(), {
      fileName: (data, at, encrypted) => `${data.sessions[0]?.title}-${at.getTime()}-${encrypted}`,
    });
    await checkedExport(input);
    expect(files[0]?.name).toBe(`Overleg maart-${AT}-false`);
  });

  it('a read that throws: a clear error naming the step and keeping the cause, nothing downloaded', async () => {
    const cause = Object.assign(new Error('gone'), { code: 'backing-store' });
    const { input, download, confirm } = setup(dataset(), { read: async () => Promise.reject(cause) });
    const err = await checkedExport(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExportError);
    expect(err).toMatchObject({ step: 'read', cause });
    expect(exportCause(err)).toBe(cause);
    expect(download).not.toHaveBeenCalled();
    expect(confirm).not.toHaveBeenCalled();
  });

  it('a failing encryption or download is an ExportError of that step', async () => {
    const failing = setup(dataset(), {
      passphrase: 'x'.repeat(8),
      encrypt: async () => Promise.reject(new Error('no')),
    });
    await expect(checkedExport(failing.input)).rejects.toMatchObject({ step: 'encrypt' });
    expect(failing.download).not.toHaveBeenCalled();
    const blocked = setup(dataset(), {
      download: () => {
        throw new Error('blocked');
      },
    });
    await expect(checkedExport(blocked.input)).rejects.toMatchObject({ step: 'download' });
    expect(exportCause('plain')).toBe('plain');
  });
});
