/**
 * One small interface for driving Chromium, Firefox and WebKit, so that each user journey is
 * written once (tests/engines/*.test.ts) and runs in all three. The adapters (chromium.ts,
 * firefox.ts, webkit.ts) only supply a few primitives: evaluate a script, get an element,
 * click it, type into it, press a key, navigate. Finding elements (by role, label, text or
 * CSS), waiting and reading happen in the page with the same script in every engine, so a
 * selector means the same thing everywhere.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { scaled } from '../support/timing';

export type EngineName = 'chromium' | 'firefox' | 'webkit';
export const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/** A text to match: a string (exact after collapsing whitespace, or a substring with `exact: false`) or a regular expression. */
export type Text = string | RegExp;

/** What to find. Role/label/text queries only see rendered elements outside aria-hidden, as a user would. */
export interface Query {
  css?: string;
  role?: string;
  /** The accessible name (with `role`). */
  name?: Text;
  /** A form control by its label (label element, aria-label or aria-labelledby). */
  label?: Text;
  /** The innermost element whose text matches. */
  text?: Text;
  /** Keeps only elements that contain this text (substring, case-insensitive, or a RegExp). */
  hasText?: Text;
  /** Search inside the first match of this selector. */
  within?: Sel;
  /** Exact match for name/label/text (default true); false: case-insensitive substring. */
  exact?: boolean;
  /** Which match to take (default 0); negative counts from the end. */
  nth?: number;
}
/** A CSS selector or a query. */
export type Sel = string | Query;

export type Key =
  | 'ArrowRight'
  | 'ArrowLeft'
  | 'ArrowUp'
  | 'ArrowDown'
  | 'Enter'
  | 'Escape'
  | 'Tab'
  | 'End'
  | 'Home'
  | ' '
  | string;

export interface WaitOptions {
  timeout?: number;
  /** 'visible' (default), 'attached' (in the DOM) or 'gone' (not in the DOM or not visible). */
  state?: 'visible' | 'attached' | 'gone';
}

