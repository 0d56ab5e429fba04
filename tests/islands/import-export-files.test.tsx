import { afterEach, describe, expect, it, vi } from 'vitest';
import { download } from '../../src/islands/download';
import { exportReadable } from '../../src/islands/sessions/backup';
import { freshRepo, sessionWithNote } from '../support/export-harness';

/** What the browser was handed: the blob behind each object URL and the clicked link's file name. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:test/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('download', () => {
  it('hands the text over as a file with its name, leaves no link behind, and frees the URL later', async () => {
    vi.useFakeTimers();
    const { blobs, names } = captureDownloads();
    download('{"a":1}', 'kjk-back-up-2026-12-07.json');
    expect(names).toEqual(['kjk-back-up-2026-12-07.json']);
    expect(await blobs[0]?.text()).toBe('{"a":1}');
    expect(blobs[0]?.type).toBe('application/json');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1');
  });
});

describe('the salvage after a storage failure', () => {
  it('exportReadable downloads whatever the store still holds', async () => {
    const { names } = captureDownloads();
    const repo = await freshRepo();
    await sessionWithNote(repo, 'Gewone notitie');
    const result = await exportReadable(repo.db, 'nl');
    expect(result.data.notes).toHaveLength(1);
    expect(names[0]).toMatch(/^kjk-back-up-/);
  });
});
