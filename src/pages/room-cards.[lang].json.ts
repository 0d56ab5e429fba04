/**
 * The room's cards in words (room-cards.nl.json, room-cards.en.json; src/lib/room/phone-card.ts):
 * the join page fetches them while its owner types a name, so its HTML stays small enough to
 * arrive in one round trip on venue Wi-Fi. Not precached: a phone in a room is online.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS, type Lang } from '../routes';
import { phoneCards } from '../views/deck-props';

export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(await phoneCards(params.lang as Lang)), {
    headers: { 'Content-Type': 'application/json' },
  });