export interface Tab {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  back(): Promise<void>;
  url(): Promise<string>;
  /** Waits for the element to be visible, then clicks it with the engine's own input events. */
  click(sel: Sel): Promise<void>;
  /** Replaces the value of a field: typed with real key events for text fields, set (with input/change events) for sliders, dates and menus. */
  fill(sel: Sel, text: string): Promise<void>;
  /** Checks (or unchecks) a checkbox or radio by clicking it when needed. */
  check(sel: Sel, on?: boolean): Promise<void>;
  select(sel: Sel, value: string): Promise<void>;
  focus(sel: Sel): Promise<void>;
  /** Presses a key in the focused element. */
  press(key: Key): Promise<void>;
  /** Puts files (absolute paths) on an <input type=file>. */
  setFiles(sel: Sel, paths: string[]): Promise<void>;
  /** Runs `fn` in the page; arguments and result travel as JSON. */
  eval<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>>;
  /** Runs a script's source text in the page (axe-core). Not subject to the page's CSP. */
  run(source: string): Promise<void>;
  text(sel: Sel): Promise<string>;
  texts(sel: Sel): Promise<string[]>;
  value(sel: Sel): Promise<string>;
  attr(sel: Sel, name: string): Promise<string | null>;
  count(sel: Sel): Promise<number>;
  waitFor(sel: Sel, options?: WaitOptions): Promise<void>;
  /** Brings this tab to the front (the other tabs of the profile become hidden). */
  front(): Promise<void>;
  /** What the page shows and does now (store, scripts, IndexedDB, errors), for a failure message. */
  snapshot(): Promise<string>;
  /** Uncaught errors and unhandled rejections in this tab so far. */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

/** An isolated browser profile: its own storage, service workers and download folder. */
export interface Profile {
  readonly downloads: string;
  newTab(): Promise<Tab>;
  close(): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  readonly version: string;
  newProfile(): Promise<Profile>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// In-page helpers. These functions are sent to the page as source text: they must not refer
// to anything outside themselves.

type WireText = string | { re: string; flags: string };
interface WireQuery extends Omit<Query, 'name' | 'label' | 'text' | 'hasText' | 'within'> {
  name?: WireText;
  label?: WireText;
  text?: WireText;
  hasText?: WireText;
  within?: WireQuery;
}

function wireText(t: Text | undefined): WireText | undefined {
  return t instanceof RegExp ? { re: t.source, flags: t.flags } : t;
}
export function toWire(sel: Sel): WireQuery {
  const q: Query = typeof sel === 'string' ? { css: sel } : sel;
  return {
    ...q,
    name: wireText(q.name),
    label: wireText(q.label),
    text: wireText(q.text),
    hasText: wireText(q.hasText),
    within: q.within === undefined ? undefined : toWire(q.within),
  };
}
export function describe(sel: Sel): string {
  return typeof sel === 'string' ? sel : JSON.stringify(toWire(sel));
}

/** Finds all elements for a query (in the page). */
function findAll(q: WireQuery): Element[] {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const test = (value: string, want: WireText, exact: boolean) => {
    if (typeof want !== 'string') return new RegExp(want.re, want.flags).test(value);
    return exact ? value === norm(want) : value.toLowerCase().includes(norm(want).toLowerCase());
  };
  const hidden = (el: Element) => {
    if (el.closest('[aria-hidden="true"]')) return true;
    const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
    if (check) return !check.call(el, { visibilityProperty: true });
    return (el as HTMLElement).getClientRects().length === 0;
  };
  /** Text as a screen reader gets it from content: aria-hidden and hidden parts left out. */
  const contentText = (el: Node): string => {
    let out = '';
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) out += child.textContent;
      else if (child instanceof Element) {
        if (child.getAttribute('aria-hidden') === 'true' || (child as HTMLElement).hidden) continue;
        // A control inside a label is not part of the label's own text.
        if (['SELECT', 'TEXTAREA', 'INPUT'].includes(child.tagName)) continue;
        if (child instanceof HTMLImageElement) out += child.alt;
        else out += ` ${contentText(child)} `;
      }
    }
    return out;
  };
  const byIds = (ids: string) =>
    ids
      .split(/\s+/)
      .map((id) => contentText(document.getElementById(id) ?? document.createElement('i')))
      .join(' ');
  const labelsOf = (el: Element): string[] => {
    const out: string[] = [];
    const by = el.getAttribute('aria-labelledby');
    if (by) out.push(byIds(by));
    const aria = el.getAttribute('aria-label');
    if (aria) out.push(aria);
    const labels = (el as HTMLInputElement).labels;
    if (labels) for (const l of Array.from(labels)) out.push(contentText(l));
    return out.map(norm);
  };
  const nameOf = (el: Element): string => {
    const by = el.getAttribute('aria-labelledby');
    if (by) return norm(byIds(by));
    const aria = el.getAttribute('aria-label');
    if (aria) return norm(aria);
    if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type)) return norm(el.value);
    const labels = (el as HTMLInputElement).labels;
    if (labels?.length) return norm(Array.from(labels).map(contentText).join(' '));
    if (el instanceof HTMLImageElement) return norm(el.alt);
    if (el instanceof HTMLDialogElement || el.getAttribute('role') === 'dialog') return norm(el.getAttribute('title'));
    return norm(contentText(el)) || norm(el.getAttribute('title'));
  };
  const ROLES: Record<string, string> = {
    button: 'button, input[type=button], input[type=submit], input[type=reset], [role=button]',
    link: 'a[href], [role=link]',
    checkbox: 'input[type=checkbox], [role=checkbox], [role=switch]',
    radio: 'input[type=radio], [role=radio]',
    dialog: 'dialog, [role=dialog], [role=alertdialog]',
    alert: '[role=alert]',
    status: '[role=status], output',
    img: 'img:not([alt=""]), [role=img]',
    heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
    textbox:
      'input:not([type]), input[type=text], input[type=search], input[type=email], input[type=url], textarea, [role=textbox]',
    combobox: 'select, [role=combobox]',
    slider: 'input[type=range], [role=slider]',
  };
  const exact = q.exact !== false;
  const roots: ParentNode[] = q.within ? findAll(q.within).slice(0, 1) : [document];
  let found: Element[] = [];
  for (const root of roots) {
    if (q.css) found.push(...Array.from(root.querySelectorAll(q.css)));
    else if (q.role) {
      const css = ROLES[q.role] ?? `[role=${q.role}]`;
      found.push(
        ...Array.from(root.querySelectorAll(css)).filter(
          (el) => !hidden(el) && (q.name === undefined || test(nameOf(el), q.name, exact)),
        ),
      );
    } else if (q.label !== undefined) {
      const want = q.label;
      const controls = root.querySelectorAll(
        'input, select, textarea, [role=textbox], [role=slider], [role=combobox], [role=checkbox], [role=radio], [role=spinbutton]',
      );
      found.push(...Array.from(controls).filter((el) => labelsOf(el).some((l) => test(l, want, exact))));
    } else if (q.text !== undefined) {
      const want = q.text;
      const all = Array.from(root.querySelectorAll('body *')).filter(
        (el) => !['SCRIPT', 'STYLE', 'TEMPLATE'].includes(el.tagName),
      );
      const hits = all.filter((el) => !hidden(el) && test(norm(el.textContent), want, exact));
      found.push(...hits.filter((el) => !hits.some((other) => other !== el && el.contains(other))));
    }
  }
  if (q.hasText !== undefined) {
    const want = q.hasText;
    found = found.filter((el) => test(norm(el.textContent), want, false));
  }
  if (q.nth !== undefined) {
    const one = found.at(q.nth);
    return one ? [one] : [];
  }
  return found;
}

