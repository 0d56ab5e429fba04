import type { Lang } from '../routes';
import { en } from './en';
import { nl, type Dictionary } from './nl';

export type { Dictionary };
export const dictionaries: Record<Lang, Dictionary> = { nl, en };

/** The UI strings for a language. */
export function t(lang: Lang): Dictionary {
  return dictionaries[lang];
}
