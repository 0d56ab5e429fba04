/**
 * The address of a page as printed on paper: absolute when the build knows the public origin
 * (astro.config `site`, from KJK_SITE), otherwise the path alone. Paper cannot be clicked, so
 * this is text for people to type.
 */
export function publicAddress(path: string, site: URL | undefined): string {
  return site ? new URL(path, site).href : path;
}
