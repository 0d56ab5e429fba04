/**
 * The join page's first script, kept tiny: the first screen is the page's HTML, and this script
 * starts only after that screen's first paint (src/scripts/after-paint.ts). It loads the phone's
 * join code (src/scripts/join.ts with the cards' renderer, the schemas and the room's crypto). A
 * form sent before that code is there is held, not sent natively (that would reload the page and
 * lose the #room= link), and sent again once it is; so are the forms the loader held before this
 * script arrived.
 */
import { HAND_OVER_EVENT } from './after-paint';

const held: HTMLFormElement[] = [];
function keep(form: HTMLFormElement) {
  if (!held.includes(form)) held.push(form);
}
function hold(event: Event) {
  event.preventDefault();
  event.stopImmediatePropagation();
  keep(event.target as HTMLFormElement);
}
addEventListener('submit', hold, true);
document.dispatchEvent(new CustomEvent(HAND_OVER_EVENT, { detail: keep }));

/**
 * A failed fetch of the code (a dropped packet on venue Wi-Fi) is tried again; after the last
 * try, sending a form reloads the page, which keeps the #room= link and fetches everything anew.
 */
async function load(tries = 3): Promise<void> {
  try {
    await (await import('./join')).started;
  } catch {
    if (tries > 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return load(tries - 1);
    }
    if (held.length > 0) return location.reload();
    removeEventListener('submit', hold, true);
    return void addEventListener(
      'submit',
      (event) => {
        event.preventDefault();
        location.reload();
      },
      { capture: true, once: true },
    );
  }
  removeEventListener('submit', hold, true);
  // A submit event, not requestSubmit(): a form the join code did not wire (it hid it: a bad link,
  // a tab that joined already) must not be sent natively, which would reload without the link.
  for (const form of held.splice(0)) form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

void load();
