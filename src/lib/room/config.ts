/**
 * Where the room relay is, fixed at build time from KJK_RELAY_URL (astro.config.mjs): an empty
 * string means no relay, so no "Open de zaal" and the one-device flow as before.
 */
import { relayEndpoint } from './fragment.ts';

const url: string = (import.meta.env as Record<string, string | undefined>).KJK_RELAY_URL ?? '';

/** The relay's origin and socket.io path, or null when the site was built without a relay. */
export function relayConfig(): { origin: string; path: string } | null {
  if (!url) return null;
  try {
    return relayEndpoint(url);
  } catch {
    return null;
  }
}
