// @vitest-environment happy-dom
/**
 * The join page's later words (src/scripts/join-texts.ts loadLaterTexts, the file built by
 * src/views/join-later-texts.ts): fetched once from the file the page names, merged beside the
 * page's own words; a failed or malformed fetch rejects and is tried anew; a page that carries
 * them fetches nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetJoinTexts, JOIN_TEXTS_ID, joinTexts, loadLaterTexts } from '../../src/scripts/join-texts';
import { joinLaterTexts } from '../../src/views/join-later-texts';

function page(words: object) {
  forgetJoinTexts();
  document.body.innerHTML = `<script type="application/json" id="${JOIN_TEXTS_ID}">${JSON.stringify(words)}</script>`;
}

const later = joinLaterTexts('nl');

function respond(...answers: (object | number)[]) {
  const fetch = vi.fn(async () => {
    const next = answers.shift();
    if (typeof next === 'number') return new Response('nope', { status: next });
    return new Response(JSON.stringify(next), { headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
  forgetJoinTexts();
});

describe("the join page's later words", () => {
  it('are fetched once from the file the page names, beside the words the page carries', async () => {
    page({ phone: { textsUrl: '/room-texts.nl.json' }, code: { field: 'Code' } });
    const fetch = respond(later);
    expect(joinTexts('answer')).toBeNull();
    await Promise.all([loadLaterTexts(), loadLaterTexts()]);
    await loadLaterTexts();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('/room-texts.nl.json');
    expect(joinTexts('answer')).toEqual(later.answer);
    expect(joinTexts('tables')).toEqual(later.tables);
    expect(joinTexts('code')).toEqual({ field: 'Code' });
  });

  it('reject on a failed or malformed file, and are tried anew at the next call', async () => {
    page({ phone: { textsUrl: '/room-texts.nl.json' } });
    const fetch = respond(503, [] as unknown as object, { ...later, answer: { ...later.answer, send: 42 } }, later);
    await expect(loadLaterTexts()).rejects.toThrow('503');
    await expect(loadLaterTexts()).rejects.toThrow("not the page's words");
    // A value that is not a string would reach fill() and break the form for good.
    await expect(loadLaterTexts()).rejects.toThrow("not the page's words");
    expect(joinTexts('answer')).toBeNull();
    await loadLaterTexts();
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(joinTexts('answer')).toEqual(later.answer);
  });

  it('are not fetched when the page carries them, or names no file', async () => {
    const fetch = respond(later);
    page({ phone: { textsUrl: '/room-texts.nl.json' }, ...later });
    await loadLaterTexts();
    page({ phone: {} });
    await loadLaterTexts();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('hold both languages in their own words', () => {
    const en = joinLaterTexts('en');
    expect(en.answer.send).not.toBe(later.answer.send);
    expect(Object.keys(en.tables).sort()).toEqual(Object.keys(later.tables).sort());
  });
});
