/**
 * The room's lens questions per card (room-questions.nl.json, room-questions.en.json): the join
 * page fetches them when a participant picks a lens, so its HTML carries only what every phone
 * shows (src/lib/room/phone-card.ts). Not precached: a phone in a room is online.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS, type Lang } from '../routes';
import { phoneQuestions } from '../views/deck-props';

export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(await phoneQuestions(params.lang as Lang)), {
    headers: { 'Content-Type': 'application/json' },
  });
