/**
 * The phone's room scan (the join page's `[data-scan]` box): the scan's cards one after another,
 * like the self-scan (title, both poles, the slider, "Volgende", the last one "Klaar"), each
 * position sent as a room vote on that card; after the reveal, every card's spread, nameless.
 * Loaded by join.ts with import() only when a scan arrives, so the page's start-up code stays small.
 * Plain DOM, text only: no framework and no HTML from data.
 */
import { fill } from '../i18n/fill';
import { leanValueText, type LeanStrings } from '../lib/poles';
import { el, plotSpread, SVG } from './dom';
import { type PhoneCard, voteLabels } from '../lib/room/phone-card';
import type { PhoneScan } from '../lib/room/room-scan';
import type { Lang } from '../routes';

/** The dictionary's room.scan.phone. */
export interface ScanTexts {
  intro: string;
  progress: string;
  place: string;
  next: string;
  finish: string;
  finished: string;
  outcome: string;
}

export interface ScanContext {
  lang: Lang;
  t: ScanTexts;
  lean: LeanStrings;
  /** "Posities van {a} (0) tot {b} (100): {list}." */
  chartText: string;
  cards(): ReadonlyMap<string, PhoneCard>;
  vote(card: string, position: number): void;
}

/** Where this tab is in the scan, so a reload or a locked screen goes on at the same card. */
const STEP_KEY = 'kjk.room.scan';

function savedStep(key: string): number {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STEP_KEY) ?? 'null') as { key?: unknown; step?: unknown } | null;
    return saved?.key === key && typeof saved.step === 'number' ? saved.step : 0;
  } catch {
    return 0;
  }
}
function saveStep(key: string, step: number) {
  try {
    sessionStorage.setItem(STEP_KEY, JSON.stringify({ key, step }));
  } catch {
    // Private mode without storage: a reload starts the scan at its first card.
  }
}

let scanKey = '';
let step = 0;
/** What the box shows now; drawn again only when it changes, so a count update never resets the slider. */
let drawn = '';

/** Shows the scan in place of the live card (or hides it when no scan runs, or the room ended). */
export function renderScan(root: HTMLElement, scan: PhoneScan | null, ended: boolean, c: ScanContext) {
  const box = root.querySelector<HTMLElement>('[data-scan]');
  const live = root.querySelector<HTMLElement>('[data-live]');
  if (!box || !live) return;
  if (!scan || ended) {
    box.hidden = true;
    drawn = '';
    if (!ended) live.hidden = false;
    return;
  }
  box.hidden = false;
  live.hidden = true;
  const key = scan.cards.join();
  if (key !== scanKey) {
    scanKey = key;
    step = savedStep(key);
  }
  const cards = c.cards();
  const shown =
    scan.phase === 'open'
      ? `open|${key}|${step}|${cards.size}`
      : `revealed|${key}|${cards.size}|${scan.cards.map((id) => scan.spreads[id]?.join('.') ?? '-').join('|')}`;
  if (shown === drawn) return;
  drawn = shown;
  box.replaceChildren(...(scan.phase === 'open' ? stepParts(root, scan, c) : outcomeParts(scan, c)));
}

function stepParts(root: HTMLElement, scan: PhoneScan, c: ScanContext): Node[] {
  const total = scan.cards.length;
  if (step >= total) return [el('p', { class: 'room-hint', role: 'status', tabindex: '-1' }, c.t.finished)];
  const id = scan.cards[step]!;
  const card = c.cards().get(id);
  if (!card) return [];
  const poles = voteLabels(card);
  const valueText = (v: number) => leanValueText(c.lang, c.lean, poles, v);

  const title = el('h2', { class: 'deck-card-title', tabindex: '-1' }, card.title);
  const article = el('article', { class: `deck-card ${card.cls}` });
  const polesBox = el('div', { class: 'room-card-poles' });
  polesBox.append(...poles.map((p) => el('p', { class: 'room-card-pole' }, p)));
  article.append(title, polesBox);
  const cardBox = el('div', { class: 'room-card', 'data-scan-card': id });
  cardBox.append(article);

  const form = el('form', { class: 'room-vote' });
  const slider = el('input', { id: 'room-scan-position', type: 'range', min: '0', max: '100', step: '1', value: '50' });
  slider.setAttribute('aria-valuetext', valueText(50));
  const output = el('output', {}, '50');
  const under = el('div', { class: 'room-slider-poles', 'aria-hidden': 'true' });
  under.append(el('span', {}, poles[0] ?? ''), output, el('span', {}, poles[1] ?? ''));
  slider.addEventListener('input', () => {
    output.textContent = slider.value;
    slider.setAttribute('aria-valuetext', valueText(Number(slider.value)));
  });
  const last = step === total - 1;
  form.append(
    el(
      'label',
      { for: 'room-scan-position', class: 'room-slider-label' },
      fill(c.lang, c.t.place, { a: poles[0] ?? '', b: poles[1] ?? '' }),
    ),
    slider,
    under,
    el('button', { type: 'submit', class: 'primary' }, last ? c.t.finish : c.t.next),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    c.vote(id, Number(slider.value));
    step += 1;
    saveStep(scanKey, step);
    renderScan(root, scan, false, c);
    // The next card's title (or "Klaar"), so a screen reader hears where the person is now.
    root.querySelector<HTMLElement>('[data-scan] h2, [data-scan] [role="status"]')?.focus();
  });
  return [
    el('p', { class: 'room-hint' }, c.t.intro),
    el('p', { class: 'room-scan-progress' }, fill(c.lang, c.t.progress, { i: step + 1, n: total })),
    cardBox,
    form,
  ];
}

function outcomeParts(scan: PhoneScan, c: ScanContext): Node[] {
  const out: Node[] = [el('h2', { class: 'room-scan-outcome' }, c.t.outcome)];
  scan.cards.forEach((id, i) => {
    const card = c.cards().get(id);
    const spread = scan.spreads[id];
    if (!card || !spread || spread.length === 0) return;
    const poles = voteLabels(card);
    const section = el('section', { 'aria-labelledby': `room-scan-h-${i}` });
    const svg = document.createElementNS(SVG, 'svg');
    for (const [k, v] of Object.entries({ class: 'room-chart', role: 'img', 'aria-labelledby': `room-scan-cap-${i}` }))
      svg.setAttribute(k, v);
    const caption = plotSpread(svg, spread, { lang: c.lang, chartText: c.chartText, poles });
    const figure = el('figure', { class: 'room-spread' });
    const under = el('div', { class: 'room-chart-poles', 'aria-hidden': 'true' });
    under.append(el('span', {}, poles[0] ?? ''), el('span', {}, poles[1] ?? ''));
    figure.append(svg, under, el('figcaption', { id: `room-scan-cap-${i}`, class: 'room-caption' }, caption));
    section.append(el('h3', { id: `room-scan-h-${i}` }, card.title), figure);
    out.push(section);
  });
  return out;
}
