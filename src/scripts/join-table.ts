/**
 * The phone at a table (loaded by join.ts with import() only when the presenter seats it): the
 * table's number in large type, the table's card and slider, the count at the table, the table's
 * own spread once everyone there chose (never another table's), and on the scribe's phone the
 * summary field. The privacy guard of the answers (lib/room/answers-guard) reads a summary before
 * it leaves the phone; a finding stops it and the text stays. Plain DOM, text only.
 */
import { fill } from '../i18n/fill';
import { listFormat } from '../i18n/list';
import { leanValueText, type LeanStrings } from '../lib/poles';
import type { FindingKind } from '../lib/privacy/detect';
import { checkAnswer } from '../lib/room/answers-guard';
import { ROOM_LIMITS } from '../lib/room/limits';
import { type PhoneCard, voteLabels } from '../lib/room/phone-card';
import type { TableInfo } from '../lib/room/schema';
import { phoneTimer, type PhoneTimer } from '../lib/room/timer';
import type { Lang } from '../routes';
import { captionTimer, hideTimer, showTimer, type TimerTexts } from './join-timer';
import { el, plotSpread, SVG } from './dom';
import { joinTexts } from './join-texts';
import '../styles/room-tables-phone.css';

/** The dictionary's room.tables.phone (the findings' words come with the answers' part). */
export interface TableTexts {
  table: string;
  intro: string;
  place: string;
  send: string;
  sent: string;
  count: string;
  spread: string;
  called: string;
  scribe: string;
  field: string;
  help: string;
  submit: string;
  done: string;
  empty: string;
  long: string;
  privacy: string;
  failed: string;
  /** The caption of the table's own timer, told apart from the presenter's. */
  timer: string;
  /** The caption of the presenter's timer while a table's own timer shows beside it. */
  roomTimer: string;
}

export interface TableContext {
  lang: Lang;
  lean: LeanStrings;
  /** "Posities van {a} (0) tot {b} (100): {list}." */
  chartText: string;
  cards(): ReadonlyMap<string, PhoneCard>;
  vote(position: number): void;
  summary(text: string): Promise<boolean>;
}

type Built = ReturnType<typeof build>;
let built: { key: string; ui: Built } | null = null;
/** The table's own timer as it arrived, counted from its arrival on this phone's clock (not from a redraw). */
let arrived: { wire: NonNullable<TableInfo['timer']>; timer: PhoneTimer; on: Built | null } | null = null;

function texts(): { t: TableTexts; findings: Record<FindingKind, string> } {
  const answer = (joinTexts('answer') ?? {}) as { findings?: Record<FindingKind, string> };
  return { t: (joinTexts('tables') ?? {}) as TableTexts, findings: answer.findings ?? ({} as never) };
}

function build(table: TableInfo, card: PhoneCard | undefined, c: TableContext) {
  const { t } = texts();
  const poles = voteLabels(card);
  const valueText = (v: number) => leanValueText(c.lang, c.lean, poles, v);
  const number = el('h2', { class: 'room-table-no', tabindex: '-1' }, fill(c.lang, t.table, { n: table.n }));
  const article = el('article', { class: `deck-card ${card?.cls ?? ''}` });
  const polesBox = el('div', { class: 'room-card-poles' });
  polesBox.append(...poles.map((p) => el('p', { class: 'room-card-pole' }, p)));
  article.append(el('h3', { class: 'deck-card-title' }, card?.title ?? ''), polesBox);
  const cardBox = el('div', { class: 'room-card', 'data-table-card': table.card });
  cardBox.append(article);

  const start = table.position ?? 50;
  const form = el('form', { class: 'room-vote' });
  const slider = el('input', { id: 'room-table-position', type: 'range', min: '0', max: '100', step: '1' });
  slider.value = String(start);
  slider.setAttribute('aria-valuetext', valueText(start));
  const output = el('output', {}, String(start));
  const under = el('div', { class: 'room-slider-poles', 'aria-hidden': 'true' });
  under.append(el('span', {}, poles[0] ?? ''), output, el('span', {}, poles[1] ?? ''));
  const sent = el('p', { class: 'room-hint', role: 'status' });
  slider.addEventListener('input', () => {
    output.textContent = slider.value;
    slider.setAttribute('aria-valuetext', valueText(Number(slider.value)));
  });
  form.append(
    el(
      'label',
      { for: 'room-table-position', class: 'room-slider-label' },
      fill(c.lang, t.place, { a: poles[0] ?? '', b: poles[1] ?? '' }),
    ),
    slider,
    under,
    el('button', { type: 'submit', class: 'primary' }, t.send),
    sent,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = Number(slider.value);
    c.vote(value);
    sent.textContent = fill(c.lang, t.sent, { value });
  });

  const count = el('p', { class: 'room-count', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const called = el('p', { class: 'room-table-called', role: 'status' });
  const spreadBox = el('section', { 'aria-labelledby': 'room-table-spread-h', hidden: '' });
  const svg = document.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({ class: 'room-chart', role: 'img', 'aria-labelledby': 'room-table-cap' }))
    svg.setAttribute(k, v);
  const figure = el('figure', { class: 'room-spread' });
  const chartPoles = el('div', { class: 'room-chart-poles', 'aria-hidden': 'true' });
  chartPoles.append(el('span', {}, poles[0] ?? ''), el('span', {}, poles[1] ?? ''));
  const caption = el('figcaption', { id: 'room-table-cap', class: 'room-caption' });
  figure.append(svg, chartPoles, caption);
  spreadBox.append(el('h3', { id: 'room-table-spread-h' }, t.spread), figure);

  const scribe = scribeBox(c);
  const box = el('div', { class: 'room-table-phone' });
  box.append(
    number,
    cardBox,
    form,
    count,
    called,
    spreadBox,
    el('p', { class: 'room-hint' }, fill(c.lang, t.intro, { n: table.n })),
    scribe.box,
  );
  return { box, number, form, sent, count, called, spreadBox, svg, caption, scribe, poles, spread: '' };
}

