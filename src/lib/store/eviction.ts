/**
 * Where the browser deletes a site's data on its own after seven days without a visit:
 * on iPhone and iPad, WebKit clears all script-writable storage (IndexedDB, localStorage,
 * caches) of a site not used for 7 days of browser use, unless the site runs as an app
 * added to the home screen, which has its own storage and is not expected to lose it.
 * Every browser on iOS and iPadOS is WebKit (Chrome and Firefox there too), so the rule is
 * about the device, not the browser's name. Pure: the page passes what it reads from
 * navigator and matchMedia.
 */
import { BACKUP_REMINDER_DAYS, BACKUP_REMINDER_DAYS_SHORT_LIVED } from '../records/limits';

export interface BrowserFacts {
  userAgent: string;
  /** navigator.platform: iPadOS in desktop mode says "MacIntel". */
  platform?: string;
  /** navigator.maxTouchPoints: a Mac has 0, an iPad 5. */
  maxTouchPoints?: number;
  /** `display-mode: standalone` matches, or navigator.standalone (iOS) is true: the installed app. */
  standalone: boolean;
}

export type EvictionRisk =
  /** A browser tab on iPhone or iPad: data goes after 7 days without a visit. */
  | 'seven-days'
  /** The app added to the home screen, or any other browser: no such rule. */
  | 'none';

/** iPhone, iPod or iPad, also an iPad whose Safari asks for desktop sites (it then says "Macintosh"). */
export function isAppleMobile(facts: Pick<BrowserFacts, 'userAgent' | 'platform' | 'maxTouchPoints'>): boolean {
  if (/\b(iPhone|iPad|iPod)\b/.test(facts.userAgent)) return true;
  return facts.platform === 'MacIntel' && (facts.maxTouchPoints ?? 0) > 1;
}

export function evictionRisk(facts: BrowserFacts): EvictionRisk {
  return isAppleMobile(facts) && !facts.standalone ? 'seven-days' : 'none';
}

/** Days of unexported changes before the backup reminder: shorter where data may go after 7 days. */
export function backupReminderDays(risk: EvictionRisk): number {
  return risk === 'seven-days' ? BACKUP_REMINDER_DAYS_SHORT_LIVED : BACKUP_REMINDER_DAYS;
}

/** The facts of this page, or a harmless default where there is no browser (build time, tests). */
export function currentBrowserFacts(): BrowserFacts {
  if (typeof navigator === 'undefined') return { userAgent: '', standalone: false };
  const nav = navigator as Navigator & { standalone?: boolean };
  let standalone = nav.standalone === true;
  try {
    standalone ||= typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches;
  } catch {
    // No matchMedia: only navigator.standalone counts.
  }
  return { userAgent: nav.userAgent, platform: nav.platform, maxTouchPoints: nav.maxTouchPoints, standalone };
}
