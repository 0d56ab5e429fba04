/**
 * The join page's later words (src/views/join-later-texts.ts): room-texts.nl.json,
 * room-texts.en.json. Not precached, like the room's cards: a phone in a room is online.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS, type Lang } from '../routes';
import { joinLaterTexts } from '../views/join-later-texts';

export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(joinLaterTexts(params.lang as Lang)), {
    headers: { 'Content-Type': 'application/json' },
  });
