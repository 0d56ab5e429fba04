/**
 * The join page's first script, kept tiny: the first screen is the page's HTML, so the phone's
 * join code (src/scripts/join.ts with the cards' renderer, the schemas and the room's crypto)
 * loads after the page's load event and its first paint, when it no longer shares venue Wi-Fi
 * with the first paint
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

/**
 * Resolves once the first screen has been painted: a frame after the load event, and a task
 * after that frame. Lighthouse counts every file that finished before the largest paint it saw,
 * so on a busy phone (or machine) whose paint comes late, the code asked for at load would count
 * as if the first screen waited for it (LCP up to 2.2 s on a loaded machine). A hidden tab
 * paints no frame: it goes on at once.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    document.addEventListener('visibilitychange', () => resolve(), { once: true });
    requestAnimationFrame(() => setTimeout(resolve));
  });
}

function begin() {
  void afterPaint().then(() => load());
}

if (document.readyState === 'complete') begin();
else addEventListener('load', begin, { once: true });

// A module (it imports the join code), for the type checker and the tests alike.
export {};
