/**
 * The join page's first script, kept tiny: the first screen is the page's HTML, so the phone's
 * join code (src/scripts/join.ts with the cards' renderer, the schemas and the room's crypto)
 * loads after the page's load event, when it no longer shares venue Wi-Fi with the first paint
 * (Lighthouse counts every file asked for before the largest paint: LCP 1.22 s on /en/join/ when
 * all of it loaded at once). A form sent before then is held, not sent natively (that would
 * reload the page and lose the #room= link), and sent again once the code is there.
 */
const held: HTMLFormElement[] = [];
function hold(event: Event) {
  event.preventDefault();
  event.stopImmediatePropagation();
  const form = event.target as HTMLFormElement;
  if (!held.includes(form)) held.push(form);
}
addEventListener('submit', hold, true);

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
  for (const form of held.splice(0)) form.requestSubmit();
}

if (document.readyState === 'complete') void load();
else addEventListener('load', () => void load(), { once: true });

// A module (it imports the join code), for the type checker and the tests alike.
export {};