/** The first match, or null (in the page). */
function findOne(q: WireQuery): Element | null {
  return findAll(q)[0] ?? null;
}

function isVisible(el: Element | null): boolean {
  if (!el) return false;
  const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  if (check) return check.call(el, { visibilityProperty: true });
  return (el as HTMLElement).getClientRects().length > 0;
}

/** Builds a page expression that runs `fn(element, ...args)` on the query's first match. */
export function onElement(sel: Sel, fn: string, args: unknown[] = []): string {
  return `(() => { const findAll = ${findAll.toString()}; const findOne = ${findOne.toString()}; const isVisible = ${isVisible.toString()};
    const el = findOne(${JSON.stringify(toWire(sel))});
    return (${fn})(el, ...${JSON.stringify(args)}); })()`;
}
export function onAll(sel: Sel, fn: string, args: unknown[] = []): string {
  return `(() => { const findAll = ${findAll.toString()};
    return (${fn})(findAll(${JSON.stringify(toWire(sel))}), ...${JSON.stringify(args)}); })()`;
}
/** The expression that yields the element itself (for the adapters' element handles). */
export function elementExpression(sel: Sel): string {
  return onElement(sel, '(el) => el');
}

/** Sets a field's value the way a user's input ends up, with input and change events (Preact listens to input). */
export const SET_VALUE = `(el, value) => {
  el.focus();
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}`;

/** Text fields get real key events; the others get their value set. */
export const TYPED_KIND = `(el) => {
  if (el instanceof HTMLTextAreaElement) return 'text';
  if (el instanceof HTMLInputElement) return ['', 'text', 'search', 'email', 'url', 'tel', 'password'].includes(el.getAttribute('type') ?? '') ? 'text' : 'set';
  return 'set';
}`;

/**
 * Error hook for engines without a console API (WebKit over WebDriver classic): uncaught errors
 * and unhandled rejections go to sessionStorage, so they survive navigations within the tab.
 */
export const ERROR_HOOK = `(() => {
  if (window.__kjkHook) return;
  window.__kjkHook = true;
  const push = (m) => { try { const l = JSON.parse(sessionStorage.getItem('__kjk_errors') || '[]'); l.push(String(m)); sessionStorage.setItem('__kjk_errors', JSON.stringify(l)); } catch {} };
  addEventListener('error', (e) => push(e.message || e.error));
  addEventListener('unhandledrejection', (e) => push('unhandled rejection: ' + (e.reason && e.reason.message || e.reason)));
})()`;
export const READ_HOOK = `(() => { try { return JSON.parse(sessionStorage.getItem('__kjk_errors') || '[]'); } catch { return []; } })()`;

// ---------------------------------------------------------------------------------------------

/**
 * The state a timed-out wait reports (BaseTab.snapshot): whether the page loaded and its scripts
 * ran (islands started, which scripts arrived and how long they took, uncaught errors), what the
 * sessions page's store was doing (`data-store`: opening, ready, failed, recovery; still
 * "Laden…"), and whether IndexedDB answers this page at all (a fresh read of the app's database,
 * bounded at 3 s). A wait that fails only under load cannot be watched: this has to tell.
 */
