/**
 * The join page's scripts start after its first contentful paint, not beside it. A phone on venue
 * Wi-Fi then spends its first round trips on the page and its styles only; and Lighthouse, which
 * counts every script that arrived before the paint it saw as one the paint waited for, measures
 * the page as a phone sees it. A module script in the HTML is fetched at once (its imports too:
 * LCP 0.93 s when the paint came first, 1.2-2.0 s when a script chain happened to arrive before it,
 * on the same build), so the page's scripts wait inert in `<template data-after-paint>` elements,
 * which this loader clones into the page once the first contentful paint has been reported.
 * Inline in the page's head (its source is hashed into the CSP): it must run before any script file.
 *
 * Until those scripts take over, a form sent (a quick tap on "Doe mee") is held here, not sent
 * natively: that would reload the page without its #room= link. The first script that holds forms
 * itself (src/scripts/join-entry.ts) asks for them with the `handOver` event, whose detail takes
 * each held form; that script's template is marked `data-takes-forms`.
 */
export function startAfterPaint(handOver: string): void {
  const held: EventTarget[] = [];
  let handed = false;
  const hold = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.target && !held.includes(event.target)) held.push(event.target);
  };
  addEventListener('submit', hold, true);
  document.addEventListener(
    handOver,
    (event) => {
      handed = true;
      removeEventListener('submit', hold, true);
      for (const form of held.splice(0)) (event as CustomEvent<(form: EventTarget) => void>).detail(form);
    },
    { once: true },
  );
  // The script that takes the forms could not be fetched (a dropped packet on venue Wi-Fi): a tap
  // reloads the page (its #room= link is still in the address) and everything is fetched anew.
  const failed = () => {
    if (handed) return;
    handed = true;
    removeEventListener('submit', hold, true);
    if (held.length > 0) return location.reload();
    addEventListener(
      'submit',
      (event) => {
        event.preventDefault();
        location.reload();
      },
      { capture: true, once: true },
    );
  };
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    for (const template of document.querySelectorAll<HTMLTemplateElement>('template[data-after-paint]')) {
      const part = template.content.cloneNode(true) as DocumentFragment;
      if (template.hasAttribute('data-takes-forms'))
        for (const script of part.querySelectorAll('script')) script.addEventListener('error', failed, { once: true });
      document.body.append(part);
    }
  };
  // A task after the paint's report, and never before the templates are all parsed.
  const go = () => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go, { once: true });
    else setTimeout(start);
  };
  // A hidden tab paints nothing: it goes on at once, as when it comes into view.
  if (document.visibilityState === 'hidden') {
    go();
    return;
  }
  document.addEventListener('visibilitychange', go, { once: true });
  // A paint that is never reported (a page with nothing to paint yet): the page still starts.
  addEventListener('load', () => setTimeout(go, 3000), { once: true });
  try {
    if (!PerformanceObserver.supportedEntryTypes.includes('paint')) throw new Error('no paint timing');
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      go();
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // No paint timing (or no observer): a frame after the load event, and a task after that frame.
    addEventListener('load', () => requestAnimationFrame(() => setTimeout(go)), { once: true });
  }
}

/** The event by which the page's first script takes the forms held so far. */
export const HAND_OVER_EVENT = 'kjk:hand-over';

/** The loader as the inline script's source (a function's source: it names nothing outside itself). */
export const AFTER_PAINT_SCRIPT = `(${startAfterPaint.toString()})(${JSON.stringify(HAND_OVER_EVENT)})`;
