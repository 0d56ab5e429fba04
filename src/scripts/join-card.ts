/**
 * The join page's one card: its words fetched once (room-cards.<lang>.json, again after a
 * failure) and drawn into the page's card markup (src/views/Join.astro) under a lens. Plain DOM,
 * text only: no framework and no HTML from data on this page.
 */
import { loadWithRetry } from '../lib/load';
import { lensQuestionsOf, type PhoneCard, phoneFace } from '../lib/room/phone-card';
import type { Perspective } from '../vocab';

let loading: Promise<Map<string, PhoneCard>> | null = null;

/** The cards by id, fetched once; a failure is asked again on the next call. */
export function cardsFrom(url: string): Promise<Map<string, PhoneCard>> {
  loading ??= loadWithRetry(() =>
    fetch(url).then((res) => {
      if (!res.ok) throw new Error(`${res.status}`);
      return res.json() as Promise<PhoneCard[]>;
    }),
  )
    .then((list) => new Map(list.map((c) => [c.id, c])))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

const element = (tag: string, text: string) => {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
};

/** Draws `card` under `lens` into the page's card and questions. */
export function drawCard(
  root: HTMLElement,
  card: PhoneCard,
  lens: Perspective | '',
  t: { protects: string; questions: Record<Perspective, string> },
) {
  const $ = (sel: string) => root.querySelector<HTMLElement>(sel)!;
  const text = (key: string, value: string) => {
    $(`[data-f="${key}"]`).textContent = value;
  };
  const f = phoneFace(card, lens);
  $('.deck-card').className = `deck-card ${card.cls}`;
  text('badge', card.badge ?? '');
  $('[data-f="badge"]').hidden = !card.badge;
  text('n', String(card.n));
  text('kind', card.kind);
  text('title', card.title);
  text('summary', f.summary);
  $('[data-f="poles"]').hidden = f.poles.length === 0;
  for (const [i, side] of ['a', 'b'].entries()) $(`[data-pole-label="${side}"]`).textContent = f.poles[i]?.label ?? '';
  $('[data-f="protects"]').replaceChildren(
    ...f.poles.flatMap((p) => [element('h3', p.label), element('p', `${t.protects}: ${p.protects}`)]),
  );
  const asked = lensQuestionsOf(card, lens);
  $('[data-questions]').hidden = asked.length === 0;
  if (lens) text('qhead', t.questions[lens]);
  $('[data-f="qlist"]').replaceChildren(...asked.map((q) => element('li', q)));
}
