/**
 * The public address of the site, and the address of a page as printed on paper. Paper cannot
 * be clicked and its QR code cannot be changed after printing, so printed addresses are always
 * absolute: from KJK_SITE when the build sets it, otherwise from DEFAULT_SITE.
 */

/**
 * Where the real deployment lives. A build for another host sets KJK_SITE (README, "Deploy");
 * a local build keeps this default, so a card printed from it still leads to the public site.
 */
export const DEFAULT_SITE = 'https://kenjekracht.nl/';

/** The site's origin (with a trailing slash) for astro.config's `site`: KJK_SITE or the default. */
export function siteFrom(env: string | undefined): string {
  const raw = env?.trim() || DEFAULT_SITE;
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`KJK_SITE must be an http(s) address, got "${raw}"`);
  return `${url.origin}/`;
}

export function publicAddress(path: string, site: URL | undefined): string {
  return new URL(path, site ?? DEFAULT_SITE).href;
}
