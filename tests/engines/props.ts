/**
 * A live DOM property (checked, disabled…) of the element a driver query finds. The driver
 * reads attributes and texts only; a checkbox's state after a reload or a button's disabled
 * state are properties, and they must be found the way a user finds them (role and name).
 */
import { onElement, type Sel, type Tab } from './driver';

export async function prop(tab: Tab, sel: Sel, name: string): Promise<unknown> {
  await tab.waitFor(sel, { state: 'attached' });
  // The query runs in the page (tab.run takes source text); the value comes back through tab.eval.
  await tab.run(`window.__kjkProp = ${onElement(sel, '(el, n) => (el ? el[n] : undefined)', [name])};`);
  return tab.eval(() => (window as unknown as { __kjkProp?: unknown }).__kjkProp);
}
