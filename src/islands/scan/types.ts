/** Plain data the self-scan page hands to its island: one language, dilemmas only. */
import type { Dictionary } from '../../i18n';
import type { LeanStrings } from '../../lib/poles';
import type { Theme } from '../../vocab';
import type { Lang } from '../../routes';

export interface ScanIslandCard {
  id: string;
  number: number;
  theme: Theme;
  title: string;
  summary: string;
  href: string;
  poles: [{ label: string; protects: string }, { label: string; protects: string }];
}

export interface ScanStrings {
  lang: Lang;
  scan: Dictionary['scan'];
  /** Full names of the spanningsvelden. */
  themes: Record<Theme, string>;
  protects: string;
  lean: LeanStrings;
}