function scribeBox(c: TableContext) {
  const { t } = texts();
  const box = el('section', { class: 'room-answer room-table-scribe', 'aria-labelledby': 'room-table-scribe-h' });
  const form = el('form', {});
  const field = el('textarea', {
    id: 'room-table-summary',
    maxlength: String(ROOM_LIMITS.summaryMaxChars),
    rows: '4',
    'aria-describedby': 'room-table-summary-help',
  });
  const problem = el('p', { class: 'room-problem', role: 'alert', hidden: '' });
  const status = el('p', { class: 'room-hint', role: 'status' });
  const button = el('button', { type: 'submit', class: 'primary' }, t.submit);
  form.append(
    el('label', { for: 'room-table-summary' }, t.field),
    field,
    el('p', { id: 'room-table-summary-help', class: 'room-hint' }, t.help),
    problem,
    button,
    status,
  );
  box.append(el('h3', { id: 'room-table-scribe-h' }, t.scribe), form);
  const say = (text: string | null) => {
    problem.textContent = text ?? '';
    problem.hidden = text === null;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const { t, findings } = texts();
    const checked = checkAnswer(field.value, undefined, ROOM_LIMITS.summaryMaxChars);
    if (!checked.ok) {
      // The text stays: the scribe rephrases it.
      if (checked.reason === 'private')
        say(
          fill(c.lang, t.privacy, {
            kinds: listFormat(
              c.lang,
              checked.kinds.map((k) => findings[k] ?? k),
            ),
          }),
        );
      else say(checked.reason === 'empty' ? t.empty : t.long);
      status.textContent = '';
      field.focus();
      return;
    }
    say(null);
    button.disabled = true;
    c.summary(checked.text).then(
      (ok) => {
        button.disabled = false;
        if (!ok) return say(t.failed);
        status.textContent = t.done;
      },
      () => {
        button.disabled = false;
        say(t.failed);
      },
    );
  });
  return { box };
}

/** Shows the phone's table in place of the live card, or hides it when the room is not at tables. */
export function renderTable(root: HTMLElement, table: TableInfo | null, ended: boolean, c: TableContext): void {
  const live = root.querySelector<HTMLElement>('[data-live]');
  let slot = root.querySelector<HTMLElement>('[data-table]');
  if (!live) return;
  // The presenter's timer (join-timer.ts) lives at the top of the live card: it goes with the table and back.
  const timer = root.querySelector<HTMLElement>('[data-timer]');
  if (!table || ended) {
    if (slot) slot.hidden = true;
    built = null;
    dropTableTimer();
    if (timer && timer.parentElement !== live) live.prepend(timer);
    if (!ended) live.hidden = false;
    return;
  }
  if (!slot) {
    slot = el('div', { class: 'room-live', 'data-table': '' });
    live.before(slot);
  }
  slot.hidden = false;
  live.hidden = true;
  const card = c.cards().get(table.card);
  // Built again only for another table, card or once the cards arrived: a count never resets the slider.
  const key = `${table.n}|${table.card}|${card ? 1 : 0}`;
  if (built?.key !== key || !built.ui.box.isConnected) {
    built = { key, ui: build(table, card, c) };
    slot.replaceChildren(built.ui.box);
  }
  if (timer && timer.parentElement !== slot) slot.prepend(timer);
  const ui = built.ui;
  const { t } = texts();
  tableTimer(table.timer, ui);
  ui.form.hidden = table.revealed;
  const count = fill(c.lang, t.count, { chosen: table.chosen, size: table.size });
  if (ui.count.textContent !== count) ui.count.textContent = count;
  const calledText = table.called ? t.called : '';
  if (ui.called.textContent !== calledText) ui.called.textContent = calledText;
  ui.scribe.box.hidden = !table.scribe;
  const spread = table.spread ?? [];
  ui.spreadBox.hidden = spread.length === 0;
  if (spread.join() !== ui.spread) {
    ui.spread = spread.join();
    ui.caption.textContent = plotSpread(ui.svg, spread, { lang: c.lang, chartText: c.chartText, poles: ui.poles });
  }
}

function dropTableTimer() {
  captionTimer('room', null);
  if (!arrived) return;
  arrived = null;
  hideTimer('table');
}

/**
 * The table's own timer, drawn by join-timer.ts beside the presenter's (same look, same end), under
 * its own caption. Drawn when a new one arrives or the table's view was built again; the phone's
 * other updates leave it counting.
 */
function tableTimer(wire: TableInfo['timer'], ui: Built) {
  if (!wire || wire.run === 'off') return dropTableTimer();
  const { t } = texts();
  captionTimer('room', t.roomTimer);
  if (arrived?.wire === wire && arrived.on === ui) return;
  if (arrived?.wire !== wire) arrived = { wire, timer: phoneTimer(wire, performance.now()), on: null };
  arrived.on = ui;
  const phone = (joinTexts('phone') ?? {}) as { timer?: TimerTexts };
  const words = { ...(phone.timer ?? { remaining: '', paused: '', done: '' }), label: t.timer, caption: t.timer };
  showTimer(ui.box, arrived.timer, words, 'table');
}