const PAGE_SNAPSHOT = `(async () => {
  const bounded = (p) => Promise.race([p, new Promise((r) => setTimeout(() => r('no answer within 3 s'), 3000))]);
  const idb = await bounded(new Promise((resolve) => {
    try {
      const req = indexedDB.open('kjk');
      req.onerror = () => resolve('open failed: ' + (req.error && req.error.name));
      req.onblocked = () => resolve('open blocked');
      req.onsuccess = () => {
        const db = req.result;
        const names = [...db.objectStoreNames];
        if (!names.includes('sessions')) { db.close(); resolve('open, no sessions store (v' + db.version + ')'); return; }
        const r = db.transaction('sessions', 'readonly').objectStore('sessions').count();
        r.onsuccess = () => { db.close(); resolve('answers: v' + db.version + ', ' + r.result + ' sessions'); };
        r.onerror = () => { db.close(); resolve('read failed: ' + (r.error && r.error.name)); };
      };
    } catch (e) { resolve('threw: ' + e); }
  }));
  const app = document.querySelector('.sessions-app');
  return {
    url: location.href,
    readyState: document.readyState,
    islandsNotStarted: document.querySelectorAll('astro-island[ssr]').length,
    store: app ? app.getAttribute('data-store') : null,
    stillLoading: document.querySelectorAll('.ss-loading').length,
    indexedDB: idb,
    errors: ${READ_HOOK},
    scripts: performance.getEntriesByType('resource')
      .filter((e) => /\\.m?js(\\?|$)/.test(e.name))
      .map((e) => e.name.split('/').pop() + ' ' + Math.round(e.duration) + ' ms'),
    sinceLoad: Math.round(performance.now()) + ' ms',
    text: (document.querySelector('main') || document.body).innerText.replace(/\\s+/g, ' ').slice(0, 400),
  };
})()`;

/** How long a state may take to appear on a quiet machine; every wait is scaled (tests/support/timing.ts). */
export const DEFAULT_TIMEOUT = 10_000;

/** The primitives an adapter provides; everything else is shared. */
export abstract class BaseTab implements Tab {
  abstract readonly engine: EngineName;
  /** Evaluates an expression (its promise awaited); returns the JSON value. */
  protected abstract evaluate(expression: string): Promise<unknown>;
  protected abstract nativeClick(sel: Sel): Promise<void>;
  protected abstract nativeType(sel: Sel, text: string): Promise<void>;
  abstract press(key: Key): Promise<void>;
  abstract goto(url: string): Promise<void>;
  abstract reload(): Promise<void>;
  abstract back(): Promise<void>;
  abstract url(): Promise<string>;
  abstract setFiles(sel: Sel, paths: string[]): Promise<void>;
  abstract front(): Promise<void>;
  abstract errors(): Promise<string[]>;
  abstract close(): Promise<void>;

  async eval<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>> {
    return (await this.evaluate(`(${fn.toString()})(...${JSON.stringify(args)})`)) as Awaited<R>;
  }
  async run(source: string): Promise<void> {
    await this.evaluate(`(() => { ${source}\n; return true; })()`);
  }

