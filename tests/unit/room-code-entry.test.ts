// @vitest-environment happy-dom
/**
 * The join page's code form (src/scripts/join-code.ts) in a DOM: each typed-code error said in its
 * own words (Dutch and English) without an attempt, the field's attributes for a code, the
 * "checking" state, a wrong code and an unreachable room with the typed text kept, and a right
 * code that joins as a scanned link does (the link kept in this tab's sessionStorage, never in the
 * address or the language switch).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dictionaries } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import type { CodeJoinResult } from '../../src/lib/room/code-join';
import { ROOM_LINK_STORAGE_KEY } from '../../src/lib/room/fragment';
import { mountCodeEntry } from '../../src/scripts/join-code';
import { forgetJoinTexts, JOIN_TEXTS_ID } from '../../src/scripts/join-texts';

const join = vi.hoisted(() => ({
  result: null as null | CodeJoinResult,
  calls: [] as string[],
  release: () => undefined as void,
}));
vi.mock('socket.io-client', () => ({ io: vi.fn() }));
vi.mock('../../src/lib/room/code-join', () => ({
  joinByCode: async ({ code }: { code: { code: string } }) => {
    join.calls.push(code.code);
    await new Promise<void>((resolve) => {
      join.release = resolve;
    });
    return join.result;
  },
}));

const relay = { origin: 'https://relay.test', path: '/socket.io/' };

function page(lang: 'nl' | 'en' = 'nl') {
  const c = dictionaries[lang].room.code;
  // The form as src/views/Join.astro writes it (its attributes are checked on the built page in
  // tests/e2e/room-code.test.ts); the script only wires it.
  forgetJoinTexts();
  document.body.innerHTML = `<script type="application/json" id="${JOIN_TEXTS_ID}">${JSON.stringify({ code: c })}</script>
    <a class="lang-switch" href="/en/join/">EN</a><div id="doe-mee"><div data-code-entry>
    <form novalidate><div><label for="room-code">${c.field}</label><input id="room-code" type="text" aria-describedby="room-code-help room-code-error">
    <p id="room-code-help">${c.help}</p><p id="room-code-error" role="alert" hidden></p></div>
    <button type="submit">${c.submit}</button><p role="status"></p></form></div></div>`;
  const root = document.getElementById('doe-mee')!;
  const onJoined = vi.fn();
  expect(mountCodeEntry(root, { lang, relay, onJoined })).toBe(true);
  const input = root.querySelector<HTMLInputElement>('#room-code')!;
  const submit = (text: string) => {
    input.value = text;
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
  };
  const error = () => root.querySelector<HTMLElement>('#room-code-error')!;
  const status = () => root.querySelector('[role="status"]')!.textContent;
  return { root, input, submit, error, status, onJoined };
}

afterEach(() => {
  join.result = null;
  join.calls = [];
  history.replaceState(null, '', '/doe-mee/');
  sessionStorage.clear();
});

describe('the code form', () => {
  it('refuses to wire a page whose form is missing', () => {
    forgetJoinTexts();
    document.body.innerHTML = `<div id="doe-mee"><div data-code-entry></div></div>`;
    expect(mountCodeEntry(document.getElementById('doe-mee')!, { lang: 'nl', relay, onJoined: vi.fn() })).toBe(false);
  });

  it.each(['nl', 'en'] as const)('says each typed-code error in its own words (%s), with no attempt', (lang) => {
    const c = dictionaries[lang].room.code;
    const { submit, error, input } = page(lang);
    const cases: [string, string][] = [
      ['', c.empty],
      ['  ', c.empty],
      ['KM7R', fill(lang, c.tooShort, { length: 4 })],
      ['KM7R 4XDA 9', fill(lang, c.tooLong, { length: 9 })],
      ['KM7R 4XDO', fill(lang, c.excluded, { char: 'O' })],
      ['KM7R 4XD!', fill(lang, c.invalid, { char: '!' })],
    ];
    for (const [typed, said] of cases) {
      submit(typed);
      expect(error().textContent).toBe(said);
      expect(error().hidden).toBe(false);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.value).toBe(typed);
    }
    expect(join.calls).toEqual([]);
  });

  it('a wrong code: checking, then the message, the text kept; once more while checking does nothing', async () => {
    const c = dictionaries.nl.room.code;
    const { submit, error, status, input, onJoined } = page();
    join.result = { ok: false, error: 'wrong' };
    submit('km7r 4xda');
    await vi.waitFor(() => expect(join.calls).toEqual(['KM7R4XDA']));
    expect(status()).toBe(c.checking);
    expect(error().hidden).toBe(true);
    submit('km7r 4xda');
    join.release();
    await vi.waitFor(() => expect(error().textContent).toBe(c.wrong));
    expect(join.calls).toHaveLength(1);
    expect(input.value).toBe('km7r 4xda');
    expect(status()).toBe('');
    expect(onJoined).not.toHaveBeenCalled();
  });

  it('an unreachable room and a busy presenter say so', async () => {
    const c = dictionaries.en.room.code;
    const { submit, error } = page('en');
    for (const e of ['unreachable', 'busy'] as const) {
      join.result = { ok: false, error: e };
      submit('KM7R4XDA');
      await vi.waitFor(() => expect(join.calls.length).toBeGreaterThan(0));
      join.release();
      await vi.waitFor(() => expect(error().textContent).toBe(c[e]));
      join.calls = [];
    }
  });

  it('the right code joins as a scanned link does, with the link kept in this tab and not in the address', async () => {
    const link = { room: 'r'.repeat(22), key: 'k'.repeat(43), pub: 'p'.repeat(87) };
    const { submit, root, onJoined } = page();
    join.result = { ok: true, link, token: 't'.repeat(43) };
    submit('KM7R4XDA');
    await vi.waitFor(() => expect(join.calls).toHaveLength(1));
    join.release();
    await vi.waitFor(() => expect(onJoined).toHaveBeenCalledWith(link, 't'.repeat(43)));
    // The key is in no address, history entry or language link; a reload finds it in sessionStorage.
    expect(location.hash).toBe('');
    expect(document.querySelector<HTMLAnchorElement>('a.lang-switch')!.href).toMatch(/\/en\/join\/$/);
    expect(sessionStorage.getItem(ROOM_LINK_STORAGE_KEY)).toBe(`#room=${link.room},${link.key},${link.pub}`);
    expect(root.querySelector<HTMLElement>('[data-code-entry]')!.hidden).toBe(true);
  });

  it('mounts nothing on a page without its placeholder', () => {
    document.body.innerHTML = '<div id="doe-mee"></div>';
    expect(mountCodeEntry(document.getElementById('doe-mee')!, { lang: 'nl', relay, onJoined: vi.fn() })).toBe(false);
  });
});
