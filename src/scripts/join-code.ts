/**
 * The join page's code entry (/doe-mee/ without a `#room=` link): whoever cannot scan the QR types
 * the code from the big screen. This module loads only then (join.ts imports it lazily); the
 * key exchange and the connection load only when a code is sent, so neither the QR path nor the
 * page's first screen carries them. A typed code that cannot be right is said at once and costs
 * no attempt; the exchange itself is src/lib/room/code-join.ts (design: docs/room-code.md).
 */
import { fill } from '../i18n/fill';
import type { Dictionary } from '../i18n/nl';
import type { RoomLink } from '../lib/room/fragment';
import { type CodeError, parseCode } from '../lib/room/pake/code';
import { joinTexts } from './join-texts';
import type { Lang } from '../routes';
import { keepRoomLink } from './join-link';

type Texts = Dictionary['room']['code'];

export interface CodeEntry {
  lang: Lang;
  relay: { origin: string; path: string };
  /** The exchange worked: join as a QR joiner does, with this link and granted token. */
  onJoined(link: RoomLink, token: string): void;
}

function typedError(t: Texts, lang: Lang, error: CodeError): string {
  switch (error.error) {
    case 'empty':
      return t.empty;
    case 'too-short':
      return fill(lang, t.tooShort, { length: error.length });
    case 'too-long':
      return fill(lang, t.tooLong, { length: error.length });
    case 'excluded':
      return fill(lang, t.excluded, { char: error.char });
    case 'invalid':
      return fill(lang, t.invalid, { char: error.char });
  }
}

/** Wires the code form the page's HTML holds (`[data-code-entry]`; its words: join-texts.ts) and runs it. */
export function mountCodeEntry(root: HTMLElement, entry: CodeEntry): boolean {
  const holder = root.querySelector<HTMLElement>('[data-code-entry]');
  const form = holder?.querySelector<HTMLFormElement>('form');
  const input = form?.querySelector<HTMLInputElement>('#room-code');
  const error = form?.querySelector<HTMLElement>('#room-code-error');
  const status = form?.querySelector<HTMLElement>('[role=status]');
  const button = form?.querySelector<HTMLButtonElement>('button[type=submit]');
  const t = joinTexts('code') as Texts | null;
  if (!t || !holder || !form || !input || !error || !status || !button) return false;

  const say = (text: string | null) => {
    error.textContent = text ?? '';
    error.hidden = text === null;
    if (text === null) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
  };

  let busy = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (busy) return;
    const code = parseCode(input.value);
    if (!code.ok) {
      say(typedError(t, entry.lang, code));
      return input.focus();
    }
    busy = true;
    button.disabled = true;
    say(null);
    status.textContent = t.checking;
    void (async () => {
      try {
        const [{ io }, { joinByCode }] = await Promise.all([
          import('socket.io-client'),
          import('../lib/room/code-join'),
        ]);
        const result = await joinByCode({ connect: (url, options) => io(url, options), relay: entry.relay, code });
        if (result.ok) {
          holder.hidden = true;
          // Kept in this tab as a scanned link is (join-link.ts), never in the address: a reload
          // and the language switch come back in, and the key is in no history or bookmark.
          keepRoomLink(result.link);
          entry.onJoined(result.link, result.token);
          return;
        }
        say(t[result.error]);
      } catch {
        say(t.unreachable);
      } finally {
        busy = false;
        button.disabled = false;
        status.textContent = '';
      }
      // The typed text stays, to correct it.
      input.focus();
    })();
  });
  return true;
}
