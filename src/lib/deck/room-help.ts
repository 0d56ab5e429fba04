/**
 * Where a site without a relay tells trainers how to switch the room on: a section of the about
 * page (content/pages/<lang>/over.md). The anchor is that section's heading as Astro makes its id;
 * a unit test holds the two together.
 */
import { href, type Lang } from '../../routes';

export const ROOM_HELP_ANCHOR: Record<Lang, string> = {
  nl: 'zelf-een-zaal-aanzetten',
  en: 'switching-the-room-on',
};

/** The about page at that section, with the deploy base. */
export const roomHelpHref = (lang: Lang): string => `${href('about', lang)}#${ROOM_HELP_ANCHOR[lang]}`;