  /** Polls a page expression until it returns true. */
  protected async until(expression: string, what: string, quietTimeout = DEFAULT_TIMEOUT): Promise<void> {
    const timeout = scaled(quietTimeout);
    const end = Date.now() + timeout;
    let last: unknown;
    for (;;) {
      try {
        last = await this.evaluate(expression);
        if (last === true) return;
      } catch (e) {
        // A navigation in progress destroys the context: try again.
        last = e;
      }
      if (Date.now() > end)
        throw new Error(
          `${this.engine}: timed out after ${timeout} ms waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}\n${await this.snapshot()}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * What the page showed when a wait ran out, for the failure message: a wait that fails only
   * under load (CI) cannot be watched, so the message has to tell whether the page loaded, its
   * islands started and what it said. Bounded, and never throws.
   */
  async snapshot(): Promise<string> {
    const look = this.evaluate(PAGE_SNAPSHOT).then(
      (s) => `page then: ${JSON.stringify(s)}`,
      (e: unknown) => `page then: unreadable (${e instanceof Error ? e.message : String(e)})`,
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<string>((r) => {
      timer = setTimeout(() => r('page then: no answer within 8 s'), 8_000);
    });
    return Promise.race([look, late]).finally(() => clearTimeout(timer));
  }

  async waitFor(sel: Sel, options: WaitOptions = {}): Promise<void> {
    const state = options.state ?? 'visible';
    const fn =
      state === 'attached'
        ? '(el) => el !== null'
        : state === 'gone'
          ? '(el) => !isVisible(el)'
          : '(el) => isVisible(el)';
    await this.until(onElement(sel, fn), `${describe(sel)} to be ${state}`, options.timeout);
  }
  async click(sel: Sel): Promise<void> {
    // A view that finishes loading may replace the element between finding and clicking it
    // (Firefox: "Node is either not clickable or not an Element"): find it again, a few times.
    for (let attempt = 1; ; attempt++) {
      await this.waitFor(sel);
      try {
        await this.evaluate(onElement(sel, "(el) => el.scrollIntoView({ block: 'center', inline: 'center' })"));
        await this.nativeClick(sel);
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }
  async fill(sel: Sel, text: string): Promise<void> {
    await this.waitFor(sel);
    await this.editable(sel);
    const kind = await this.evaluate(onElement(sel, TYPED_KIND));
    if (kind === 'text' && text !== '') {
      await this.evaluate(onElement(sel, SET_VALUE, ['']));
      await this.nativeType(sel, text);
      // Typed text that matches a <datalist> option opens the browser's suggestion list, a popup
      // over the page that takes the next click where it covers the form (likely what left a
      // radio under the team field unticked in Firefox, once, in a clean-clone run). A person
      // closes it with Escape before going on; so does this.
      if (await this.evaluate(onElement(sel, '(el) => Boolean(el.list)'))) await this.press('Escape');
    } else {
      await this.evaluate(onElement(sel, SET_VALUE, [text]));
    }
  }
  /** As Playwright's fill does: a person cannot type into a field that is disabled (still loading). */
  private async editable(sel: Sel): Promise<void> {
    await this.until(onElement(sel, '(el) => !el.disabled && !el.readOnly'), `${describe(sel)} to be editable`);
  }
  async check(sel: Sel, on = true): Promise<void> {
    await this.waitFor(sel, { state: 'attached' });
    if ((await this.evaluate(onElement(sel, '(el) => el.checked'))) !== on) await this.click(sel);
    await this.until(
      onElement(sel, `(el) => el.checked === ${on}`),
      `${describe(sel)} to be ${on ? 'checked' : 'unchecked'}`,
    );
  }
  async select(sel: Sel, value: string): Promise<void> {
    await this.waitFor(sel);
    await this.editable(sel);
    await this.evaluate(onElement(sel, SET_VALUE, [value]));
  }
  async focus(sel: Sel): Promise<void> {
    await this.waitFor(sel, { state: 'attached' });
    await this.evaluate(onElement(sel, '(el) => el.focus()'));
  }
  async text(sel: Sel): Promise<string> {
    await this.waitFor(sel, { state: 'attached' });
    return String(await this.evaluate(onElement(sel, '(el) => el.innerText')));
  }
  async texts(sel: Sel): Promise<string[]> {
    return (await this.evaluate(onAll(sel, '(els) => els.map((el) => el.innerText)'))) as string[];
  }
  async value(sel: Sel): Promise<string> {
    await this.waitFor(sel, { state: 'attached' });
    return String(await this.evaluate(onElement(sel, '(el) => el.value')));
  }
  async attr(sel: Sel, name: string): Promise<string | null> {
    await this.waitFor(sel, { state: 'attached' });
    return (await this.evaluate(onElement(sel, '(el, n) => el.getAttribute(n)', [name]))) as string | null;
  }
  async count(sel: Sel): Promise<number> {
    return (await this.evaluate(onAll(sel, '(els) => els.length'))) as number;
  }
}

/** Waits for a new, complete file in a download folder (none of the browsers' partial names) and returns its path. */
export async function waitForDownload(
  dir: string,
  before: ReadonlySet<string>,
  quietTimeout = DEFAULT_TIMEOUT,
): Promise<string> {
  const timeout = scaled(quietTimeout);
  const partial = /\.(part|crdownload|download|wkdownload|tmp)$/;
  const end = Date.now() + timeout;
  let lastSize = -1;
  for (;;) {
    const fresh = existsSync(dir)
      ? readdirSync(dir).filter((f) => !before.has(f) && !partial.test(f) && !f.startsWith('.'))
      : [];
    const file = fresh.map((f) => join(dir, f)).find((f) => statSync(f).isFile());
    if (file) {
      const size = statSync(file).size;
      if (size > 0 && size === lastSize) return file;
      lastSize = size;
    }
    if (Date.now() > end) throw new Error(`no download appeared in ${dir} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export function listDir(dir: string): Set<string> {
  return new Set(existsSync(dir) ? readdirSync(dir) : []);
}

/** expect.poll with the engine suites' default timeout. */
export function poll<T>(fn: () => Promise<T> | T, message?: string, quietTimeout = DEFAULT_TIMEOUT) {
  return expect.poll(fn, { timeout: scaled(quietTimeout), interval: 100, message });
}
