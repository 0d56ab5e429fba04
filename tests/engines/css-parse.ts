/**
 * Splits a (minified) stylesheet into what an engine may drop one by one: each declaration with
 * its property and value, each style rule's selector list, each @media condition. A small
 * parser on purpose: the browsers' own CSSOM already leaves out what they do not understand,
 * which is exactly what we want to see.
 */
export interface Declaration {
  prop: string;
  value: string;
  /** The selector or at-rule it belongs to, for the message. */
  where: string;
}
export interface ParsedCss {
  declarations: Declaration[];
  selectors: string[];
  media: string[];
}

/** Splits a selector list at its top-level commas (selector() in CSS.supports takes one selector). */
export function splitSelectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out.filter(Boolean);
}

/** At-rules whose block holds rules (recursed into); the rest hold descriptors, not properties. */
const GROUPING = new Set(['media', 'supports', 'layer', 'container', 'scope', 'starting-style', 'document']);

export function parseCss(text: string): ParsedCss {
  const css = text.replace(/\/\*[\s\S]*?\*\//g, '');
  const out: ParsedCss = { declarations: [], selectors: [], media: [] };
  let i = 0;

  /** Reads up to a top-level ; { or } (outside strings and brackets) and returns [text, stop char]. */
  const readItem = (): [string, string] => {
    let depth = 0;
    let quote = '';
    const start = i;
    for (; i < css.length; i++) {
      const c = css[i]!;
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      else if (depth === 0 && (c === ';' || c === '{' || c === '}')) {
        i++;
        return [css.slice(start, i - 1).trim(), c];
      }
    }
    return [css.slice(start).trim(), ''];
  };

  /** Parses items until the block's closing brace. `mode`: what a declaration means here. */
  const block = (where: string, mode: 'rules' | 'style' | 'keyframes' | 'skip') => {
    for (;;) {
      const [item, stop] = readItem();
      if (stop === '{') {
        if (item.startsWith('@')) {
          const name = /^@([\w-]+)/.exec(item)?.[1]?.toLowerCase() ?? '';
          if (name === 'media') out.media.push(item.slice(6).trim());
          if (GROUPING.has(name)) block(item, 'rules');
          else if (name.endsWith('keyframes')) block(item, 'keyframes');
          else block(item, 'skip');
        } else if (mode === 'keyframes') {
          block(`${where} ${item}`, 'style');
        } else if (mode === 'skip') {
          block(where, 'skip');
        } else {
          out.selectors.push(...splitSelectors(item));
          block(item, 'style');
        }
        continue;
      }
      if (item && mode === 'style' && !item.startsWith('@')) {
        const at = item.indexOf(':');
        if (at > 0) {
          const prop = item.slice(0, at).trim();
          const value = item
            .slice(at + 1)
            .replace(/\s*!important\s*$/i, '')
            .trim();
          out.declarations.push({ prop: prop.startsWith('--') ? prop : prop.toLowerCase(), value, where });
        }
      }
      if (stop === '}' || stop === '') return;
    }
  };
  block('', 'rules');
  return out;
}
